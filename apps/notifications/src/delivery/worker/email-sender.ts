import nodemailer, { Transporter } from 'nodemailer';
import { AttemptResult } from '../domain/retry-policy';
import { RenderedEmail } from '../../templates/render-email';

export interface EmailRequest {
  to: string;
  /** Stable per delivery, so a resend after a crash can be recognised as the same message. */
  messageId: string;
  email: RenderedEmail;
}

/** SMTP over nodemailer; one pooled transport per worker. */
export class EmailSender {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport(smtpUrl.includes('?') ? smtpUrl : `${smtpUrl}?pool=true&maxConnections=4`);
  }

  async send(request: EmailRequest): Promise<AttemptResult> {
    try {
      await this.transport.sendMail({ from: this.from, to: request.to, messageId: request.messageId, subject: request.email.subject, text: request.email.text, html: request.email.html });
      return { kind: 'success', statusCode: 250 };
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      // 5xx replies are permanent in SMTP, but a mailbox may come back: retry on the schedule anyway.
      return { kind: 'failure', statusCode: code, error: (error instanceof Error ? error.message : String(error)).slice(0, 500) };
    }
  }

  close(): void {
    this.transport.close();
  }
}
