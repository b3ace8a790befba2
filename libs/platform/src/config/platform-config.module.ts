import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { BaseEnv, type EnvClass } from './base-env';
import { DeploymentNames } from './deployment-names';
import { loadEnv } from './load-env';

export const SERVICE_NAME = Symbol('SERVICE_NAME');

/**
 * Validated settings as injectables: the app's own env class, BaseEnv (for the libraries),
 * @nestjs/config's ConfigService over the same typed values, and the deployment's names.
 *
 * ConfigModule.forRoot validates when the module file is imported, before bootstrapService can
 * catch the error and print one line; a factory defers validation to the container.
 */
@Module({})
export class PlatformConfigModule {
  static register(name: string, envClass: EnvClass): DynamicModule {
    return {
      module: PlatformConfigModule,
      global: true,
      providers: [
        { provide: SERVICE_NAME, useValue: name },
        { provide: envClass, useFactory: () => loadEnv(envClass, process.env, name) },
        ...(envClass === BaseEnv ? [] : [{ provide: BaseEnv, useExisting: envClass }]),
        { provide: ConfigService, useFactory: (env: BaseEnv) => new ConfigService({ ...env }), inject: [BaseEnv] },
        {
          provide: DeploymentNames,
          useFactory: (env: BaseEnv) => new DeploymentNames(env.DEPLOYMENT_NAMESPACE),
          inject: [BaseEnv],
        },
      ],
      exports: [SERVICE_NAME, envClass, BaseEnv, ConfigService, DeploymentNames],
    };
  }
}
