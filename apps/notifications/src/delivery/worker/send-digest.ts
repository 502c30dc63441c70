import { ChannelRow, ClaimedDelivery, Settled } from '../infra/delivery-store';
import { nextStep } from '../domain/retry-policy';
import { messagesFor } from '../../templates/messages';
import { renderDigest } from '../../templates/render-digest';
import { EmailSender } from './email-sender';
import { eventOf, SendSettings } from './send-delivery';

/**
 * The due digest rows of one email subscription as one message. The Message-ID derives from
 * the smallest delivery id of the group, so a resend of the same group keeps it.
 */
export async function sendDigest(rows: ClaimedDelivery[], channel: ChannelRow, email: EmailSender, settings: SendSettings): Promise<Settled[]> {
  const startedAt = new Date();
  const language = rows[0].language;
  const ordered = [...rows].sort((a, b) => eventOf(a).time.localeCompare(eventOf(b).time));
  const messages = ordered.map((row) => messagesFor(row.event_type, eventOf(row).data)[language]);
  const first = [...rows].map((row) => row.id).sort()[0];
  const result = await email.send({ to: channel.address, messageId: `<digest.${first}@${settings.mailDomain}>`, email: renderDigest(messages, language) });
  const latencyMs = Date.now() - startedAt.getTime();
  const error = result.kind === 'failure' ? result.error : undefined;
  return rows.map((delivery) => ({ delivery, startedAt, latencyMs, statusCode: result.statusCode, error, outcome: nextStep(result, delivery.attempts, settings.schedule) }));
}
