// A student records where their emails go, then proposes a plan, reworks it, has it approved by
// the international office (MOB-10: the partner's places run out) and, one in two, cancels it.
import { exchangePlan } from '../../apps/mobility/test/mobility-client';
import type { LoadClient } from './client';
import type { LoadCounts } from './counts';

export async function studentJourney(
  client: LoadClient,
  counts: LoadCounts,
  student: { readonly index: number; readonly runId: string; readonly partnerId: string },
): Promise<void> {
  const { index, runId, partnerId } = student;
  const subject = `chaos-${runId}-s${index}`.toLowerCase();
  const me = client.as('mobility', 'student', subject);
  const office = client.as('mobility', 'international-office', 'chaos-office');
  const contact = { email: `${subject}@students.example.org`, preferredLanguage: index % 2 === 0 ? 'fr' : 'en' };
  if (!(await me.command('PUT', '/v1/students/me/contact', {}, contact)).ok) return;
  const plan = exchangePlan(partnerId);
  const proposed = await me.command<{ planId: string }>('POST', '/v1/plans', {}, plan, false);
  if (!proposed.ok) return;
  counts.plans += 1;
  const id = { id: proposed.body.planId };
  const rework = { ...plan, student: { ...plan.student, track: 'Cybersecurity' } };
  if (!(await me.command('PUT', '/v1/plans/:id', id, rework)).ok) return;
  const approved = await office.command('POST', '/v1/plans/:id/approvals/dri', id);
  if (approved.ok && index % 2 === 0) await me.command('POST', '/v1/plans/:id/cancel', id);
}
