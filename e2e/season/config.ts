// What a season run is given: its size, its pace and where the services answer. Every figure
// has a ceiling (the run drives a shared machine) and the run talks to the loopback only.

export const FULL_SIZE = 2_000;

export const SERVICES = ['candidacy', 'review', 'jury', 'notification'] as const;
export type Service = (typeof SERVICES)[number];
export type ServiceUrls = Readonly<Record<Service, string>>;

const DEFAULT_PORTS: Readonly<Record<Service, number>> = {
  candidacy: 3001,
  review: 3002,
  jury: 3003,
  notification: 3004,
};

export interface SeasonConfig {
  readonly candidates: number;
  readonly programmes: number;
  /** Candidates filling in their files at once (the leads and the jury act beside them, one at a time each). */
  readonly concurrency: number;
  /** How often a read model is read while something is awaited there. */
  readonly pollMs: number;
  /** Every HTTP request gives up after this. */
  readonly requestTimeoutMs: number;
  /** How long one propagation (e.g. a submission reaching the worklist) is awaited. */
  readonly propagationTimeoutMs: number;
  /** The whole run stops after this, with a partial report. */
  readonly timeoutMs: number;
  readonly urls: ServiceUrls;
  /**
   * In every programme code and candidate id; a new one per run unless given. The programmes'
   * streams fall on the jury topic's partitions by their code, so two runs given one id (each on
   * fresh servers: the ids must be new there) share a layout, and their figures compare.
   */
  readonly runId?: string;
}

type Figure = Exclude<keyof SeasonConfig, 'urls' | 'runId'>;

const RUN_ID = /^[A-Z0-9]{4,16}$/;

export const DEFAULTS: Readonly<Record<Figure, number>> = {
  candidates: FULL_SIZE,
  programmes: 6,
  concurrency: 16,
  pollMs: 200,
  requestTimeoutMs: 30_000,
  propagationTimeoutMs: 120_000,
  timeoutMs: 3_600_000,
};

const LIMITS: Readonly<Record<Figure, readonly [number, number]>> = {
  candidates: [1, FULL_SIZE],
  programmes: [1, 12],
  concurrency: [1, 64],
  pollMs: [100, 250],
  requestTimeoutMs: [1_000, 120_000],
  propagationTimeoutMs: [1_000, 600_000],
  timeoutMs: [10_000, 4 * 3_600_000],
};

/** The defaults completed with what is given, each figure checked against its bounds. */
export function seasonConfig(
  given: Partial<Record<Figure, number>> & { readonly urls: ServiceUrls; readonly runId?: string },
): SeasonConfig {
  const figures = { ...DEFAULTS };
  for (const name of Object.keys(LIMITS) as Figure[]) {
    const value = given[name] ?? DEFAULTS[name];
    const [min, max] = LIMITS[name];
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new Error(`${name} must be a whole number from ${min} to ${max} (got ${value})`);
    }
    figures[name] = value;
  }
  if (figures.candidates < figures.programmes) {
    throw new Error(`${figures.candidates} candidates cannot fill ${figures.programmes} programmes`);
  }
  if (given.runId !== undefined && !RUN_ID.test(given.runId)) {
    throw new Error(`runId must be 4 to 16 capital letters or digits (got ${given.runId})`);
  }
  const urls = Object.fromEntries(SERVICES.map((service) => [service, loopback(service, given.urls[service])]));
  return { ...figures, urls: urls as ServiceUrls, ...(given.runId === undefined ? {} : { runId: given.runId }) };
}

/** CANDIDACY_URL… or, as `npm start` places them, http://127.0.0.1:<CANDIDACY_PORT…>. */
export function urlsFromEnv(env: NodeJS.ProcessEnv): ServiceUrls {
  const urls = Object.fromEntries(
    SERVICES.map((service) => {
      const name = service.toUpperCase();
      return [service, env[`${name}_URL`] ?? `http://127.0.0.1:${env[`${name}_PORT`] ?? DEFAULT_PORTS[service]}`];
    }),
  );
  return urls as ServiceUrls;
}

function loopback(service: Service, url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:' || parsed.hostname !== '127.0.0.1' || parsed.pathname !== '/') {
    throw new Error(`${service}: the season targets http://127.0.0.1:<port> only (got ${url})`);
  }
  return parsed.origin;
}
