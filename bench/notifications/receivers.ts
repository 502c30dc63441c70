import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * A loopback webhook receiver that counts distinct webhook-ids and notes, per first arrival,
 * event time → arrival in ms (the event's `time` is set when the bench publishes it).
 */
export class BenchReceiver {
  readonly seen = new Set<string>();
  /** Gap ids (the events' subjects) of the current phase, their first arrivals and latencies. */
  phase = new Set<string>();
  phaseHits = 0;
  latenciesMs: number[] = [];
  requests = 0;
  lastArrival = 0;
  port = 0;
  private server?: Server;

  async start(port = 0): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('error', () => undefined);
      req.on('end', () => {
        const now = Date.now();
        this.requests += 1;
        const id = String(req.headers['webhook-id']);
        if (!this.seen.has(id)) {
          this.seen.add(id);
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { data: { subject: string; time: string } };
          if (this.phase.has(body.data.subject)) {
            this.phaseHits += 1;
            this.latenciesMs.push(now - Date.parse(body.data.time));
            this.lastArrival = now;
          }
        }
        res.writeHead(204).end();
      });
    });
    this.server.keepAliveTimeout = 30_000;
    this.server.on('clientError', (_error, socket) => socket.destroy());
    await new Promise<void>((resolve) => this.server?.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  startPhase(ids: Set<string>): void {
    this.phase = ids;
    this.phaseHits = 0;
    this.latenciesMs = [];
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    this.server = undefined;
  }
}
