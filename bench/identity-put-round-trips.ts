// `node -r @swc-node/register bench/identity-put-round-trips.ts [puts] [at-once]`: the MongoDB
// commands the candidacy service sends per identity PUT (P1's command), on the service booted in
// this process against the local servers (after `source .local/env`), counted with the driver's
// command monitoring from the first PUT until 3 s after the last (so the sequencer, relay,
// projections and public stream that follow each command are counted too). `at-once` PUTs run
// concurrently over 64 files, as P1's connections do (16); 1 shows a command's cost alone.
import { MongoDatabase } from '@admissions/platform';
import { startService } from '@admissions/testing';
import { Client, identity } from '../apps/candidacy/src/candidacy.int-helpers';
import { CandidacyModule } from '../apps/candidacy/src/candidacy.module';
import { mongoCommands, runBench, say, sleep } from './round-trips';

const PUTS = Number(process.argv[2] ?? 400);
const AT_ONCE = Number(process.argv[3] ?? 16);
const FILES = 64;
const SETTLE_MS = 3_000;

async function main(): Promise<void> {
  const svc = await startService('candidacy', CandidacyModule);
  const { client } = svc.app.get(MongoDatabase);
  const files: { client: Client; candidacyId: string }[] = [];
  for (let f = 0; f < FILES; f += 1) {
    const candidate = new Client(svc, svc.token('candidate', `round-trips-${Date.now()}-${f}`));
    const candidacyId = String((await candidate.post('/v1/candidacies')).body.candidacyId);
    await candidate.put(`/v1/candidacies/${candidacyId}/identity`, identity);
    files.push({ client: candidate, candidacyId });
  }
  await sleep(SETTLE_MS);

  const counts = mongoCommands(client);
  const started = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: AT_ONCE }, async () => {
      for (let n = next++; n < PUTS; n = next++) {
        const { client: candidate, candidacyId } = files[n % FILES];
        // Each a real change (a new last name), so that every PUT appends an event.
        const body = { ...identity, personal: { ...identity.personal, lastName: `Charge ${n}` } };
        const answer = await candidate.put(`/v1/candidacies/${candidacyId}/identity`, body);
        if (answer.status !== 200) throw new Error(`PUT answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      }
    }),
  );
  const ms = Date.now() - started;
  await sleep(SETTLE_MS);
  counts.end();

  say(`${PUTS} identity PUTs, ${AT_ONCE} at once over ${FILES} files, in ${ms} ms (client in the same process)`);
  say('MongoDB commands per PUT, until 3 s after the last:');
  let total = 0;
  for (const [key, n] of [...counts.byKey].sort((a, b) => b[1] - a[1])) {
    total += n;
    say(`  ${key.padEnd(32)} ${(n / PUTS).toFixed(2)}`);
  }
  say(`  ${'total'.padEnd(32)} ${(total / PUTS).toFixed(2)}`);
  await svc.app.close();
}

runBench('round trips', main);
