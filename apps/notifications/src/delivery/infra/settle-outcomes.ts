import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { CloudEvent, createEvent, DeliveriesSucceeded, DeliveriesSucceededV2, DeliveryFailed, DeliveryFailedV1 } from '@bildungsraum/contracts';
import { outboxChannel, qualified } from '@bildungsraum/persistence';
import { NOTIFICATIONS_SCHEMA } from '../../db/notifications-data-source';
import { endpointDisabledMessages } from '../../templates/messages';
import { returnedRows } from '../../shared/returned-rows';
import type { Settled } from './delivery-store';

const OUTBOX = qualified(NOTIFICATIONS_SCHEMA, 'outbox');

/** One delivery's outcome (`DeliveryOutcomeV1`) from its row as settled: the row is the source, not the worker's copy. */
const OUTCOME = `jsonb_strip_nulls(jsonb_build_object(
    'deliveryId', o.id, 'eventId', o.event_id, 'eventType', o.event_type, 'subscriptionId', o.subscription_id,
    'channelId', o.channel_id, 'channelKind', o.channel_kind, 'partnerId', o.partner_id, 'attempts', o.attempts,
    'statusCode', o.status_code, 'latencyMs', GREATEST(0, (extract(epoch FROM now() - o.created_at) * 1000)::bigint)))`;

/**
 * One statement — hence one transaction and one round trip — for a batch of outcomes: an attempt
 * row each, the delivery rows updated only if the attempt id is still ours (a takeover after an
 * expired lease wins), channel health, and into the outbox (the same rows appendToOutbox writes;
 * the relay is woken at commit) for the rows that were ours: one `delivery.succeeded.v2` carrying
 * every succeeded delivery of the batch (ADR 0007) and one `delivery.failed.v1` per failed one.
 * The payloads are built here from the settled rows, so the worker sends only ids and outcomes.
 * All or nothing: a process dying mid-batch leaves the rows 'sending' and nothing logged.
 */
const SETTLE_SQL = `
  WITH input AS (
    SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::float8[], $5::int[], $6::text[], $7::text[], $8::bigint[], $9::int[], $10::text[])
      WITH ORDINALITY AS u(id, attempt_id, attempt, started_ms, latency_ms, outcome, status, delay_ms, status_code, error, ord)),
  logged AS (
    INSERT INTO delivery_attempt (id, delivery_id, attempt, started_at, latency_ms, outcome, status_code, error)
    SELECT gen_random_uuid(), id, attempt, to_timestamp(started_ms / 1000), latency_ms, outcome, status_code, error FROM input),
  health AS (
    UPDATE channel c SET failing_since = CASE WHEN h.ok THEN NULL ELSE now() END
      FROM unnest($11::uuid[], $12::boolean[]) AS h(id, ok)
     WHERE c.id = h.id AND (CASE WHEN h.ok THEN c.failing_since IS NOT NULL ELSE c.failing_since IS NULL END)),
  ours AS (
    UPDATE delivery d SET status = u.status, next_attempt_at = now() + (u.delay_ms * interval '1 millisecond'),
           last_status_code = u.status_code, last_error = u.error, lease_until = NULL,
           finished_at = CASE WHEN u.status = 'pending' THEN NULL ELSE now() END
      FROM input u
     WHERE d.id = u.id AND d.attempt_id = u.attempt_id AND d.status = 'sending'
     RETURNING d.id, d.event_id, d.event_type, d.subscription_id, d.channel_id, d.channel_kind, d.partner_id, d.attempts, d.created_at, u.status_code, u.outcome, u.ord),
  failed_events AS (
    INSERT INTO ${OUTBOX} (id, type, subject, attributes, payload)
    SELECT (f.a->>'id')::uuid, f.a->>'type', f.a->>'subject', f.a, ${OUTCOME} || jsonb_strip_nulls(jsonb_build_object('reasonCode', f.reason_code, 'reason', f.reason))
      FROM ours o JOIN jsonb_to_recordset($13::jsonb) AS f(delivery uuid, a jsonb, reason_code text, reason text) ON f.delivery = o.id
     WHERE o.outcome = 'failed'
     ORDER BY o.ord
    RETURNING 1),
  succeeded_event AS (
    INSERT INTO ${OUTBOX} (id, type, subject, attributes, payload)
    SELECT ($14::jsonb->>'id')::uuid, $14::jsonb->>'type', $14::jsonb->>'subject', $14::jsonb, jsonb_build_object('deliveries', jsonb_agg(${OUTCOME} ORDER BY o.ord))
      FROM ours o
     WHERE o.outcome = 'succeeded'
    HAVING count(*) > 0
    RETURNING 1),
  events AS (SELECT 1 FROM failed_events UNION ALL SELECT 1 FROM succeeded_event)
  SELECT (SELECT count(*) FROM ours)::int AS ours, (SELECT count(*) FROM events)::int AS events,
         (SELECT pg_notify('${outboxChannel(NOTIFICATIONS_SCHEMA)}', '') FROM (SELECT 1 FROM events LIMIT 1) AS any_event) IS NOT NULL AS woken`;

