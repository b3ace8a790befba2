import { assertNever } from '@admissions/domain-kernel';
import { stateFrom, type EventStore } from '@admissions/event-store';
import type { Db, DuePerson, RetentionCategory } from '@admissions/platform';
import { RetentionSelector } from '@admissions/platform';
import {
  lastJuries,
  programmeAdmissionsDecider,
  referralDecider,
  retentionDue,
  type ReferralStanding,
  type ReferralState,
  type RetentionPolicy,
} from '../domain';
import { candidateApplications, type CandidateApplications } from '../projections/candidate-applications.projection';
import { seatLedger } from '../projections/seat-ledger.projection';
import { programmeStreamId, referralStreamId } from './jury-streams';

const standingOf = (referral: ReferralState): ReferralStanding => {
  switch (referral.status) {
    case 'NONE':
    case 'ACCEPTED':
    case 'LAPSED':
      return referral.status;
    case 'FILED':
    case 'AWAITING_ANSWER':
      return 'OPEN';
    default:
      return assertNever(referral);
  }
};

/**
 * The jury's retention policy: whose admission file is due for erasure on a day, from every
 * candidate's applications and every programme's sittings. A daily batch, so it reads the two
 * read models whole (a few thousand documents a season) and one referral stream per candidate.
 */
export class JuryRetention extends RetentionSelector {
  readonly categories: readonly RetentionCategory[];

  constructor(
    private readonly db: Db,
    private readonly store: EventStore,
    private readonly policy: RetentionPolicy,
  ) {
    super();
    this.categories = [
      {
        name: 'not-admitted',
        rule: `${policy.notAdmittedMonths} months after the season's last jury (RETENTION_NOT_ADMITTED_MONTHS)`,
      },
      {
        name: 'enrolled',
        rule: `${policy.enrolledMonths} months after the season's last jury, the enrolment sent to the student records (RETENTION_ENROLLED_MONTHS)`,
      },
    ];
  }

  async due(now: Date): Promise<readonly DuePerson[]> {
    const lastJury = lastJuries(await this.sittings(), now);
    const people = await this.db.collection<CandidateApplications>(candidateApplications.name).find({}).toArray();
    const due: DuePerson[] = [];
    for (const { candidateId, applications } of people) {
      const referral = await this.referralOf(candidateId);
      const person = retentionDue(candidateId, applications, referral, lastJury, this.policy, now);
      if (person !== undefined) due.push(person);
    }
    return due;
  }

  private async sittings(): Promise<string[]> {
    const programmes = await this.db
      .collection<{ _id: string }>(seatLedger.name)
      .find({}, { projection: { _id: 1 } })
      .toArray();
    const sittings: string[] = [];
    for (const { _id: code } of programmes) {
      const { events } = await this.store.readStream(programmeStreamId(code));
      const state = stateFrom(programmeAdmissionsDecider, events);
      if (state.status === 'DEFINED') sittings.push(...state.sessions.map((session) => session.sitsAt));
    }
    return sittings;
  }

  private async referralOf(candidateId: string): Promise<ReferralStanding> {
    const { events } = await this.store.readStream(referralStreamId(candidateId));
    return standingOf(stateFrom(referralDecider, events));
  }
}
