import { applyDecorators, Module, SetMetadata, UseInterceptors } from '@nestjs/common';
import { AccessJournal } from './access-journal';
import { AccessJournalController } from './access-journal.controller';
import { JOURNALLED_PARAM, JournalledReadInterceptor } from './journalled-read.interceptor';

/**
 * Journals every staff read of the route in the access journal, naming the file by the route
 * parameter `param` (a candidacy id). The service imports AccessJournalModule.
 */
export const JournalledRead = (param: string) =>
  applyDecorators(SetMetadata(JOURNALLED_PARAM, param), UseInterceptors(JournalledReadInterceptor));

/** The access journal of a service that serves candidates' files, and its data-protection officer's route. */
@Module({
  controllers: [AccessJournalController],
  providers: [AccessJournal, JournalledReadInterceptor],
  exports: [AccessJournal, JournalledReadInterceptor],
})
export class AccessJournalModule {}
