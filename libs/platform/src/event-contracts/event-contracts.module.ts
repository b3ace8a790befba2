import { type DynamicModule, Module } from '@nestjs/common';
import { BaseEnv } from '../config/base-env';
import { DeploymentNames } from '../config/deployment-names';
import { EventContractCatalogue } from './event-contracts.catalogue';
import { EventContractsController } from './event-contracts.controller';

/** Serves a service's AsyncAPI document and event schemas (GET /asyncapi.json, /schemas/…). */
@Module({})
export class EventContractsModule {
  static forService(service: string): DynamicModule {
    return {
      module: EventContractsModule,
      controllers: [EventContractsController],
      providers: [
        {
          provide: EventContractCatalogue,
          inject: [BaseEnv, DeploymentNames],
          useFactory: (env: BaseEnv, names: DeploymentNames) => new EventContractCatalogue(service, env, names),
        },
      ],
    };
  }
}
