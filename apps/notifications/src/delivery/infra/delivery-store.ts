import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createEvent, DeliveriesSucceeded, DeliveryFailed, DeliveryFailedV1, DeliveryOutcomeV1 } from '@bildungsraum/contracts';
import { outboxChannel, qualified } from '@bildungsraum/persistence';
import { NOTIFICATIONS_SCHEMA } from '../../db/notifications-data-source';
import { endpointDisabledMessages } from '../../templates/messages';
import { returnedRows } from '../../shared/returned-rows';

export interface ClaimedDelivery {
  id: string;
  event_id: string;
  event_type: string;
  subscription_id: string;
  channel_id: string;
  partner_id: string;
  channel_kind: 'email' | 'webhook';
  language: 'de' | 'en';
  /** The CloudEvent, for email (templates) and for rows recorded before bodies were stored once; else null. */
  event: ({ id: string; type: string; time: string; data: Record<string, unknown> } & Record<string, unknown>) | null;
  /** The Standard Webhooks body rendered once per event at recording (webhook rows). */
  webhook_body: string | null;
  attempts: number;
  attempt_id: string;
  created_at: Date;
  /** Part of a daily digest: due rows of one subscription go out as one email. */
  digest: boolean;
  /** The channel as it is now; undefined when it was erased. */
  channel?: ChannelRow;
}

export interface ChannelRow {
  id: string;
  partner_id: string;
  kind: 'email' | 'webhook';
  address: string;
  secret: string | null;
  previous_secret: string | null;
  previous_secret_until: Date | null;
  status: 'active' | 'disabled';
  failing_since: Date | null;
}

export interface Settled {
  delivery: ClaimedDelivery;
  startedAt: Date;
  latencyMs: number;
  statusCode?: number;
  error?: string;
  /** The outcome the retry policy chose. */
  outcome: { kind: 'succeeded' } | { kind: 'retry'; delayMs: number } | { kind: 'failed'; reasonCode: string };
  /** The channel failed and should be disabled (410, or failing for too long), its owner told. */
  disableChannel?: string;
}

/**
 * Claims due rows in their own committed statement: status 'sending', a fresh attempt id and a
 * lease. A worker killed after sending leaves the row 'sending'; when the lease runs out another
 * worker sends it again (same webhook-id / Message-ID), which is the documented at-least-once window.
 */
const DUE = `(d.status = 'pending' OR (d.status = 'sending' AND d.lease_until < now())) AND d.next_attempt_at <= now()`;
const CLAIM = `status = 'sending', attempt_id = gen_random_uuid(), attempts = d.attempts + 1, lease_until = now() + ($2::int * interval '1 millisecond')`;

/**
 * One statement, one round trip per batch: single deliveries row by row (SKIP LOCKED), digests
 * whole subscriptions at a time — the worker locks the subscription row (SKIP LOCKED), so a
 * concurrent worker can neither split a digest nor send it twice (its rows are 'sending' by the
 * time the lock is released) — each row with its channel and the event's stored body.
 *
 * The claim commits without waiting for its WAL flush (synchronous_commit off for this
 * transaction only): if Postgres crashed before the flush, the claim is lost and the row is
 * simply due again — the same resend-with-the-same-id window as a killed worker. Any later
 * synchronous commit (the batch's settle) flushes the WAL up to and including the claim.
 */
const CLAIM_SQL = `
  WITH single AS (
    UPDATE delivery d SET ${CLAIM}
      FROM (SELECT id FROM delivery d WHERE NOT d.digest AND ${DUE}
             ORDER BY d.next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED) due
     WHERE d.id = due.id
     RETURNING d.*),
  subscriptions AS (
    SELECT s.id FROM subscription s
     WHERE s.id IN (SELECT d.subscription_id FROM delivery d WHERE d.digest AND ${DUE})
     LIMIT $1 FOR UPDATE OF s SKIP LOCKED),
  digests AS (
    UPDATE delivery d SET ${CLAIM}
      FROM subscriptions
     WHERE d.subscription_id = subscriptions.id AND d.digest AND ${DUE}
     RETURNING d.*),
  claimed AS (SELECT * FROM single UNION ALL SELECT * FROM digests)
  SELECT d.id, d.event_id, d.event_type, d.subscription_id, d.channel_id, d.partner_id, d.channel_kind, d.language, d.attempts, d.attempt_id, d.created_at, d.digest,
         CASE WHEN d.channel_kind = 'webhook' THEN e.webhook_body END AS webhook_body,
         CASE WHEN d.channel_kind <> 'webhook' OR e.webhook_body IS NULL THEN COALESCE(e.event, d.event) END AS event,
         c.id AS c_id, c.partner_id AS c_partner_id, c.kind AS c_kind, c.address AS c_address, c.secret AS c_secret, c.previous_secret AS c_previous_secret,
         c.previous_secret_until AS c_previous_secret_until, c.status AS c_status, c.failing_since AS c_failing_since
    FROM claimed d LEFT JOIN delivery_event e ON e.event_id = d.event_id LEFT JOIN channel c ON c.id = d.channel_id
   CROSS JOIN (SELECT set_config('synchronous_commit', 'off', true)) AS no_flush`;

