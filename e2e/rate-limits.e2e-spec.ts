// Rate limits shared across replicas: two instances of one service (one deployment namespace)
// count a user's and an address's commands together in Redis; with Redis away, commands pass.
import { metricOf, oneDeployment, startService, type ServiceUnderTest } from '@admissions/testing';
import { MobilityModule } from '../apps/mobility/src/mobility.module';

const LIMITS = {
  RATE_LIMIT_ENABLED: 'true',
  RATE_LIMIT_WINDOW_SECONDS: '60',
  RATE_LIMIT_USER_COMMANDS: '6',
  RATE_LIMIT_ADDRESS_COMMANDS: '10',
};

/** A command refused by validation: cheap, appends nothing, and counted all the same (the limit comes first). */
async function registerPartner(svc: ServiceUnderTest, subject: string) {
  const response = await fetch(`${svc.url}/v1/partners`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${svc.token('international-office', subject)}`,
      'content-type': 'application/json',
    },
    body: '{}',
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    type: response.headers.get('content-type'),
    body: (await response.json()) as Record<string, unknown>,
  };
}

describe('rate limits shared across replicas', () => {
  const replicas: ServiceUnderTest[] = [];

  beforeAll(async () => {
    const deployment = { ...oneDeployment('mobility'), ...LIMITS };
    replicas.push(await startService('mobility', MobilityModule, deployment));
    replicas.push(await startService('mobility', MobilityModule, deployment));
  });
  afterAll(async () => {
    for (const replica of replicas) await replica.close();
  });

  it("counts a user's commands on both replicas: the 7th is 429 on either, with Retry-After", async () => {
    const [a, b] = replicas;
    for (let request = 0; request < 6; request += 1) {
      expect((await registerPartner(request % 2 === 0 ? a : b, 'dri-limited')).status).toBe(400);
    }
    for (const replica of [a, b]) {
      const refused = await registerPartner(replica, 'dri-limited');
      expect(refused.status).toBe(429);
      expect(refused.type).toMatch(/^application\/problem\+json/);
      expect(refused.body).toMatchObject({ type: 'urn:admissions:problem:rate-limited', ruleId: 'RATE-LIMIT-USER' });
      expect(Number(refused.retryAfter)).toBeGreaterThan(0);
      expect(Number(refused.retryAfter)).toBeLessThanOrEqual(60);
    }
    // Reads are not limited.
    const read = await fetch(`${a.url}/v1/partners`, {
      headers: { authorization: `Bearer ${a.token('international-office', 'dri-limited')}` },
    });
    expect(read.status).toBe(200);
  });

  it("counts a client address's commands across users and replicas", async () => {
    // The six counted above came from this address too: four more pass, the next is refused.
    const statuses: number[] = [];
    for (let user = 0; user < 5; user += 1)
      statuses.push((await registerPartner(replicas[user % 2], `dri-${user}`)).status);
    expect(statuses).toEqual([400, 400, 400, 400, 429]);
    const refused = await registerPartner(replicas[1], 'dri-other');
    expect(refused.body).toMatchObject({ ruleId: 'RATE-LIMIT-ADDRESS' });
  });
});

describe('rate limits when Redis does not answer', () => {
  let svc: ServiceUnderTest;

  beforeAll(async () => {
    // Nothing listens on port 9: every Redis command fails at once.
    svc = await startService(
      'mobility',
      MobilityModule,
      { ...LIMITS, RATE_LIMIT_USER_COMMANDS: '2', REDIS_URL: 'redis://127.0.0.1:9' },
      (builder) => builder,
      false,
    );
  });
  afterAll(() => svc.close());

  it('lets commands through (no 429, no 5xx), counting each in rate_limit_unavailable_total', async () => {
    const statuses: number[] = [];
    for (let request = 0; request < 5; request += 1)
      statuses.push((await registerPartner(svc, 'dri-unlimited')).status);
    expect(statuses).toEqual([400, 400, 400, 400, 400]);
    // Two checks per command: the user's limit and the address's.
    expect(await metricOf(svc, 'rate_limit_unavailable_total')).toBe(10);
  });
});
