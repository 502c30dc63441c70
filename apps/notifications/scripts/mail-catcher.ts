import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  messageId?: string;
  from?: string;
  to: string[];
  subject?: string;
  text?: string;
  html?: string;
  receivedAt: string;
}

/**
 * A real SMTP server that keeps what it receives: used by the tests (parse what arrived) and,
 * through dev-smtp-catcher.ts, by `npm start` (mails viewable at http://127.0.0.1:<httpPort>/).
 */
export class MailCatcher {
  readonly mails: CaughtMail[] = [];
  private smtp?: SMTPServer;
  private http?: Server;
  smtpPort = 0;
  httpPort = 0;

  async start(options: { smtpPort?: number; httpPort?: number; host?: string } = {}): Promise<this> {
    const host = options.host ?? '127.0.0.1';
    this.smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((parsed) => {
            const to = (Array.isArray(parsed.to) ? parsed.to : parsed.to ? [parsed.to] : []).flatMap((address) => address.value.map((entry) => entry.address ?? ''));
            this.mails.push({ messageId: parsed.messageId, from: parsed.from?.text, to, subject: parsed.subject, text: parsed.text, html: typeof parsed.html === 'string' ? parsed.html : undefined, receivedAt: new Date().toISOString() });
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    // A client killed mid-session resets the connection: not the catcher's failure.
    this.smtp.on('error', () => undefined);
    await new Promise<void>((resolve) => this.smtp?.listen(options.smtpPort ?? 0, host, resolve));
    this.smtpPort = ((this.smtp as unknown as { server: Server }).server.address() as AddressInfo).port;
    if (options.httpPort !== undefined) {
      this.http = createServer((req, res) => this.serve(req, res));
      await new Promise<void>((resolve) => this.http?.listen(options.httpPort, host, resolve));
      this.httpPort = (this.http.address() as AddressInfo).port;
    }
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.smtpPort}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.smtp ? this.smtp.close(() => resolve()) : resolve()));
    await new Promise<void>((resolve) => (this.http ? this.http.close(() => resolve()) : resolve()));
  }

  /** `/` a list, `/mails.json` everything as JSON, `/mails/<n>.html` one mail's HTML part. */
  private serve(req: IncomingMessage, res: ServerResponse): void {
    const escape = (value = ''): string => value.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);
    if (req.url === '/mails.json') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(this.mails));
      return;
    }
    const one = /^\/mails\/(\d+)\.html$/.exec(req.url ?? '');
    if (one && this.mails[Number(one[1])]) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'" }).end(this.mails[Number(one[1])].html ?? '');
      return;
    }
    const rows = this.mails.map((mail, index) => `<tr><td>${escape(mail.receivedAt)}</td><td>${escape(mail.to.join(', '))}</td><td><a href="/mails/${index}.html">${escape(mail.subject)}</a></td></tr>`).reverse();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
      `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Bildungsraum – Mail-Catcher</title></head><body><h1>Empfangene E-Mails / received mail (${this.mails.length})</h1><table><thead><tr><th>Zeit / time</th><th>An / to</th><th>Betreff / subject</th></tr></thead><tbody>${rows.join('')}</tbody></table></body></html>`,
    );
  }
}
