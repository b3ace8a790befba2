// The chaos suite at reduced size (chaos/plan.ts SHORT; `npm run chaos` is the long run): two
// instances of every service under load through their HTTP APIs, while service instances are
// SIGKILLed, the broker is SIGKILLed and restarted, FerretDB restarted, Redis wiped and the
// clocks jump past the offers' expiry; then every invariant must hold, each with its counts.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { startedLocally } from '@admissions/testing';
import { SHORT } from '../chaos/plan';
import { formatReport, passed, timeline } from '../chaos/report';
import { type ChaosReport, runChaos } from '../chaos/run';

const ROOT = join(__dirname, '..');
const local = startedLocally(['kafka', 'mongo', 'redis']);

// Kills and restarts the servers infra/local/up.sh started; against servers of one's own, it cannot.
(local ? describe : describe.skip)('chaos, short: faults under load, then the invariants', () => {
  let report: ChaosReport;

  beforeAll(() => {
    // The instances run the built services, as `npm start` does (incremental: seconds when nothing changed).
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'ignore' });
  }, 300_000);

  it(
    'injects the faults planned and stops by itself, the servers healthy',
    async () => {
      const lines: string[] = [];
      report = await runChaos(SHORT, { log: timeline((line) => lines.push(line)), dropData: true });
      // The timeline says which phase took the time when the run fails on a slow machine.
      process.stdout.write(`${lines.join('\n')}\n${formatReport(report)}`);
      expect(report.stoppedBy).toBeUndefined();
      expect(report.faultCounts).toEqual(
        Object.fromEntries(Object.entries(SHORT.faults).filter(([, count]) => count > 0)),
      );
      expect(report.load.acknowledged).toBeGreaterThan(50);
      expect(report.load.offers).toBeGreaterThan(0);
      // The clocks' jump made the first sitting's offers (and their reminders) come due under the faults.
      const deadlines = report.checks.find((check) => check.name === 'every deadline that came due fired exactly once');
      expect(deadlines?.figures['jury: due']).toBeGreaterThan(0);
      expect(report.serversHealthy).toBe(true);
    },
    // The bound on start to load, the quiet's bound, then the checks and the instances' stop.
    SHORT.timeoutMs + SHORT.quiesceMs + 120_000,
  );

  it.each([
    'every command answered 2xx has its events in the store',
    'every stored event reached its Kafka topic',
    'every read model equals a rebuild from scratch',
    'every deadline that came due fired exactly once',
    'seats never exceeded places at any event',
    'every notification sent at most once per id, every one owed sent',
    'dead-letter topics hold only the poison injected on purpose',
  ])('%s', (name) => {
    const check = report.checks.find((candidate) => candidate.name === name);
    expect(check?.problems).toEqual([]);
  });

  it('the run passes as a whole', () => {
    expect(passed(report)).toBe(true);
  });
});
