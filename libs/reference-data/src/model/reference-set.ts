/** A district ready to be stored. */
export interface DistrictRecord {
  key: string;
  name: string;
  kind?: string;
  nuts3?: string;
  population?: number;
  areaKm2?: number;
  lat?: number;
  lon?: number;
  /** GeoJSON text of the boundary, when polygons were given. */
  boundary?: string;
}

/** How the coordinates of a postal code were obtained. */
export type LocationPrecision = 'places' | 'district';

/** A postal code ready to be stored: every one has coordinates and a district. */
export interface PostalCodeRecord {
  postalCode: string;
  placeName: string;
  lat: number;
  lon: number;
  /** `places`: mean of the GeoNames places; `district`: the district's centroid (no place known). */
  locationPrecision: LocationPrecision;
  districtKey: string;
  /** All districts the postal code reaches into, the chosen one first. */
  districtKeys: string[];
}

export interface ReferenceSet {
  districts: DistrictRecord[];
  postalCodes: PostalCodeRecord[];
}
