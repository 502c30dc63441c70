import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** nats-server binary: NATS_SERVER_BIN, else the one on PATH, else Debian's location. */
const NATS_SERVER = process.env.NATS_SERVER_BIN ?? (process.env.PATH?.split(':').map((dir) => join(dir, 'nats-server')).find((file) => existsSync(file)) || '/usr/sbin/nats-server');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A nats-server with JetStream of the test's own, which the test can stop and start again on the
 * same port and store directory — for proofs that nothing is lost while NATS is away.
 */
export class PrivateNatsServer {
  private process?: ChildProcess;

  private constructor(
    readonly port: number,
    readonly storeDir: string,
  ) {}

  static async create(): Promise<PrivateNatsServer> {
    return new PrivateNatsServer(await freePort(), mkdtempSync(join(tmpdir(), 'br-nats-')));
  }

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  /** Resolves once the server logs that it is ready. */
  async start(): Promise<void> {
    const child = spawn(NATS_SERVER, ['-js', '-a', '127.0.0.1', '-p', String(this.port), '-sd', this.storeDir], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    this.process = child;
    await new Promise<void>((resolve, reject) => {
      let log = '';
      const timer = setTimeout(() => reject(new Error(`nats-server not ready within 10 s:\n${log}`)), 10_000);
      child.stderr!.on('data', (chunk: Buffer) => {
        log += chunk.toString();
        if (log.includes('Server is ready')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`nats-server exited with ${code}:\n${log}`));
      });
    });
  }

  /** A polite shutdown (SIGTERM); `kill()` for an outage. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.process;
    this.process = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  }

  /** SIGKILL: an outage, not a polite shutdown. */
  kill(): Promise<void> {
    return this.stop('SIGKILL');
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.storeDir, { recursive: true, force: true });
  }
}
