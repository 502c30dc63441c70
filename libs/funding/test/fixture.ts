import type { CompanyFacts, CourseFacts, FundingQuery, ParticipantGroup } from '../src';

/** A § 82 case that qualifies on every count: 30 staff in Waldeck-Frankenberg (Hessen), 160 h, 3,000 €. */
export function query(overrides: { company?: Partial<CompanyFacts>; course?: Partial<CourseFacts>; participants?: ParticipantGroup[]; on?: string } = {}): FundingQuery {
  return {
    company: { headCount: 30, districtKey: '06635', ...overrides.company },
    course: {
      hours: 160,
      priceCents: 300_000,
      azavApproved: true,
      measureNumber: '123/456/2024',
      providerAzavApproved: true,
      startDate: '2025-03-01',
      ...overrides.course,
    },
    participants: overrides.participants ?? [{ employed: true, age: 35, severelyDisabled: false, qualificationYearsAgo: 5, lastFundedUnder: [] }],
    ...(overrides.on ? { on: overrides.on } : {}),
  };
}

/** An employee about whom everything § 82 asks is known and fine. */
export const EMPLOYEE: ParticipantGroup = { employed: true, age: 35, severelyDisabled: false, qualificationYearsAgo: 5, lastFundedUnder: [] };
