export { ErasureByKeyDestruction, ErasurePort, type RetentionErasureOutcome } from './erasure.port';
export {
  RetentionSelector,
  type DuePerson,
  type RetentionCategory,
  type RetentionSelectorFactory,
  type RetentionSources,
} from './retention.port';
export { runRetention, reportLines, type CategoryCount, type RetentionReport } from './retention-run';
export { RETENTION_SCHEDULE, RetentionSchedule, retentionProviders } from './retention-schedule';
export { RETENTION_MONTHS, RetentionEnv } from './retention-env';
