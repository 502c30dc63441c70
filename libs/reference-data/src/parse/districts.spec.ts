import { parseDistrictPolygons } from './district-polygons';
import { parseDistricts } from './districts';
import { parsePostalCodeMunicipalities } from './postal-code-municipalities';

describe('parseDistricts', () => {
  it('reads the centroid list (comma) and normalises an 8-digit AGS', () => {
    const text = 'ags,name,bez,nuts3,lat,lon,population\n06635,Waldeck-Frankenberg,Landkreis,DE734,51.1,8.8,156000\n09662000,Schweinfurt,Kreisfreie Stadt,DE264,50.05,10.22,53000\n';
    const { rows, report } = parseDistricts(text);
    expect(report).toMatchObject({ read: 2, accepted: 2 });
    expect(rows[0]).toEqual({ key: '06635', name: 'Waldeck-Frankenberg', kind: 'Landkreis', nuts3: 'DE734', population: 156000, lat: 51.1, lon: 8.8 });
    expect(rows[1].key).toBe('09662');
  });

  it('reads the Destatis list (semicolon) and rejects bad rows', () => {
    const text = [
      'AGS;type;name;NUTS3;area_km2;population;population_male;population_female;population_per_km2',
      '03255;Landkreis;Holzminden;DE923;692.51;70975;35000;35975;102',
      '3255;Landkreis;Kurz;DE923;692.51;70975;35000;35975;102',
      '05762;Kreis;;DEA47;1201.42;140667;1;1;117',
      '05762;Kreis;Höxter;DEA47;1201.42;-5;1;1;117',
      '05762;Kreis;Höxter',
    ].join('\n');
    const { rows, report } = parseDistricts(text);
    expect(rows).toEqual([{ key: '03255', name: 'Holzminden', kind: 'Landkreis', nuts3: 'DE923', population: 70975, areaKm2: 692.51 }]);
    expect(report.reasons).toEqual({
      'district key (AGS) must have 5 digits': 1,
      'district name is empty': 1,
      'population must be a non-negative integer': 1,
      'wrong number of columns': 1,
    });
  });
});

describe('parseDistrictPolygons', () => {
  it('reads features, computes a centroid and rejects features without key or area', () => {
    const square = [[[9, 51], [10, 51], [10, 52], [9, 52], [9, 51]]];
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { AGS: '05762', GEN: 'Höxter', BEZ: 'Kreis', NUTS: 'DEA47', destatis: { population: 140667 } }, geometry: { type: 'Polygon', coordinates: square } },
        { type: 'Feature', properties: { AGS: 'x', GEN: 'Nirgends' }, geometry: { type: 'Polygon', coordinates: square } },
        { type: 'Feature', properties: { AGS: '05770', GEN: 'Linie' }, geometry: { type: 'LineString', coordinates: [[9, 51], [10, 52]] } },
      ],
    });
    const { rows, report } = parseDistrictPolygons(text);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ key: '05762', name: 'Höxter', kind: 'Kreis', nuts3: 'DEA47', population: 140667, lat: 51.5, lon: 9.5 });
    expect(JSON.parse(rows[0].geometry).type).toBe('Polygon');
    expect(report).toMatchObject({ read: 3, accepted: 1, rejected: 2 });
  });

  it('refuses what is not a FeatureCollection', () => {
    expect(() => parseDistrictPolygons('{"type":"Feature"}')).toThrow(/FeatureCollection/);
    expect(() => parseDistrictPolygons('not json')).toThrow(/not JSON/);
  });
});

describe('parsePostalCodeMunicipalities', () => {
  it('derives the district key from the municipality AGS and rejects malformed rows', () => {
    const text = [
      'osm_id,ags,ort,plz,landkreis,bundesland',
      '198578,06635015,Korbach,34497,Landkreis Waldeck-Frankenberg,Hessen',
      '1,0663501,Kurz,34497,X,Hessen',
      '2,06635015,Korbach,3449,X,Hessen',
      '3,06635015,,34497,X,Hessen',
      '4,06635015,Korbach',
    ].join('\n');
    const { rows, report } = parsePostalCodeMunicipalities(text);
    expect(rows).toEqual([
      { postalCode: '34497', municipalityKey: '06635015', districtKey: '06635', placeName: 'Korbach', districtName: 'Landkreis Waldeck-Frankenberg' },
    ]);
    expect(report).toMatchObject({ read: 5, accepted: 1, rejected: 4 });
  });
});
