import { deciderSpec, ForbiddenError, ValidationError } from '@admissions/domain-kernel';
import { NOW, otherStudent, student, STUDENT_ID } from '../mobility-plan/mobility-plan.fixtures';
import { type Language, type RecordStudentContact, studentContactDecider } from './student-contact';

const spec = deciderSpec(studentContactDecider);
const record = (email: string, preferredLanguage: Language, actor = student): RecordStudentContact => ({
  type: 'RecordStudentContact',
  data: { studentId: STUDENT_ID, email, preferredLanguage },
  metadata: { now: NOW, actor },
});
const recorded = (email: string, preferredLanguage: Language) => ({
  type: 'StudentContactRecorded' as const,
  data: { studentId: STUDENT_ID, personal: { email }, preferredLanguage, recordedAt: NOW.toISOString() },
});

describe('student contact (the notification service learns where a student is reached)', () => {
  it('records the address under personal and the language beside it', () => {
    spec
      .given([])
      .when(record('  alex@student.example.org ', 'en'))
      .then([recorded('alex@student.example.org', 'en')]);
  });

  it('the same contact again changes nothing; a new language is recorded', () => {
    const known = [recorded('alex@student.example.org', 'en')];
    spec.given(known).when(record('alex@student.example.org', 'en')).then([]);
    spec
      .given(known)
      .when(record('alex@student.example.org', 'fr'))
      .then([recorded('alex@student.example.org', 'fr')]);
  });

  it('refuses a malformed address, an unknown language and another student', () => {
    spec.given([]).when(record('alex', 'fr')).thenThrows(ValidationError, { field: 'email' });
    spec
      .given([])
      .when(record('alex@student.example.org', 'de' as Language))
      .thenThrows(ValidationError, { field: 'preferredLanguage' });
    spec
      .given([])
      .when(record('alex@student.example.org', 'fr', otherStudent))
      .thenThrows(ForbiddenError);
  });
});
