import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { AuthModule } from './auth/auth.module';
import { BaseEnv, type EnvClass } from './config/base-env';
import { PlatformConfigModule } from './config/platform-config.module';
import { ConnectionsModule } from './connections/connections.module';
import { ProblemDetailsFilter } from './errors/problem-details.filter';
import { createValidationPipe } from './errors/validation.pipe';
import { HealthModule } from './health/health.module';
import { LoggingModule } from './logging/logging.module';
import { MetricsModule } from './metrics/metrics.module';
import { RateLimitModule } from './rate-limit/rate-limit.module';

export interface ServiceOptions {
  /** The service's name: log field, Kafka client id, metrics label, default database suffix. */
  readonly name: string;
  /** The service's settings, BaseEnv or a class extending it. */
  readonly envClass?: EnvClass;
}

// bootstrapService validates the settings before Nest starts, so it needs the service's env
// class before the container exists.
const envClasses = new Map<string, EnvClass>();

export function envClassOf(name: string): EnvClass {
  return envClasses.get(name) ?? BaseEnv;
}

/** Everything a service needs from the platform, global to the app that imports it. */
@Module({})
export class PlatformModule {
  static forService({ name, envClass = BaseEnv }: ServiceOptions): DynamicModule {
    envClasses.set(name, envClass);
    const config = PlatformConfigModule.register(name, envClass);
    return {
      module: PlatformModule,
      global: true,
      imports: [config, LoggingModule, ConnectionsModule, AuthModule, RateLimitModule, HealthModule, MetricsModule],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
      exports: [config, LoggingModule, ConnectionsModule, AuthModule],
    };
  }
}
