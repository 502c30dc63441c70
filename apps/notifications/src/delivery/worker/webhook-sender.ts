import { lookup as dnsLookup, LookupAddress } from 'node:dns';
import { setMaxListeners } from 'node:events';
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
 * Sends webhooks over one undici Pool per receiver origin: bounded keep-alive connections,
 * optionally pipelined — far less CPU per request than node's http client (bench/notifications).
 * A connection is address-checked when it opens (guarded lookup); idle ones close after a few seconds.
 */
export class WebhookSender {
  private readonly pools = new Map<string, Pool>();

  constructor(private readonly settings: WebhookSettings) {}

  /**
   * A deadline shared by the deliveries started together (one timer per batch instead of one
   * per request): aborts what is still open after `timeoutMs`. Call `done()` when the batch ends.
   */
  deadline(): { signal: AbortSignal; done(): void } {
    const controller = new AbortController();
    setMaxListeners(0, controller.signal); // one listener per request of the batch
    const timer = setTimeout(() => controller.abort(new Error(`timeout after ${this.settings.timeoutMs} ms`)), this.settings.timeoutMs);
    return { signal: controller.signal, done: () => clearTimeout(timer) };
  }

  /**
   * One POST: no redirects followed (a 3xx counts as failure), a total timeout (the signal; the
   * pool's own header/body timeouts as a backstop), at most `maxResponseBytes` of the response
   * read, then the connection is cut. 2xx = success, 410 = gone, anything else = retry.
   */
  async post(request: WebhookRequest, signal?: AbortSignal): Promise<AttemptResult> {
    const url = new URL(request.url);
    try {
      const response = await this.poolFor(url.origin).request({
        method: 'POST',
        path: url.pathname + url.search,
        headers: { ...request.headers, 'content-type': 'application/json', 'user-agent': 'Bildungsraum-Webhooks/1' },
        body: request.body,
        signal,
        // Pipelining needs both: the webhook-id makes a repeat harmless, and the receiver answers promptly.
        idempotent: true,
        blocking: false,
      });
      await response.body.dump({ limit: Math.max(1, this.settings.maxResponseBytes), signal });
      const statusCode = response.statusCode;
      if (statusCode >= 200 && statusCode < 300) return { kind: 'success', statusCode };
      if (statusCode === 410) return { kind: 'gone', statusCode };
      const retryAfter = response.headers['retry-after'];
      return { kind: 'failure', statusCode, error: `HTTP ${statusCode}`, retryAfterMs: parseRetryAfter(Array.isArray(retryAfter) ? retryAfter[0] : retryAfter) };
    } catch (error) {
      return { kind: 'failure', error: describe(error).slice(0, 500) };
    }
  }

  async close(): Promise<void> {
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map((pool) => pool.destroy().catch(() => undefined)));
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
