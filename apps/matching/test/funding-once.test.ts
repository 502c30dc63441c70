import { FEDERAL_PROGRAMMES } from '@bildungsraum/funding';
import { seededRandom } from '@bildungsraum/testing';
import { need as randomNeed, offer as randomOffer } from './support/random-market';
import { companyCost } from '../src/matches/domain/company-cost';
import { CandidateRow } from '../src/matches/infra/candidates';
import { fundingFor } from '../src/matches/infra/need-facts';
import { NeedRecord } from '../src/matches/infra/need-records';

const record = (snapshot: NeedRecord['snapshot'], companyEmployees?: number): NeedRecord => ({
  id: snapshot.id,
  version: 1,
  open: true,
  snapshot,
  skillUris: snapshot.skillUris,
  textSkills: [],
  corrections: { added: [], removed: [], confirmed: [] } as unknown as NeedRecord['corrections'],
  ...(companyEmployees !== undefined ? { companyEmployees } : {}),
});

describe('fundingFor (worked out once per input)', () => {
  it('gives what companyCost gives for the same facts, whoever asks first', () => {
    const next = seededRandom(11);
    for (let index = 0; index < 200; index += 1) {
      const offer = randomOffer(next, '00000000-0000-4000-8000-000000000001');
      const need = record(randomNeed(next), next() < 0.8 ? 1 + Math.floor(next() * 400) : undefined);
      for (const date of offer.dates) {
        const row: CandidateRow = { courseDateId: date.id, offer, providerAzavApproved: next() < 0.5, distanceKm: null };
        const cost = fundingFor(need, row, FEDERAL_PROGRAMMES);
        const employees = need.companyEmployees ?? need.snapshot.company.employees;
        const fresh = companyCost(FEDERAL_PROGRAMMES, {
          ...(employees !== undefined ? { employees } : {}),
          ...(need.snapshot.company.districtKey ? { districtKey: need.snapshot.company.districtKey } : {}),
          participants: need.snapshot.participants,
          participantsAged45Plus: need.snapshot.staff.participantsAged45Plus,
          participantsSeverelyDisabled: need.snapshot.staff.participantsSeverelyDisabled,
          course: { hours: offer.hours, priceCents: offer.priceCents, azavApproved: offer.azavApproved, ...(offer.measureNumber ? { measureNumber: offer.measureNumber } : {}), providerAzavApproved: row.providerAzavApproved, startDate: date.startDate },
        });
        expect(cost).toEqual(fresh);
        // Asked again (as retrieval does for a kept date): the same result, shared and frozen.
        expect(fundingFor(need, row, FEDERAL_PROGRAMMES)).toBe(cost);
        expect(Object.isFrozen(cost) && Object.isFrozen(cost.note)).toBe(true);
      }
    }
  });
});
