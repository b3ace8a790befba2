import type { Actor } from '@admissions/domain-kernel';
import { CurrentActor, Roles } from '@admissions/platform';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MobilityQueries } from '../application/mobility-queries';
import { StudentMobilityDto, UnfulfilledReportDto } from './responses.dto';
import { UnfulfilledQueryDto } from './students.dto';

@ApiTags('students')
@Controller('v1')
export class StudentsController {
  constructor(private readonly queries: MobilityQueries) {}

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
