import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_REFERENCE_DATA_FILES, mergeDistricts, parseDistricts, referenceDataDirectory } from '@bildungsraum/reference-data';

export interface DistrictName {
  name: string;
  /** "Landkreis", "Kreisfreie Stadt", "Kreis" … where the district lists say. */
  kind?: string;
}

let loaded: Map<string, DistrictName> | undefined;

/**
 * District names for the gap events ("Landkreis Waldeck-Frankenberg" rather than "06635"). Matching
 * keeps no postal codes, so instead of importing the whole reference set into its schema it reads
 * the two small district lists of the reference data directory once (about 400 rows, a few ms)
 * through the same parsers the import uses. Without the files the events carry the key alone.
 */
export function districtName(key: string, env: NodeJS.ProcessEnv = process.env): DistrictName | undefined {
  loaded ??= loadDistrictNames(referenceDataDirectory(env));
  return loaded.get(key);
}

function loadDistrictNames(directory: string): Map<string, DistrictName> {
  const parse = (file: string | undefined) => {
    const path = file ? join(directory, file) : undefined;
    return path && existsSync(path) ? parseDistricts(readFileSync(path, 'utf8'), file).rows : undefined;
  };
  const { districts } = mergeDistricts({ centroids: parse(DEFAULT_REFERENCE_DATA_FILES.districtCentroids), destatis: parse(DEFAULT_REFERENCE_DATA_FILES.destatisDistricts) });
  return new Map(districts.map((district) => [district.key, { name: district.name, ...(district.kind ? { kind: district.kind } : {}) }]));
}
