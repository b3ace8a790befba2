import { type Actor, NotFoundError, INPUT } from '@admissions/domain-kernel';
import { findByIds, ProjectionRunner, type ReadModel } from '@admissions/projections';
import { Injectable } from '@nestjs/common';
import { AgreementKind, AgreementTerms, inForceDuring, MobilityKind, RegisteredPartner, toIsoDate } from '../domain';
import {
  cohortId,
  cohorts,
  emptyStatus,
  partnerCatalogue,
  PartnerEntry,
  partnerYearId,
  partnerYearPlans,
  PlanStatus,
  RequirementStatus,
  StudentMobility,
  studentMobility,
  StudentPlanSummary,
} from '../projections';
import { PartnerReader } from './partner-reader';
import { maySee } from './visibility';

type Plain<D extends ReadModel> = Omit<D, '_id' | '_position'>;

/** Read models are returned as plain objects, without the runner's bookkeeping. */
function plain<D extends ReadModel>(document: D): Plain<D> {
  const { _id: _ignoredId, _position: _ignoredPosition, ...rest } = document;
  return rest;
}

export interface UnfulfilledStudent {
  readonly studentId: string;
  readonly regime: string;
  readonly plans: readonly {
    readonly planId: string;
    readonly kind: MobilityKind;
    readonly status: PlanStatus;
    readonly requirement: RequirementStatus;
  }[];
}

export interface AgreementPlaces {
  readonly kind: AgreementKind;
  readonly placesPerAcademicYear: number;
  /** Plans neither refused nor cancelled: proposed, in mobility or completed (MOB-10 counts DRI approvals). */
  readonly used: number;
  /** Negative when the agreement is over-subscribed (no rule forbids proposing beyond it). */
  readonly remaining: number;
  readonly byStatus: { readonly proposed: number; readonly inMobility: number; readonly completed: number };
  readonly plans: readonly { readonly planId: string; readonly kind: MobilityKind; readonly status: PlanStatus }[];
}

/** Which agreement a plan of a kind draws its place from (MOB-3, MOB-4, MOB-5, MOB-6). */
function agreementKindOf(kind: MobilityKind): AgreementKind | null {
  switch (kind) {
    case 'DOUBLE_DEGREE':
      return 'DOUBLE_DEGREE';
    case 'MASTER_ABROAD':
      return 'MASTER';
    case 'EXCHANGE_SEMESTER':
    case 'EXCHANGE_TWO_SEMESTERS':
      return 'EXCHANGE';
    default:
      return null;
  }
}

@Injectable()
export class MobilityQueries {
  constructor(
    private readonly projections: ProjectionRunner,
    private readonly partners: PartnerReader,
  ) {}

  /** A student's mobility status; a student asking about another student is told it does not exist. */
  async studentStatus(studentId: string, actor: Actor): Promise<Plain<StudentMobility>> {
    if (!maySee(actor, studentId)) throw new NotFoundError(`No mobility known for student ${studentId}`, INPUT);
    const document = await this.projections.collection(studentMobility).findOne({ _id: studentId });
    return plain(document ?? emptyStatus(studentId));
  }

  /** MOB-1: the students of a year and track whose requirement is not yet fulfilled. */
  async unfulfilled(yearOfStudy: number, track: string) {
    const cohort = await this.projections.collection(cohorts).findOne({ _id: cohortId(yearOfStudy, track) });
    const statuses = await this.statusesOf(cohort?.students.map((student) => student.studentId) ?? []);
    const students: UnfulfilledStudent[] = statuses
      .filter(
        (status) =>
          !status.requirementFulfilled && status.profile?.yearOfStudy === yearOfStudy && status.profile.track === track,
      )
      .map((status) => ({
        studentId: status.studentId,
        regime: status.profile?.regime ?? 'REGULAR',
        plans: status.plans.map(({ planId, kind, status: planStatus, requirement }) => ({
          planId,
          kind,
          status: planStatus,
          requirement,
        })),
      }))
      .sort((a, b) => a.studentId.localeCompare(b.studentId));
    return { yearOfStudy, track, count: students.length, students };
  }

  async partnerList(): Promise<Plain<PartnerEntry>[]> {
    const documents = await this.projections.collection(partnerCatalogue).find({}).sort({ name: 1 }).toArray();
    return documents.map(plain);
  }

  async partner(partnerId: string) {
    return partnerView(await this.partners.require(partnerId));
  }

  /** Places per agreement of a partner for one academic year, and the plans that use them. */
  async partnerPlaces(partnerId: string, academicYear: string) {
    const partner = await this.partners.require(partnerId);
    const document = await this.projections
      .collection(partnerYearPlans)
      .findOne({ _id: partnerYearId(partnerId, academicYear) });
    const entries = document?.plans ?? [];
    const statuses = await this.statusesOf(entries.map((entry) => entry.studentId));
    const current = statuses
      .flatMap((status) => status.plans)
      .filter((plan) => entries.some((entry) => entry.planId === plan.planId))
      .filter(
        (plan) =>
          plan.host.partnerId === partnerId &&
          plan.academicYear === academicYear &&
          plan.status !== 'refused' &&
          plan.status !== 'cancelled',
      );
    const agreements = partner.agreements
      .filter((agreement) => inForceDuring(agreement, academicYear))
      .map((agreement) => placesOf(agreement, current));
    const others = current.filter((plan) => agreementKindOf(plan.kind) === null).map(planRef);
    return { partnerId, name: partner.name, academicYear, agreements, otherPlans: others };
  }

  private async statusesOf(studentIds: readonly string[]): Promise<StudentMobility[]> {
    return findByIds(this.projections.collection(studentMobility), studentIds);
  }
}

const planRef = ({ planId, kind, status }: StudentPlanSummary) => ({ planId, kind, status });

function placesOf(agreement: AgreementTerms, plans: readonly StudentPlanSummary[]): AgreementPlaces {
  const using = plans.filter((plan) => agreementKindOf(plan.kind) === agreement.kind);
  const count = (status: PlanStatus) => using.filter((plan) => plan.status === status).length;
  return {
    kind: agreement.kind,
    placesPerAcademicYear: agreement.placesPerAcademicYear,
    used: using.length,
    remaining: agreement.placesPerAcademicYear - using.length,
    byStatus: { proposed: count('proposed'), inMobility: count('in_mobility'), completed: count('completed') },
    plans: using.map(planRef),
  };
}

export const partnerView = (partner: RegisteredPartner) => ({
  partnerId: partner.partnerId,
  name: partner.name,
  country: partner.country,
  agreements: partner.agreements.map((agreement) => ({
    kind: agreement.kind,
    placesPerAcademicYear: agreement.placesPerAcademicYear,
    startsOn: toIsoDate(agreement.startsOn),
    endsOn: toIsoDate(agreement.endsOn),
  })),
});
