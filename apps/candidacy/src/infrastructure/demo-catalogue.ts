import { type Actor, DomainError } from '@admissions/domain-kernel';
import { CommandGateway, runWithCorrelation, StartupSteps } from '@admissions/platform';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { type ProgrammeDetails, programmeDecider } from '../domain';
import { CandidacyEnv } from '../config';
import { programmeStreamId } from './programme.repository';

const SEEDER: Actor = { id: 'system:candidacy-demo-catalogue', roles: ['admin'] };

/** Windows in UTC: opening on a Paris morning, closing at 23:59:59.999 Paris time. */
const window = (opensAt: string, closesAt: string) => ({ opensAt, closesAt });

/** A realistic catalogue of Mastères Spécialisés for the 2027 intakes (CAND-4: 15 to 40 places). */
export const DEMO_CATALOGUE: readonly ProgrammeDetails[] = [
  {
    code: 'MS-CYBER',
    nameFr: 'Mastère Spécialisé Cybersécurité des systèmes',
    nameEn: 'Specialised Master in Systems Cybersecurity',
    places: 30,
    intake: 'SEPTEMBER',
    intakeDate: '2027-09-13',
    applicationWindow: window('2026-10-01T07:00:00.000Z', '2027-06-30T21:59:59.999Z'),
    pedagogicalLeadId: 'lead-cyber',
  },
  {
    code: 'MS-DATA',
    nameFr: 'Mastère Spécialisé Data Science et Intelligence Artificielle',
    nameEn: 'Specialised Master in Data Science and Artificial Intelligence',
    places: 40,
    intake: 'SEPTEMBER',
    intakeDate: '2027-09-20',
    applicationWindow: window('2026-10-01T07:00:00.000Z', '2027-07-15T21:59:59.999Z'),
    pedagogicalLeadId: 'lead-data',
  },
  {
    code: 'MS-ENERGY',
    nameFr: 'Mastère Spécialisé Transition énergétique',
    nameEn: 'Specialised Master in Energy Transition',
    places: 24,
    intake: 'OCTOBER',
    intakeDate: '2027-10-04',
    applicationWindow: window('2026-11-02T08:00:00.000Z', '2027-08-31T21:59:59.999Z'),
    pedagogicalLeadId: 'lead-energy',
  },
  {
    code: 'MS-SUPPLY',
    nameFr: 'Mastère Spécialisé Management de la chaîne logistique',
    nameEn: 'Specialised Master in Supply Chain Management',
    places: 35,
    intake: 'SEPTEMBER',
    intakeDate: '2027-09-06',
    applicationWindow: window('2026-10-15T07:00:00.000Z', '2027-06-15T21:59:59.999Z'),
    pedagogicalLeadId: 'lead-supply',
  },
  {
    code: 'MS-AERO',
    nameFr: 'Mastère Spécialisé Systèmes aéronautiques et spatiaux',
    nameEn: 'Specialised Master in Aeronautical and Space Systems',
    places: 18,
    intake: 'OCTOBER',
    intakeDate: '2027-10-11',
    applicationWindow: window('2026-11-02T08:00:00.000Z', '2027-07-31T21:59:59.999Z'),
    pedagogicalLeadId: 'lead-aero',
  },
  {
    code: 'MS-BIOTECH',
    nameFr: 'Mastère Spécialisé Ingénierie des biotechnologies',
    nameEn: 'Specialised Master in Biotechnology Engineering',
    places: 15,
    intake: 'SEPTEMBER',
    intakeDate: '2027-09-13',
    applicationWindow: window('2026-10-01T07:00:00.000Z', '2027-05-31T21:59:59.999Z'),
    pedagogicalLeadId: 'lead-biotech',
  },
];

/**
 * Loads the demo catalogue once (SEED_DEMO_CATALOGUE=true, set by `npm start`). Each programme is
 * created with a causation of its own: a second start finds it in the stream and adds nothing,
 * and a programme staff already created under that code is left as it is.
 */
@Injectable()
export class DemoCatalogueSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoCatalogueSeeder.name);

  constructor(
    private readonly env: CandidacyEnv,
    private readonly gateway: CommandGateway,
    private readonly steps: StartupSteps,
  ) {}

  onApplicationBootstrap(): void {
    if (this.env.SEED_DEMO_CATALOGUE) this.steps.run('demo catalogue', () => this.seed());
  }

  private async seed(): Promise<void> {
    let created = 0;
    for (const programme of DEMO_CATALOGUE) {
      const origin = { actor: SEEDER, causationId: `seed:demo-catalogue:${programme.code}` };
      try {
        const { events } = await runWithCorrelation('seed:demo-catalogue', () =>
          this.gateway.handle(
            programmeDecider,
            programmeStreamId(programme.code),
            { type: 'CreateProgramme', data: programme },
            origin,
          ),
        );
        created += events.length;
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        this.logger.warn({ msg: 'demo programme not seeded', code: programme.code, reason: error.message });
      }
    }
    this.logger.log({ msg: 'demo catalogue loaded', created, programmes: DEMO_CATALOGUE.length });
  }
}
