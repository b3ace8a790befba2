export * from './tokens';
export * from './config/base-env';
export * from './config/load-env';
export { PlatformConfigModule, SERVICE_NAME } from './config/platform-config.module';
export { DeploymentNames } from './config/deployment-names';
export { ConnectionsModule } from './connections/connections.module';
export { MongoDatabase, type Db } from './connections/mongo-database';
export { StartupSteps } from './resilience/startup-steps';
export { StartupModule } from './resilience/startup.module';
export { isDependencyUnavailable, DependencyUnavailableError } from './resilience/unavailable';
export { ensureGinIndexes, mirrorIndexesAsGin } from './connections/ferretdb-gin-indexes';
export * from './logging/correlation';
export { correlationMiddleware } from './logging/correlation.middleware';
export { LoggingModule, ROOT_LOGGER } from './logging/logging.module';
export { kafkaLogCreator } from './logging/kafka-log-creator';
export { HealthModule } from './health/health.module';
export { MetricsModule } from './metrics/metrics.module';
export * from './errors/problem-details';
export { ProblemDetailsFilter } from './errors/problem-details.filter';
export { createValidationPipe, fieldProblems } from './errors/validation.pipe';
export * from './auth/roles';
export { Public, Roles, CurrentActor, type AuthenticatedRequest } from './auth/auth.decorators';
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
export * from './event-sourcing/topics';
export {
  CONSUMER_GROUPS,
  SERVICES,
  TOPICS,
  type ServiceName,
  type TopicKind,
  type TopicSpec,
} from './event-sourcing/topic-registry';
