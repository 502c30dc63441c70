import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { WebhookSender } from '../../apps/notifications/src/delivery/worker/webhook-sender';

/**
 * Raw HTTP loopback ceiling, run as a child process of the bench against the same receivers:
 * CEILING_REQUESTS POSTs of a webhook-sized body spread over CEILING_URLS, CEILING_IN_FLIGHT at
 * once — what one Node process can send here with nothing else to do (no Postgres, no NATS, no
 * signing). CEILING_CLIENT=sender (default) uses the service's own WebhookSender (undici pools,
 * same connection and pipelining defaults), so service CPU minus this is what the service adds
 * around HTTP; CEILING_CLIENT=node uses node's http client with a keep-alive agent (the earlier
 * figures). Prints one JSON line.
 */
const urls = (process.env.CEILING_URLS ?? '').split(',').filter(Boolean);
const total = Number(process.env.CEILING_REQUESTS ?? 20_000);
const inFlight = Number(process.env.CEILING_IN_FLIGHT ?? 200);
const client = process.env.CEILING_CLIENT ?? 'sender';
const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
const sender = new WebhookSender({ allowPrivateAddresses: true, timeoutMs: 10_000, maxResponseBytes: 65_536, connectionsPerOrigin: 4, pipelining: 10 });
const data = JSON.stringify({ id: randomUUID(), subject: 'ceiling', time: new Date().toISOString(), type: 'matching.gap.detected.v1', data: { districtKey: '06635', skillGroup: 'cnc', participants: 8 } });
const body = `{"type":"matching.gap.detected.v1","timestamp":"${new Date().toISOString()}","data":${data}}`;

function nodePost(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'webhook-id': randomUUID() } }, (res) => {
      res.resume();
      res.on('end', () => resolve());
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function senderPost(url: string): Promise<void> {
  const result = await sender.post({ url, body, headers: { 'webhook-id': randomUUID() } });
  if (result.kind !== 'success') throw new Error(`ceiling request failed: ${JSON.stringify(result)}`);
}

async function main(): Promise<void> {
  const post = client === 'node' ? nodePost : senderPost;
  let next = 0;
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < total) {
        const index = next;
        next += 1;
        await post(urls[index % urls.length]);
      }
    }),
  );
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const used = process.cpuUsage(cpu);
  process.stdout.write(`${JSON.stringify({ requests: total, ms, cpuMs: (used.user + used.system) / 1000, client })}\n`);
  agent.destroy();
  await sender.close();
}

void main();
