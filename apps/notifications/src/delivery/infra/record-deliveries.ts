import { CloudEvent } from '@bildungsraum/contracts';
import { qualified } from '@bildungsraum/persistence';
import { NOTIFICATIONS_SCHEMA } from '../../db/notifications-data-source';
import { audienceOf } from '../../recipients/domain/audience';
import { hasTemplate, messagesFor } from '../../templates/messages';
import { nextDigestAt } from '../domain/digest';
import { webhookBody } from '../domain/webhook-body';

/** NOTIFY channel the delivery workers LISTEN on; delivered at commit. */
export const DELIVERY_NOTIFY_CHANNEL = 'notifications_delivery';

/** A DataSource (autocommit: the statement is its own transaction) or a transaction's EntityManager. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/**
 * `gate` decides whether the event is new. `inbox`: the statement itself inserts the consumer's
 * inbox row (processOnce's table and key) and records nothing if it was there already — the whole
 * recording is then ONE statement and one round trip. `none`: the caller has run processOnce in
 * its transaction already (partners.* events, which update the read model first).
 */
export type RecordGate = { inbox: string } | 'none';

/**
 * Who is concerned, resolved in SQL from the pure audience (recipient/network read model of
 * partners.*); deactivated organisations hear nothing. Mirrors `audienceOf`'s five parts.
 */
const CONCERNED = `
  found AS (
    SELECT unnest($5::uuid[]) AS id
    UNION SELECT r.id FROM recipient r WHERE r.kind IN ('provider', 'school') AND r.district_keys && $6::text[]
    UNION SELECT unnest(n.coordinator_ids) FROM network n WHERE n.id IN (SELECT unnest(r.network_ids) FROM recipient r WHERE r.id = ANY ($7::uuid[]))
    UNION SELECT unnest(n.coordinator_ids) FROM network n WHERE n.district_keys && $8::text[]
    UNION SELECT unnest(n.coordinator_ids) FROM network n WHERE n.id = ANY ($9::uuid[])),
  concerned AS (
    SELECT f.id FROM found f
     WHERE EXISTS (SELECT 1 FROM fresh) AND NOT EXISTS (SELECT 1 FROM recipient r WHERE r.id = f.id AND r.status = 'deactivated'))`;

/** `subscribedTo` in SQL: exact type, prefix wildcard `a.b.*`, or `*`. */
const SUBSCRIBED = `EXISTS (SELECT 1 FROM unnest(s.event_types) p WHERE p = '*' OR p = $2::text OR (p LIKE '%.*' AND starts_with($2::text, left(p, -1))))`;

function recordingSql(gate: RecordGate): string {
  const fresh = gate === 'none' ? `SELECT 1` : `INSERT INTO ${qualified(NOTIFICATIONS_SCHEMA, 'inbox')} (consumer, event_id, event_type) VALUES ($18::text, $1::uuid, $2::text) ON CONFLICT DO NOTHING RETURNING 1`;
  return `
    WITH fresh AS (${fresh}),
    ${CONCERNED},
    items AS (
      INSERT INTO inbox_item (id, partner_id, event_id, event_type, title_de, title_en, body_de, body_en, created_at)
      SELECT gen_random_uuid(), c.id, $1::uuid, $2::text, $11::text, $12::text, $13::text, $14::text, $15::timestamptz FROM concerned c WHERE $10::boolean
      ON CONFLICT (partner_id, event_id) DO NOTHING RETURNING 1),
    due AS (
      INSERT INTO delivery (id, event_id, event_type, event_time, subscription_id, channel_id, partner_id, channel_kind, language, event, next_attempt_at, created_at, digest)
      SELECT gen_random_uuid(), $1::uuid, $2::text, $3::timestamptz, s.id, s.channel_id, s.partner_id, c.kind, s.language, NULL,
             CASE WHEN s.mode = 'digest' THEN $16::timestamptz ELSE $15::timestamptz END, $15::timestamptz, s.mode = 'digest'
        FROM subscription s JOIN channel c ON c.id = s.channel_id
       WHERE EXISTS (SELECT 1 FROM fresh) AND c.status = 'active'
         AND (s.scope = 'all' OR s.partner_id IN (SELECT id FROM concerned)) AND ${SUBSCRIBED}
      ON CONFLICT (event_id, subscription_id) DO NOTHING RETURNING 1),
    body AS (
      INSERT INTO delivery_event (event_id, event, webhook_body) SELECT $1::uuid, $4::jsonb, $17::text WHERE EXISTS (SELECT 1 FROM due)
      ON CONFLICT (event_id) DO NOTHING)
    SELECT (SELECT count(*) FROM fresh)::int AS fresh, (SELECT count(*) FROM items)::int AS inbox_items, (SELECT count(*) FROM due)::int AS deliveries,
           (SELECT pg_notify('${DELIVERY_NOTIFY_CHANNEL}', '') FROM (SELECT 1 FROM due LIMIT 1) AS any_due) IS NOT NULL AS woken`;
}

const SQL = { inbox: recordingSql({ inbox: '' }), none: recordingSql('none') };

/**
 * Only RECORDS what is due — one delivery row per (event, subscription), unique, so a redelivered
 * or replayed event adds nothing — plus in-app inbox items, and wakes the workers at commit.
 * Sending is the delivery worker's job. One statement: audience, inbox items, matching
 * subscriptions and delivery rows are set-based (INSERT … SELECT), whatever the number of
 * recipients (profiling showed the round trips, not the rows, to be the cost).
 */
export async function recordDeliveries(
  db: Queryable,
  event: CloudEvent<Record<string, unknown>>,
  gate: RecordGate = 'none',
  now: Date = new Date(),
): Promise<{ fresh: boolean; deliveries: number; inboxItems: number }> {
  const audience = audienceOf(event.type, event.data);
  const templated = hasTemplate(event.type);
  const messages = templated ? messagesFor(event.type, event.data) : undefined;
  const { data, ...attributes } = event;
  const stored = JSON.stringify({ ...attributes, data });
  const parameters: unknown[] = [
    event.id,
    event.type,
    event.time,
    stored,
    audience.partners,
    audience.providersInDistricts,
    audience.coordinatorsOfPartners,
    audience.coordinatorsOfDistricts,
    audience.coordinatorsOfNetworks,
    templated,
    messages?.de.title ?? '',
    messages?.en.title ?? '',
    messages?.de.body ?? '',
    messages?.en.body ?? '',
    now,
    nextDigestAt(now),
    webhookBody(event.type, event.time, stored),
  ];
  if (gate !== 'none') parameters.push(gate.inbox);
  const [row] = (await db.query(gate === 'none' ? SQL.none : SQL.inbox, parameters)) as Array<{ fresh: number; inbox_items: number; deliveries: number }>;
  return { fresh: row.fresh > 0, deliveries: row.deliveries, inboxItems: row.inbox_items };
}
