/**
 * Live events for a developer: one line per event as it is published.
 *
 *   npm run events:tail -- [<subject pattern>] [--json] [--from-start | --since <duration>]
 *
 *   <subject pattern>  without the deployment prefix, e.g. `needs.>`, `matching.match.proposed.v1`,
 *                      `*.*.withdrawn.v1`, `deadletter.>` (default `>`: every stream)
 *   --json             one CloudEvent (structured mode) per line instead of the readable line
 *   --from-start       replay the streams' whole history first, then follow
 *   --since <d>        replay from <d> ago (`30s`, `15m`, `2h`, `7d`), then follow
 *
 * Reads NATS_URL (default nats://127.0.0.1:4222) and BILDUNGSRAUM_SUBJECT_PREFIX. Uses ephemeral
 * ordered consumers only (libs/messaging tailEvents): no durable state is created or changed.
 * Ctrl-C stops it.
 */
// Event contracts use decorator metadata; load it before them.
import 'reflect-metadata';
import { connectNats, drainNats, formatTailJson, formatTailLine, parseDuration, TailStart, tailEvents } from '@bildungsraum/messaging';

const USAGE = [
  'Aufruf / usage: npm run events:tail -- [<subject pattern>] [--json] [--from-start | --since <duration>]',
  '  z. B. / e.g.  npm run events:tail -- needs.>',
  '                npm run events:tail -- matching.match.proposed.v1 --since 15m --json',
].join('\n');

interface Arguments {
  pattern: string;
  json: boolean;
  start: TailStart;
}

function parseArguments(argv: string[]): Arguments | string {
  let pattern: string | undefined;
  let json = false;
  let start: TailStart = { from: 'now' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') json = true;
    else if (arg === '--from-start') start = { from: 'start' };
    else if (arg === '--since') {
      const ms = parseDuration(argv[++i] ?? '');
      if (ms === undefined) return `--since braucht eine Dauer / needs a duration like 30s, 15m, 2h, 7d (got "${argv[i] ?? ''}")`;
      start = { from: 'time', since: new Date(Date.now() - ms) };
    } else if (arg === '--help' || arg === '-h') return '';
    else if (arg.startsWith('--')) return `Unbekannte Option / unknown option: ${arg}`;
    else if (pattern === undefined) pattern = arg;
    else return `Nur ein Subject-Muster / only one subject pattern (got "${pattern}" and "${arg}")`;
  }
  return { pattern: pattern ?? '>', json, start };
}

async function main(argv: string[]): Promise<number> {
  const args = parseArguments(argv);
  if (typeof args === 'string') {
    console.error(args ? `${args}\n${USAGE}` : USAGE);
    return args ? 2 : 0;
  }
  const prefix = process.env.BILDUNGSRAUM_SUBJECT_PREFIX || undefined;
  const url = process.env.NATS_URL || 'nats://127.0.0.1:4222';
  const nc = await connectNats({ url, name: 'events-tail', waitOnFirstConnect: false });
  const tail = await tailEvents(nc, {
    pattern: args.pattern,
    prefix,
    start: args.start,
    onEvent: (event) => process.stdout.write(`${args.json ? formatTailJson(event) : formatTailLine(event)}\n`),
  });
  if (tail.missing.length) console.error(`(noch keine Streams / streams not there yet: ${tail.missing.join(', ')})`);
  if (!tail.streams.length) {
    console.error(`Kein Stream für / no stream holds "${args.pattern}" on ${url}${prefix ? ` (prefix ${prefix})` : ''}. Are the services running?`);
    await drainNats(nc);
    return 1;
  }
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await tail.stop();
    await drainNats(nc);
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop(0));
  // `npm run events:tail | head` closes stdout early: that is a normal end, not an error.
  process.stdout.on('error', () => void stop(0));

  console.error(`Lausche / listening: ${tail.streams.map((s) => `${s.stream} (${s.filter})`).join(', ')} — Ctrl-C beendet / stops`);
  // Runs until a signal arrives; a closed connection (server gone for good) ends it too.
  await nc.closed();
  return stopping ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Fehler / error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
