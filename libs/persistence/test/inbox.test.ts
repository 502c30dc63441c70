import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { provisionTestInfrastructure, TestInfrastructure } from '@bildungsraum/testing';
import { isNewerVersion, processOnce, upsertIfNewer, wasProcessed } from '../src';
import { migratedDataSource, SCHEMA, testEvent } from './support/outbox-fixture';

describe('inbox: idempotent and version-aware consumers', () => {
  let infra: TestInfrastructure;
  let dataSource: DataSource;

  beforeAll(async () => {
    infra = await provisionTestInfrastructure('inbox');
    dataSource = await migratedDataSource(infra.databaseUrl);
    await dataSource.query(`CREATE TABLE "${SCHEMA}".effects (event_id uuid NOT NULL, consumer text NOT NULL)`);
    await dataSource.query(`CREATE TABLE "${SCHEMA}".partner_view (id uuid PRIMARY KEY, name text NOT NULL, version integer NOT NULL)`);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await infra.dispose();
  });

  const effectsOf = async (eventId: string): Promise<number> => {
    const [row] = (await dataSource.query(`SELECT count(*)::int AS n FROM "${SCHEMA}".effects WHERE event_id = $1`, [eventId])) as Array<{ n: number }>;
    return row.n;
  };
  const recordEffect = (consumer: string, eventId: string) => async (manager: EntityManager) => {
    await manager.query(`INSERT INTO "${SCHEMA}".effects (event_id, consumer) VALUES ($1, $2)`, [eventId, consumer]);
  };

  it('applies an event delivered twice only once', async () => {
    const event = testEvent(1);
    expect(await processOnce(dataSource, SCHEMA, 'matching', event, recordEffect('matching', event.id))).toBe('processed');
    expect(await processOnce(dataSource, SCHEMA, 'matching', event, recordEffect('matching', event.id))).toBe('duplicate');
    expect(await effectsOf(event.id)).toBe(1);
    expect(await wasProcessed(dataSource, SCHEMA, 'matching', event.id)).toBe(true);
  });

  it('applies an event once even when two deliveries race', async () => {
    const event = testEvent(2);
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () => processOnce(dataSource, SCHEMA, 'matching', event, recordEffect('matching', event.id))),
    );
    expect(outcomes.filter((outcome) => outcome === 'processed')).toHaveLength(1);
    expect(await effectsOf(event.id)).toBe(1);
  });

  it('keeps consumers apart: each consumer applies the event once', async () => {
    const event = testEvent(3);
    await processOnce(dataSource, SCHEMA, 'matching', event, recordEffect('matching', event.id));
    expect(await processOnce(dataSource, SCHEMA, 'notifications', event, recordEffect('notifications', event.id))).toBe('processed');
    expect(await effectsOf(event.id)).toBe(2);
  });

  it('forgets the delivery when the work fails, so the redelivery applies it', async () => {
    const event = testEvent(4);
    await expect(
      processOnce(dataSource, SCHEMA, 'matching', event, async (manager) => {
        await recordEffect('matching', event.id)(manager);
        throw new Error('handler failed');
      }),
    ).rejects.toThrow('handler failed');
    expect(await wasProcessed(dataSource, SCHEMA, 'matching', event.id)).toBe(false);
    expect(await effectsOf(event.id)).toBe(0);
    expect(await processOnce(dataSource, SCHEMA, 'matching', event, recordEffect('matching', event.id))).toBe('processed');
    expect(await effectsOf(event.id)).toBe(1);
  });

  it('joins the caller’s transaction when given a transactional manager', async () => {
    const event = testEvent(5);
    await expect(
      dataSource.transaction(async (manager) => {
        await processOnce(manager, SCHEMA, 'matching', event, recordEffect('matching', event.id));
        throw new Error('outer rollback');
      }),
    ).rejects.toThrow('outer rollback');
    expect(await wasProcessed(dataSource, SCHEMA, 'matching', event.id)).toBe(false);
  });

  it('lets the newest version win in a read model; an older version arriving later changes nothing', async () => {
    const id = randomUUID();
    const upsert = (version: number, name: string) =>
      upsertIfNewer(dataSource.manager, { schema: SCHEMA, table: 'partner_view', row: { id, name, version } });
    const read = async () => ((await dataSource.query(`SELECT name, version FROM "${SCHEMA}".partner_view WHERE id = $1`, [id])) as unknown[])[0];

    expect(await upsert(1, 'Metallbau Korbach')).toBe('applied');
    expect(await upsert(3, 'Metallbau Korbach GmbH')).toBe('applied');
    expect(await upsert(2, 'Metallbau Korbach (alt)')).toBe('stale'); // redelivered late
    expect(await upsert(3, 'Metallbau Korbach GmbH')).toBe('stale'); // same version again
    expect(await read()).toEqual({ name: 'Metallbau Korbach GmbH', version: 3 });
  });

  it('compares versions for hand-written handlers', () => {
    expect(isNewerVersion(undefined, 1)).toBe(true);
    expect(isNewerVersion(2, 3)).toBe(true);
    expect(isNewerVersion(3, 3)).toBe(false);
    expect(isNewerVersion(3, 2)).toBe(false);
  });
});
