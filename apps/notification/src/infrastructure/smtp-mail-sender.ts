import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import type { MailSender, OutgoingMail } from '../application/ports';
import { NotificationEnv } from '../config';

/** Email over SMTP with nodemailer, as the environment configures it (host, port, TLS, credentials, sender). */
@Injectable()
export class SmtpMailSender implements MailSender, OnApplicationShutdown {
  private readonly transport: Transporter;

  constructor(private readonly env: NotificationEnv) {
    const credentials =
      env.SMTP_USER === undefined ? undefined : { user: env.SMTP_USER, pass: env.SMTP_PASSWORD ?? '' };
    this.transport = createTransport({
      host: env.SMTP_HOST,
      port: env.SMTP_PORT,
      secure: env.SMTP_SECURE,
      requireTLS: env.SMTP_REQUIRE_TLS,
      ...(credentials ? { auth: credentials } : {}),
      // A server that does not answer must not hold a send job for minutes.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  async send(mail: OutgoingMail): Promise<void> {
    const info = await this.transport.sendMail({
      from: this.env.MAIL_FROM,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      messageId: mail.messageId,
      date: mail.date,
      headers: { 'Content-Language': mail.language },
    });
    const rejected = (info.rejected ?? []).map(String);
    if (rejected.length > 0) throw new Error(`the SMTP server refused ${rejected.join(', ')}`);
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
