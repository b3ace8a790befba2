/** A message as the SMTP server receives it. */
export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly language: string;
  /** Deterministic (from the notification id), so that a mail system can drop a duplicate. */
  readonly messageId: string;
  readonly date: Date;
}

/** Resolves once the SMTP server accepted the message for the recipient; rejects otherwise. */
export interface MailSender {
  send(mail: OutgoingMail): Promise<void>;
}
export const MAIL_SENDER = Symbol('MAIL_SENDER');

/** Makes sure a send job exists for a notification's round (a no-op when one does). */
export interface SendJobs {
  enqueue(notificationId: string, round: number): Promise<void>;
}
export const SEND_JOBS = Symbol('SEND_JOBS');
