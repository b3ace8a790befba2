import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Actor } from '@admissions/domain-kernel';
import { randomUUID } from 'node:crypto';
import type { Db } from '../connections/mongo-database';
import { StartupSteps } from '../resilience/startup-steps';
import { MONGO_DB } from '../tokens';

/** One read of a candidate's file by a member of staff. */
export interface AccessEntry {
  readonly candidacyId: string;
  readonly readerId: string;
  readonly readerRoles: readonly string[];
  /** The route read, e.g. `GET /v1/reviews/:candidacyId`. */
  readonly operation: string;
  readonly readAt: string;
  readonly correlationId?: string;
}

interface AccessEntryDocument extends AccessEntry {
  readonly _id: string;
}

export const ACCESS_JOURNAL_COLLECTION = 'access_journal';

/**
 * Who read which candidate's file, and when: one insert per read, never updated, in the
 * service's own database; the data-protection officer reads it by file (an indexed equality).
 */
@Injectable()
export class AccessJournal implements OnApplicationBootstrap {
  constructor(
    @Inject(MONGO_DB) private readonly db: Db,
    private readonly steps: StartupSteps,
  ) {}

  onApplicationBootstrap(): void {
    this.steps.run('access journal index', async () => {
      await this.collection().createIndex({ candidacyId: 1 }, { name: 'candidacyId' });
    });
  }

  async record(entry: AccessEntry): Promise<void> {
    await this.collection().insertOne({ _id: randomUUID(), ...entry });
  }

  /** The reads of one file, oldest first. */
  async readsOf(candidacyId: string): Promise<AccessEntry[]> {
    const documents = await this.collection().find({ candidacyId }).toArray();
    return documents
      .map(({ _id, ...entry }) => entry)
      .sort((a, b) => a.readAt.localeCompare(b.readAt) || a.operation.localeCompare(b.operation));
  }

  private collection() {
    return this.db.collection<AccessEntryDocument>(ACCESS_JOURNAL_COLLECTION);
  }
}

/** Staff hold a role other than the two a person holds for their own file. */
export const isStaffReader = (actor: Actor): boolean =>
  actor.roles.some((role) => role !== 'candidate' && role !== 'student');