type ClaimRow = Omit<ClaimedDelivery, 'channel'> & { [K in keyof ChannelRow as `c_${K}`]: ChannelRow[K] | null };

/** Due rows for this worker, each with its channel (one statement). */
export async function claimDue(dataSource: DataSource, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
  const rows = (await dataSource.query(CLAIM_SQL, [limit, leaseMs])) as ClaimRow[];
  return rows.map(({ c_id, c_partner_id, c_kind, c_address, c_secret, c_previous_secret, c_previous_secret_until, c_status, c_failing_since, ...delivery }) => ({
    ...delivery,
    channel: c_id
      ? { id: c_id, partner_id: c_partner_id as string, kind: c_kind as ChannelRow['kind'], address: c_address as string, secret: c_secret, previous_secret: c_previous_secret, previous_secret_until: c_previous_secret_until, status: c_status as ChannelRow['status'], failing_since: c_failing_since }
      : undefined,
  }));
}

/**
 * One statement — hence one transaction and one round trip — for a batch of outcomes: an attempt
 * row each, the delivery rows updated only if the attempt id is still ours (a takeover after an
 * expired lease wins), channel health, and into the outbox (the same rows appendToOutbox writes;
 * the relay is woken at commit) for the rows that were ours: one `delivery.succeeded.v2` carrying
 * every succeeded delivery of the batch (ADR 0007) and one `delivery.failed.v1` per failed one.
 * All or nothing: a process dying mid-batch leaves the rows 'sending' and nothing logged.
 */
const SETTLE_SQL = `
  WITH input AS (
    SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::timestamptz[], $5::int[], $6::text[], $7::text[], $8::bigint[], $9::int[], $10::text[])
      AS u(id, attempt_id, attempt, started_at, latency_ms, outcome, status, delay_ms, status_code, error)),
  logged AS (
    INSERT INTO delivery_attempt (id, delivery_id, attempt, started_at, latency_ms, outcome, status_code, error)
    SELECT gen_random_uuid(), id, attempt, started_at, latency_ms, outcome, status_code, error FROM input),
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
     RETURNING d.id),
  failed_events AS (
    INSERT INTO ${qualified(NOTIFICATIONS_SCHEMA, 'outbox')} (id, type, subject, attributes, payload)
    SELECT (r->'a'->>'id')::uuid, r->'a'->>'type', r->'a'->>'subject', r->'a', r->'p'
      FROM jsonb_array_elements($13::jsonb) WITH ORDINALITY AS e(r, i)
     WHERE (r->>'delivery')::uuid IN (SELECT id FROM ours)
     ORDER BY i
    RETURNING 1),
  succeeded_event AS (
    INSERT INTO ${qualified(NOTIFICATIONS_SCHEMA, 'outbox')} (id, type, subject, attributes, payload)
    SELECT ($14::jsonb->>'id')::uuid, $14::jsonb->>'type', $14::jsonb->>'subject', $14::jsonb - 'data', jsonb_build_object('deliveries', jsonb_agg(r->'p' ORDER BY i))
      FROM jsonb_array_elements($15::jsonb) WITH ORDINALITY AS e(r, i)
     WHERE (r->>'delivery')::uuid IN (SELECT id FROM ours)
    HAVING count(*) > 0
    RETURNING 1),
  events AS (SELECT 1 FROM failed_events UNION ALL SELECT 1 FROM succeeded_event)
  SELECT (SELECT count(*) FROM ours)::int AS ours, (SELECT count(*) FROM events)::int AS events,
         (SELECT pg_notify('${outboxChannel(NOTIFICATIONS_SCHEMA)}', '') FROM (SELECT 1 FROM events LIMIT 1) AS any_event) IS NOT NULL AS woken`;

