// Operator jobs of the candidacy service (docs/operations.md, Jobs): `node dist/apps/candidacy/src/ops.js <job> …`.
import { runOperatorCli } from '@admissions/platform';
import { eventSourcing } from './event-sourcing';

runOperatorCli(eventSourcing);
