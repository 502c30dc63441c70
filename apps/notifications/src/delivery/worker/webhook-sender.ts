import { lookup as dnsLookup, LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isPrivateAddress } from '../../channels/domain/address-guard';
import { AttemptResult, parseRetryAfter } from '../domain/retry-policy';

export interface WebhookSettings {
  allowPrivateAddresses: boolean;
  timeoutMs: number;
  maxResponseBytes: number;
}

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export class PrivateAddressError extends Error {}

/**
 * Keep-alive agents: a receiver that takes many deliveries reuses its connections. A reused
 * socket was address-checked when it connected; idle sockets close after a few seconds.
 */
const AGENTS = { http: new http.Agent({ keepAlive: true, maxSockets: 32, timeout: 30_000 }), https: new https.Agent({ keepAlive: true, maxSockets: 32, timeout: 30_000 }) };

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
 * One POST: no redirects followed (a 3xx counts as failure), a total timeout, at most
 * `maxResponseBytes` of the response read. 2xx = success, 410 = gone, anything else = retry.
 */
export function postWebhook(request: WebhookRequest, settings: WebhookSettings): Promise<AttemptResult> {
  const url = new URL(request.url);
  const secure = url.protocol === 'https:';
  const client = secure ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: AttemptResult) => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    const req = client.request(
      url,
      {
        method: 'POST',
        headers: { ...request.headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(request.body), 'user-agent': 'Bildungsraum-Webhooks/1' },
        lookup: guardedLookup(settings.allowPrivateAddresses),
        timeout: settings.timeoutMs,
        agent: secure ? AGENTS.https : AGENTS.http,
      },
      (response) => {
        const statusCode = response.statusCode ?? 0;
        let received = 0;
        response.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (received > settings.maxResponseBytes) response.destroy();
        });
        const done = () => {
          if (statusCode >= 200 && statusCode < 300) finish({ kind: 'success', statusCode });
          else if (statusCode === 410) finish({ kind: 'gone', statusCode });
          else {
            const retryAfter = response.headers['retry-after'];
            finish({ kind: 'failure', statusCode, error: `HTTP ${statusCode}`, retryAfterMs: parseRetryAfter(Array.isArray(retryAfter) ? retryAfter[0] : retryAfter) });
          }
        };
        response.on('end', done);
        response.on('close', done);
        response.on('error', done);
      },
    );
    const timer = setTimeout(() => req.destroy(new Error(`timeout after ${settings.timeoutMs} ms`)), settings.timeoutMs);
    req.on('timeout', () => req.destroy(new Error(`timeout after ${settings.timeoutMs} ms`)));
    req.on('error', (error) => finish({ kind: 'failure', error: error.message.slice(0, 500) }));
    req.on('close', () => clearTimeout(timer));
    req.end(request.body);
  });
}
