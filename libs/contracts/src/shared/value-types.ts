import { IsLatitude, IsLongitude, IsNumber, Matches } from 'class-validator';

/** WGS84 point. */
export class GeoPointV1 {
  @IsNumber() @IsLatitude() lat!: number;
  @IsNumber() @IsLongitude() lon!: number;
}

/** 5-digit Kreis key (AGS of a Landkreis or kreisfreie Stadt), e.g. `06635` Waldeck-Frankenberg. */
export const DISTRICT_KEY_PATTERN = /^\d{5}$/;
export const IsDistrictKey = () => Matches(DISTRICT_KEY_PATTERN, { message: '$property must be a 5-digit district key (AGS)' });

/** German 5-digit postal code. */
export const POSTAL_CODE_PATTERN = /^\d{5}$/;
export const IsPostalCode = () => Matches(POSTAL_CODE_PATTERN, { message: '$property must be a 5-digit postal code' });
