import { parseGeoNamesPostalCodes } from './geonames-postal-codes';

describe('parseGeoNamesPostalCodes', () => {
  it('reads the CSV export with a header, quoted names and empty admin codes', () => {
    const text = [
      'country_code,zipcode,place,state,state_code,province,province_code,community,community_code,latitude,longitude',
      'DE,34497,Korbach,Hessen,HE,Regierungsbezirk Kassel,066,Landkreis Waldeck-Frankenberg,06635,51.2756,8.873',
      'DE,20139,"Müller, Hans, GmbH",Hamburg,04,,,"Hamburg, Freie und Hansestadt",02000,53.5671,10.0004',
    ].join('\n');
    const { rows, report } = parseGeoNamesPostalCodes(text);
    expect(report).toMatchObject({ read: 2, accepted: 2, rejected: 0 });
    expect(rows[0]).toEqual({
      postalCode: '34497',
      placeName: 'Korbach',
      stateName: 'Hessen',
      districtName: 'Landkreis Waldeck-Frankenberg',
      districtKey: '06635',
      lat: 51.2756,
      lon: 8.873,
    });
    expect(rows[1]).toMatchObject({ placeName: 'Müller, Hans, GmbH', districtKey: '02000' });
  });

  it('reads the official tab-separated dump without a header (stray quotes are text)', () => {
    const text = 'DE\t37603\tHolzminden "Nord"\tNiedersachsen\tNI\t\t00\tLandkreis Holzminden\t03255\t51.828\t9.4455\t4\n';
    const { rows, report } = parseGeoNamesPostalCodes(text);
    expect(report.accepted).toBe(1);
    expect(rows[0]).toMatchObject({ postalCode: '37603', placeName: 'Holzminden "Nord"', districtKey: '03255', lat: 51.828 });
  });

  it('accepts a place without district key (decided later) and rejects malformed rows with reasons', () => {
    const text = [
      'country_code,zipcode,place,state,state_code,province,province_code,community,community_code,latitude,longitude',
      'DE,87491,Jungholz,,,,,,,47.5741,10.4472',
      'DE,3449,Kurz,Hessen,HE,,,X,06635,51.2,8.8',
      'AT,6020,Innsbruck,Tirol,07,,,Innsbruck,701,47.26,11.39',
      'DE,34497,Korbach,Hessen,HE,,,X,06635,abc,8.8',
      'DE,34497,Korbach,Hessen,HE,,,X,06635,8.873,51.2756',
      'DE,34497,Korbach,Hessen,HE,,,X,6635,51.2,8.8',
      'DE,34497,,Hessen,HE,,,X,06635,51.2,8.8',
      'DE,34497,Korbach,Hessen',
    ].join('\n');
    const { rows, report } = parseGeoNamesPostalCodes(text, 'sample');
    expect(rows.map((row) => row.placeName)).toEqual(['Jungholz']);
    expect(rows[0].districtKey).toBeUndefined();
    expect(report).toMatchObject({ source: 'sample', read: 8, accepted: 1, rejected: 7 });
    expect(report.reasons).toEqual({
      'postal code must have 5 digits': 1,
      'country is not DE': 1,
      'latitude/longitude missing or not a number': 1,
      'coordinates outside Germany': 1,
      'district key (admin code3) must have 5 digits': 1,
      'place name is empty': 1,
      'wrong number of columns': 1,
    });
    expect(report.samples[0]).toEqual({ line: 3, reason: 'postal code must have 5 digits' });
  });

  it('refuses a file whose header lacks a required column', () => {
    expect(() => parseGeoNamesPostalCodes('country_code,zipcode,place\nDE,34497,Korbach\n')).toThrow(/missing column\(s\) lat, lon/);
  });
});
