import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

interface WebhookBody {
  type: string;
  data: { id: string; type: string; data: { needId?: string; id?: string } };
}

/**
 * The companies' webhook endpoint on loopback. It notes, per need, when the first
 * `matching.match.proposed.v1` for it arrived, counts distinct webhook-ids per event type and
 * every repeated webhook-id (a duplicate delivery). Signatures are not verified here: the
 * end-to-end test does that with the official library; the bench keeps its own CPU for load.
 */
export class PipelineReceiver {
  /** need id → first arrival of a proposal for it (performance.now() clock). */
  readonly proposedAt = new Map<string, number>();
  /** need id → number of distinct proposal webhooks. */
  readonly proposals = new Map<string, number>();
  readonly byType = new Map<string, number>();
  private readonly ids = new Set<string>();
  duplicates = 0;
  requests = 0;
  port = 0;
  private server?: Server;

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('error', () => undefined);
      req.on('end', () => {
        const now = performance.now();
        this.requests += 1;
        res.writeHead(204).end();
        const id = String(req.headers['webhook-id']);
        if (this.ids.has(id)) {
          this.duplicates += 1;
          return;
        }
        this.ids.add(id);
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as WebhookBody;
        this.byType.set(body.type, (this.byType.get(body.type) ?? 0) + 1);
        const needId = body.data.data.needId;
        if (body.type !== 'matching.match.proposed.v1' || !needId) return;
        this.proposals.set(needId, (this.proposals.get(needId) ?? 0) + 1);
        if (!this.proposedAt.has(needId)) this.proposedAt.set(needId, now);
      });
    });
    this.server.keepAliveTimeout = 30_000;
    this.server.on('clientError', (_error, socket) => socket.destroy());
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/bildungsraum`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
