import { ForbiddenError, NotFoundError, type Actor, INPUT } from '@admissions/domain-kernel';
import { findByIds, ProjectionRunner } from '@admissions/projections';
import { Injectable } from '@nestjs/common';
import { type FiledReferral, RECTORATE_ROLES, type JurySession, type ReferralState } from '../domain';
import { candidateApplications, type JuryApplication } from '../projections/candidate-applications.projection';
import { referralRows } from '../projections/referrals.projection';
import { seatLedger, type SeatLedger } from '../projections/seat-ledger.projection';
import { rankOn, waitingList } from '../projections/waiting-list.projection';
import { ProgrammeAdmissionsWriter } from './programme-admissions.writer';
import { ReferralWriter } from './referral.writer';

export type SeatLedgerView = Omit<SeatLedger, '_id' | '_position'>;

export interface ApplicationView extends JuryApplication {
  /** JURY-5: the candidate's rank on the programme's waiting list now, when waitlisted. */
  readonly waitingListRank: number | null;
}

export interface ProgrammeSessionsView {
  readonly programmeCode: string;
  readonly places: number;
  readonly sessions: readonly (JurySession & { readonly decided: readonly string[] })[];
  readonly awaitingSession: readonly string[];
}

/** What the API reads: read models by _id, and an aggregate where the agenda must be exact. */
@Injectable()
export class JuryQueries {
  constructor(
    private readonly projections: ProjectionRunner,
    private readonly programmes: ProgrammeAdmissionsWriter,
    private readonly referrals: ReferralWriter,
  ) {}

  async seatLedger(programmeCode: string): Promise<SeatLedgerView> {
    const document = await this.projections.collection(seatLedger).findOne({ _id: programmeCode });
    if (document === null) throw new NotFoundError('programme not found', INPUT);
    const { _id, _position, ...view } = document;
    return view;
  }

  async applicationsOf(candidateId: string): Promise<ApplicationView[]> {
    const document = await this.projections.collection(candidateApplications).findOne({ _id: candidateId });
    const applications = document?.applications ?? [];
    const waitlisted = [...new Set(applications.filter((a) => a.outcome === 'WAITLISTED').map((a) => a.programmeCode))];
    const lists = await findByIds(this.projections.collection(waitingList), waitlisted);
    return applications.map((application) => ({
      ...application,
      waitingListRank:
        application.outcome === 'WAITLISTED'
          ? rankOn(lists.find((list) => list._id === application.programmeCode) ?? null, candidateId)
          : null,
    }));
  }

  /** JURY-1/JURY-2: the sessions with their agendas (lead's opinions) and who is decided. */
  async sessions(programmeCode: string): Promise<ProgrammeSessionsView> {
    const state = await this.programmes.load(programmeCode);
    if (state.status !== 'DEFINED') throw new NotFoundError('programme not found', INPUT);
    const decided = new Set(state.decisions.map((d) => d.candidateId));
    return {
      programmeCode,
      places: state.places,
      sessions: state.sessions.map((session) => ({
        ...session,
        decided: session.agenda.filter((e) => decided.has(e.candidateId)).map((e) => e.candidateId),
      })),
      awaitingSession: state.awaitingSession.map((entry) => entry.candidateId),
    };
  }

  /** The rectorate's queue: the referrals in one status, oldest filed first. */
  async referralsIn(status: FiledReferral['status']): Promise<FiledReferral[]> {
    const rows = await this.projections.collection(referralRows).find({ status }).toArray();
    return rows
      .map(({ _id, _position, ...referral }) => referral)
      .sort((a, b) => a.filedAt.localeCompare(b.filedAt) || a.candidateId.localeCompare(b.candidateId));
  }

  /** The candidate's own referral, or any for a rectorate officer. */
  async referral(actor: Actor, candidateId: string): Promise<Exclude<ReferralState, { status: 'NONE' }>> {
    if (actor.id !== candidateId && !actor.roles.some((role) => RECTORATE_ROLES.includes(role))) {
      throw new ForbiddenError('only the candidate or the rectorate sees a referral', INPUT);
    }
    const state = await this.referrals.load(candidateId);
    if (state.status === 'NONE') throw new NotFoundError('referral not found', INPUT);
    return state;
  }
}
