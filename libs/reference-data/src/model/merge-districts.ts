import { DistrictPolygon } from '../parse/district-polygons';
import { DistrictRow } from '../parse/districts';
import { ReportBuilder, SourceReport } from '../parse/source-report';
import { DistrictRecord } from './reference-set';

export interface DistrictSources {
  centroids?: DistrictRow[];
  polygons?: DistrictPolygon[];
  destatis?: DistrictRow[];
}

/**
 * One district list from several. The centroid list and the polygons are current (post-2021,
 * Eisenach merged into the Wartburgkreis); the Destatis list of 2018 only enriches them with
 * kind, area and population. A Destatis district missing from the current lists has been
 * dissolved and is left out (and reported). Without a current list, Destatis alone is used.
 */
export function mergeDistricts(sources: DistrictSources): { districts: DistrictRecord[]; report: SourceReport } {
  const builder = new ReportBuilder<DistrictRecord>('districts (merged)');
  const centroids = byKey(sources.centroids);
  const polygons = byKey(sources.polygons);
  const destatis = byKey(sources.destatis);
  const current = new Set([...centroids.keys(), ...polygons.keys()]);
  const keys = current.size ? current : new Set(destatis.keys());
  for (const key of [...keys].sort()) {
    const centroid = centroids.get(key);
    const polygon = polygons.get(key);
    const official = destatis.get(key);
    const first = <K extends keyof DistrictRow>(field: K): DistrictRow[K] | undefined =>
      centroid?.[field] ?? polygon?.[field] ?? official?.[field];
    builder.accept({
      key,
      name: first('name') as string,
      ...defined('kind', first('kind')),
      ...defined('nuts3', first('nuts3')),
      ...defined('population', first('population')),
      ...defined('areaKm2', official?.areaKm2),
      ...defined('lat', first('lat')),
      ...defined('lon', first('lon')),
      ...defined('boundary', polygon?.geometry),
    });
  }
  if (current.size) {
    for (const key of destatis.keys()) {
      if (!current.has(key)) builder.reject(0, 'district is not in the current district list (dissolved)', key);
    }
  }
  const { rows, report } = builder.result();
  return { districts: rows, report };
}

function byKey<T extends { key: string }>(rows: T[] | undefined): Map<string, T> {
  return new Map((rows ?? []).map((row) => [row.key, row]));
}

function defined<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}
