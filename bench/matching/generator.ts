import { randomUUID } from 'node:crypto';
import { NeedSnapshotV1, OfferSnapshotV1 } from '@bildungsraum/contracts';

export { seededRandom as random } from '@bildungsraum/testing';

const pick = <T>(next: () => number, items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** A pool of skill URIs: needs and offers draw from it, so overlap is realistic but not total. */
export const SKILL_POOL = Array.from({ length: 500 }, (_, index) => `http://data.europa.eu/esco/skill/bench-${index.toString().padStart(4, '0')}`);

/** A point in Hessen / southern Lower Saxony (the seed region and its neighbours). */
function point(next: () => number): { lat: number; lon: number } {
  return { lat: 50.0 + next() * 2, lon: 7.8 + next() * 2.4 };
}

function skills(next: () => number, count: number): string[] {
  // Skewed towards the first hundred skills: some topics are common, most are rare.
  const chosen = new Set<string>();
  while (chosen.size < count) chosen.add(SKILL_POOL[Math.floor(next() ** 2 * SKILL_POOL.length)] as string);
  return [...chosen];
}

export function generateOffer(next: () => number, providerIds: readonly string[]): OfferSnapshotV1 {
  const online = next() < 0.15;
  const dates = Array.from({ length: 1 + Math.floor(next() * 3) }, () => {
    const start = 10 + Math.floor(next() * 300);
    const location = point(next);
    return {
      id: randomUUID(),
      startDate: day(start),
      endDate: day(start + 5 + Math.floor(next() * 90)),
      schedule: pick(next, ['full_time', 'part_time', 'evening', 'weekend', 'flexible'] as const),
      online,
      ...(online ? {} : { venue: { postalCode: '34497', city: 'Ort', location, districtKey: '06635' } }),
      minParticipants: next() < 0.5 ? 0 : 6,
      maxParticipants: 12,
      seatsTaken: 0,
      seatsFree: 12,
    };
  });
  return {
    id: randomUUID(),
    version: 1,
    providerId: pick(next, providerIds),
    providerName: 'Bench-Träger',
    status: 'published',
    title: 'Kurs',
    description: 'Benchmark-Angebot',
    skills: skills(next, 2 + Math.floor(next() * 4)),
    dqrLevel: 2 + Math.floor(next() * 4),
    hours: 40 + Math.floor(next() * 360),
    formats: online ? ['online_live'] : [pick(next, ['presence', 'blended', 'in_house'] as const)],
    language: 'de',
    targetGroups: [pick(next, ['employees', 'apprentices', 'unskilled'] as const)],
    accessibility: [],
    priceCents: Math.floor(next() * 400_000),
    azavApproved: next() < 0.6,
    measureNumber: '955/1/24',
    dates,
  };
}

export function generateNeed(next: () => number, companyId: string): NeedSnapshotV1 {
  const participants = 1 + Math.floor(next() * 5);
  return {
    id: randomUUID(),
    version: 1,
    status: 'submitted',
    company: { id: companyId, employees: 5 + Math.floor(next() * 600), districtKey: '06635', nameVisibleToProviders: false },
    capturedBy: { partnerId: companyId, role: 'company' },
    description: 'Benchmark-Bedarf',
    skillUris: skills(next, 2 + Math.floor(next() * 3)),
    participants,
    targetGroups: ['employees'],
    participantsByTargetGroup: [{ targetGroup: 'employees', count: participants }],
    dqrLevel: 3 + Math.floor(next() * 3),
    language: 'de',
    jobSpecificGerman: false,
    site: { postalCode: '34497', location: point(next), districtKey: '06635' },
    maxTravelKm: 50,
    formats: [],
    schedules: [],
    earliestStart: day(7),
    latestEnd: day(400),
    budgetPerParticipantCents: 150_000,
    fundingAdviceWanted: true,
    staff: { participantsAged45Plus: 0, participantsSeverelyDisabled: 0 },
  };
}
