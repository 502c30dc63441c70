import { Agent, request } from 'node:http';

export interface Submitted {
  /** When the request was due (performance.now()); latency counts from here, not from sending. */
  dueAt: number;
  needId?: string;
  status: number;
}

const agent = new Agent({ keepAlive: true, maxSockets: 256 });

function post(url: URL, body: string, token: string): Promise<{ status: number; id?: string }> {
  return new Promise((resolve) => {
    const req = request(
      { host: url.hostname, port: url.port, path: '/needs', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}` } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          if (status !== 201) return resolve({ status });
          resolve({ status, id: (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id: string }).id });
        });
      },
    );
    req.on('error', () => resolve({ status: 0 }));
    req.end(body);
  });
}

/**
 * Open loop at a fixed rate: need i is due at start + i/rate and is sent then whatever happened
 * to the ones before, so a stalled pipeline cannot hide its backlog (no coordinated omission).
 */
export async function submitAtRate(baseUrl: string, token: string, body: (i: number) => string, ratePerSecond: number, seconds: number, offset: number): Promise<{ submitted: Submitted[]; sendSeconds: number }> {
  const url = new URL(baseUrl);
  const total = Math.round(ratePerSecond * seconds);
  const submitted: Submitted[] = [];
  const pending: Array<Promise<void>> = [];
  const start = performance.now();
  let sent = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * ratePerSecond) + 1);
      while (sent < due) {
        const i = sent++;
        const entry: Submitted = { dueAt: start + (i * 1000) / ratePerSecond, status: 0 };
        submitted.push(entry);
        pending.push(
          post(url, body(offset + i), token).then((answer) => {
            entry.status = answer.status;
            entry.needId = answer.id;
          }),
        );
      }
      if (sent >= total) resolve();
      else setTimeout(tick, 1);
    };
    tick();
  });
  const sendSeconds = (performance.now() - start) / 1000;
  await Promise.all(pending);
  return { submitted, sendSeconds };
}
