import { hasGeometryColumns, postgisSchema, quoteSchema, Row, rowsOf, SqlExecutor } from '../db/sql-executor';
import { LocationPrecision } from '../model/reference-set';

export interface GeoPoint {
  lat: number;
  lon: number;
}

export interface PostalCodeInfo {
  postalCode: string;
  placeName: string;
  location: GeoPoint;
  /** The district most of the postal code's places belong to (see mergePostalCodes). */
  districtKey: string;
  districtName: string;
  /** All districts the postal code reaches into, `districtKey` first. */
  districtKeys: string[];
  /** `district`: no place of the code was known, `location` is the district's centroid. */
  locationPrecision: LocationPrecision;
}

export interface DistrictInfo {
  key: string;
  name: string;
  kind?: string;
  nuts3?: string;
  population?: number;
  centroid?: GeoPoint;
}

export interface NearbyDistrict extends DistrictInfo {
  /** From the point to the district's boundary with PostGIS (0 inside), else to its centroid. */
  distanceKm: number;
}

/** Reads the `ref_*` tables of one schema (filled by `importReferenceData`). */
export class PostalCodeDirectory {
  private readonly s: string;
  private gis?: Promise<string | undefined>;

  constructor(
    private readonly executor: SqlExecutor,
    private readonly schema: string,
  ) {
    this.s = quoteSchema(schema);
  }

  async lookup(postalCode: string): Promise<PostalCodeInfo | undefined> {
    const code = postalCode.trim();
    if (!/^\d{5}$/.test(code)) return undefined;
    const [row] = rowsOf(
      await this.executor.query(
        `SELECT p.postal_code, p.place_name, p.lat, p.lon, p.location_precision, p.district_key, p.district_keys, d.name AS district_name
         FROM ${this.s}.ref_postal_code p JOIN ${this.s}.ref_district d ON d.key = p.district_key
         WHERE p.postal_code = $1`,
        [code],
      ),
    );
    if (!row) return undefined;
    return {
      postalCode: String(row.postal_code),
      placeName: String(row.place_name),
      location: { lat: Number(row.lat), lon: Number(row.lon) },
      districtKey: String(row.district_key),
      districtName: String(row.district_name),
      districtKeys: keyArray(row.district_keys),
      locationPrecision: row.location_precision as LocationPrecision,
    };
  }

  async district(key: string): Promise<DistrictInfo | undefined> {
    if (!/^\d{5}$/.test(key)) return undefined;
    const [row] = rowsOf(await this.executor.query(`SELECT * FROM ${this.s}.ref_district WHERE key = $1`, [key]));
    return row ? toDistrict(row) : undefined;
  }

  /**
   * Districts within `km` of a point, nearest first. With PostGIS the distance is to the
   * district's boundary (a point inside its district gets 0); without it, to the centroid,
   * which is coarse for large districts but cheap (about 400 rows).
   */
  async districtsNear(point: GeoPoint, km: number): Promise<NearbyDistrict[]> {
    const gis = await this.postgis();
    const sql = gis
      ? `SELECT *, ${gis}.ST_Distance(boundary::${gis}.geography, ${gis}.ST_SetSRID(${gis}.ST_MakePoint($2, $1), 4326)::${gis}.geography) / 1000 AS distance_km
         FROM ${this.s}.ref_district
         WHERE boundary IS NOT NULL
           -- Index-backed box test first: in Germany one degree is at least 60 km in both directions.
           AND boundary OPERATOR(${gis}.&&) ${gis}.ST_Expand(${gis}.ST_SetSRID(${gis}.ST_MakePoint($2, $1), 4326), $3 / 60.0)
           AND ${gis}.ST_DWithin(boundary::${gis}.geography, ${gis}.ST_SetSRID(${gis}.ST_MakePoint($2, $1), 4326)::${gis}.geography, $3 * 1000)
         ORDER BY distance_km, key`
      : `SELECT * FROM (
           SELECT *, 2 * 6371.0088 * asin(sqrt(
             power(sin(radians(lat - $1) / 2), 2) + cos(radians($1)) * cos(radians(lat)) * power(sin(radians(lon - $2) / 2), 2)
           )) AS distance_km
           FROM ${this.s}.ref_district WHERE lat IS NOT NULL
         ) d WHERE distance_km <= $3 ORDER BY distance_km, key`;
    const rows = rowsOf(await this.executor.query(sql, [point.lat, point.lon, km]));
    return rows.map((row) => ({ ...toDistrict(row), distanceKm: Math.round(Number(row.distance_km) * 1000) / 1000 }));
  }

  /** PostGIS schema when the tables carry geometries; looked up once. */
  private postgis(): Promise<string | undefined> {
    this.gis ??= hasGeometryColumns(this.executor, this.schema).then((has) => (has ? postgisSchema(this.executor) : undefined));
    return this.gis;
  }
}

function toDistrict(row: Row): DistrictInfo {
  return {
    key: String(row.key),
    name: String(row.name),
    ...(row.kind !== null && row.kind !== undefined ? { kind: String(row.kind) } : {}),
    ...(row.nuts3 !== null && row.nuts3 !== undefined ? { nuts3: String(row.nuts3) } : {}),
    ...(row.population !== null && row.population !== undefined ? { population: Number(row.population) } : {}),
    ...(row.lat !== null && row.lat !== undefined ? { centroid: { lat: Number(row.lat), lon: Number(row.lon) } } : {}),
  };
}

/** pg returns char(5)[] as a JS array; some drivers return the literal `{a,b}`. */
function keyArray(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return String(value ?? '').replace(/^\{|\}$/g, '').split(',').filter(Boolean);
}
