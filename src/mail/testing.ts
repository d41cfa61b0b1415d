import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server on loopback that keeps what it receives (parsed, attachments included);
 * it can be stopped and started again on the same port, to play an outage.
 */
export function smtpSink() {
  const received: ParsedMail[] = [];
  let server: SMTPServer | undefined;
  let port = 0;
  return {
    received,
    get url() {
      return `smtp://127.0.0.1:${port}`;
    },
    async start() {
      server = new SMTPServer({
        authOptional: true,
        secure: false,
        disabledCommands: ['STARTTLS'],
        logger: false,
        closeTimeout: 200,
        onData(stream, _session, callback) {
          simpleParser(stream).then(
            (mail) => {
              received.push(mail);
              callback();
            },
            (err: Error) => callback(err),
          );
        },
      });
      const s = server;
      await new Promise<void>((resolve, reject) => {
        s.server.once('error', reject);
        s.listen(port, '127.0.0.1', () => resolve());
      });
      port = (s.server.address() as AddressInfo).port;
    },
    async stop() {
      const s = server;
      server = undefined;
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
  };
}
