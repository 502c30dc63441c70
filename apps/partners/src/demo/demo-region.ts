import { PartnerKind } from '@bildungsraum/contracts';
import { ActorRole } from '../shared/domain/actor';

export interface DemoOrganisation {
  key: string;
  kind: PartnerKind;
  name: string;
  /** The role its users get in `npm start`'s tokens. */
  role: ActorRole;
  postalCode: string;
  city: string;
  street?: string;
  employees?: number;
  sector?: string;
  azav?: { approved: boolean; validUntil?: string };
  network?: { key: string; role: 'member' | 'coordinator' };
}

export interface DemoNetwork {
  key: string;
  name: string;
  description: string;
  districtKeys: string[];
}

/**
 * The two cross-border networks of the seed articles: Waldeck-Frankenberg (06635) with
 * Schwalm-Eder (06634) in Nordhessen, and Höxter (05762, NRW) with Holzminden (03255,
 * Niedersachsen). Postal codes are real; the organisations are invented.
 */
export const DEMO_NETWORKS: DemoNetwork[] = [
  {
    key: 'nordhessen',
    name: 'Weiterbildungsverbund Nordhessen',
    description: 'Waldeck-Frankenberg und Schwalm-Eder-Kreis: Bedarfe der KMU bündeln, Kurse ortsnah möglich machen.',
    districtKeys: ['06635', '06634'],
  },
  {
    key: 'weserbergland',
    name: 'Qualifizierungsnetzwerk Höxter–Holzminden',
    description: 'Länderübergreifend (NRW / Niedersachsen): Kreis Höxter und Landkreis Holzminden.',
    districtKeys: ['05762', '03255'],
  },
];

export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  { key: 'operator', kind: 'coordinating_body', name: 'Bildungsraum Betriebsstelle', role: 'operator', postalCode: '34497', city: 'Korbach' },
  // Nordhessen
  { key: 'wf-agency', kind: 'economic_development_agency', name: 'Wirtschaftsförderung Waldeck-Frankenberg (Demo)', role: 'coordinator', postalCode: '34497', city: 'Korbach', network: { key: 'nordhessen', role: 'coordinator' } },
  { key: 'se-coaches', kind: 'coordinating_body', name: 'Bildungscoaching Schwalm-Eder (Demo)', role: 'coordinator', postalCode: '34576', city: 'Homberg (Efze)', network: { key: 'nordhessen', role: 'coordinator' } },
  { key: 'metallbau-korbach', kind: 'company', name: 'Metallbau Korbach GmbH (Demo)', role: 'company', postalCode: '34497', city: 'Korbach', street: 'Industriestraße 4', employees: 42, sector: '25.62', network: { key: 'nordhessen', role: 'member' } },
  { key: 'pflege-melsungen', kind: 'company', name: 'Ambulanter Pflegedienst Melsungen (Demo)', role: 'company', postalCode: '34212', city: 'Melsungen', employees: 18, sector: 'Q', network: { key: 'nordhessen', role: 'member' } },
  { key: 'holzbau-frankenberg', kind: 'company', name: 'Holzbau Frankenberg (Demo)', role: 'company', postalCode: '35066', city: 'Frankenberg (Eder)', employees: 7, sector: 'F', network: { key: 'nordhessen', role: 'member' } },
  { key: 'bildungswerk-nordhessen', kind: 'provider', name: 'Bildungswerk Nordhessen (Demo)', role: 'provider', postalCode: '34576', city: 'Homberg (Efze)', azav: { approved: true, validUntil: '2028-03-31' }, network: { key: 'nordhessen', role: 'member' } },
  { key: 'bs-korbach', kind: 'school', name: 'Berufliche Schulen Korbach (Demo)', role: 'provider', postalCode: '34497', city: 'Korbach', network: { key: 'nordhessen', role: 'member' } },
  // Höxter–Holzminden
  { key: 'hx-agency', kind: 'economic_development_agency', name: 'Wirtschaftsförderung Kreis Höxter (Demo)', role: 'coordinator', postalCode: '37671', city: 'Höxter', network: { key: 'weserbergland', role: 'coordinator' } },
  { key: 'hol-coaches', kind: 'coordinating_body', name: 'Bildungscoaches Weserbergland (Demo)', role: 'coordinator', postalCode: '37603', city: 'Holzminden', network: { key: 'weserbergland', role: 'coordinator' } },
  { key: 'kunststoff-holzminden', kind: 'company', name: 'Weser Kunststofftechnik GmbH (Demo)', role: 'company', postalCode: '37603', city: 'Holzminden', employees: 120, sector: '22.2', network: { key: 'weserbergland', role: 'member' } },
  { key: 'moebel-warburg', kind: 'company', name: 'Möbelwerk Warburg (Demo)', role: 'company', postalCode: '34414', city: 'Warburg', employees: 260, sector: '31', network: { key: 'weserbergland', role: 'member' } },
  { key: 'weser-akademie', kind: 'provider', name: 'Weserbergland Akademie (Demo)', role: 'provider', postalCode: '37603', city: 'Holzminden', azav: { approved: true, validUntil: '2027-12-31' }, network: { key: 'weserbergland', role: 'member' } },
  { key: 'bbs-holzminden', kind: 'school', name: 'Berufsbildende Schulen Holzminden (Demo)', role: 'provider', postalCode: '37603', city: 'Holzminden', network: { key: 'weserbergland', role: 'member' } },
];
