import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { EventContract } from './contract';

/**
 * Every event type a service publishes or reads, with its version and JSON Schema. Producers take
 * the version to write from it; consumers validate what they read against it, so an unknown type
 * or an invalid payload is a poison message rather than a crash further in.
 */
export class ContractRegistry {
  private readonly contracts = new Map<string, EventContract>();
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly ajv = addFormats(new Ajv({ allErrors: true, strict: false }));

  constructor(contracts: readonly EventContract[] = []) {
    for (const contract of contracts) this.register(contract);
  }

  register(contract: EventContract): void {
    const known = this.contracts.get(contract.type);
    // One contract shared by several topics (PersonErased) comes once per topic a service reads.
    if (known === contract) return;
    if (known) throw new Error(`Contract ${contract.type} registered twice`);
    this.contracts.set(contract.type, contract);
    this.validators.set(contract.type, this.ajv.compile(contract.schema));
  }

  has(type: string): boolean {
    return this.contracts.has(type);
  }

  versionOf(type: string): number {
    return this.contracts.get(type)?.version ?? 1;
  }

  all(): EventContract[] {
    return [...this.contracts.values()];
  }

  /** Says what is wrong with an event's data, or undefined when it honours its contract. */
  validate(type: string, data: unknown): string | undefined {
    const validator = this.validators.get(type);
    if (!validator) return `unknown event type ${type}`;
    if (validator(data)) return undefined;
    const errors = (validator.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
    return `${type} does not match its schema: ${errors.join('; ')}`;
  }
}
