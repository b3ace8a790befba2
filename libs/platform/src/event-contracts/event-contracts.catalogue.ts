import {
  asyncApiDocumentOf,
  publishedVersionsOf,
  schemaDocumentOf,
  schemaUrlOf,
  streamsPageOf,
  type AsyncApiDocument,
  type JsonSchema,
} from '@admissions/contracts';
import type { BaseEnv } from '../config/base-env';
import type { DeploymentNames } from '../config/deployment-names';
import { eventStreamsOf } from './event-streams';

/**
 * A service's published contracts, built once at start: its AsyncAPI document (and a page of it
 * for people) and the JSON Schema of every event type and version it writes, each with its URL
 * under PUBLIC_BASE_URL.
 */
export class EventContractCatalogue {
  readonly asyncApi: AsyncApiDocument;
  readonly streamsPage: string;
  private readonly schemas = new Map<string, JsonSchema>();

  constructor(service: string, env: BaseEnv, names: DeploymentNames) {
    const streams = eventStreamsOf(service, names);
    this.asyncApi = asyncApiDocumentOf(streams, {
      service,
      baseUrl: env.PUBLIC_BASE_URL,
      brokers: env.KAFKA_BROKERS,
    });
    this.streamsPage = streamsPageOf(this.asyncApi);
    for (const contract of streams.flatMap((stream) => stream.contracts)) {
      for (const published of publishedVersionsOf(contract)) {
        const url = schemaUrlOf(env.PUBLIC_BASE_URL, contract.type, published.version);
        this.schemas.set(keyOf(contract.type, published.version), schemaDocumentOf(contract, published, url));
      }
    }
  }

  schemaOf(type: string, version: number): JsonSchema | undefined {
    return this.schemas.get(keyOf(type, version));
  }
}

function keyOf(type: string, version: number): string {
  return `${type}@${version}`;
}
