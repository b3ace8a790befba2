// Operator jobs of the mobility service (docs/operations.md, Jobs): `node dist/apps/mobility/src/ops.js <job> …`.
import { runOperatorCli } from '@admissions/platform';
import { eventSourcing } from './event-sourcing';

runOperatorCli(eventSourcing);
