import { jetstreamManager } from '@nats-io/jetstream';
import { ProducingService } from '@bildungsraum/contracts';
import { connectNats, drainNats, durableName, isNotFound, streamName } from '@bildungsraum/messaging';
import { runMigrations } from '@bildungsraum/persistence';
import { createMatchingDataSource, MATCHING_SCHEMA } from '../db/matching-data-source';
import { MATCHING_CONSUMER } from '../shared/infra/matching-store';

/** The streams matching builds its state from. */
export const MATCHING_INPUT_STREAMS: readonly ProducingService[] = ['partners', 'needs', 'catalogue'];

export interface RebuildOutcome {
  /** Tables emptied: read models, matches, bundles, gaps, inbox and outbox. */
  emptied: string[];
  /** Durable consumers deleted, so that the next start creates them anew from the first event. */
  deletedConsumers: string[];
}

/**
 * Prepares a rebuild of matching from the event streams: empties every table the events fill
 * (the taxonomy and the migrations table stay, so no re-import and no CREATE privilege is needed)
 * and deletes matching's durable consumers. The next start of the service creates them with
 * deliver policy "all" and replays PARTNERS, NEEDS and CATALOGUE from the start.
 *
 * Refuses while a consumer has pull requests waiting: the service is still running and would
 * keep acknowledging events into the emptied tables.
 */
export async function prepareMatchingRebuild(settings: { databaseUrl: string; natsUrl: string; subjectPrefix?: string }): Promise<RebuildOutcome> {
  const nats = await connectNats({ url: settings.natsUrl, name: 'matching-rebuild' });
  const dataSource = createMatchingDataSource(settings.databaseUrl, { poolSize: 2 });
  try {
    const jsm = await jetstreamManager(nats);
    const durables = MATCHING_INPUT_STREAMS.map((service) => ({ stream: streamName(service, settings.subjectPrefix), durable: durableName(MATCHING_CONSUMER, service, settings.subjectPrefix) }));
    for (const { stream, durable } of durables) {
      const info = await jsm.consumers.info(stream, durable).catch((error: unknown) => (isNotFound(error) ? undefined : Promise.reject(error)));
      if (info && info.num_waiting > 0) throw new Error(`${durable} is being read (${info.num_waiting} pull requests waiting): stop every matching replica first`);
    }
    await dataSource.initialize();
    await runMigrations(dataSource);
    const tables = ((await dataSource.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = $1 AND tablename NOT LIKE 'ref\\_%' AND tablename <> 'migrations' ORDER BY 1`,
      [MATCHING_SCHEMA],
    )) as Array<{ tablename: string }>).map((row) => row.tablename);
    if (tables.length) await dataSource.query(`TRUNCATE ${tables.map((table) => `"${MATCHING_SCHEMA}"."${table}"`).join(', ')}`);
    const deletedConsumers: string[] = [];
    for (const { stream, durable } of durables) {
      try {
        await jsm.consumers.delete(stream, durable);
        deletedConsumers.push(durable);
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    }
    return { emptied: tables, deletedConsumers };
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await drainNats(nats);
  }
}
