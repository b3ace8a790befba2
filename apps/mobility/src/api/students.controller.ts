import type { Actor } from '@admissions/domain-kernel';
import { CurrentActor, Roles } from '@admissions/platform';
import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MobilityQueries } from '../application/mobility.queries';
import { RecordStudentContactCommand } from '../application/student-contact.handler';
import { StudentMobilityDto, UnfulfilledReportDto } from './responses.dto';
import { StudentContactDto, UnfulfilledQueryDto } from './students.dto';

@ApiTags('students')
@Controller('v1')
export class StudentsController {
  constructor(
    private readonly queries: MobilityQueries,
    private readonly commands: CommandBus,
  ) {}

  @Put('students/me/contact')
  @Roles('student')
  @ApiOperation({
    summary:
      'The student’s email address and language, for the emails about their mobility (MOBILITY_APPROVED/REFUSED)',
    description:
      'Published on the service’s internal topic only (StudentContactRecorded, the address under `personal`)',
  })
  @ApiOkResponse({ description: 'The contact as recorded', type: StudentContactDto })
  @ApiBadRequestResponse({ description: 'Not an email address, or a language other than fr and en' })
  async recordContact(@Body() body: StudentContactDto, @CurrentActor() actor: Actor): Promise<StudentContactDto> {
    await this.commands.execute(new RecordStudentContactCommand(body.email, body.preferredLanguage, actor));
    return { email: body.email.trim(), preferredLanguage: body.preferredLanguage };
  }

  @Get('students/:id/mobility')
  @Roles('student', 'study-advisor', 'training-directorate', 'international-office', 'admin')
  @ApiOperation({ summary: "A student's mobility status: plans, MOB-1 requirement, engineering internship (MOB-5/6)" })
  @ApiOkResponse({ type: StudentMobilityDto })
  @ApiNotFoundResponse({ description: 'A student asking about another student' })
  status(@Param('id') studentId: string, @CurrentActor() actor: Actor) {
    return this.queries.studentStatus(studentId, actor);
  }

  @Get('reports/unfulfilled')
  @Roles('international-office', 'training-directorate', 'admin')
  @ApiOperation({ summary: 'MOB-1: students of a year and track who have not yet fulfilled the requirement' })
  @ApiOkResponse({ type: UnfulfilledReportDto })
  unfulfilled(@Query() query: UnfulfilledQueryDto) {
    return this.queries.unfulfilled(query.year, query.track.trim());
  }
}
