import { DocumentStorage } from '@admissions/documents';
import { erasedPersonOf, LogReactions } from '@admissions/event-store';
import { Injectable, type OnModuleInit } from '@nestjs/common';

/**
 * Erasure of a person's uploads: their documents' contents are not sealed by their key (PDFs in
 * GridFS), so PersonErased removes them. Idempotent: a file already removed is not an error.
 * The read models purge themselves (each projection's `erasure`).
 */
@Injectable()
export class PersonDocumentsErasure implements OnModuleInit {
  constructor(
    private readonly reactions: LogReactions,
    private readonly storage: DocumentStorage,
  ) {}

  onModuleInit(): void {
    this.reactions.add({
      name: 'person-documents-erasure',
      types: ['PersonErased'],
      handle: async (events) => {
        for (const event of events) {
          const personId = erasedPersonOf(event);
          if (personId !== undefined) await this.storage.removeOwnedBy(personId);
        }
      },
    });
  }
}
