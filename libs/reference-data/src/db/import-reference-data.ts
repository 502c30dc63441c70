import { performance } from 'node:perf_hooks';
import { ReferenceDataFiles } from '../files/reference-data-directory';
import { loadReferenceSet } from '../model/load-reference-set';
import { ReferenceSet } from '../model/reference-set';
import { SourceReport } from '../parse/source-report';
import { inTransaction } from './in-transaction';
import { ConnectionSource, hasGeometryColumns, postgisSchema, quoteSchema, SqlExecutor } from './sql-executor';
import { upsertDistricts, upsertPostalCodes } from './upsert-reference-set';

export interface ImportReport {
  schema: string;
  directory: string;
  districts: number;
  postalCodes: number;
  /** Whether geometry columns were filled. */
  postgis: boolean;
  /** Per source file and per merged table: rows read, accepted, rejected with reasons. */
  sources: SourceReport[];
  parseMs: number;
  writeMs: number;
}

/** A single connection (pg `Client`, TypeORM `QueryRunner`) or a TypeORM `DataSource`. */
export type ImportTarget = SqlExecutor | ConnectionSource;

/**
 * Loads the reference data of a directory into the schema's `ref_*` tables (created before by
 * `createReferenceDataTables`). Idempotent: rows are upserted and rows no longer in the
 * sources are deleted, all in one transaction, so readers see the old or the new set, never
 * half of it. Each table is written with one `INSERT ... SELECT FROM unnest(...)` statement.
 */
export async function importReferenceData(
  target: ImportTarget,
  schema: string,
  directory: string,
  files: Partial<ReferenceDataFiles> = {},
): Promise<ImportReport> {
  quoteSchema(schema);
  const parseStart = performance.now();
  const loaded = loadReferenceSet(directory, files);
  const parseMs = Math.round(performance.now() - parseStart);
  const writeStart = performance.now();
  const postgis = await inTransaction(target, (executor) => writeReferenceSet(executor, schema, loaded));
  return {
    schema,
    directory,
    districts: loaded.districts.length,
    postalCodes: loaded.postalCodes.length,
    postgis,
    sources: loaded.reports,
    parseMs,
    writeMs: Math.round(performance.now() - writeStart),
  };
}

/**
 * Writes an already built set (e.g. a small one in tests); returns whether geometries were
 * written. Call it inside a transaction: the advisory lock it takes is held until the end of it.
 */
export async function writeReferenceSet(executor: SqlExecutor, schema: string, set: ReferenceSet): Promise<boolean> {
  const s = quoteSchema(schema);
  // Replicas that import at start-up take turns instead of interleaving their upserts and deletes.
  await executor.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`bildungsraum.reference-data.${schema}`]);
  const gis = (await hasGeometryColumns(executor, schema)) ? await postgisSchema(executor) : undefined;
  await upsertDistricts(executor, s, set.districts, gis);
  await upsertPostalCodes(executor, s, set.postalCodes, gis);
  await executor.query(`DELETE FROM ${s}.ref_postal_code WHERE postal_code <> ALL($1::text[])`, [
    set.postalCodes.map((code) => code.postalCode),
  ]);
  await executor.query(`DELETE FROM ${s}.ref_district WHERE key <> ALL($1::text[])`, [set.districts.map((district) => district.key)]);
  return gis !== undefined;
}
