import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { Client } from 'pg';
import { provisionTestInfrastructure } from '../src';

describe('provisionTestInfrastructure', () => {
  it('gives each run its own database and prefix, and removes both on dispose', async () => {
    const [first, second] = await Promise.all([provisionTestInfrastructure('harness'), provisionTestInfrastructure('harness')]);
    expect(first.databaseUrl).not.toBe(second.databaseUrl);
    expect(first.subjectPrefix).not.toBe(second.subjectPrefix);

    const client = new Client({ connectionString: first.databaseUrl });
    await client.connect();
    const [{ db }] = (await client.query('SELECT current_database() AS db')).rows as Array<{ db: string }>;
    await client.end();

    const nc = await connect({ servers: first.natsUrl });
    const jsm = await jetstreamManager(nc);
    const stream = `${first.subjectPrefix}_PARTNERS`;
    await jsm.streams.add({ name: stream, subjects: [`${first.subjectPrefix}.partners.>`] });

    await first.dispose();
    await second.dispose();

    const streams: string[] = [];
    for await (const name of jsm.streams.names()) streams.push(name);
    await nc.close();
    expect(streams).not.toContain(stream);

    const admin = new Client({ connectionString: process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres' });
    await admin.connect();
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [db]);
    await admin.end();
    expect(rowCount).toBe(0);
  });
});
