// Operator jobs of the notification service (docs/operations.md, Jobs): `node dist/apps/notification/src/ops.js <job> …`.
import { runOperatorCli } from '@admissions/platform';
import { eventSourcing } from './event-sourcing';

runOperatorCli(eventSourcing);
