// Operator jobs of the review service (docs/operations.md, Jobs): `node dist/apps/review/src/ops.js <job> …`.
import { runOperatorCli } from '@admissions/platform';
import { eventSourcing } from './event-sourcing';

runOperatorCli(eventSourcing);
