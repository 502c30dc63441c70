import { FEDERAL_PROGRAMMES } from '@bildungsraum/funding';
import { companyCost, participantGroups } from './company-cost';

const course = { hours: 160, priceCents: 300_000, azavApproved: true, measureNumber: '955/123/24', providerAzavApproved: true, startDate: '2027-03-01' };

describe('companyCost', () => {
  it('a small company pays nothing for an AZAV course over 120 hours under § 82 SGB III', () => {
    const cost = companyCost(FEDERAL_PROGRAMMES, { employees: 30, districtKey: '06635', participants: 2, participantsAged45Plus: 0, participantsSeverelyDisabled: 0, course });
    expect(cost.perParticipantCents).toBe(0);
    expect(cost.programmeIds).toContain('sgb3-82');
    expect(cost.note.de).toContain('§ 82 SGB III');
  });

  it('a company of 100 pays half; without a head count the full price and says why', () => {
    expect(companyCost(FEDERAL_PROGRAMMES, { employees: 100, districtKey: '09162', participants: 1, participantsAged45Plus: 0, participantsSeverelyDisabled: 0, course }).perParticipantCents).toBe(150_000);
    const unknown = companyCost(FEDERAL_PROGRAMMES, { participants: 1, participantsAged45Plus: 0, participantsSeverelyDisabled: 0, course });
    expect(unknown.perParticipantCents).toBe(300_000);
    expect(unknown.note.de).toContain('Beschäftigtenzahl');
  });

  it('splits participants into 45+, severely disabled and others without double counting', () => {
    expect(participantGroups({ participants: 4, participantsAged45Plus: 3, participantsSeverelyDisabled: 3 }).map((g) => g.count)).toEqual([3, 1]);
  });
});
