// The parts of the mobility service's replies these screens read (its OpenAPI document has all).

export const MOBILITY_KINDS = [
  'DOUBLE_DEGREE',
  'MASTER_ABROAD',
  'EXCHANGE_SEMESTER',
  'EXCHANGE_TWO_SEMESTERS',
  'SUMMER_STAY',
  'SUMMER_INTERNSHIP',
  'FIRST_YEAR_HUMAN_INTERNSHIP',
  'FINAL_INTERNSHIP',
] as const;
export type MobilityKind = (typeof MOBILITY_KINDS)[number];

export type PlanStatus = 'proposed' | 'refused' | 'cancelled' | 'in_mobility' | 'completed';
export type Authority = 'STUDY_ADVISOR' | 'TRAINING_DIRECTORATE' | 'INTERNATIONAL_OFFICE';
export type RequirementStatus = 'PENDING' | 'FULFILLED' | 'NOT_FULFILLED';

export interface Agreement {
  readonly kind: 'DOUBLE_DEGREE' | 'EXCHANGE' | 'MASTER';
  readonly placesPerAcademicYear: number;
  readonly startsOn: string;
  readonly endsOn: string;
}

export interface Partner {
  readonly partnerId: string;
  readonly name: string;
  readonly country: string;
  readonly agreements: readonly Agreement[];
}

export interface PartnerPlaces {
  readonly partnerId: string;
  readonly name: string;
  readonly academicYear: string;
  readonly agreements: readonly (Pick<Agreement, 'kind' | 'placesPerAcademicYear'> & {
    readonly used: number;
    readonly remaining: number;
  })[];
}

export interface Course {
  readonly code: string;
  readonly title: string;
  readonly ects: number;
}

export interface AgreementVersion {
  readonly version: number;
  readonly courses: readonly Course[];
  readonly totalEcts: number;
  readonly status: 'PROPOSED' | 'APPROVED' | 'SUPERSEDED';
  readonly duringMobility: boolean;
  readonly proposedAt: string;
  readonly approvedAt: string | null;
}

export interface StudentProfile {
  readonly regime: 'REGULAR' | 'APPRENTICE';
  readonly yearOfStudy: number;
  readonly track: string;
  readonly engineeringInternshipValidated: boolean;
  readonly internshipYearValidated: boolean;
}

export interface Approval {
  readonly by: string;
  readonly at: string;
}

/** A plan (GET /v1/plans/{id}). */
export interface Plan {
  readonly planId: string;
  readonly studentId: string;
  readonly status: PlanStatus;
  readonly kind: MobilityKind;
  readonly category: 'DEGREE_PROGRAMME' | 'NON_DEGREE_STUDY' | 'INTERNSHIP';
  readonly student: StudentProfile | null;
  readonly host: { readonly name: string; readonly country: string; readonly partnerId: string | null };
  readonly startOn: string;
  readonly endOn: string;
  readonly plannedEcts: number | null;
  readonly ectsSplit: { readonly coursesEcts: number; readonly projectEcts: number } | null;
  readonly flags: {
    readonly costsBorneByStudent: boolean;
    readonly supervisedByStudyAdvisor: boolean;
    readonly countsOnlyWithDfiAndDri: boolean;
    readonly engineeringInternshipRequired: boolean;
    readonly freeInternshipAllowedOnReturn: boolean;
  };
  readonly approvals: {
    readonly studyAdvisor: Approval | null;
    readonly trainingDirectorate: Approval | null;
    readonly internationalOffice: Approval | null;
  };
  readonly refusals: readonly { authority: Authority; by: string; at: string; reason: string }[];
  readonly learningAgreement: readonly AgreementVersion[];
  readonly startedAt: string | null;
  readonly requirement: {
    readonly status: RequirementStatus;
    readonly reasons: readonly { ruleId: string; message: string }[];
  };
}

/** One plan in a student's status (GET /v1/students/{id}/mobility). */
export interface PlanSummary {
  readonly planId: string;
  readonly kind: MobilityKind;
  readonly status: PlanStatus;
  readonly host: Plan['host'];
  readonly startOn: string;
  readonly endOn: string;
  readonly academicYear: string;
  readonly approvals: Readonly<Record<Authority, boolean>>;
  readonly requirement: RequirementStatus;
}

export interface StudentMobility {
  readonly studentId: string;
  readonly profile: StudentProfile | null;
  readonly requirementFulfilled: boolean;
  readonly plans: readonly PlanSummary[];
}

/** MOB-1 (GET /v1/reports/unfulfilled). */
export interface UnfulfilledReport {
  readonly yearOfStudy: number;
  readonly track: string;
  readonly count: number;
  readonly students: readonly {
    readonly studentId: string;
    readonly regime: string;
    readonly plans: readonly {
      planId: string;
      kind: MobilityKind;
      status: PlanStatus;
      requirement: RequirementStatus;
    }[];
  }[];
}
