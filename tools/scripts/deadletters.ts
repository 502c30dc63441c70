/**
 * Operator command for parked messages (dead letters).
 *
 *   node -r @swc-node/register tools/scripts/deadletters.ts list [--consumer <name>] [--json]
 *   node -r @swc-node/register tools/scripts/deadletters.ts replay <seq>
 *
 * Reads NATS_URL (default nats://127.0.0.1:4222) and BILDUNGSRAUM_SUBJECT_PREFIX.
 */
// Event contracts use decorator metadata; load it before them.
import 'reflect-metadata';
import { connectNats, DeadLetter, drainNats, listDeadLetters, replayDeadLetter } from '@bildungsraum/messaging';

const USAGE = [
  'Aufruf / usage:',
  '  deadletters list [--consumer <name>] [--json]   geparkte Nachrichten zeigen / show parked messages',
  '  deadletters replay <seq>                        erneut zustellen / deliver again',
].join('\n');

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== 'list' && command !== 'replay') {
    console.error(USAGE);
    return 2;
  }
  const prefix = process.env.BILDUNGSRAUM_SUBJECT_PREFIX || undefined;
  const nc = await connectNats({ url: process.env.NATS_URL || 'nats://127.0.0.1:4222', name: 'deadletters-cli', waitOnFirstConnect: false });
  try {
    if (command === 'list') {
      const consumerIndex = rest.indexOf('--consumer');
      const consumer = consumerIndex >= 0 ? rest[consumerIndex + 1] : undefined;
      const letters = await listDeadLetters(nc, prefix, { consumer });
      if (rest.includes('--json')) console.log(JSON.stringify(letters, null, 2));
      else printTable(letters);
      return 0;
    }
    const seq = Number(rest[0]);
    if (!Number.isInteger(seq) || seq < 1) {
      console.error(`Ungültige Sequenznummer / invalid sequence number: ${String(rest[0])}\n${USAGE}`);
      return 2;
    }
    const letter = await replayDeadLetter(nc, prefix, seq);
    console.log(`Erneut veröffentlicht / republished: #${seq} ${letter.eventType} ${letter.eventId ?? ''} → ${letter.originalSubject}`);
    return 0;
  } finally {
    await drainNats(nc);
  }
}

function printTable(letters: DeadLetter[]): void {
  if (letters.length === 0) {
    console.log('Keine geparkten Nachrichten / no dead letters');
    return;
  }
  for (const letter of letters) {
    console.log(
      [`#${letter.seq}`, letter.parkedAt, letter.consumer, letter.eventType, letter.eventId ?? '-', `${letter.attempts}×`, letter.error].join('  '),
    );
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Fehler / error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
