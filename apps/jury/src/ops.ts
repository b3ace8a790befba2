// Operator jobs of the jury service (docs/operations.md, Jobs): `node dist/apps/jury/src/ops.js <job> …`.
import { runOperatorCli } from '@admissions/platform';
import { eventSourcing } from './event-sourcing';

runOperatorCli(eventSourcing);
