// Running the steps of a script in the foreground, with their output passed through, and
// measuring how long each one took.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './paths.mjs';

/** Executable of a locally installed npm package (node_modules/.bin/<name>). */
export const bin = (name) => join(repoRoot, 'node_modules', '.bin', name);

/**
 * Runs a command with inherited stdio (no stdin: CI has none) and resolves its exit code; a
 * signal death counts as failure. The command gets its own process group, so that on timeout
 * (`timeoutMs`: a hung test must not hang CI) the whole tree — nx and its jest processes — is
 * ended; Ctrl-C and SIGTERM sent to us are passed on to that group. Resolves 124 on timeout.
 */
export function runStep(command, args, { env = process.env, cwd = repoRoot, timeoutMs, onTimeout } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'inherit', 'inherit'], detached: true });
    const signalGroup = (signal) => {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // the group is gone already
      }
    };
    const forward = (signal) => () => signalGroup(signal);
    const forwarders = ['SIGINT', 'SIGTERM', 'SIGHUP'].map((signal) => [signal, forward(signal)]);
    forwarders.forEach(([signal, handler]) => process.on(signal, handler));
    let timedOut = false;
    const timer =
      timeoutMs &&
      setTimeout(() => {
        timedOut = true;
        onTimeout?.();
        signalGroup('SIGTERM');
        setTimeout(() => signalGroup('SIGKILL'), 10_000).unref();
      }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      forwarders.forEach(([signal, handler]) => process.off(signal, handler));
    };
    child.once('error', (error) => {
      done();
      reject(error);
    });
    child.once('exit', (code, signal) => {
      done();
      // Whatever the group still holds (a jest that ignored SIGTERM) goes too.
      signalGroup('SIGKILL');
      if (timedOut) resolve(124);
      else resolve(signal ? 128 + (signalNumbers[signal] ?? 1) : (code ?? 1));
    });
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
