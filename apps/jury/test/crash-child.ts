// The jury in its own process, so that a test can have it die (ADMISSIONS_CRASH_AT) between a
// commit and what follows it, then check what a restarted jury makes of it.
import { ManualClock } from '@admissions/domain-kernel';
import { CLOCK } from '@admissions/platform';
import { startService } from '@admissions/testing';
import { JuryModule } from '../src/jury.module';

async function main(): Promise<void> {
  const env = (name: string) => process.env[name] ?? '';
  const clock = new ManualClock(new Date(env('CLOCK_AT')));
  const svc = await startService(
    'jury',
    JuryModule,
    { DEPLOYMENT_NAMESPACE: env('NAMESPACE'), MONGO_DB: env('DB_NAME'), REDIS_URL: env('CHILD_REDIS_URL') },
    (builder) => builder.overrideProvider(CLOCK).useValue(clock),
  );
  process.send?.({ url: svc.url });
}

void main();
