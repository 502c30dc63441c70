import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_REFERENCE_DATA_FILES, ReferenceDataFiles } from '../files/reference-data-directory';
import { parseDistrictPolygons } from '../parse/district-polygons';
import { parseDistricts } from '../parse/districts';
import { parseGeoNamesPostalCodes } from '../parse/geonames-postal-codes';
import { parsePostalCodeMunicipalities } from '../parse/postal-code-municipalities';
import { ReferenceDataFormatError, SourceReport } from '../parse/source-report';
import { mergeDistricts } from './merge-districts';
import { mergePostalCodes } from './merge-postal-codes';
import { ReferenceSet } from './reference-set';

export interface LoadedReferenceSet extends ReferenceSet {
  /** One report per file read, then one per merged table. */
  reports: SourceReport[];
}

/**
 * Reads and validates the distribution files of a directory. The GeoNames postal codes are
 * required; the other files are optional and skipped when absent (a district list is needed,
 * though: centroids, polygons or the Destatis list).
 */
export function loadReferenceSet(directory: string, files: Partial<ReferenceDataFiles> = {}): LoadedReferenceSet {
  const names = { ...DEFAULT_REFERENCE_DATA_FILES, ...files };
  const reports: SourceReport[] = [];
  const read = (name: string | undefined, required: boolean): string | undefined => {
    if (!name) return undefined;
    const path = join(directory, name);
    if (!existsSync(path)) {
      if (required) throw new ReferenceDataFormatError(`${path} not found (set BILDUNGSRAUM_REFERENCE_DATA to the data directory)`);
      return undefined;
    }
    return readFileSync(path, 'utf8');
  };
  const parseWith = <T>(name: string | undefined, parser: (text: string, source: string) => { rows: T[]; report: SourceReport }, required = false) => {
    const text = read(name, required);
    if (text === undefined || !name) return undefined;
    const { rows, report } = parser(text, name);
    reports.push(report);
    return rows;
  };

  const places = parseWith(names.postalCodes, parseGeoNamesPostalCodes, true) ?? [];
  const municipalities = parseWith(names.postalCodeMunicipalities, parsePostalCodeMunicipalities) ?? [];
  const centroids = parseWith(names.districtCentroids, parseDistricts);
  const destatis = parseWith(names.destatisDistricts, parseDistricts);
  const polygons = parseWith(names.districtPolygons, parseDistrictPolygons);

  const merged = mergeDistricts({ centroids, destatis, polygons });
  if (!merged.districts.length) throw new ReferenceDataFormatError(`${directory}: no district list found`);
  const { postalCodes, report } = mergePostalCodes(places, municipalities, merged.districts);
  reports.push(merged.report, report);
  return { districts: merged.districts, postalCodes, reports };
}
