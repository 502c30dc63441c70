import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

const REPO_ROOT = resolve(__dirname, '../../../..');

/** A TypeScript script run the way production runs tools: `node -r @swc-node/register <file>.ts`. */
export class ScriptProcess {
  readonly lines: string[] = [];
  readonly stderr: string[] = [];
  readonly child: ChildProcess;
  readonly exited: Promise<NodeJS.Signals | number | null>;

  constructor(file: string, env: Record<string, string>) {
    this.child = spawn(process.execPath, ['-r', '@swc-node/register', file], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    createInterface({ input: this.child.stdout! }).on('line', (line) => this.lines.push(line));
    createInterface({ input: this.child.stderr! }).on('line', (line) => this.stderr.push(line));
    this.exited = new Promise((done) => this.child.once('exit', (code, signal) => done(signal ?? code)));
  }

  /** The first stdout line starting with `prefix`, if printed yet. */
  line(prefix: string): string | undefined {
    return this.lines.find((line) => line.startsWith(prefix));
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    await this.exited;
  }
}
