import type { Condition } from '../model/condition';
import type { FundingProgramme } from '../model/programme';

/** Conditions § 82 Abs. 1 SGB III shares between its versions; only the look-back years changed. */
function conditions(years: number): Condition[] {
  return [
    { type: 'participantTargetGroup', anyOf: ['employees'] },
    { type: 'courseHours', greaterThan: 120 },
    { type: 'courseAzav' },
    { type: 'providerAzav' },
    { type: 'notFundedWithinYears', years },
    { type: 'qualificationAtLeastYearsAgo', years },
  ];
}

/**
 * Weiterbildungsförderung Beschäftigter (Qualifizierungschancengesetz). The wage subsidy
 * (Arbeitsentgeltzuschuss, § 82 Abs. 3) is listed without rates on purpose: its rates are to be
 * verified against the statute and entered by operators.
 */
export const SGB3_82: FundingProgramme = {
  id: 'sgb3-82',
  name: { de: 'Weiterbildungsförderung Beschäftigter (Qualifizierungschancengesetz)', en: 'Further training of employees (Qualification Opportunities Act)' },
  legalBasis: { de: '§ 82 SGB III', en: '§ 82 SGB III' },
  kind: 'course-fee-share',
  notCombinableWith: ['sgb3-82a-qualifizierungsgeld', 'sgb3-81-bildungsgutschein'],
  sources: ['https://www.gesetze-im-internet.de/sgb_3/__82.html', 'https://www.gesetze-im-internet.de/azav/'],
  versions: [
    {
      validFrom: '2019-01-01',
      validUntil: '2024-03-31',
      note: {
        de: 'Fassung vor dem 1.4.2024 (Qualifizierungschancengesetz, Arbeit-von-morgen-Gesetz), zusammengefasst: Agentur trägt 100/50/25/15 % der Lehrgangskosten; Zwischenstände und Ermessensregeln dieser Jahre sind nicht einzeln abgebildet.',
        en: 'Version before 1 Apr 2024, consolidated: the agency pays 100/50/25/15 % of the course fee; intermediate amendments and discretionary rules of those years are not modelled separately.',
      },
      conditions: conditions(4),
      benefits: [
        {
          type: 'courseFeeShare',
          share: 'programme',
          bands: [
            { minHeadCount: 0, maxHeadCount: 9, percent: 100 },
            { minHeadCount: 10, maxHeadCount: 249, percent: 50 },
            { minHeadCount: 250, maxHeadCount: 2499, percent: 25 },
            { minHeadCount: 2500, percent: 15 },
          ],
        },
        { type: 'wageSubsidy' },
      ],
    },
    {
      validFrom: '2024-04-01',
      note: {
        de: 'Fassung seit 1.4.2024 (Gesetz zur Stärkung der Aus- und Weiterbildungsförderung): feste Eigenanteile des Arbeitgebers nach Betriebsgröße.',
        en: 'Version since 1 Apr 2024 (Act to Strengthen Training and Further Training): fixed employer shares by company size.',
      },
      conditions: conditions(2),
      benefits: [
        {
          type: 'courseFeeShare',
          share: 'employer',
          bands: [
            { minHeadCount: 0, maxHeadCount: 49, percent: 0 },
            { minHeadCount: 50, maxHeadCount: 499, percent: 50 },
            { minHeadCount: 500, percent: 75 },
          ],
          waivers: [
            {
              label: { de: 'Ab 45 Jahren oder schwerbehindert, Betrieb unter 500 Beschäftigte', en: 'Aged 45+ or severely disabled, company under 500 staff' },
              when: [
                { type: 'companyHeadCount', max: 499 },
                { type: 'anyOf', conditions: [{ type: 'participantAge', atLeast: 45 }, { type: 'participantSeverelyDisabled' }] },
              ],
            },
          ],
        },
        { type: 'wageSubsidy' },
      ],
    },
  ],
};
