import {
  Actor,
  ForbiddenError,
  IllegalStateError,
  NotFoundError,
  ValidationError,
  deciderSpec,
} from '@admissions/domain-kernel';
import { ProgrammeCommand } from './programme.commands';
import { programmeDecider } from './programme.decide';
import { ProgrammeEvent } from './programme.events';
import { ProgrammeDetails } from './programme.types';

const spec = deciderSpec(programmeDecider);
const now = new Date('2025-11-02T09:00:00.000Z');
const admin: Actor = { id: 'admin-1', roles: ['admin'] };

const details: ProgrammeDetails = {
  code: 'MS-CYBER',
  nameFr: 'Mastère Spécialisé Cybersécurité',
  nameEn: 'Specialised Master in Cybersecurity',
  places: 30,
  intake: 'SEPTEMBER',
  intakeDate: '2026-09-14',
  applicationWindow: { opensAt: '2026-01-05T08:00:00.000Z', closesAt: '2026-06-30T21:59:59.999Z' },
  pedagogicalLeadId: 'lead-1',
};

const create = (data: ProgrammeDetails, actor: Actor = admin): ProgrammeCommand => ({
  type: 'CreateProgramme',
  data,
  metadata: { now, actor },
});
const change = (changes: Partial<ProgrammeDetails>): ProgrammeCommand => ({
  type: 'ChangeProgramme',
  data: { code: 'MS-CYBER', changes },
  metadata: { now, actor: admin },
});
const created: ProgrammeEvent = { type: 'ProgrammeCreated', data: { ...details, createdAt: now.toISOString() } };

describe('Programme decider', () => {
  it('CAND-4: creates a programme with its intake, intake date, places, window and lead', () => {
    spec.given([]).when(create(details)).then([created]);
  });

  it('CAND-4: window instants given with an offset are stored in UTC', () => {
    const window = { opensAt: '2026-01-05T09:00:00+01:00', closesAt: '2026-06-30T23:59:59.999+02:00' };
    spec
      .given([])
      .when(create({ ...details, applicationWindow: window }))
      .then([created]);
  });

  it('CAND-4: the intake is September or October', () => {
    const intake = 'JANUARY' as ProgrammeDetails['intake'];
    spec
      .given([])
      .when(create({ ...details, intake }))
      .thenThrows(ValidationError, { ruleId: 'CAND-4', field: 'intake' });
  });

  it('CAND-4: the intake date falls in the intake month (October intake on 14 September is refused)', () => {
    spec
      .given([])
      .when(create({ ...details, intake: 'OCTOBER' }))
      .thenThrows(ValidationError, { ruleId: 'CAND-4', field: 'intakeDate' });
  });

  it.each([0, -3, 2.5])('CAND-4: the number of places must be a positive integer (%p refused)', (places) => {
    spec
      .given([])
      .when(create({ ...details, places }))
      .thenThrows(ValidationError, { ruleId: 'CAND-4', field: 'places' });
  });

  it('the application window must close after it opens, and before the intake date', () => {
    const reversed = { opensAt: details.applicationWindow.closesAt, closesAt: details.applicationWindow.opensAt };
    spec
      .given([])
      .when(create({ ...details, applicationWindow: reversed }))
      .thenThrows(ValidationError, { field: 'applicationWindow.closesAt' });
    const late = { ...details.applicationWindow, closesAt: '2026-09-14T08:00:00.000Z' };
    spec
      .given([])
      .when(create({ ...details, applicationWindow: late }))
      .thenThrows(ValidationError, { ruleId: 'CAND-4', field: 'applicationWindow.closesAt' });
  });

  it('a malformed instant names its field', () => {
    const window = { ...details.applicationWindow, opensAt: '5 January 2026' };
    spec
      .given([])
      .when(create({ ...details, applicationWindow: window }))
      .thenThrows(ValidationError, { field: 'applicationWindow.opensAt' });
  });

  it('a programme code is created once', () => {
    spec.given([created]).when(create(details)).thenThrows(IllegalStateError, { field: 'code' });
  });

  it('only admissions staff manage programmes', () => {
    spec
      .given([])
      .when(create(details, { id: 'cand-1', roles: ['candidate'] }))
      .thenThrows(ForbiddenError);
  });

  it('ProgrammeChanged carries every new value, the changed fields and the previous lead', () => {
    spec
      .given([created])
      .when(change({ places: 24, pedagogicalLeadId: 'lead-2' }))
      .then([
        {
          type: 'ProgrammeChanged',
          data: {
            ...details,
            places: 24,
            pedagogicalLeadId: 'lead-2',
            changedFields: ['places', 'pedagogicalLeadId'],
            previousPedagogicalLeadId: 'lead-1',
            changedAt: now.toISOString(),
          },
        },
      ]);
  });

  it('a change that changes nothing answers no event', () => {
    spec
      .given([created])
      .when(change({ places: 30, nameFr: details.nameFr }))
      .thenNothing();
  });

  it('a change is validated as a whole (moving the intake to October keeps a September date: refused)', () => {
    spec
      .given([created])
      .when(change({ intake: 'OCTOBER' }))
      .thenThrows(ValidationError, { field: 'intakeDate' });
  });

  it('changing an unknown programme is not found', () => {
    spec
      .given([])
      .when(change({ places: 10 }))
      .thenThrows(NotFoundError, { field: 'code' });
  });
});