export async function settle(dataSource: DataSource, settled: Settled[]): Promise<{ ours: number; events: number }> {
  if (!settled.length) return { ours: 0, events: 0 };
  const count = settled.length;
  const ids = new Array<string>(count), attemptIds = new Array<string>(count), attempts = new Array<number>(count), startedMs = new Array<number>(count);
  const latencies = new Array<number>(count), outcomes = new Array<string>(count), statuses = new Array<string>(count), delays = new Array<number>(count);
  const statusCodes = new Array<number | null>(count), errors = new Array<string | null>(count);
  // Channel health per channel: any success in the batch clears failing_since, otherwise a failure starts it.
  const health = new Map<string, boolean>();
  const failures: Array<{ delivery: string; a: object; reason_code: string; reason?: string }> = [];
  let anySucceeded = false;
  settled.forEach((s, i) => {
    const { delivery, outcome } = s;
    ids[i] = delivery.id;
    attemptIds[i] = delivery.attempt_id;
    attempts[i] = delivery.attempts;
    startedMs[i] = s.startedAt.getTime();
    latencies[i] = s.latencyMs;
    outcomes[i] = outcome.kind;
    statuses[i] = outcome.kind === 'retry' ? 'pending' : outcome.kind;
    delays[i] = outcome.kind === 'retry' ? outcome.delayMs : 0;
    statusCodes[i] = s.statusCode ?? null;
    errors[i] = s.error ?? null;
    health.set(delivery.channel_id, health.get(delivery.channel_id) === true || outcome.kind === 'succeeded');
    if (outcome.kind === 'succeeded') anySucceeded = true;
    if (outcome.kind === 'failed') {
      failures.push({ delivery: delivery.id, a: envelopeOf(createEvent(DeliveryFailed, delivery.id, {} as DeliveryFailedV1)), reason_code: outcome.reasonCode, reason: s.error?.slice(0, 2000) });
    }
  });
  const batchEvent = anySucceeded ? createEvent(DeliveriesSucceeded, randomUUID(), { deliveries: [] } as DeliveriesSucceededV2) : undefined;
  const parameters = [
    ids, attemptIds, attempts, startedMs, latencies, outcomes, statuses, delays, statusCodes, errors,
    [...health.keys()], [...health.values()],
    JSON.stringify(failures),
    batchEvent ? JSON.stringify(envelopeOf(batchEvent)) : null,
  ];
  const disables = settled.filter((item) => item.disableChannel);
  if (!disables.length) return first(await dataSource.query(SETTLE_SQL, parameters));
  // Rare: a channel is disabled and its owner told, atomically with the outcomes.
  return dataSource.transaction(async (manager) => {
    const counts = first(await manager.query(SETTLE_SQL, parameters));
    for (const s of disables) await disableChannel(manager, s.delivery.channel_id, s.disableChannel as string);
    return counts;
  });
}

/** An event's attributes without its data: the statement builds the payload from the rows that were ours. */
function envelopeOf(event: CloudEvent): object {
  return { ...event, data: undefined };
}

function first(rows: unknown): { ours: number; events: number } {
  const [{ ours, events }] = rows as Array<{ ours: number; events: number }>;
  return { ours, events };
}

/** Disables the channel once and tells the owner in the in-app inbox; its open deliveries then fail as `endpoint_disabled`. */
async function disableChannel(manager: EntityManager, channelId: string, reason: string): Promise<void> {
  const rows = returnedRows<{ partner_id: string }>(await manager.query(`UPDATE channel SET status = 'disabled', disabled_reason = $2 WHERE id = $1 AND status = 'active' RETURNING partner_id`, [channelId, reason]));
  if (!rows.length) return;
  const { de, en } = endpointDisabledMessages(reason);
  await manager.query(
    `INSERT INTO inbox_item (id, partner_id, event_id, event_type, title_de, title_en, body_de, body_en) VALUES (gen_random_uuid(), $1, gen_random_uuid(), 'notifications.channel.disabled', $2, $3, $4, $5)`,
    [rows[0].partner_id, de.title, en.title, de.body, en.body],
  );
}
