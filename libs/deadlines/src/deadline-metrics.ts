import { Counter, Gauge, type Registry } from 'prom-client';

type PendingSource = () => Promise<number>;

/**
 * Deadline metrics on an optional prom-client registry. The pending gauge is read from Mongo when
 * scraped (the read model is the truth, not a counter kept in memory). Metrics already in the
 * registry are reused, so two schedulers on one registry do not fail on duplicate names; the
 * gauge then sums their sources.
 */
export class DeadlineMetrics {
  private static readonly sources = new WeakMap<Registry, Set<PendingSource>>();

  private readonly fired?: Counter<'type'>;
  private readonly failed?: Counter<'type'>;
  private readonly recreated?: Counter;

  constructor(
    private readonly registry: Registry | undefined,
    private readonly pendingSource: PendingSource,
  ) {
    if (!registry) return;
    const sources = DeadlineMetrics.sources.get(registry) ?? new Set<PendingSource>();
    DeadlineMetrics.sources.set(registry, sources);
    sources.add(pendingSource);

    reuse(
      registry,
      'deadlines_pending',
      () =>
        new Gauge({
          name: 'deadlines_pending',
          help: 'Deadlines scheduled and not yet fired, cancelled or failed (read model)',
          registers: [registry],
          async collect() {
            const counts = await Promise.all([...sources].map((source) => source()));
            this.set(counts.reduce((sum, count) => sum + count, 0));
          },
        }),
    );
    this.fired = reuse(
      registry,
      'deadlines_fired_total',
      () =>
        new Counter({
          name: 'deadlines_fired_total',
          help: 'Deadlines whose command was dispatched',
          labelNames: ['type'],
          registers: [registry],
        }),
    );
    this.failed = reuse(
      registry,
      'deadlines_failed_total',
      () =>
        new Counter({
          name: 'deadlines_failed_total',
          help: 'Deadlines whose command kept failing after all attempts',
          labelNames: ['type'],
          registers: [registry],
        }),
    );
    this.recreated = reuse(
      registry,
      'deadlines_recreated_total',
      () =>
        new Counter({
          name: 'deadlines_recreated_total',
          help: 'Jobs re-created from the read model because Redis had lost them',
          registers: [registry],
        }),
    );
  }

  firedOne(type: string): void {
    this.fired?.inc({ type });
  }

  failedOne(type: string): void {
    this.failed?.inc({ type });
  }

  recreatedSome(count: number): void {
    if (count > 0) this.recreated?.inc(count);
  }

  /** Stops counting this scheduler's pending deadlines (its Mongo connection may be closing). */
  detach(): void {
    if (this.registry) DeadlineMetrics.sources.get(this.registry)?.delete(this.pendingSource);
  }
}

function reuse<M>(registry: Registry, name: string, create: () => M): M {
  return (registry.getSingleMetric(name) as M | undefined) ?? create();
}
