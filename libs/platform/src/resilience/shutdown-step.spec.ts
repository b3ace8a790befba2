import { shutdownStep } from './shutdown-step';

describe('shutdownStep', () => {
  it('waits for a step that finishes within its bound, and warns of nothing', async () => {
    const warnings: string[] = [];
    let finished = false;
    const outcome = await shutdownStep(
      'consumer g',
      () => new Promise<void>((resolve) => setTimeout(() => resolve(void (finished = true)), 20)),
      (message) => warnings.push(message),
      1_000,
    );
    expect({ outcome, finished, warnings }).toEqual({ outcome: 'done', finished: true, warnings: [] });
  });

  it('leaves a step that never ends behind after its bound, naming it', async () => {
    const warnings: string[] = [];
    const started = Date.now();
    const outcome = await shutdownStep(
      'consumer jury-intake',
      () => new Promise(() => undefined),
      (m) => warnings.push(m),
      50,
    );
    expect(outcome).toBe('late');
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(warnings).toEqual(['stopping consumer jury-intake took more than 50 ms: going on without it']);
  });

  it('warns of a step that fails, thrown or rejected, and goes on', async () => {
    const warnings: string[] = [];
    const thrown = await shutdownStep(
      'redis',
      () => {
        throw new Error('Connection is closed.');
      },
      (m) => warnings.push(m),
    );
    const rejected = await shutdownStep(
      'kafka producer',
      () => Promise.reject(new Error('broker away')),
      (m) => warnings.push(m),
    );
    expect([thrown, rejected]).toEqual(['failed', 'failed']);
    expect(warnings).toEqual([
      'stopping redis failed: Connection is closed.',
      'stopping kafka producer failed: broker away',
    ]);
  });
});
