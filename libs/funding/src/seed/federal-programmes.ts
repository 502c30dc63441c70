import type { FundingProgramme } from '../model/programme';
import { STATE_CODES, type StateCode } from '../region/states';
import { EXAMPLE_REGIONAL_PROGRAMME } from './example-regional';
import { SGB3_82 } from './sgb3-82';

/** Qualifizierungsgeld: wage replacement while the employer pays the course (§§ 82a–82c SGB III). */
export const SGB3_82A_QUALIFIZIERUNGSGELD: FundingProgramme = {
  id: 'sgb3-82a-qualifizierungsgeld',
  name: { de: 'Qualifizierungsgeld', en: 'Qualification allowance (Qualifizierungsgeld)' },
  legalBasis: { de: '§§ 82a–82c SGB III', en: '§§ 82a–82c SGB III' },
  kind: 'wage-replacement',
  notCombinableWith: ['sgb3-82'],
  sources: ['https://www.gesetze-im-internet.de/sgb_3/__82a.html', 'https://www.gesetze-im-internet.de/sgb_3/__82b.html'],
  versions: [
    {
      validFrom: '2024-04-01',
      note: { de: 'Die Lehrgangskosten trägt der Arbeitgeber.', en: 'The employer pays the course fee.' },
      conditions: [
        { type: 'participantTargetGroup', anyOf: ['employees'] },
        { type: 'companyAgreement' },
        { type: 'affectedStaffShare', bands: [{ fromHeadCount: 0, minPercent: 10 }, { fromHeadCount: 250, minPercent: 20 }] },
        { type: 'courseHours', greaterThan: 120 },
        { type: 'courseAzav' },
        { type: 'providerAzav' },
      ],
      benefits: [{ type: 'wageReplacement', percentOfLostNetPay: 60, percentWithChild: 67 }],
    },
  ],
};

/** Bildungsgutschein for job seekers: the full course fee of an AZAV-approved course (§ 81 SGB III). */
export const SGB3_81_BILDUNGSGUTSCHEIN: FundingProgramme = {
  id: 'sgb3-81-bildungsgutschein',
  name: { de: 'Bildungsgutschein', en: 'Education voucher (Bildungsgutschein)' },
  legalBasis: { de: '§ 81 SGB III', en: '§ 81 SGB III' },
  kind: 'voucher',
  notCombinableWith: ['sgb3-82'],
  sources: ['https://www.gesetze-im-internet.de/sgb_3/__81.html', 'https://www.gesetze-im-internet.de/azav/'],
  versions: [
    {
      // AZAV, which approves courses and providers, has applied since 1 Apr 2012.
      validFrom: '2012-04-01',
      conditions: [
        { type: 'participantTargetGroup', anyOf: ['job-seekers'] },
        { type: 'courseAzav', requireMeasureNumber: true },
        { type: 'providerAzav' },
      ],
      benefits: [{ type: 'courseFeeCoverage', percent: 100 }],
    },
  ],
};

const WITHOUT_EDUCATION_LEAVE_ACT: StateCode[] = ['BY', 'SN'];

/** Bildungsurlaub: paid leave under the Länder's acts – all Länder except Bayern and Sachsen. */
export const BILDUNGSURLAUB: FundingProgramme = {
  id: 'bildungsurlaub',
  name: { de: 'Bildungsurlaub (Bildungsfreistellung)', en: 'Educational leave (Bildungsurlaub)' },
  legalBasis: { de: 'Bildungsurlaubsgesetze der Länder', en: "Länder's educational leave acts" },
  kind: 'leave-entitlement',
  versions: [
    {
      // Since Thüringen's act (2016) every Land but Bayern and Sachsen has one.
      validFrom: '2016-01-01',
      conditions: [
        {
          type: 'companyRegion',
          states: STATE_CODES.filter((s) => !WITHOUT_EDUCATION_LEAVE_ACT.includes(s)),
          label: { de: 'Bildungsurlaubsgesetz im Land des Betriebs', en: "Educational leave act in the company's Land" },
        },
        { type: 'participantTargetGroup', anyOf: ['employees'] },
      ],
      benefits: [
        {
          type: 'leaveEntitlement',
          daysPerYear: 5,
          note: {
            de: 'Üblich sind 5 Tage im Jahr; Anerkennung des Kurses im Land und Landesregeln (Kleinbetriebe, Zusammenlegung) prüfen.',
            en: 'Typically 5 days a year; check that the course is recognised in the Land and the Land’s rules (small firms, carrying over).',
          },
        },
      ],
    },
  ],
};

/**
 * The seed: federal programmes from DOMAIN.md plus one regional example for operators to edit.
 * Catalogue stores these as data; operators change or add programmes without code.
 */
export const FEDERAL_PROGRAMMES: readonly FundingProgramme[] = [SGB3_82, SGB3_82A_QUALIFIZIERUNGSGELD, SGB3_81_BILDUNGSGUTSCHEIN, BILDUNGSURLAUB, EXAMPLE_REGIONAL_PROGRAMME];
