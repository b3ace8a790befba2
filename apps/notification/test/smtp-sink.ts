import { simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  readonly to: readonly string[];
  readonly from: string;
  readonly subject: string;
  readonly text: string;
  readonly messageId: string;
  readonly language: string;
}

/**
 * A real SMTP server on loopback that keeps what it receives: the receiving end of the tests.
 * It asks for credentials (plain AUTH without TLS, as a local relay may) and can be stopped and
 * started again on the same port to play an outage.
 */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  private server?: SMTPServer;
  private boundPort = 0;

  constructor(private readonly credentials: { user: string; password: string }) {}

  get port(): number {
    return this.boundPort;
  }

  async start(): Promise<number> {
    const server = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      logger: false,
      onAuth: (auth, _session, callback) => {
        const ok = auth.username === this.credentials.user && auth.password === this.credentials.password;
        callback(ok ? null : new Error('Invalid credentials'), ok ? { user: auth.username } : undefined);
      },
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            const header = mail.headers.get('content-language');
            this.received.push({
              to: session.envelope.rcptTo.map((r) => r.address),
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              messageId: mail.messageId ?? '',
              language: typeof header === 'string' ? header : '',
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.boundPort, '127.0.0.1', () => resolve());
    });
    this.boundPort = (server.server.address() as AddressInfo).port;
    this.server = server;
    return this.boundPort;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  to(address: string): ReceivedMail[] {
    return this.received.filter((mail) => mail.to.includes(address));
  }
}
