import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { Deadline, WebhookSender, WebhookSettings } from '../src/delivery/worker/webhook-sender';

/** The sender's rules against real HTTP servers: redirects, timeouts, response size, address guard, pipelining. */
describe('WebhookSender (undici pool per origin)', () => {
  const servers: Server[] = [];
  const senders: WebhookSender[] = [];

  async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<number> {
    const server = createServer((req, res) => req.on('data', () => undefined).on('end', () => handler(req, res)));
    server.on('clientError', (_error, socket) => socket.destroy());
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return (server.address() as AddressInfo).port;
  }

  function sender(overrides: Partial<WebhookSettings> = {}): WebhookSender {
    const created = new WebhookSender({ allowPrivateAddresses: true, timeoutMs: 2_000, maxResponseBytes: 1_024, connectionsPerOrigin: 2, pipelining: 10, ...overrides });
    senders.push(created);
    return created;
  }

  const post = (target: WebhookSender, url: string, deadline?: Deadline) => target.post({ url, body: '{"type":"t"}', headers: { 'webhook-id': 'msg_1' } }, deadline);

  afterAll(async () => {
    await Promise.all(senders.map((created) => created.close()));
    for (const server of servers) server.closeAllConnections();
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  });

  it('does not follow redirects: a 3xx is a failure', async () => {
    const port = await serve((_req, res) => res.writeHead(302, { location: 'http://127.0.0.1:1/elsewhere' }).end());
    expect(await post(sender(), `http://127.0.0.1:${port}/hooks`)).toEqual({ kind: 'failure', statusCode: 302, error: 'HTTP 302', retryAfterMs: undefined });
  });

  it('reads Retry-After and reports 410 as gone', async () => {
    const port = await serve((req, res) => (req.url === '/gone' ? res.writeHead(410).end() : res.writeHead(503, { 'retry-after': '7' }).end()));
    const target = sender();
    expect(await post(target, `http://127.0.0.1:${port}/busy`)).toEqual({ kind: 'failure', statusCode: 503, error: 'HTTP 503', retryAfterMs: 7_000 });
    expect(await post(target, `http://127.0.0.1:${port}/gone`)).toEqual({ kind: 'gone', statusCode: 410 });
  });

  it('gives up after the total timeout, shared by a batch through its deadline', async () => {
    const port = await serve(() => undefined); // never answers
    const target = sender({ timeoutMs: 300 });
    const deadline = target.deadline();
    const started = Date.now();
    const results = await Promise.all([post(target, `http://127.0.0.1:${port}/a`, deadline), post(target, `http://127.0.0.1:${port}/b`, deadline)]).finally(() => deadline.done());
    expect(Date.now() - started).toBeLessThan(2_000);
    for (const result of results) expect(result).toMatchObject({ kind: 'failure', error: expect.stringContaining('timeout after 300 ms') });
  });

  it('cuts a response beyond the size limit and still counts the status', async () => {
    const port = await serve((_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('x'.repeat(1_000_000)));
    expect(await post(sender({ maxResponseBytes: 100 }), `http://127.0.0.1:${port}/big`)).toEqual({ kind: 'success', statusCode: 200 });
  });

  it('refuses a host that resolves to loopback unless private addresses are allowed', async () => {
    const port = await serve((_req, res) => res.writeHead(204).end());
    const refused = await post(sender({ allowPrivateAddresses: false }), `http://localhost:${port}/hooks`);
    expect(refused).toMatchObject({ kind: 'failure', error: expect.stringContaining('resolves only to private or loopback addresses') });
    expect(await post(sender(), `http://localhost:${port}/hooks`)).toEqual({ kind: 'success', statusCode: 204 });
  });

  it('pipelines many deliveries over few connections, each answered once', async () => {
    const sockets = new Set<unknown>();
    const seen: string[] = [];
    const port = await serve((req, res) => {
      sockets.add(req.socket);
      seen.push(String(req.headers['webhook-id']));
      res.writeHead(204).end();
    });
    const target = sender({ connectionsPerOrigin: 2, pipelining: 10 });
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => target.post({ url: `http://127.0.0.1:${port}/hooks`, body: '{}', headers: { 'webhook-id': `msg_${i}` } })));
    expect(results.every((result) => result.kind === 'success')).toBe(true);
    expect(new Set(seen).size).toBe(60);
    expect(sockets.size).toBeLessThanOrEqual(2);
  });
});
