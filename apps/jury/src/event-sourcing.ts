import { candidacyContracts, juryContracts, reviewContracts, type EventContract } from '@admissions/contracts';
import { loadEnv, type EventSourcingOptions } from '@admissions/platform';
import { JuryRetention } from './application/jury-retention';
import { REVIEW_FACTS } from './application/review-facts';
import { JuryEnv, retentionPolicyOf } from './config';
import { admissionFileCuts } from './projections/admission-file-cuts.projection';
import { candidateApplications } from './projections/candidate-applications.projection';
import { decisionLocations } from './projections/decision-locations.projection';
import { referralRows } from './projections/referrals.projection';
import { seatLedger } from './projections/seat-ledger.projection';
import { waitingList } from './projections/waiting-list.projection';

/** The other services' events the jury reacts to, validated against their contracts. */
const CONSUMED: readonly string[] = [
  'ProgrammeCreated',
  'ProgrammeChanged',
  'CandidateDeclaredAdmissible',
  ...REVIEW_FACTS,
];
const consumedContracts: EventContract[] = [...candidacyContracts, ...reviewContracts].filter((contract) =>
  CONSUMED.includes(contract.type),
);

/** What the jury service's event store holds and folds: shared by its module and its operator jobs (ops.ts). */
export const eventSourcing = {
  service: 'jury',
  contracts: [...juryContracts, ...consumedContracts],
  projections: [seatLedger, candidateApplications, waitingList, admissionFileCuts, decisionLocations, referralRows],
  retention: ({ db, store, env }) => new JuryRetention(db, store, retentionPolicyOf(loadEnv(JuryEnv, env, 'jury'))),
} as const satisfies EventSourcingOptions;
