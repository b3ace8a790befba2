// Every notification was sent at most once per notification id, and every one owed was sent:
// in the notification's store (one NotificationSent per id, none failed or still owed), and at
// the SMTP server (each sent Message-ID received). A copy received twice under one Message-ID is
// counted apart: the window between the server's acceptance and the record (a SIGKILL, MongoDB
// away) that SMTP cannot close, where the deterministic Message-ID lets mail systems drop it.
// A notification that found no address yet (a student's contact and their plan's approval travel
// on different partitions, and the approval may come first) waits for the contact and is sent
// when it arrives: it must be sent like any other, and is counted apart only to show the seam at
// work. Every person the load notifies has a contact (a student records one before proposing a
// plan, a candidate's file carries one), so no notification is exempt.
import { NO_ADDRESS } from '../../apps/notification/src/application/notification-delivery';
import type { ReceivedMail } from '../../apps/notification/test/smtp-sink';
import type { Stores } from '../stores';
import { type Check, check } from './check';
import { logOf } from './deadlines';

interface Tally {
  requested: number;
  sent: number;
  failed: number;
  messageId?: string;
  error?: string;
  /** A round failed for want of an address: the notification waited for the contact. */
  noAddress?: boolean;
}

export async function notificationsOnce(stores: Stores, received: readonly ReceivedMail[]): Promise<Check> {
  const byId = new Map<string, Tally>();
  for (const event of await logOf(stores.of.notification)) {
    const data = event.data as { notificationId?: string; messageId?: string; error?: string };
    if (!data.notificationId) continue;
    const tally = byId.get(data.notificationId) ?? { requested: 0, sent: 0, failed: 0 };
    byId.set(data.notificationId, tally);
    if (event.type === 'NotificationRequested') tally.requested += 1;
    if (event.type === 'NotificationSent') Object.assign(tally, { sent: tally.sent + 1, messageId: data.messageId });
    if (event.type === 'NotificationFailed') {
      Object.assign(tally, { failed: tally.failed + 1, error: data.error });
      if (data.error === NO_ADDRESS) tally.noAddress = true;
    }
  }
  const copies = new Map<string, number>();
  for (const mail of received) copies.set(mail.messageId, (copies.get(mail.messageId) ?? 0) + 1);
  const problems: string[] = [];
  let sentOnce = 0;
  for (const [id, tally] of byId) {
    if (tally.requested !== 1) problems.push(`${id}: requested ${tally.requested} times`);
    if (tally.sent > 1) problems.push(`${id}: recorded sent ${tally.sent} times`);
    if (tally.sent === 0) {
      problems.push(`${id}: never sent (${tally.failed > 0 ? `failed: ${tally.error}` : 'still owed'})`);
    }
    if (tally.sent === 1) sentOnce += 1;
    if (tally.messageId && !copies.has(tally.messageId)) problems.push(`${id}: recorded sent, not received`);
  }
  return check(
    'every notification sent at most once per id, every one owed sent',
    {
      'notifications owed': byId.size,
      'sent once': sentOnce,
      'recorded sent twice': [...byId.values()].filter((tally) => tally.sent > 1).length,
      'failed or still owed': [...byId.values()].filter((t) => t.sent === 0).length,
      'sent once the contact arrived (no address at first)': [...byId.values()].filter(
        (t) => t.sent === 1 && t.noAddress,
      ).length,
      'mails received': received.length,
      'Message-IDs received twice (SMTP window)': [...copies.values()].filter((count) => count > 1).length,
    },
    problems,
  );
}
