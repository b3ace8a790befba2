import { DomainEvent } from '@admissions/domain-kernel';
import { ProgrammeDetails, ProgrammeField } from './programme.types';

export type ProgrammeCreated = DomainEvent<'ProgrammeCreated', ProgrammeDetails & { readonly createdAt: string }>;

/**
 * Carries every value after the change, so a consumer needs no previous state, plus which
 * fields changed and the previous lead (the review service reassigns open files on a lead change).
 */
export type ProgrammeChanged = DomainEvent<
  'ProgrammeChanged',
  ProgrammeDetails & {
    readonly changedFields: readonly ProgrammeField[];
    readonly previousPedagogicalLeadId: string;
    readonly changedAt: string;
  }
>;

export type ProgrammeEvent = ProgrammeCreated | ProgrammeChanged;
