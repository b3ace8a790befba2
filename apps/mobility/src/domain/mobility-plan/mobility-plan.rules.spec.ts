import { categoryOf, checkPlan } from './mobility-plan.rules';
import { apprentice, d, drafts, nonPartnerHost, partnerHost, regular } from './mobility-plan.fixtures';
import { MOBILITY_KINDS, MobilityKind, PlanDraft } from './mobility-plan.types';

const ruleIds = (plan: PlanDraft) => checkPlan(plan).violations.map((v) => v.ruleId);

describe('checkPlan (MOB-1..9)', () => {
  it('every sample plan of each kind passes', () => {
    for (const draft of Object.values(drafts)) expect(checkPlan(draft).violations).toEqual([]);
  });

  it('MOB-2: the eight kinds fall in three categories; an unknown kind is refused', () => {
    expect(MOBILITY_KINDS.map(categoryOf)).toEqual([
      'DEGREE_PROGRAMME',
      'DEGREE_PROGRAMME',
      'NON_DEGREE_STUDY',
      'NON_DEGREE_STUDY',
      'INTERNSHIP',
      'INTERNSHIP',
      'INTERNSHIP',
      'INTERNSHIP',
    ]);
    const unknown = { ...drafts.summerStay, kind: 'GAP_YEAR' as MobilityKind };
    expect(checkPlan(unknown).violations).toEqual([expect.objectContaining({ ruleId: 'MOB-2', field: 'kind' })]);
  });

  describe('MOB-3 double degree', () => {
    it('MOB-3: 1 Sept 2026 → 29 Feb 2028 is 18 months and passes', () => {
      expect(ruleIds({ ...drafts.doubleDegree, endOn: d('2028-02-29') })).toEqual([]);
    });

    it('MOB-3: 1 Sept 2026 → 28 Feb 2028 is 17 months and is refused', () => {
      const [violation] = checkPlan({
        ...drafts.doubleDegree,
        endOn: d('2028-02-28'),
      }).violations;
      expect(violation).toEqual({
        ruleId: 'MOB-3',
        field: 'endOn',
        message: expect.stringContaining('at least 18 months'),
      });
    });

    it('MOB-3: a double degree with a non-partner host is refused', () => {
      expect(ruleIds({ ...drafts.doubleDegree, host: nonPartnerHost })).toEqual(['MOB-3']);
    });

    it('MOB-3: a partner without a DOUBLE_DEGREE agreement, or whose agreement has ended, is refused', () => {
      expect(
        ruleIds({
          ...drafts.doubleDegree,
          host: partnerHost(['EXCHANGE', 'MASTER']),
        }),
      ).toEqual(['MOB-3']);
      expect(
        ruleIds({
          ...drafts.doubleDegree,
          host: partnerHost(['DOUBLE_DEGREE'], d('2020-01-01'), d('2026-08-31')),
        }),
      ).toEqual(['MOB-3']);
    });
  });

  describe('MOB-4 master abroad', () => {
    it('MOB-4: 12 and 24 months pass, 12 months less a day and 24 months and a day are refused', () => {
      expect(ruleIds({ ...drafts.master, endOn: d('2027-08-31') })).toEqual([]);
      expect(ruleIds({ ...drafts.master, endOn: d('2028-08-31') })).toEqual([]);
      expect(ruleIds({ ...drafts.master, endOn: d('2027-08-30') })).toEqual(['MOB-4']);
      expect(ruleIds({ ...drafts.master, endOn: d('2028-09-01') })).toEqual(['MOB-4']);
    });

    it('MOB-4: a master outside a partnership is allowed and flagged costsBorneByStudent', () => {
      const outside = checkPlan({ ...drafts.master, host: nonPartnerHost });
      expect(outside.violations).toEqual([]);
      expect(outside.flags.costsBorneByStudent).toBe(true);
      expect(checkPlan(drafts.master).flags.costsBorneByStudent).toBe(false);
      expect(checkPlan({ ...drafts.master, host: partnerHost(['EXCHANGE']) }).flags.costsBorneByStudent).toBe(true);
    });
  });

  describe('MOB-5 one exchange semester', () => {
    it('MOB-5: 30 ECTS pass, 29 ECTS are refused', () => {
      expect(ruleIds({ ...drafts.exchangeSemester, plannedEcts: 30 })).toEqual([]);
      expect(checkPlan({ ...drafts.exchangeSemester, plannedEcts: 29 }).violations).toEqual([
        {
          ruleId: 'MOB-5',
          field: 'plannedEcts',
          message: 'MOB-5: EXCHANGE_SEMESTER validates exactly 30 ECTS, not 29',
        },
      ]);
    });

    it('MOB-5: the exchange is at a partner under an EXCHANGE agreement; it is supervised and needs an engineering internship', () => {
      expect(ruleIds({ ...drafts.exchangeSemester, host: nonPartnerHost })).toEqual(['MOB-5']);
      expect(checkPlan(drafts.exchangeSemester).flags).toMatchObject({
        supervisedByStudyAdvisor: true,
        engineeringInternshipRequired: true,
      });
    });
  });

  describe('MOB-6 two exchange semesters', () => {
    it('MOB-6: 60 ECTS split 30/30 pass; 59 ECTS, a 40/20 split or no split are refused', () => {
      expect(ruleIds(drafts.twoSemesters)).toEqual([]);
      expect(ruleIds({ ...drafts.twoSemesters, plannedEcts: 59 })).toEqual(['MOB-6']);
      expect(
        ruleIds({
          ...drafts.twoSemesters,
          ectsSplit: { coursesEcts: 40, projectEcts: 20 },
        }),
      ).toEqual(['MOB-6']);
      expect(ruleIds({ ...drafts.twoSemesters, ectsSplit: null })).toEqual(['MOB-6']);
    });

    it('MOB-6: a free internship on return is allowed unless an engineering internship or an internship year was validated', () => {
      expect(checkPlan(drafts.twoSemesters).flags.freeInternshipAllowedOnReturn).toBe(true);
      const validated = {
        ...drafts.twoSemesters,
        student: { ...regular, engineeringInternshipValidated: true },
      };
      expect(checkPlan(validated).flags.freeInternshipAllowedOnReturn).toBe(false);
      const gapYear = {
        ...drafts.twoSemesters,
        student: { ...regular, internshipYearValidated: true },
      };
      expect(checkPlan(gapYear).flags.freeInternshipAllowedOnReturn).toBe(false);
    });
  });

  describe('MOB-7 summer stay between 2nd and 3rd year', () => {
    it('MOB-7: 1 to 3 months pass; a month less a day and 3 months and a day are refused', () => {
      expect(ruleIds({ ...drafts.summerInternship, endOn: d('2027-07-31') })).toEqual([]);
      expect(ruleIds({ ...drafts.summerInternship, endOn: d('2027-09-30') })).toEqual([]);
      expect(ruleIds({ ...drafts.summerInternship, endOn: d('2027-07-30') })).toEqual(['MOB-7']);
      expect(ruleIds({ ...drafts.summerStay, endOn: d('2027-10-01') })).toEqual(['MOB-7']);
    });

    it('MOB-7: only in 2nd year, and flagged as counting only with DFI and DRI', () => {
      expect(
        ruleIds({
          ...drafts.summerStay,
          student: { ...regular, yearOfStudy: 3 },
        }),
      ).toEqual(['MOB-7']);
      expect(checkPlan(drafts.summerStay).flags.countsOnlyWithDfiAndDri).toBe(true);
    });
  });

  it('MOB-8: the first-year human formation internship abroad is a 1st-year plan of 1 to 3 months', () => {
    expect(ruleIds(drafts.humanInternship)).toEqual([]);
    expect(ruleIds({ ...drafts.humanInternship, student: regular })).toEqual(['MOB-8']);
    expect(ruleIds({ ...drafts.humanInternship, endOn: d('2026-07-13') })).toEqual(['MOB-8']);
  });

  it('MOB-9: the final internship ends between six months less 15 days and six months less 1 day', () => {
    expect(ruleIds({ ...drafts.finalInternship, endOn: d('2027-07-31') })).toEqual([]);
    expect(ruleIds({ ...drafts.finalInternship, endOn: d('2027-07-17') })).toEqual([]);
    expect(ruleIds({ ...drafts.finalInternship, endOn: d('2027-07-16') })).toEqual(['MOB-9']);
    expect(ruleIds({ ...drafts.finalInternship, endOn: d('2027-08-01') })).toEqual(['MOB-9']);
  });

  describe('MOB-1 the international experience', () => {
    it('MOB-1: an apprentice (FISEA) plan of 9 weeks passes; 8 weeks and 6 days is refused', () => {
      const nineWeeks = {
        ...drafts.summerInternship,
        student: apprentice,
        startOn: d('2027-06-01'),
        endOn: d('2027-08-02'),
      };
      expect(ruleIds(nineWeeks)).toEqual([]);
      const [violation] = checkPlan({
        ...nineWeeks,
        endOn: d('2027-08-01'),
      }).violations;
      expect(violation).toMatchObject({
        ruleId: 'MOB-1',
        field: 'endOn',
        message: expect.stringContaining('9 weeks'),
      });
    });

    it('MOB-1: a regular student has no 9-week floor (summer rules apply instead)', () => {
      expect(
        ruleIds({
          ...drafts.summerInternship,
          startOn: d('2027-06-01'),
          endOn: d('2027-08-01'),
        }),
      ).toEqual([]);
    });

    it('MOB-1: a host in France is not abroad', () => {
      expect(
        ruleIds({
          ...drafts.finalInternship,
          host: { ...nonPartnerHost, country: 'FR' },
        }),
      ).toEqual(['MOB-1']);
    });
  });

  it('field constraints come first and stop the rule checks', () => {
    const backwards = {
      ...drafts.exchangeSemester,
      startOn: d('2027-01-31'),
      endOn: d('2026-09-01'),
      plannedEcts: 29,
    };
    expect(checkPlan(backwards).violations).toEqual([{ message: 'The plan ends before it starts', field: 'endOn' }]);
  });
});
