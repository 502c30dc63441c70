import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { CloudEvent } from '@bildungsraum/contracts';
import { audienceOf } from '../../recipients/domain/audience';
import { directory } from '../../recipients/infra/directory.repository';
import { subscribedTo } from '../../subscriptions/domain/event-types';
import { hasTemplate, messagesFor } from '../../templates/messages';
import { nextDigestAt } from '../domain/digest';

/** NOTIFY channel the delivery workers LISTEN on; delivered at commit. */
export const DELIVERY_NOTIFY_CHANNEL = 'notifications_delivery';

interface SubscriptionRow {
  id: string;
  partner_id: string;
  channel_id: string;
  channel_kind: string;
  event_types: string[];
  mode: 'immediate' | 'digest';
  language: string;
  scope: 'concerned' | 'all';
}

/**
 * Inside the consumer's processOnce transaction: only RECORDS what is due — one delivery row per
 * (event, subscription), unique, so a redelivered or replayed event adds nothing — plus in-app
 * inbox items. Sending is the delivery worker's job.
 */
export async function recordDeliveries(manager: EntityManager, event: CloudEvent<Record<string, unknown>>, now: Date = new Date()): Promise<{ deliveries: number; inboxItems: number }> {
  const concerned = await directory.resolve(manager, audienceOf(event.type, event.data));
  let inboxItems = 0;
  if (concerned.length && hasTemplate(event.type)) {
    const { de, en } = messagesFor(event.type, event.data);
    const rows = (await manager.query(
      `INSERT INTO inbox_item (id, partner_id, event_id, event_type, title_de, title_en, body_de, body_en, created_at)
       SELECT gen_random_uuid(), partner_id, $2, $3, $4, $5, $6, $7, $8 FROM unnest($1::uuid[]) AS partner_id
       ON CONFLICT (partner_id, event_id) DO NOTHING RETURNING 1`,
      [concerned, event.id, event.type, de.title, en.title, de.body, en.body, now],
    )) as unknown[];
    inboxItems = rows.length;
  }
  const subscriptions = ((await manager.query(
    `SELECT s.id, s.partner_id, s.channel_id, c.kind AS channel_kind, s.event_types, s.mode, s.language, s.scope
       FROM subscription s JOIN channel c ON c.id = s.channel_id
      WHERE c.status = 'active' AND (s.scope = 'all' OR s.partner_id = ANY ($1::uuid[]))`,
    [concerned],
  )) as SubscriptionRow[]).filter((subscription) => subscribedTo(subscription.event_types, event.type));
  if (!subscriptions.length) return { deliveries: 0, inboxItems };
  const { data, ...attributes } = event;
  const stored = JSON.stringify({ ...attributes, data });
  const rows = (await manager.query(
    `INSERT INTO delivery (id, event_id, event_type, event_time, subscription_id, channel_id, partner_id, channel_kind, language, event, next_attempt_at, created_at, digest)
     SELECT id, $1, $2, $3, subscription_id, channel_id, partner_id, channel_kind, language, $4::jsonb, next_attempt_at, $5, digest
       FROM unnest($6::uuid[], $7::uuid[], $8::uuid[], $9::uuid[], $10::text[], $11::text[], $12::timestamptz[], $13::boolean[])
         AS t(id, subscription_id, channel_id, partner_id, channel_kind, language, next_attempt_at, digest)
     ON CONFLICT (event_id, subscription_id) DO NOTHING RETURNING 1`,
    [
      event.id,
      event.type,
      event.time,
      stored,
      now,
      subscriptions.map(() => randomUUID()),
      subscriptions.map((s) => s.id),
      subscriptions.map((s) => s.channel_id),
      subscriptions.map((s) => s.partner_id),
      subscriptions.map((s) => s.channel_kind),
      subscriptions.map((s) => s.language),
      subscriptions.map((s) => (s.mode === 'digest' ? nextDigestAt(now) : now)),
      subscriptions.map((s) => s.mode === 'digest'),
    ],
  )) as unknown[];
  if (rows.length) await manager.query(`SELECT pg_notify($1, '')`, [DELIVERY_NOTIFY_CHANNEL]);
  return { deliveries: rows.length, inboxItems };
}
