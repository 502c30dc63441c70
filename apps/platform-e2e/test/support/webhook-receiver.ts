import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface ReceivedWebhook {
  id: string;
  /** The payload as the official standardwebhooks library verified it. */
  payload: { type: string; timestamp: string; data: { id: string; type: string; data: Record<string, unknown> } };
}

/**
 * An organisation's webhook endpoint on loopback: verifies every request with the official
 * standardwebhooks library (not the platform's signing code) against the secret it was given at
 * registration; an unverifiable request is answered 400 and counted in `rejected`.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  rejected = 0;
  secret = '';
  private server?: Server;
  port = 0;

  async start(): Promise<this> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/bildungsraum`;
  }

  ofType(type: string): ReceivedWebhook[] {
    return this.received.filter((hook) => hook.payload.type === type);
  }

  /** webhook-ids that arrived more than once (Standard Webhooks: the id is stable per delivery). */
  duplicateIds(): string[] {
    const seen = new Set<string>();
    return this.received.map((hook) => hook.id).filter((id) => seen.has(id) || !seen.add(id));
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers = { 'webhook-id': String(req.headers['webhook-id']), 'webhook-timestamp': String(req.headers['webhook-timestamp']), 'webhook-signature': String(req.headers['webhook-signature']) };
      try {
        const payload = new Webhook(this.secret).verify(body, headers) as ReceivedWebhook['payload'];
        this.received.push({ id: headers['webhook-id'], payload });
        res.writeHead(204).end();
      } catch {
        this.rejected += 1;
        res.writeHead(400).end();
      }
    });
  }
}
