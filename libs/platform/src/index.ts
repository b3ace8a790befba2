export * from './tokens';
export * from './config/base-env';
export * from './config/load-env';
export { PlatformConfigModule, SERVICE_NAME } from './config/platform-config.module';
export { DeploymentNames } from './config/deployment-names';
export { ConnectionsModule } from './connections/connections.module';
export { MongoDatabase, type Db } from './connections/mongo-database';
export { BullConnections, type BullRedis } from './connections/bull-connections';
export { StartupSteps } from './resilience/startup-steps';
export { StartupModule } from './resilience/startup.module';
export { isDependencyUnavailable, DependencyUnavailableError } from './resilience/unavailable';
export { crashPoint, CRASH_AT_VARIABLE } from './resilience/crash-point';
export { shutdownStep, SHUTDOWN_STEP_MS } from './resilience/shutdown-step';
export { ensureGinIndexes, mirrorIndexesAsGin } from './connections/ferretdb-gin-indexes';
export * from './logging/correlation';
export { correlationMiddleware } from './logging/correlation.middleware';
export { createRootLogger, LoggingModule, REDACTED_PATHS, ROOT_LOGGER } from './logging/logging.module';
export { kafkaLogCreator } from './logging/kafka-log-creator';
export { HealthModule } from './health/health.module';
export { MetricsModule } from './metrics/metrics.module';
export * from './errors/problem-details';
export { ProblemDetailsFilter } from './errors/problem-details.filter';
export { createValidationPipe, fieldProblems } from './errors/validation.pipe';
export { Omittable } from './errors/omittable';
export * from './auth/roles';
export { Public, Roles, SignedIn, CurrentActor, type AuthenticatedRequest } from './auth/auth.decorators';
export { declaredAccess, declaredRoutes, type DeclaredRoute, type RouteAccess } from './auth/route-access';
export { signDevToken, type DevTokenRequest } from './auth/dev-token';
export { ensureDevKeyPair } from './auth/dev-keys';
export { TokenVerifier, InvalidTokenError } from './auth/token-verifier';
export { AuthModule } from './auth/auth.module';
export { setUpOpenApi, createOpenApiDocument, BEARER_SCHEME } from './openapi/swagger';
export { PROBLEM_SCHEMA } from './openapi/error-responses';
export { PlatformModule, type ServiceOptions } from './platform.module';
export { bootstrapService, configureApp } from './bootstrap';
export { EventSourcingModule, type EventSourcingOptions } from './event-sourcing/event-sourcing.module';
export { EventSubscriptions, type SubscriptionRequest } from './event-sourcing/event-subscriptions';
export { PublicStreams, type PublicStream } from './event-sourcing/public-streams';
export { PublicStreamStep } from './event-sourcing/public-stream-step';
export { PublishedLedger } from './event-sourcing/published-ledger';
export * from './event-sourcing/topics';
export {
  CONSUMER_GROUPS,
  SERVICES,
  TOPICS,
  type ServiceName,
  type TopicKind,
  type TopicSpec,
} from './event-sourcing/topic-registry';
export { EventContractsModule } from './event-contracts/event-contracts.module';
export {
  ADMISSIBILITY_SOURCE,
  CANDIDACIES_SOURCE,
  contractsByTopic,
  DECISIONS_SOURCE,
  eventSourceOf,
  eventStreamsOf,
  MOBILITY_SOURCE,
  publicContracts,
} from './event-contracts/event-streams';
export {
  CommandGateway,
  systemActorOf,
  type AfterCommit,
  type CommandHints,
  type CommandOrigin,
  type Intent,
} from './commands/command-gateway';
export { AccessJournalModule, JournalledRead } from './access-journal/access-journal.module';
export { AccessJournal, ACCESS_JOURNAL_COLLECTION, type AccessEntry } from './access-journal/access-journal';
export { CONSISTENCY_HEADER, READ_AFTER_BOUND_MS } from './consistency/consistency-token';
export { NotYetFoldedError } from './consistency/not-yet-folded.error';
export { ReadModelWait } from './consistency/read-model-wait';
export * from './operations';
export { DeadLettersModule } from './dead-letters/dead-letters.module';
export * from './subject-access';
export * from './retention';
export { MAX_INPUT_DEPTH } from './errors/input-shape';
export { PersonalDataModule, PERSON_KEY_STORE, KeyStoreConnection } from './personal-data/personal-data.module';
export { KeyStoreCipher } from './personal-data/key-store-cipher';
export type { PersonKeyStore, KeyDestruction } from './personal-data/person-key-store';
export { MongoPersonKeyStore } from './personal-data/mongo-person-key-store';
export { sealWith, openWith, newDataKey } from './personal-data/aes-gcm';
export { ErasureModule, ErasurePropagationModule } from './erasure/erasure.module';
export { PersonErasure, type Erasure, type ErasureOutcome } from './erasure/person-erasure';
export { personErasureDecider, personStreamId, type PersonErased } from './erasure/person-erasure.decider';
export { ErasurePropagation, erasureGroupOf, ERASING_SERVICES } from './erasure/erasure-propagation';
