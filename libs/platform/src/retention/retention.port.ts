import type { EventStore } from '@admissions/event-store';
import type { Db } from '../connections/mongo-database';

/** A category of a service's retention policy, as the report names it. */
export interface RetentionCategory {
  readonly name: string;
  /** The rule in words, with its setting: "6 months after the season's last jury (RETENTION_NOT_ADMITTED_MONTHS)". */
  readonly rule: string;
}

/** A person whose data the policy no longer lets the service keep. */
export interface DuePerson {
  readonly personId: string;
  readonly category: string;
  /** When the retention ran out. */
  readonly dueAt: string;
}

/** A service's retention policy: its categories, and who is due for erasure on a given day. */
export abstract class RetentionSelector {
  abstract readonly categories: readonly RetentionCategory[];
  abstract due(now: Date): Promise<readonly DuePerson[]>;
}

/** What a service's retention policy reads, in the service and in an operator job alike. */
export interface RetentionSources {
  readonly db: Db;
  readonly store: EventStore;
  /** The service's environment, for the settings of its policy. */
  readonly env: NodeJS.ProcessEnv;
}

export type RetentionSelectorFactory = (sources: RetentionSources) => RetentionSelector;
