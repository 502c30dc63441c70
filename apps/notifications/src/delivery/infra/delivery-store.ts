import { DataSource } from 'typeorm';

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
  claimed AS (SELECT * FROM single UNION ALL SELECT * FROM digests),
  numbered AS (SELECT d.*, row_number() OVER (PARTITION BY d.event_id, d.channel_kind) AS nth_of_event, row_number() OVER (PARTITION BY d.channel_id) AS nth_of_channel FROM claimed d)
  SELECT d.id, d.event_id, d.event_type, d.subscription_id, d.channel_id, d.partner_id, d.channel_kind, d.language, d.attempts, d.attempt_id, d.digest,
         CASE WHEN d.channel_kind = 'webhook' THEN e.webhook_body END AS webhook_body,
         CASE WHEN d.channel_kind <> 'webhook' OR e.webhook_body IS NULL THEN COALESCE(e.event, d.event) END AS event,
         c.id AS c_id, c.partner_id AS c_partner_id, c.kind AS c_kind, c.address AS c_address, c.secret AS c_secret, c.previous_secret AS c_previous_secret,
         c.previous_secret_until AS c_previous_secret_until, c.status AS c_status, c.failing_since AS c_failing_since
    FROM numbered d
    LEFT JOIN delivery_event e ON e.event_id = d.event_id AND d.nth_of_event = 1
    LEFT JOIN channel c ON c.id = d.channel_id AND d.nth_of_channel = 1
   CROSS JOIN (SELECT set_config('synchronous_commit', 'off', true)) AS no_flush`;

type ClaimRow = Omit<ClaimedDelivery, 'channel'> & { [K in keyof ChannelRow as `c_${K}`]: ChannelRow[K] | null };

/**
 * Due rows for this worker, each with its channel (one statement). The stored body and event come
 * once per event and the channel once per channel (the rows of a fan-out share them): less to
 * transfer and parse; the rows of a batch then share those objects.
 */
export async function claimDue(dataSource: DataSource, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
  const rows = (await dataSource.query(CLAIM_SQL, [limit, leaseMs])) as ClaimRow[];
  const bodies = new Map<string, string>();
  const events = new Map<string, NonNullable<ClaimedDelivery['event']>>();
  const channels = new Map<string, ChannelRow>();
  for (const row of rows) {
    if (row.webhook_body !== null) bodies.set(row.event_id, row.webhook_body);
    if (row.event !== null) events.set(row.event_id, row.event);
    if (row.c_id !== null) {
      channels.set(row.c_id, {
        id: row.c_id, partner_id: row.c_partner_id as string, kind: row.c_kind as ChannelRow['kind'], address: row.c_address as string, secret: row.c_secret,
        previous_secret: row.c_previous_secret, previous_secret_until: row.c_previous_secret_until, status: row.c_status as ChannelRow['status'], failing_since: row.c_failing_since,
      });
    }
  }
  return rows.map((row) => {
    const webhookBody = row.channel_kind === 'webhook' ? (row.webhook_body ?? bodies.get(row.event_id) ?? null) : null;
    return {
      id: row.id, event_id: row.event_id, event_type: row.event_type, subscription_id: row.subscription_id, channel_id: row.channel_id, partner_id: row.partner_id,
      channel_kind: row.channel_kind, language: row.language, attempts: row.attempts, attempt_id: row.attempt_id, digest: row.digest,
      webhook_body: webhookBody,
      // Rows recorded before bodies were stored once carry their own event; newer ones share the event's.
      event: row.event ?? (webhookBody === null ? (events.get(row.event_id) ?? null) : null),
      channel: channels.get(row.channel_id),
    };
  });
}

export { settle } from './settle-outcomes';
