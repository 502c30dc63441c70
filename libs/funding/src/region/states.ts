import type { Text } from '../model/text';

/** The 16 Länder by their usual two-letter abbreviation. */
export const STATE_CODES = ['SH', 'HH', 'NI', 'HB', 'NW', 'HE', 'RP', 'BW', 'BY', 'SL', 'BE', 'BB', 'MV', 'SN', 'ST', 'TH'] as const;
export type StateCode = (typeof STATE_CODES)[number];

/**
 * The first two digits of an AGS are the Land's official key (01 Schleswig-Holstein …
 * 16 Thüringen), in the order of STATE_CODES.
 */
export function stateOfDistrict(districtKey: string): StateCode | undefined {
  if (!/^\d{5}$/.test(districtKey)) return undefined;
  return STATE_CODES[Number(districtKey.slice(0, 2)) - 1];
}

export const STATE_NAMES: Record<StateCode, Text> = {
  SH: { de: 'Schleswig-Holstein', en: 'Schleswig-Holstein' },
  HH: { de: 'Hamburg', en: 'Hamburg' },
  NI: { de: 'Niedersachsen', en: 'Lower Saxony' },
  HB: { de: 'Bremen', en: 'Bremen' },
  NW: { de: 'Nordrhein-Westfalen', en: 'North Rhine-Westphalia' },
  HE: { de: 'Hessen', en: 'Hesse' },
  RP: { de: 'Rheinland-Pfalz', en: 'Rhineland-Palatinate' },
  BW: { de: 'Baden-Württemberg', en: 'Baden-Württemberg' },
  BY: { de: 'Bayern', en: 'Bavaria' },
  SL: { de: 'Saarland', en: 'Saarland' },
  BE: { de: 'Berlin', en: 'Berlin' },
  BB: { de: 'Brandenburg', en: 'Brandenburg' },
  MV: { de: 'Mecklenburg-Vorpommern', en: 'Mecklenburg-Western Pomerania' },
  SN: { de: 'Sachsen', en: 'Saxony' },
  ST: { de: 'Sachsen-Anhalt', en: 'Saxony-Anhalt' },
  TH: { de: 'Thüringen', en: 'Thuringia' },
};
