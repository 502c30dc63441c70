import { DataSource } from 'typeorm';
import { createEvent, NeedSnapshotV1, NeedSubmitted } from '@bildungsraum/contracts';
import { JetStreamEventContext } from '@bildungsraum/messaging';
import { createMatchingDataSource } from '../../apps/matching/src/db/matching-data-source';
import { NeedEventsHandler } from '../../apps/matching/src/matches/events/need-events.handler';
import { Rematcher } from '../../apps/matching/src/matches/infra/rematcher';
import { MatchingConfig } from '../../apps/matching/src/matching.config';
import { systemClock } from '../../apps/matching/src/shared/domain/clock';
import { NeedSkillReader } from '../../apps/matching/src/skills/need-skill-reader';

/**
 * The bench's fast route for the open needs (BENCH_BULK=1): the service's own NeedEventsHandler,
 * run in the bench process on `concurrency` connections of its own, with each need's
 * needs.need.submitted event handed to it directly instead of through JetStream. Everything the
 * handler writes is the same as through the stream – inbox row, read model, text reading, skill
 * locks, re-match with matches, bundle fits, bundles, gap demand, gaps, admission score, outbox –
 * in the same one transaction per need; concurrent handlers are what several consumers would be
 * (the skill locks serialise needs sharing a skill), and the service's outbox relay publishes
 * their events as it would. What differs: no NATS delivery or ack of the needs' own events, and
 * the order of needs sharing a skill may differ from the stream's, as with several consumers.
 */
export async function handleNeedsInProcess(databaseUrl: string, needs: readonly NeedSnapshotV1[], concurrency: number): Promise<void> {
  const dataSource: DataSource = createMatchingDataSource(databaseUrl, { poolSize: concurrency });
  await dataSource.initialize();
  try {
    const handler = new NeedEventsHandler(dataSource, new NeedSkillReader(dataSource), new Rematcher(new MatchingConfig(), systemClock));
    let next = 0;
    const worker = async () => {
      while (next < needs.length) {
        const need = needs[next++]!;
        await handler.submitted(need, { event: createEvent(NeedSubmitted, need.id, need) } as unknown as JetStreamEventContext);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    await dataSource.destroy();
  }
}
