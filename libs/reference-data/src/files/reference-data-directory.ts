import { resolve } from 'node:path';

/** Repository root, found from this file rather than the working directory (libs/reference-data/src/files). */
const REPO_ROOT = resolve(__dirname, '..', '..', '..', '..');

/**
 * Where the official distribution files live: `BILDUNGSRAUM_REFERENCE_DATA`, else `../shared/data`
 * beside the checkout (as on the CI machine). The repository itself ships none of the data.
 */
export function referenceDataDirectory(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.BILDUNGSRAUM_REFERENCE_DATA?.trim();
  return configured ? resolve(configured) : resolve(REPO_ROOT, '..', 'shared', 'data');
}

/** File names inside the directory; each can be overridden (e.g. the official GeoNames `DE.txt`). */
export interface ReferenceDataFiles {
  /** GeoNames postal codes: the official tab-separated `DE.txt` or the CSV export with a header row. */
  postalCodes: string;
  /** Postal code → municipality (8-digit AGS) assignment, one row per municipality and postal code. */
  postalCodeMunicipalities?: string;
  /** Current districts with centroid (5-digit AGS, name, kind, NUTS 3, lat, lon, population). */
  districtCentroids?: string;
  /** Destatis district list (semicolon-separated, AGS;type;name;NUTS3;area_km2;population;...). */
  destatisDistricts?: string;
  /** BKG district polygons (GeoJSON FeatureCollection, WGS84). */
  districtPolygons?: string;
}

export const DEFAULT_REFERENCE_DATA_FILES: ReferenceDataFiles = {
  postalCodes: 'geo/plz_geonames_DE.csv',
  postalCodeMunicipalities: 'geo/zuordnung_plz_ort_ags.csv',
  districtCentroids: 'geo/kreise_centroids_DERIVED.csv',
  destatisDistricts: 'geo/kreise_destatis_2018.csv',
  districtPolygons: 'geo/landkreise_bkg_simplify200.geojson',
};
