import { DataSource } from 'typeorm';
import { createEvent, DeliveryFailed, DeliveryFailedV1, DeliverySucceeded, DeliverySucceededV1 } from '@bildungsraum/contracts';
import { appendToOutbox } from '@bildungsraum/persistence';
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
  event: { id: string; type: string; time: string; data: Record<string, unknown> } & Record<string, unknown>;
  attempts: number;
  attempt_id: string;
  created_at: Date;
  /** Part of a daily digest: due rows of one subscription go out as one email. */
  digest: boolean;
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
const CLAIMED_COLUMNS = 'd.id, d.event_id, d.event_type, d.subscription_id, d.channel_id, d.partner_id, d.channel_kind, d.language, d.event, d.attempts, d.attempt_id, d.created_at, d.digest';
const DUE = `(d.status = 'pending' OR (d.status = 'sending' AND d.lease_until < now())) AND d.next_attempt_at <= now()`;
const CLAIM = `status = 'sending', attempt_id = gen_random_uuid(), attempts = d.attempts + 1, lease_until = now() + ($2::int * interval '1 millisecond')`;

/** Due rows for this worker: single deliveries row by row, digests whole subscriptions at a time. */
export async function claimDue(dataSource: DataSource, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
  const single = returnedRows<ClaimedDelivery>(await dataSource.query(
    `UPDATE delivery d SET ${CLAIM}
       FROM (SELECT id FROM delivery d WHERE NOT d.digest AND ${DUE}
              ORDER BY d.next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED) due
      WHERE d.id = due.id
      RETURNING ${CLAIMED_COLUMNS}`,
    [limit, leaseMs],
  ));
  return [...single, ...(await claimDueDigests(dataSource, limit, leaseMs))];
}

/**
 * A digest is one email per subscription, so its due rows are claimed together: the worker locks
 * the subscription row (SKIP LOCKED), and a concurrent worker can neither split the group nor
 * send it a second time (the rows are 'sending' by the time the lock is released).
 */
async function claimDueDigests(dataSource: DataSource, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
  return returnedRows<ClaimedDelivery>(await dataSource.query(
    `WITH subscriptions AS (
       SELECT s.id FROM subscription s
        WHERE s.id IN (SELECT d.subscription_id FROM delivery d WHERE d.digest AND ${DUE})
        LIMIT $1 FOR UPDATE OF s SKIP LOCKED)
     UPDATE delivery d SET ${CLAIM}
       FROM subscriptions
      WHERE d.subscription_id = subscriptions.id AND d.digest AND ${DUE}
      RETURNING ${CLAIMED_COLUMNS}`,
    [limit, leaseMs],
  ));
}

export async function loadChannels(dataSource: DataSource, ids: string[]): Promise<Map<string, ChannelRow>> {
  const rows = (await dataSource.query(`SELECT * FROM channel WHERE id = ANY ($1::uuid[])`, [ids])) as ChannelRow[];
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * One transaction for a batch of outcomes: attempts logged, rows updated only if the attempt id
 * is still ours (a takeover after an expired lease wins), channel health, outbox events.
 */
export async function settle(dataSource: DataSource, settled: Settled[]): Promise<void> {
  if (!settled.length) return;
  await dataSource.transaction(async (manager) => {
    await manager.query(
      `INSERT INTO delivery_attempt (id, delivery_id, attempt, started_at, latency_ms, outcome, status_code, error)
       SELECT gen_random_uuid(), * FROM unnest($1::uuid[], $2::int[], $3::timestamptz[], $4::int[], $5::text[], $6::int[], $7::text[])`,
      [
        settled.map((s) => s.delivery.id),
        settled.map((s) => s.delivery.attempts),
        settled.map((s) => s.startedAt),
        settled.map((s) => s.latencyMs),
        settled.map((s) => s.outcome.kind),
        settled.map((s) => s.statusCode ?? null),
        settled.map((s) => s.error ?? null),
      ],
    );
    const updated = returnedRows<{ id: string }>(await manager.query(
      `UPDATE delivery d SET status = u.status, next_attempt_at = now() + (u.delay_ms * interval '1 millisecond'),
              last_status_code = u.status_code, last_error = u.error, lease_until = NULL,
              finished_at = CASE WHEN u.status = 'pending' THEN NULL ELSE now() END
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::bigint[], $5::int[], $6::text[]) AS u(id, attempt_id, status, delay_ms, status_code, error)
        WHERE d.id = u.id AND d.attempt_id = u.attempt_id AND d.status = 'sending'
        RETURNING d.id`,
      [
        settled.map((s) => s.delivery.id),
        settled.map((s) => s.delivery.attempt_id),
        settled.map((s) => (s.outcome.kind === 'retry' ? 'pending' : s.outcome.kind)),
        settled.map((s) => (s.outcome.kind === 'retry' ? s.outcome.delayMs : 0)),
        settled.map((s) => s.statusCode ?? null),
        settled.map((s) => s.error ?? null),
      ],
    ));
    const ours = new Set(updated.map((row) => row.id));
    const succeededChannels = [...new Set(settled.filter((s) => s.outcome.kind === 'succeeded').map((s) => s.delivery.channel_id))];
    const failingChannels = [...new Set(settled.filter((s) => s.outcome.kind !== 'succeeded').map((s) => s.delivery.channel_id))];
    if (succeededChannels.length) await manager.query(`UPDATE channel SET failing_since = NULL WHERE id = ANY ($1::uuid[]) AND failing_since IS NOT NULL`, [succeededChannels]);
    if (failingChannels.length) await manager.query(`UPDATE channel SET failing_since = now() WHERE id = ANY ($1::uuid[]) AND failing_since IS NULL`, [failingChannels]);
    for (const s of settled.filter((item) => item.disableChannel)) await disableChannel(manager, s.delivery.channel_id, s.disableChannel as string);
    const events = settled.filter((s) => ours.has(s.delivery.id) && s.outcome.kind !== 'retry').map(outcomeEvent);
    if (events.length) await appendToOutbox(manager, NOTIFICATIONS_SCHEMA, events);
  });
}

function outcomeEvent(s: Settled) {
  const d = s.delivery;
  const base = {
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
  if (s.outcome.kind === 'succeeded') return createEvent<DeliverySucceededV1>(DeliverySucceeded, d.id, base);
  const reasonCode = s.outcome.kind === 'failed' ? s.outcome.reasonCode : 'unknown';
  return createEvent<DeliveryFailedV1>(DeliveryFailed, d.id, { ...base, reasonCode, ...(s.error ? { reason: s.error.slice(0, 2000) } : {}) });
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
