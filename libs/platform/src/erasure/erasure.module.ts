import { Module } from '@nestjs/common';
import { ErasureController } from './erasure.controller';
import { ErasurePropagation } from './erasure-propagation';
import { PersonErasure } from './person-erasure';

/** The data-protection officer's erasure route and PersonErasure, for the service that hosts it (candidacy). */
@Module({
  controllers: [ErasureController],
  providers: [PersonErasure],
  exports: [PersonErasure],
})
export class ErasureModule {}

/** For each service holding personal data: PersonErased from the services that erase purges it too. */
@Module({ providers: [ErasurePropagation] })
export class ErasurePropagationModule {}