export async function settle(dataSource: DataSource, settled: Settled[]): Promise<{ ours: number; events: number }> {
  if (!settled.length) return { ours: 0, events: 0 };
  // Channel health per channel: any success in the batch clears failing_since, otherwise a failure starts it.
  const health = new Map<string, boolean>();
  for (const s of settled) health.set(s.delivery.channel_id, health.get(s.delivery.channel_id) === true || s.outcome.kind === 'succeeded');
  // Outcomes of every final attempt; the statement keeps those of the rows that were ours.
  const failures = settled.filter((s) => s.outcome.kind === 'failed').map((s) => {
    const { data, ...envelope } = failedEvent(s);
    return { delivery: s.delivery.id, a: envelope, p: data };
  });
  const successes = settled.filter((s) => s.outcome.kind === 'succeeded').map((s) => ({ delivery: s.delivery.id, p: outcomeOf(s) }));
  // The batch event's envelope (its `data` is dropped in SQL); `deliveries` are aggregated there from the rows that were ours.
  const batchEvent = createEvent(DeliveriesSucceeded, randomUUID(), { deliveries: [] });
  const parameters = [
    settled.map((s) => s.delivery.id),
    settled.map((s) => s.delivery.attempt_id),
    settled.map((s) => s.delivery.attempts),
    settled.map((s) => s.startedAt),
    settled.map((s) => s.latencyMs),
    settled.map((s) => s.outcome.kind),
    settled.map((s) => (s.outcome.kind === 'retry' ? 'pending' : s.outcome.kind)),
    settled.map((s) => (s.outcome.kind === 'retry' ? s.outcome.delayMs : 0)),
    settled.map((s) => s.statusCode ?? null),
    settled.map((s) => s.error ?? null),
    [...health.keys()],
    [...health.values()],
    JSON.stringify(failures),
    successes.length ? JSON.stringify(batchEvent) : null,
    JSON.stringify(successes),
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

function first(rows: unknown): { ours: number; events: number } {
  const [{ ours, events }] = rows as Array<{ ours: number; events: number }>;
  return { ours, events };
}

function outcomeOf(s: Settled): DeliveryOutcomeV1 {
  const d = s.delivery;
  return {
    deliveryId: d.id,
    eventId: d.event_id,
    eventType: d.event_type,
    subscriptionId: d.subscription_id,
    channelId: d.channel_id,
    channelKind: d.channel_kind,
    partnerId: d.partner_id,
    attempts: d.attempts,
    ...(s.statusCode !== undefined ? { statusCode: s.statusCode } : {}),
    latencyMs: Math.max(0, Date.now() - new Date(d.created_at).getTime()),
  };
}

function failedEvent(s: Settled) {
  const reasonCode = s.outcome.kind === 'failed' ? s.outcome.reasonCode : 'unknown';
  return createEvent<DeliveryFailedV1>(DeliveryFailed, s.delivery.id, { ...outcomeOf(s), reasonCode, ...(s.error ? { reason: s.error.slice(0, 2000) } : {}) });
}

/** Disables the channel once and tells the owner in the in-app inbox; its open deliveries then fail as `endpoint_disabled`. */
async function disableChannel(manager: import('typeorm').EntityManager, channelId: string, reason: string): Promise<void> {
  const rows = returnedRows<{ partner_id: string }>(await manager.query(`UPDATE channel SET status = 'disabled', disabled_reason = $2 WHERE id = $1 AND status = 'active' RETURNING partner_id`, [channelId, reason]));
  if (!rows.length) return;
  const { de, en } = endpointDisabledMessages(reason);
  await manager.query(
    `INSERT INTO inbox_item (id, partner_id, event_id, event_type, title_de, title_en, body_de, body_en) VALUES (gen_random_uuid(), $1, gen_random_uuid(), 'notifications.channel.disabled', $2, $3, $4, $5)`,
    [rows[0].partner_id, de.title, en.title, de.body, en.body],
  );
}
