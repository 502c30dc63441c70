import { districtKeyOf } from './csv-records';
import { Parsed, ReferenceDataFormatError, ReportBuilder } from './source-report';
import { DistrictRow } from './districts';

export interface DistrictPolygon extends DistrictRow {
  /** GeoJSON geometry (Polygon or MultiPolygon, WGS84) as text, ready for `ST_GeomFromGeoJSON`. */
  geometry: string;
}

type Position = [number, number];
interface Geometry {
  type: string;
  coordinates: unknown;
}
interface Feature {
  properties?: Record<string, unknown> | null;
  geometry?: Geometry | null;
}

/**
 * District polygons of the BKG (VG250 Kreise, here simplified) as a GeoJSON FeatureCollection
 * with the properties `AGS`/`RS`, `GEN` (name), `BEZ` (kind), `NUTS`. A centroid is computed
 * from the polygon so that the polygons alone are enough for a district list.
 */
export function parseDistrictPolygons(text: string, source = 'district polygons'): Parsed<DistrictPolygon> {
  const builder = new ReportBuilder<DistrictPolygon>(source);
  let collection: { type?: string; features?: Feature[] };
  try {
    collection = JSON.parse(text) as typeof collection;
  } catch (error) {
    throw new ReferenceDataFormatError(`${source}: not JSON: ${(error as Error).message}`);
  }
  if (collection.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    throw new ReferenceDataFormatError(`${source}: not a GeoJSON FeatureCollection`);
  }
  collection.features.forEach((feature, index) => {
    // Features have no line numbers; report their 1-based position instead.
    const position = index + 1;
    const properties = feature.properties ?? {};
    const key = districtKeyOf(String(properties.AGS ?? properties.RS ?? ''));
    const name = typeof properties.GEN === 'string' ? properties.GEN.trim() : '';
    const geometry = feature.geometry;
    if (!key) return builder.reject(position, 'district key (AGS/RS) must have 5 digits');
    if (!name) return builder.reject(position, 'district name (GEN) is empty');
    if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) {
      return builder.reject(position, 'geometry must be a Polygon or MultiPolygon');
    }
    const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as Position[][][];
    const centroid = areaWeightedCentroid(polygons);
    if (!centroid) return builder.reject(position, 'geometry has no area');
    const population = (properties.destatis as { population?: unknown } | undefined)?.population ?? properties.EWZ;
    builder.accept({
      key,
      name,
      ...(typeof properties.BEZ === 'string' ? { kind: properties.BEZ } : {}),
      ...(typeof properties.NUTS === 'string' ? { nuts3: properties.NUTS } : {}),
      ...(typeof population === 'number' ? { population } : {}),
      lat: centroid.lat,
      lon: centroid.lon,
      geometry: JSON.stringify(geometry),
    });
  });
  return builder.result();
}

/** Centroid of the outer rings by the shoelace formula; plain degrees are precise enough at district scale. */
function areaWeightedCentroid(polygons: Position[][][]): { lat: number; lon: number } | undefined {
  let area = 0;
  let x = 0;
  let y = 0;
  for (const [ring] of polygons) {
    if (!Array.isArray(ring)) continue;
    for (let i = 0; i + 1 < ring.length; i += 1) {
      const [x0, y0] = ring[i];
      const [x1, y1] = ring[i + 1];
      const cross = x0 * y1 - x1 * y0;
      area += cross;
      x += (x0 + x1) * cross;
      y += (y0 + y1) * cross;
    }
  }
  if (Math.abs(area) < 1e-12) return undefined;
  return { lon: round(x / (3 * area)), lat: round(y / (3 * area)) };
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
