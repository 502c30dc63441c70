import { connect, Socket } from 'node:net';

const HEADER_END = Buffer.from('\r\n\r\n');
/** Below Node's default server keepAliveTimeout (5 s): an older idle socket may be closing as we write. */
const MAX_IDLE_MS = 4_000;
const MAX_CONNECTIONS = 128;
const CONTENT_LENGTH = /\r\ncontent-length:\s*(\d+)/i;

interface Waiter {
  resolve(status: number): void;
}

/** One keep-alive connection: one request at a time, the response read by Content-Length. */
class Connection {
  private buffer: Buffer = Buffer.alloc(0);
  private waiter?: Waiter;
  readonly socket: Socket;
  alive = true;
  idleSince = 0;

  constructor(port: number, onIdle: (connection: Connection) => void, onClose: (connection: Connection) => void) {
    this.socket = connect({ host: '127.0.0.1', port, noDelay: true });
    this.socket.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      const status = this.complete();
      if (status === undefined) return;
      const waiter = this.waiter;
      this.waiter = undefined;
      waiter?.resolve(status);
      onIdle(this);
    });
    const fail = () => {
      if (!this.alive) return;
      this.alive = false;
      this.waiter?.resolve(0);
      this.waiter = undefined;
      onClose(this);
    };
    this.socket.on('error', fail);
    this.socket.on('close', fail);
  }

  send(request: Buffer, waiter: Waiter): void {
    this.waiter = waiter;
    this.socket.write(request);
  }

  /** The status code once the whole response is in, and the buffer emptied for the next one. */
  private complete(): number | undefined {
    const headerEnd = this.buffer.indexOf(HEADER_END);
    if (headerEnd < 0) return undefined;
    const head = this.buffer.toString('latin1', 0, headerEnd);
    const length = Number(CONTENT_LENGTH.exec(head)?.[1] ?? 0);
    if (this.buffer.length < headerEnd + 4 + length) return undefined;
    this.buffer = this.buffer.subarray(headerEnd + 4 + length);
    return Number(head.slice(9, 12));
  }
}

/**
 * A minimal HTTP/1.1 client for the load generator: keep-alive sockets, a request written as one
 * prepared buffer, the response only counted (status, Content-Length). Node's http client costs
 * the bench process ~0.4 ms CPU per request – a fifth of a core at 500/s taken from the service
 * on a 2-core machine, and garbage whose collection pauses count as latency in the open loop.
 */
export class RawHttpClient {
  private readonly idle: Connection[] = [];
  private readonly all = new Set<Connection>();
  /** Requests waiting for a connection: at most MAX_CONNECTIONS are open, like node:http's agent had. */
  private readonly waiting: Array<{ request: Buffer; waiter: Waiter }> = [];
  private waitingFrom = 0;

  constructor(private readonly port: number) {}

  post(path: string, body: string, token: string): Promise<number> {
    const length = Buffer.byteLength(body);
    const request = Buffer.from(
      `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${this.port}\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\nAuthorization: Bearer ${token}\r\n\r\n${body}`,
    );
    return new Promise((resolve) => {
      this.waiting.push({ request, waiter: { resolve } });
      this.dispatch();
    });
  }

  close(): void {
    for (const connection of this.all) connection.socket.destroy();
    this.all.clear();
    this.idle.length = 0;
  }

  private dispatch(): void {
    while (this.waitingFrom < this.waiting.length) {
      const connection = this.connection();
      if (!connection) return;
      const next = this.waiting[this.waitingFrom] as { request: Buffer; waiter: Waiter };
      this.waiting[this.waitingFrom++] = undefined as never;
      connection.send(next.request, next.waiter);
    }
    this.waiting.length = 0;
    this.waitingFrom = 0;
  }

  /** An idle connection, a new one while fewer than MAX_CONNECTIONS are open, or none. */
  private connection(): Connection | undefined {
    const now = performance.now();
    for (let connection = this.idle.pop(); connection; connection = this.idle.pop()) {
      if (connection.alive && now - connection.idleSince < MAX_IDLE_MS) return connection;
      connection.socket.destroy();
      this.all.delete(connection);
    }
    if (this.all.size >= MAX_CONNECTIONS) return undefined;
    const connection = new Connection(
      this.port,
      (done) => {
        done.idleSince = performance.now();
        this.idle.push(done);
        this.dispatch();
      },
      (gone) => {
        this.all.delete(gone);
        this.dispatch();
      },
    );
    this.all.add(connection);
    return connection;
  }
}
