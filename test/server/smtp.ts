/**
 * A real SMTP server on loopback for tests where mail matters: it receives what
 * the endpoint's mailer sends over SMTP and hands each parsed mail to the test.
 */
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  /** The mail's Content-Language header ('' without one). */
  language: string;
}

export interface MailCatcher {
  /** `smtp://127.0.0.1:<port>`, for SMTP_URL or the mailer. */
  url: string;
  received: ReceivedMail[];
  /** The first mail received that matches, waiting for it (up to `timeoutMs`) if need be. */
  mailLike(match: (m: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

export async function catchMail(): Promise<MailCatcher> {
  const received: ReceivedMail[] = [];
  let wake: (() => void)[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, done) {
      simpleParser(stream).then((mail) => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), subject: mail.subject ?? '', text: mail.text ?? '', language: String(mail.headers.get('content-language') ?? '') });
        const waiting = wake;
        wake = [];
        for (const w of waiting) w();
        done();
      }, done);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
  const port = (smtp.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    async mailLike(match, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = received.find(match);
        if (found) return found;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no such mail within ${timeoutMs} ms; received: ${received.map((m) => `${m.to.join(',')}: ${m.subject}`).join(' | ') || 'none'}`);
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, left);
          wake.push(() => { clearTimeout(t); resolve(); });
        });
      }
    },
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}
