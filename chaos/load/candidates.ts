// A candidate fills in and submits a file (CAND-1, CAND-2), then the programme's lead waits for it
// in the worklist and gives an opinion without an interview (REV-4), one in five unfavourable.
import { candidateFile, pdfForm } from '../../e2e/season/fixtures';
import type { LoadClient } from './client';
import type { LoadCounts } from './counts';

/** How long a lead waits for a submitted file to reach the worklist (Kafka may be down). */
const REVIEW_WAIT_MS = 180_000;
const MOTIVATION = 'Parcours cohérent, expérience pertinente et projet professionnel clair pour ce mastère.';

export interface Programme {
  readonly code: string;
  readonly leadId: string;
  readonly places: number;
}

export async function candidateJourney(
  client: LoadClient,
  counts: LoadCounts,
  candidate: { readonly index: number; readonly runId: string; readonly programme: Programme },
): Promise<void> {
  const { index, runId, programme } = candidate;
  const me = client.as('candidacy', 'candidate', `chaos-${runId}-c${index}`.toLowerCase());
  const file = candidateFile(index, `${runId}c`);
  // Not repeated when the request may have arrived: a second file would be opened.
  const opened = await me.command<{ candidacyId: string }>('POST', '/v1/candidacies', {}, undefined, false);
  if (!opened.ok) return;
  const id = { id: opened.body.candidacyId };
  const steps: [string, string, unknown][] = [
    ['PUT', '/v1/candidacies/:id/identity', file.identity],
    ['PUT', '/v1/candidacies/:id/diplomas', file.diplomas],
    ['PUT', '/v1/candidacies/:id/experience', file.experience],
    ['PUT', '/v1/candidacies/:id/programme', { programmeCode: programme.code }],
  ];
  for (const [method, route, body] of steps) if (!(await me.command(method, route, id, body)).ok) return;
  for (const kind of ['CV', 'MOTIVATION_LETTER'] as const) {
    if (!(await me.command('POST', '/v1/candidacies/:id/documents', id, await pdfForm(kind, id.id))).ok) return;
  }
  if (!(await me.command('POST', '/v1/candidacies/:id/submission', id)).ok) return;
  counts.submitted += 1;
  // Never one of the warm-up's first three (index 1 to 3).
  await giveOpinion(client, counts, programme.leadId, id.id, index % 5 === 0 ? 'UNFAVOURABLE' : 'FAVOURABLE');
}

async function giveOpinion(
  client: LoadClient,
  counts: LoadCounts,
  leadId: string,
  candidacyId: string,
  opinion: string,
) {
  const lead = client.as('review', 'pedagogical-lead', leadId);
  const until = Date.now() + REVIEW_WAIT_MS;
  const id = { id: candidacyId };
  while (!(await lead.read('/v1/reviews/:id', id)).ok) {
    if (Date.now() > until || client.stopped) return;
    await client.pause(1_000);
  }
  const given = await lead.command('POST', '/v1/reviews/:id/opinion', id, { opinion, motivation: MOTIVATION });
  if (given.ok) counts.opinions += 1;
}
