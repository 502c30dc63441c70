import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface ReceivedWebhook {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  /** The payload as the official standardwebhooks library verified it (throws otherwise). */
  payload: { type: string; timestamp: string; data: { id: string; type: string; data: Record<string, unknown> } };
}

export type Responder = (received: ReceivedWebhook, nth: number) => { status: number; headers?: Record<string, string> };

/**
 * A webhook receiver on loopback that verifies every delivery with the official
 * standardwebhooks library (not our signing code) and records it; a delivery that fails
 * verification is answered 400 and counted in `rejected`.
 */
export class WebhookReceiver {
  /** Deliveries answered with 2xx (what the receiver accepted). */
  readonly received: ReceivedWebhook[] = [];
  /** Every verified request, whatever it was answered. */
  readonly requests: ReceivedWebhook[] = [];
  rejected = 0;
  private server?: Server;
  port = 0;
  secrets: string[] = [];
  respond: Responder = () => ({ status: 204 });

  async start(port = 0): Promise<this> {
    this.server = createServer((req, res) => this.handle(req, res));
    // A sender killed mid-request resets its connection; that is part of what tests provoke.
    this.server.on('clientError', (_error, socket) => socket.destroy());
    await new Promise<void>((resolve) => this.server?.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
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

  distinctIds(): Set<string> {
    return new Set(this.received.map((item) => item.id));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('error', () => undefined);
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers = { 'webhook-id': String(req.headers['webhook-id']), 'webhook-timestamp': String(req.headers['webhook-timestamp']), 'webhook-signature': String(req.headers['webhook-signature']) };
      const verified = this.secrets.map((secret) => {
        try {
          return new Webhook(secret).verify(body, headers) as ReceivedWebhook['payload'];
        } catch {
          return undefined;
        }
      });
      const payload = verified.find((item) => item !== undefined);
      if (!payload) {
        this.rejected += 1;
        res.writeHead(400).end();
        return;
      }
      const received: ReceivedWebhook = { id: headers['webhook-id'], timestamp: headers['webhook-timestamp'], signature: headers['webhook-signature'], body, payload };
      this.requests.push(received);
      const answer = this.respond(received, this.requests.length - 1);
      if (answer.status >= 200 && answer.status < 300) this.received.push(received);
      res.writeHead(answer.status, answer.headers).end();
    });
  }
}
