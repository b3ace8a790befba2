import { IllegalStateError } from '@admissions/domain-kernel';
import { CommandGateway, StartupSteps } from '@admissions/platform';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { AgreementTerms } from '../domain';
import { partnerDecider } from '../domain';
import { partnerStreamId } from '../application/streams';
import { MobilityEnv } from '../config';
import { DEMO_PARTNERS, DemoPartner } from './demo-partners.data';

// Fixed dates, not relative to today, so that every run writes the same partners.
const AGREEMENT_START = { year: 2020, month: 9, day: 1 };
const AGREEMENT_END = { year: 2032, month: 8, day: 31 };

/** Every partner offers a double degree; every third also an exchange, so both paths can be tried. */
function agreementsOf(index: number): AgreementTerms[] {
  const doubleDegree: AgreementTerms = {
    kind: 'DOUBLE_DEGREE',
    placesPerAcademicYear: 2 + (index % 3),
    startsOn: AGREEMENT_START,
    endsOn: AGREEMENT_END,
  };
  const exchange: AgreementTerms = { ...doubleDegree, kind: 'EXCHANGE', placesPerAcademicYear: 4 };
  return index % 3 === 0 ? [doubleDegree, exchange] : [doubleDegree];
}

/**
 * With SEED_DEMO_PARTNERS=true, registers the demo partners at start-up. Each registration is
 * caused by a fixed id, so the runner finds it already in the stream on a restart (or when two
 * instances start together) and appends nothing.
 */
@Injectable()
export class DemoPartnersSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoPartners');

  constructor(
    @Inject(MobilityEnv) private readonly env: MobilityEnv,
    private readonly gateway: CommandGateway,
    private readonly steps: StartupSteps,
  ) {}

  onApplicationBootstrap(): void {
    if (this.env.SEED_DEMO_PARTNERS) this.steps.run('demo partners', () => this.seedAll());
  }

  private async seedAll(): Promise<void> {
    let added = 0;
    for (const [index, partner] of DEMO_PARTNERS.entries()) added += await this.seed(partner, index);
    this.logger.log(`demo partners: ${added} registered, ${DEMO_PARTNERS.length - added} already there`);
  }

  private async seed(partner: DemoPartner, index: number): Promise<number> {
    const data = {
      partnerId: partner.id,
      name: partner.name,
      country: partner.country,
      agreements: agreementsOf(index),
    };
    try {
      const { events } = await this.gateway.handle(
        partnerDecider,
        partnerStreamId(partner.id),
        { type: 'RegisterPartner', data },
        this.gateway.causedBy(`seed:demo-partners:${partner.id}`),
      );
      return events.length > 0 ? 1 : 0;
    } catch (error) {
      // Registered under this id by someone else than the seed: theirs stands.
      if (error instanceof IllegalStateError) return 0;
      throw error;
    }
  }
}
