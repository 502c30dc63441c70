import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { provisionTestInfrastructure, TestInfrastructure } from '@bildungsraum/testing';
import {
  createReferenceDataTables,
  importReferenceData,
  ImportReport,
  PostalCodeDirectory,
  referenceDataDirectory,
} from '../src';

/**
 * Imports the real distribution files (BILDUNGSRAUM_REFERENCE_DATA, default ../shared/data)
 * into a fresh database: once into a schema with PostGIS columns through a pg Client, once
 * into a schema without them through a TypeORM DataSource.
 */
describe('importReferenceData (real files, real Postgres)', () => {
  const directory = referenceDataDirectory();
  let infrastructure: TestInfrastructure;
  let client: Client;
  let dataSource: DataSource;
  let withGis: ImportReport;
  let withoutGis: ImportReport;

  beforeAll(async () => {
    infrastructure = await provisionTestInfrastructure('refdata');
    client = new Client({ connectionString: infrastructure.databaseUrl });
    await client.connect();
    await client.query('CREATE EXTENSION IF NOT EXISTS postgis');
    dataSource = await new DataSource({ type: 'postgres', url: infrastructure.databaseUrl }).initialize();

    expect(await createReferenceDataTables(client, 'geo_on')).toEqual({ postgis: true });
    const runner = dataSource.createQueryRunner();
    expect(await createReferenceDataTables(runner, 'geo_off', { postgis: false })).toEqual({ postgis: false });
    await runner.release();

    withGis = await importReferenceData(client, 'geo_on', directory);
    withoutGis = await importReferenceData(dataSource, 'geo_off', directory);
    // The figures for the report: parse vs. write time of the full German set.
    console.info(`reference data import: parse ${withGis.parseMs} ms, write ${withGis.writeMs} ms (PostGIS), ${withoutGis.writeMs} ms (plain)`);
  });

  afterAll(async () => {
    await client?.end();
    await dataSource?.destroy();
    await infrastructure?.dispose();
  });

  it('imports all German districts and postal codes and reports what it rejected', () => {
    for (const report of [withGis, withoutGis]) {
      expect(report.districts).toBe(400);
      expect(report.postalCodes).toBeGreaterThan(10_000);
      const merged = report.sources.find((source) => source.source === 'postal codes (merged)');
      expect(merged?.rejected).toBeLessThan(5);
      for (const source of report.sources) expect(source.read).toBe(source.accepted + source.rejected);
    }
    expect(withGis.postgis).toBe(true);
    expect(withoutGis.postgis).toBe(false);
  });

  it.each([
    ['34497', 'Korbach', '06635', 'Waldeck-Frankenberg'],
    ['37603', 'Holzminden', '03255', 'Holzminden'],
    ['37671', 'Höxter', '05762', 'Höxter'],
  ])('looks up %s %s → district %s %s, with and without PostGIS', async (code, place, districtKey, districtName) => {
    for (const directoryOf of [new PostalCodeDirectory(client, 'geo_on'), new PostalCodeDirectory(dataSource, 'geo_off')]) {
      const info = await directoryOf.lookup(code);
      expect(info).toMatchObject({ postalCode: code, placeName: place, districtKey, districtName });
      expect(info?.location.lat).toBeGreaterThan(51);
      expect(info?.location.lat).toBeLessThan(52);
      expect(info?.location.lon).toBeGreaterThan(8);
      expect(info?.location.lon).toBeLessThan(10);
    }
  });

  it('answers unknown and malformed postal codes with undefined', async () => {
    const directoryOf = new PostalCodeDirectory(client, 'geo_on');
    expect(await directoryOf.lookup('00000')).toBeUndefined();
    expect(await directoryOf.lookup('3449')).toBeUndefined();
    expect(await directoryOf.lookup("34497' OR 1=1 --")).toBeUndefined();
  });

  it('finds a district by key and the districts near a point', async () => {
    const korbach = { lat: 51.2756, lon: 8.873 };
    const gis = new PostalCodeDirectory(client, 'geo_on');
    const plain = new PostalCodeDirectory(client, 'geo_off');
    expect(await gis.district('05762')).toMatchObject({ key: '05762', name: 'Höxter', centroid: expect.any(Object) });
    const nearWithBoundaries = await gis.districtsNear(korbach, 30);
    expect(nearWithBoundaries[0]).toMatchObject({ key: '06635', distanceKm: 0 });
    expect(nearWithBoundaries.map((district) => district.key)).toContain('05762');
    const nearByCentroid = await plain.districtsNear(korbach, 30);
    expect(nearByCentroid[0].key).toBe('06635');
    expect(nearByCentroid.every((district) => district.distanceKm <= 30)).toBe(true);
  });

  it('is idempotent: a re-import restores changed rows, removes stale ones and changes nothing else', async () => {
    const snapshot = () => client.query(`SELECT md5(string_agg(t::text, '|' ORDER BY postal_code)) AS digest, count(*) FROM geo_on.ref_postal_code t`);
    const before = (await snapshot()).rows[0];
    await client.query(`UPDATE geo_on.ref_postal_code SET place_name = 'Falsch' WHERE postal_code = '34497'`);
    await client.query(`INSERT INTO geo_on.ref_postal_code (postal_code, place_name, lat, lon, location_precision, district_key, district_keys)
                        VALUES ('99999', 'Stale', 51, 9, 'places', '06635', '{06635}')`);
    const again = await importReferenceData(client, 'geo_on', directory);
    expect(again.postalCodes).toBe(withGis.postalCodes);
    expect((await snapshot()).rows[0]).toEqual(before);
    expect((await client.query(`SELECT count(*)::int AS n FROM geo_on.ref_district WHERE boundary IS NOT NULL`)).rows[0].n).toBe(400);
  });
});
