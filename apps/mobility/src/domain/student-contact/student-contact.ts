import { Command, Decider, DomainEvent, ForbiddenError, ValidationError, INPUT } from '@admissions/domain-kernel';

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A student tells where the school's messages reach them (the notification service reads it). */
export type RecordStudentContact = Command<
  'RecordStudentContact',
  { readonly studentId: string; readonly email: string; readonly preferredLanguage: Language }
>;

/**
 * Stream `student-contact-<studentId>`, on the service's internal topic only. The address is
 * personal data, under `personal` like every personal datum on the bus; the language is not.
 */
export type StudentContactRecorded = DomainEvent<
  'StudentContactRecorded',
  {
    readonly studentId: string;
    readonly personal: { readonly email: string };
    readonly preferredLanguage: Language;
    readonly recordedAt: string;
  }
>;

export type StudentContactState =
  | { readonly status: 'unknown' }
  | { readonly status: 'known'; readonly email: string; readonly preferredLanguage: Language };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const studentContactDecider: Decider<RecordStudentContact, StudentContactRecorded, StudentContactState> = {
  initialState: () => ({ status: 'unknown' }),
  decide: ({ data, metadata }, state) => {
    if (metadata.actor.id !== data.studentId)
      throw new ForbiddenError('A student records their own contact only', INPUT);
    const email = data.email.trim();
    if (!EMAIL.test(email)) throw new ValidationError('Not an email address', INPUT, 'email');
    if (!(LANGUAGES as readonly string[]).includes(data.preferredLanguage)) {
      throw new ValidationError(`The language is one of ${LANGUAGES.join(', ')}`, INPUT, 'preferredLanguage');
    }
    // Recording the same contact again changes nothing, so no message goes out twice.
    if (state.status === 'known' && state.email === email && state.preferredLanguage === data.preferredLanguage) {
      return [];
    }
    return [
      {
        type: 'StudentContactRecorded',
        data: {
          studentId: data.studentId,
          personal: { email },
          preferredLanguage: data.preferredLanguage,
          recordedAt: metadata.now.toISOString(),
        },
      },
    ];
  },
  evolve: (_state, event) => ({
    status: 'known',
    email: event.data.personal.email,
    preferredLanguage: event.data.preferredLanguage,
  }),
};
