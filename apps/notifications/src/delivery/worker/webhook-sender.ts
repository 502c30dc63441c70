import { lookup as dnsLookup, LookupAddress } from 'node:dns';
import { Pool } from 'undici';
import { isPrivateAddress } from '../../channels/domain/address-guard';
import { AttemptResult, parseRetryAfter } from '../domain/retry-policy';

export interface WebhookSettings {
  allowPrivateAddresses: boolean;
  timeoutMs: number;
  maxResponseBytes: number;
  /** Keep-alive connections per receiver origin (undici Pool). */
  connectionsPerOrigin: number;
  /**
   * Requests in flight per connection. Above 1 deliveries are pipelined: safe for webhooks because
   * the webhook-id makes a resend after a connection reset harmless to a receiver that deduplicates.
   */
  pipelining: number;
}

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export class PrivateAddressError extends Error {}

/**
 * DNS lookup that refuses private addresses: checked on the address actually connected to, so
 * a name that resolves differently at delivery time (DNS rebinding) cannot slip through.
 */
export function guardedLookup(allowPrivate: boolean): typeof dnsLookup {
  const guarded = (hostname: string, options: object, callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, []);
      const usable = allowPrivate ? addresses : addresses.filter((entry) => !isPrivateAddress(entry.address));
      if (usable.length === 0) return callback(new PrivateAddressError(`${hostname} resolves only to private or loopback addresses`), []);
      if ((options as { all?: boolean }).all) return callback(null, usable);
      callback(null, usable[0].address, usable[0].family);
    });
  };
  return guarded as unknown as typeof dnsLookup;
}

/**
 * A deadline shared by the deliveries of one batch (one timer per batch instead of one per
 * request): when it passes, whatever is still open is aborted.
 */
export class Deadline {
  private readonly open = new Set<(reason: Error) => void>();
  private readonly timer: NodeJS.Timeout;
  expired?: Error;

  constructor(ms: number) {
    this.timer = setTimeout(() => {
      this.expired = new Error(`timeout after ${ms} ms`);
      for (const cancel of this.open) cancel(this.expired);
      this.open.clear();
    }, ms);
  }

  watch(cancel: (reason: Error) => void): () => void {
    this.open.add(cancel);
    return () => this.open.delete(cancel);
  }

  done(): void {
    clearTimeout(this.timer);
  }
}

/**
 * Sends webhooks over one undici Pool per receiver origin: bounded keep-alive connections,
 * optionally pipelined, and undici's low-level dispatch with a handler of our own (no response
 * stream, no promise per step) — far less CPU per request than node's http client (bench/notifications).
 * A connection is address-checked when it opens (guarded lookup); idle ones close after a few seconds.
 */
export class WebhookSender {
  private readonly pools = new Map<string, Pool>();
  private readonly targets = new Map<string, { origin: string; path: string }>();

  constructor(private readonly settings: WebhookSettings) {}

  deadline(): Deadline {
    return new Deadline(this.settings.timeoutMs);
  }

  /**
   * One POST: no redirects followed (a 3xx counts as failure), a total timeout (the batch's
   * deadline; the pool's own header/body timeouts as a backstop), at most `maxResponseBytes` of
   * the response read, then the connection is cut. 2xx = success, 410 = gone, anything else = retry.
   */
  post(request: WebhookRequest, deadline?: Deadline): Promise<AttemptResult> {
    const { origin, path } = this.targetOf(request.url);
    const limit = this.settings.maxResponseBytes;
    return new Promise((resolve) => {
      let statusCode = 0;
      let retryAfter: string | undefined;
      let received = 0;
      let settled = false;
      let abort: ((reason: Error) => void) | undefined;
      const finish = (result: AttemptResult) => {
        if (settled) return;
        settled = true;
        unwatch?.();
        resolve(result);
      };
      const outcome = (): AttemptResult => {
        if (statusCode >= 200 && statusCode < 300) return { kind: 'success', statusCode };
        if (statusCode === 410) return { kind: 'gone', statusCode };
        return { kind: 'failure', statusCode, error: `HTTP ${statusCode}`, retryAfterMs: parseRetryAfter(retryAfter) };
      };
      const cancel = (reason: Error) => {
        finish({ kind: 'failure', error: reason.message });
        abort?.(reason);
      };
      if (deadline?.expired) return cancel(deadline.expired);
      const unwatch = deadline?.watch(cancel);
      this.poolFor(origin).dispatch(
        {
          origin,
          path,
          method: 'POST',
          headers: { ...request.headers, 'content-type': 'application/json', 'user-agent': 'Bildungsraum-Webhooks/1' },
          body: request.body,
          // Pipelining needs both: the webhook-id makes a repeat harmless, and the receiver answers promptly.
          idempotent: true,
          blocking: false,
        },
        {
          onConnect: (abortRequest: (reason: Error) => void) => {
            abort = abortRequest;
            if (settled) abortRequest(new Error('cancelled'));
          },
          onHeaders: (code: number, rawHeaders: Buffer[]) => {
            if (code < 200) return true; // 1xx: the final answer follows
            statusCode = code;
            for (let i = 0; i < rawHeaders.length; i += 2) {
              if (rawHeaders[i].length === 11 && rawHeaders[i].toString('latin1').toLowerCase() === 'retry-after') retryAfter = rawHeaders[i + 1].toString('latin1');
            }
            return true;
          },
          onData: (chunk: Buffer) => {
            received += chunk.length;
            if (received <= limit) return true;
            // Enough read: the status counts, the rest of the body is cut with its connection.
            finish(outcome());
            abort?.(new Error('response too large'));
            return false;
          },
          onComplete: () => finish(outcome()),
          onError: (error: Error) => finish({ kind: 'failure', error: describe(error).slice(0, 500) }),
        },
      );
    });
  }

  async close(): Promise<void> {
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map((pool) => pool.destroy().catch(() => undefined)));
  }

  /** Origin and path of a channel's URL, parsed once per URL. */
  private targetOf(url: string): { origin: string; path: string } {
    let target = this.targets.get(url);
    if (!target) {
      const parsed = new URL(url);
      target = { origin: parsed.origin, path: parsed.pathname + parsed.search };
      if (this.targets.size > 10_000) this.targets.clear(); // bounded: channels come and go
      this.targets.set(url, target);
    }
    return target;
  }

  private poolFor(origin: string): Pool {
    let pool = this.pools.get(origin);
    if (!pool) {
      const { timeoutMs, connectionsPerOrigin, pipelining, allowPrivateAddresses } = this.settings;
      pool = new Pool(origin, {
        connections: connectionsPerOrigin,
        pipelining,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        connect: { timeout: timeoutMs, lookup: guardedLookup(allowPrivateAddresses) },
      });
      this.pools.set(origin, pool);
    }
    return pool;
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return (error.message || error.name) + cause;
}
