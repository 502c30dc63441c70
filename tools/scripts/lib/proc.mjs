// Small process helpers: find executables, run a command to completion, run as another OS user.
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Absolute path of an executable found in PATH (or in extra directories), else undefined. */
export function which(command, extraDirs = []) {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), ...extraDirs].filter(Boolean);
  for (const dir of dirs) {
    const candidate = join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here; keep looking
    }
  }
  return undefined;
}

export const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

const shellQuote = (word) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${String(word).replace(/'/g, `'\\''`)}'`);

/**
 * Command line that runs `command args` as `user`. Postgres refuses to run as root, so when we
 * are root its tools run as the `postgres` OS user: runuser where it exists (no PAM prompt),
 * su otherwise.
 */
export function asUser(user, command, args) {
  if (!user) return [command, args];
  const runuser = which('runuser', ['/usr/sbin', '/sbin']);
  if (runuser) return [runuser, ['-u', user, '--', command, ...args]];
  return [which('su', ['/bin', '/usr/bin']) ?? 'su', ['-s', '/bin/sh', user, '-c', [command, ...args].map(shellQuote).join(' ')]];
}

/**
 * Runs a command to completion and collects its output. Rejects with the output in the message
 * when it exits non-zero (unless `check: false`), or when it outlives `timeoutMs`.
 */
export function run(command, args = [], { env, cwd, user, check = true, timeoutMs = 120_000, input } = {}) {
  const [file, argv] = asUser(user, command, args);
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, { env: env ?? process.env, cwd, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      const result = { code: code ?? 1, signal, stdout, stderr };
      if (check && code !== 0) {
        const output = (stderr || stdout).trim().split('\n').slice(-15).join('\n');
        reject(new Error(`${[command, ...args].join(' ')} failed (${signal ?? `exit ${code}`})${output ? `:\n${output}` : ''}`));
      } else resolve(result);
    });
    if (input !== undefined) {
      child.stdin.on('error', () => {}); // a child that exits without reading its input is not our error
      child.stdin.end(input);
    }
  });
}
