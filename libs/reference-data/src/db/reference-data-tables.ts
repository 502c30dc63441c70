import { postgisSchema, quoteSchema, SqlExecutor } from './sql-executor';

export interface ReferenceDataTableOptions {
  /**
   * Add PostGIS geometry columns (district boundary and centroid, postal code location).
   * Default: when the extension is installed in the database. The lat/lon columns exist
   * either way, so lookups work without PostGIS.
   */
  postgis?: boolean;
}

/**
 * Creates `ref_district` and `ref_postal_code` in a service's own schema; call it from the
 * service's migration (`up`). Idempotent (`IF NOT EXISTS`). Does not create the PostGIS
 * extension: that needs a privileged role and belongs to the deployment or the service's
 * first migration (`CREATE EXTENSION IF NOT EXISTS postgis`).
 */
export async function createReferenceDataTables(
  queryRunner: SqlExecutor,
  schema: string,
  options: ReferenceDataTableOptions = {},
): Promise<{ postgis: boolean }> {
  const s = quoteSchema(schema);
  const gis = options.postgis === false ? undefined : await postgisSchema(queryRunner);
  if (options.postgis && !gis) throw new Error('PostGIS columns requested, but the postgis extension is not installed');
  const postgis = gis !== undefined;
  await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
  await queryRunner.query(`
    CREATE TABLE IF NOT EXISTS ${s}.ref_district (
      key char(5) PRIMARY KEY CHECK (key ~ '^[0-9]{5}$'),
      name text NOT NULL,
      kind text,
      nuts3 text,
      population integer,
      area_km2 double precision,
      lat double precision,
      lon double precision
      ${gis ? `, boundary ${gis}.geometry(MultiPolygon, 4326), centroid ${gis}.geometry(Point, 4326)` : ''}
    )`);
  await queryRunner.query(`
    CREATE TABLE IF NOT EXISTS ${s}.ref_postal_code (
      postal_code char(5) PRIMARY KEY CHECK (postal_code ~ '^[0-9]{5}$'),
      place_name text NOT NULL,
      lat double precision NOT NULL,
      lon double precision NOT NULL,
      location_precision text NOT NULL CHECK (location_precision IN ('places', 'district')),
      district_key char(5) NOT NULL REFERENCES ${s}.ref_district (key),
      district_keys char(5)[] NOT NULL
      ${gis ? `, location ${gis}.geometry(Point, 4326)` : ''}
    )`);
  await queryRunner.query(`CREATE INDEX IF NOT EXISTS ref_postal_code_district_idx ON ${s}.ref_postal_code (district_key)`);
  if (gis) {
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS ref_district_boundary_idx ON ${s}.ref_district USING gist (boundary)`);
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS ref_postal_code_location_idx ON ${s}.ref_postal_code USING gist (location)`);
  }
  return { postgis };
}

/** For the migration's `down`. */
export async function dropReferenceDataTables(queryRunner: SqlExecutor, schema: string): Promise<void> {
  const s = quoteSchema(schema);
  await queryRunner.query(`DROP TABLE IF EXISTS ${s}.ref_postal_code`);
  await queryRunner.query(`DROP TABLE IF EXISTS ${s}.ref_district`);
}
