import { CalendarDate } from '@admissions/domain-kernel';
import { AgreementKind } from '../partner/partner.commands';

/** MOB-2: the kinds of international experience, grouped in three categories. */
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

export type MobilityCategory = 'DEGREE_PROGRAMME' | 'NON_DEGREE_STUDY' | 'INTERNSHIP';

export type StudentRegime = 'REGULAR' | 'APPRENTICE';

export interface StudentProfile {
  readonly regime: StudentRegime;
  /** 1, 2 or 3 (1A, 2A, 3A of the engineering curriculum). */
  readonly yearOfStudy: number;
  readonly track: string;
  /** MOB-6: an engineering internship already validated before leaving. */
  readonly engineeringInternshipValidated: boolean;
  /** MOB-6: a whole year of internship already done before leaving. */
  readonly internshipYearValidated: boolean;
}

/** What the handler knows of a registered partner when the plan is proposed. */
export interface PartnerSnapshot {
  readonly partnerId: string;
  readonly agreements: readonly {
    readonly kind: AgreementKind;
    readonly startsOn: CalendarDate;
    readonly endsOn: CalendarDate;
  }[];
}

export interface Host {
  readonly name: string;
  /** ISO 3166-1 alpha-2; 'FR' is not abroad. */
  readonly country: string;
  /** null when the host is not a partner institution. */
  readonly partner: PartnerSnapshot | null;
}

/** MOB-6: the 60 ECTS of two semesters, courses and final project / thesis / internship. */
export interface EctsSplit {
  readonly coursesEcts: number;
  readonly projectEcts: number;
}

/** Everything checkPlan needs: the plan as the student proposes it. */
export interface PlanDraft {
  readonly student: StudentProfile;
  readonly kind: MobilityKind;
  readonly host: Host;
  readonly startOn: CalendarDate;
  readonly endOn: CalendarDate;
  /** ECTS to validate abroad; null for internships. */
  readonly plannedEcts: number | null;
  readonly ectsSplit: EctsSplit | null;
}

export interface Course {
  readonly code: string;
  readonly title: string;
  readonly ects: number;
}

export type Authority = 'STUDY_ADVISOR' | 'TRAINING_DIRECTORATE' | 'INTERNATIONAL_OFFICE';

export type EngineeringInternshipKind = 'ENGINEERING' | 'FREE';
export type InternshipTiming = 'BEFORE_MOBILITY' | 'AFTER_MOBILITY';

export interface PlanFlags {
  /** MOB-4: a master outside a MASTER agreement is allowed, at the student's own cost. */
  readonly costsBorneByStudent: boolean;
  /** MOB-5 / MOB-6: study abroad supervised by a study advisor of the student's track. */
  readonly supervisedByStudyAdvisor: boolean;
  /** MOB-7: counts toward MOB-1 only once both DFI and DRI have approved it. */
  readonly countsOnlyWithDfiAndDri: boolean;
  /** MOB-5: an engineering internship must be validated before or after the semester. */
  readonly engineeringInternshipRequired: boolean;
  /** MOB-6: an optional free internship of at most 24 weeks may follow the return. */
  readonly freeInternshipAllowedOnReturn: boolean;
}
