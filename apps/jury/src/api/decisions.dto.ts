import { Omittable } from '@admissions/platform';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { EXPLANATION_LANGUAGES, type ExplanationLanguage } from '../application/explanation-wording';

export class ExplanationQueryDto {
  @ApiPropertyOptional({
    enum: EXPLANATION_LANGUAGES,
    description: 'The language of the statements; when absent, Accept-Language decides, then French',
  })
  @Omittable()
  @IsIn(EXPLANATION_LANGUAGES, { message: `lang must be one of ${EXPLANATION_LANGUAGES.join(', ')}` })
  lang?: ExplanationLanguage;
}
