import { GeoNamesPlace } from '../parse/geonames-postal-codes';
import { PostalCodeMunicipality } from '../parse/postal-code-municipalities';
import { mergeDistricts } from './merge-districts';
import { mergePostalCodes } from './merge-postal-codes';

const place = (postalCode: string, placeName: string, districtKey: string | undefined, lat = 50, lon = 8): GeoNamesPlace => ({
  postalCode,
  placeName,
  ...(districtKey ? { districtKey } : {}),
  lat,
  lon,
});
const municipality = (postalCode: string, municipalityKey: string, placeName: string): PostalCodeMunicipality => ({
  postalCode,
  municipalityKey,
  districtKey: municipalityKey.slice(0, 5),
  placeName,
});

describe('mergeDistricts', () => {
  it('takes the current lists as the set, enriches from Destatis and drops dissolved districts', () => {
    const { districts, report } = mergeDistricts({
      centroids: [{ key: '16063', name: 'Wartburgkreis', lat: 50.9, lon: 10.2 }],
      destatis: [
        { key: '16063', name: 'Wartburgkreis, Landkreis', kind: 'Landkreis', areaKm2: 1307 },
        { key: '16056', name: 'Eisenach, Stadt' },
      ],
    });
    expect(districts).toEqual([{ key: '16063', name: 'Wartburgkreis', kind: 'Landkreis', areaKm2: 1307, lat: 50.9, lon: 10.2 }]);
    expect(report.samples).toEqual([{ line: 0, reason: 'district is not in the current district list (dissolved)', key: '16056' }]);
  });
});

describe('mergePostalCodes', () => {
  const districts = [
    { key: '07232', name: 'Eifelkreis Bitburg-Prüm', lat: 50, lon: 6.5 },
    { key: '07235', name: 'Trier-Saarburg', lat: 49.7, lon: 6.7 },
  ];

  it('assigns a code spanning two districts to the one most of its municipalities belong to', () => {
    const { postalCodes } = mergePostalCodes(
      [place('54298', 'Igel', '07235', 49.7, 6.55), place('54298', 'Aach', '07235', 49.79, 6.59)],
      [municipality('54298', '07232001', 'Welschbillig'), municipality('54298', '07232002', 'Kordel'), municipality('54298', '07235001', 'Aach')],
      districts,
    );
    expect(postalCodes[0]).toMatchObject({ districtKey: '07232', districtKeys: ['07232', '07235'], placeName: 'Welschbillig' });
    // No GeoNames place lies in the chosen district: the code's places still locate it.
    expect(postalCodes[0]).toMatchObject({ lat: 49.745, lon: 6.57, locationPrecision: 'places' });
  });

  it('falls back to GeoNames votes, then the district centroid, and rejects codes without district', () => {
    const { postalCodes, report } = mergePostalCodes(
      [place('54299', 'A', '07235'), place('54299', 'B', '07235'), place('54299', 'C', '07232'), place('87491', 'Jungholz', undefined)],
      [municipality('54300', '07232003', 'Nur OSM')],
      districts,
    );
    expect(postalCodes.map((code) => [code.postalCode, code.districtKey, code.locationPrecision])).toEqual([
      ['54299', '07235', 'places'],
      ['54300', '07232', 'district'],
    ]);
    expect(postalCodes[1]).toMatchObject({ lat: 50, lon: 6.5, placeName: 'Nur OSM' });
    expect(report.samples).toEqual([{ line: 0, reason: 'postal code has no known district in any source', key: '87491' }]);
  });
});
