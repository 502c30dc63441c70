// Running the steps of a script in the foreground, with their output passed through, and
// measuring how long each one took.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './paths.mjs';

/** Executable of a locally installed npm package (node_modules/.bin/<name>). */
export const bin = (name) => join(repoRoot, 'node_modules', '.bin', name);

/**
 * Runs a command with inherited stdio (no stdin: CI has none) and resolves its exit code; a
 * signal death counts as failure. Ctrl-C reaches the child through the terminal's process group,
 * so we only wait for it to end.
 */
export function runStep(command, args, { env = process.env, cwd = repoRoot } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(signal ? 128 + (signalNumbers[signal] ?? 1) : (code ?? 1)));
  });
}

const signalNumbers = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

/** 3 min 07 s / 12.4 s */
export function formatDuration(ms) {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${String(Math.round((ms % 60_000) / 1000)).padStart(2, '0')} s`;
}

/** Starts a stopwatch; `lap()` returns the ms since the last lap, `total()` since the start. */
export function stopwatch() {
  const start = Date.now();
  let last = start;
  return {
    lap() {
      const now = Date.now();
      const elapsed = now - last;
      last = now;
      return elapsed;
    },
    total: () => Date.now() - start,
  };
}
