import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { provisionTestInfrastructure, TestInfrastructure } from '@bildungsraum/testing';
import { createServiceDataSource, runMigrations, schemaOf } from '../src';
import { CreateOutboxAndInbox1700000000000, migratedDataSource, SCHEMA } from './support/outbox-fixture';

/** Fails when applied twice (no IF NOT EXISTS), so a double application cannot hide. */
class CreateMarker1700000000001 implements MigrationInterface {
  name = 'CreateMarker1700000000001';
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE replicas_race.marker (id int)');
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE replicas_race.marker');
  }
}

describe('createServiceDataSource / runMigrations', () => {
  let infra: TestInfrastructure;
  let dataSource: DataSource;

  beforeAll(async () => {
    infra = await provisionTestInfrastructure('datasource');
    dataSource = await migratedDataSource(infra.databaseUrl);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await infra.dispose();
  });

  it('creates the schema, keeps the migrations table inside it and sets the search_path', async () => {
    expect(schemaOf(dataSource)).toBe(SCHEMA);
    const tables = (await dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name`,
      [SCHEMA],
    )) as Array<{ table_name: string }>;
    expect(tables.map((table) => table.table_name)).toEqual(['inbox', 'migrations', 'outbox']);
    const [{ schemas }] = (await dataSource.query(`SELECT array_to_string(current_schemas(false), ',') AS schemas`)) as Array<{ schemas: string }>;
    expect(schemas).toBe(`${SCHEMA},public`);
    expect(dataSource.options.synchronize).toBe(false);
  });

  it('runs each migration once', async () => {
    const again = createServiceDataSource({
      url: infra.databaseUrl,
      schema: SCHEMA,
      entities: [],
      migrations: [CreateOutboxAndInbox1700000000000],
    });
    try {
      expect(await runMigrations(again)).toEqual([]);
    } finally {
      await again.destroy();
    }
  });

  it('applies a migration once when several replicas migrate at the same moment', async () => {
    const replicas = Array.from({ length: 4 }, () =>
      createServiceDataSource({
        url: infra.databaseUrl,
        schema: 'replicas_race',
        entities: [],
        migrations: [CreateMarker1700000000001],
      }),
    );
    try {
      const applied = await Promise.all(replicas.map((replica) => runMigrations(replica)));
      expect(applied.flat()).toEqual(['CreateMarker1700000000001']);
    } finally {
      await Promise.all(replicas.map((replica) => replica.destroy()));
    }
  });

  it('rejects schema names that could inject SQL', () => {
    expect(() => createServiceDataSource({ url: infra.databaseUrl, schema: 'x"; DROP', entities: [], migrations: [] })).toThrow(/Invalid schema/);
  });
});
