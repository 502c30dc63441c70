import type { FundingProgramme } from '../model/programme';

/**
 * AN EXAMPLE, NOT AUTHORITATIVE: shaped like Hessen's ProAbschluss Qualifizierungsscheck so that
 * operators see how a regional programme is written. The figures (50 %, at most 4,000 €, age 27,
 * under 250 staff) are placeholders to be checked against the current guideline before use.
 */
export const EXAMPLE_REGIONAL_PROGRAMME: FundingProgramme = {
  id: 'example-he-qualifizierungsscheck',
  name: { de: 'Beispiel: Qualifizierungsscheck Hessen (ProAbschluss-ähnlich)', en: 'Example: Hessen qualification cheque (ProAbschluss-like)' },
  legalBasis: { de: 'Beispiel-Landesprogramm Hessen', en: 'example Hessen programme' },
  kind: 'course-fee-share',
  example: true,
  subsidiary: true,
  notCombinableWith: ['sgb3-81-bildungsgutschein'],
  versions: [
    {
      validFrom: '2024-01-01',
      note: { de: 'Beispieldaten – vor Verwendung an die aktuelle Förderrichtlinie anpassen.', en: 'Example data – adapt to the current guideline before use.' },
      conditions: [
        { type: 'companyRegion', states: ['HE'] },
        { type: 'companyHeadCount', max: 249 },
        { type: 'participantTargetGroup', anyOf: ['employees'] },
        { type: 'participantAge', atLeast: 27 },
      ],
      benefits: [{ type: 'courseFeeShare', share: 'programme', bands: [{ minHeadCount: 0, percent: 50 }], maxCentsPerParticipant: 400_000 }],
    },
  ],
};
