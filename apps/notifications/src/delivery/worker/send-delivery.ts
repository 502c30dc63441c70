import { ChannelRow, ClaimedDelivery, Settled } from '../infra/delivery-store';
import { AttemptResult, nextStep } from '../domain/retry-policy';
import { signatureHeader } from '../../channels/domain/webhook-secret';
import { messagesFor } from '../../templates/messages';
import { renderEmail } from '../../templates/render-email';
import { EmailSender } from './email-sender';
import { Deadline, WebhookSender } from './webhook-sender';
import { webhookBody } from '../domain/webhook-body';

export interface SendSettings {
  webhooks: WebhookSender;
  schedule: readonly number[];
  disableAfterMs: number;
  mailDomain: string;
}

/** The body rendered once per event at recording; rows recorded before that carry the event itself. */
export function bodyOf(delivery: ClaimedDelivery): string {
  if (delivery.webhook_body !== null) return delivery.webhook_body;
  const event = eventOf(delivery);
  return webhookBody(delivery.event_type, event.time, JSON.stringify(event));
}

export function eventOf(delivery: ClaimedDelivery): NonNullable<ClaimedDelivery['event']> {
  if (!delivery.event) throw new Error(`delivery ${delivery.id}: event body missing`);
  return delivery.event;
}

/** Stable per delivery: a resend after a crash carries the same Message-ID. */
export function messageIdOf(deliveryId: string, domain: string): string {
  return `<${deliveryId}@${domain}>`;
}

export function validSecrets(channel: ChannelRow, now: Date): string[] {
  const secrets = channel.secret ? [channel.secret] : [];
  if (channel.previous_secret && channel.previous_secret_until && channel.previous_secret_until.getTime() > now.getTime()) secrets.push(channel.previous_secret);
  return secrets;
}

/** Sends one claimed delivery over its channel and decides what follows. */
/** `deadline` is the batch's (WebhookSender.deadline). */
export async function sendDelivery(delivery: ClaimedDelivery, channel: ChannelRow | undefined, email: EmailSender, settings: SendSettings, deadline?: Deadline): Promise<Settled> {
  const startedAt = new Date();
  if (!channel || channel.status !== 'active') {
    return { delivery, startedAt, latencyMs: 0, error: channel ? 'endpoint disabled' : 'channel erased', outcome: { kind: 'failed', reasonCode: channel ? 'endpoint_disabled' : 'channel_erased' } };
  }
  let result: AttemptResult;
  if (channel.kind === 'webhook') {
    const body = bodyOf(delivery);
    const timestamp = Math.floor(Date.now() / 1000);
    result = await settings.webhooks.post(
      {
        url: channel.address,
        body,
        headers: { 'webhook-id': delivery.id, 'webhook-timestamp': String(timestamp), 'webhook-signature': signatureHeader(validSecrets(channel, startedAt), delivery.id, timestamp, body) },
      },
      deadline,
    );
  } else {
    const message = messagesFor(delivery.event_type, eventOf(delivery).data)[delivery.language];
    result = await email.send({ to: channel.address, messageId: messageIdOf(delivery.id, settings.mailDomain), email: renderEmail(message, delivery.language) });
  }
  const latencyMs = Date.now() - startedAt.getTime();
  const outcome = nextStep(result, delivery.attempts, settings.schedule);
  const statusCode = result.statusCode;
  const error = result.kind === 'failure' ? result.error : result.kind === 'gone' ? 'HTTP 410 Gone' : undefined;
  let disableChannel: string | undefined;
  if (result.kind === 'gone') disableChannel = 'HTTP 410 Gone';
  else if (result.kind === 'failure' && channel.failing_since && startedAt.getTime() - new Date(channel.failing_since).getTime() > settings.disableAfterMs) {
    disableChannel = `failing since ${new Date(channel.failing_since).toISOString()}`;
  }
  return { delivery, startedAt, latencyMs, statusCode, error, outcome, disableChannel };
}
