import { randomUUID } from 'node:crypto';
import { NeedSnapshotV1, OfferSnapshotV1 } from '@bildungsraum/contracts';

/**
 * A small random market around Korbach for retrieval and insertion tests: offers over 8 skills
 * (skewed towards the first), venues within ~40 km or online, half the dates with a minimum of
 * participants; needs near Korbach with 1–3 of the same skills.
 */
export const TODAY = new Date().toISOString().slice(0, 10);
export const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
export const SKILLS = Array.from({ length: 8 }, (_, index) => `http://data.europa.eu/esco/skill/retrieval-${index}`);
export const KORBACH = { lat: 51.2754, lon: 8.8718 };
const pick = <T>(next: () => number, items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
/** ~`km` kilometres north of Korbach (1° latitude ≈ 111.2 km). */
export const north = (km: number) => ({ lat: KORBACH.lat + km / 111.2, lon: KORBACH.lon });

/**
 * Subjects as course titles and companies' requests name them: compounds, their heads and
 * modifiers, umlauts and ß, so text relevance (criterion title) and its SQL bound meet real
 * variety – in titles, in descriptions, in both or in neither.
 */
const SUBJECTS = ['Gabelstapler', 'Stapler', 'Deckenkran', 'Kranführer', 'Anschläger', 'Schweißen', 'Schweißtechnik', 'Ladungssicherung', 'Lebensmittelhygiene', 'Hygiene', 'Excel', 'Buchhaltung', 'Lagerlogistik', 'Hubarbeitsbühne', 'Pflegehilfe', 'Brandschutz'];
const subjects = (next: () => number, count: number) => [...new Set(Array.from({ length: count }, () => pick(next, SUBJECTS)))];

/** An offer's title and description, and a need's description, from SUBJECTS (for ranked retrieval with text). */
export const offerText = (next: () => number): Pick<OfferSnapshotV1, 'title' | 'description'> => ({
  title: `${subjects(next, 1 + Math.floor(next() * 2)).join(' und ')} kompakt`,
  description: `Der Lehrgang behandelt ${subjects(next, Math.floor(next() * 4)).join(', ') || 'Grundlagen'} mit Praxisteil.`,
});
export const needText = (next: () => number): Pick<NeedSnapshotV1, 'description'> => ({
  description: `Unsere Leute brauchen ${subjects(next, 1 + Math.floor(next() * 3)).join(' und ')}, gern in Korbach.`,
});

export function offer(next: () => number, providerId: string, overrides: Partial<OfferSnapshotV1> = {}, venue?: { lat: number; lon: number } | 'online'): OfferSnapshotV1 {
  const online = venue === 'online' || (venue === undefined && next() < 0.2);
  const skills = [...new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, () => SKILLS[Math.floor(next() ** 2 * SKILLS.length)]!))];
  const dates = Array.from({ length: 1 + Math.floor(next() * 2) }, () => {
    const start = 5 + Math.floor(next() * 200);
    const location = venue && venue !== 'online' ? venue : { lat: KORBACH.lat + (next() - 0.5) * 1.2, lon: KORBACH.lon + (next() - 0.5) * 1.6 };
    return {
      id: randomUUID(),
      startDate: day(start),
      endDate: day(start + 10 + Math.floor(next() * 60)),
      schedule: pick(next, ['full_time', 'part_time', 'evening', 'weekend', 'flexible'] as const),
      online,
      ...(online ? {} : { venue: { postalCode: '34497', city: 'Korbach', location, districtKey: '06635' } }),
      minParticipants: next() < 0.5 ? 0 : 4,
      maxParticipants: 12,
      seatsTaken: 0,
      seatsFree: next() < 0.1 ? 1 : 12,
    };
  });
  return {
    id: randomUUID(),
    version: 1,
    providerId,
    providerName: 'Träger',
    status: 'published',
    title: 'Kurs',
    description: 'Prüfangebot',
    skills,
    dqrLevel: 2 + Math.floor(next() * 4),
    hours: 40 + Math.floor(next() * 300),
    formats: online ? ['online_live'] : [pick(next, ['presence', 'blended', 'in_house'] as const)],
    language: next() < 0.9 ? 'de' : 'en',
    targetGroups: [pick(next, ['employees', 'apprentices', 'unskilled'] as const)],
    accessibility: [],
    priceCents: Math.floor(next() * 300_000),
    azavApproved: next() < 0.5,
    measureNumber: '955/1/24',
    dates,
    ...overrides,
  };
}

export function need(next: () => number, overrides: Partial<NeedSnapshotV1> = {}): NeedSnapshotV1 {
  const participants = 1 + Math.floor(next() * 3);
  const companyId = randomUUID();
  return {
    id: randomUUID(),
    version: 1,
    status: 'submitted',
    company: { id: companyId, employees: 5 + Math.floor(next() * 400), districtKey: '06635', nameVisibleToProviders: false },
    capturedBy: { partnerId: companyId, role: 'company' },
    description: 'Prüfbedarf',
    skillUris: [...new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, () => SKILLS[Math.floor(next() ** 2 * SKILLS.length)]!))],
    participants,
    targetGroups: ['employees'],
    participantsByTargetGroup: [{ targetGroup: 'employees', count: participants }],
    dqrLevel: 2 + Math.floor(next() * 4),
    language: 'de',
    jobSpecificGerman: false,
    site: { postalCode: '34497', location: { lat: KORBACH.lat + (next() - 0.5) * 0.4, lon: KORBACH.lon + (next() - 0.5) * 0.6 }, districtKey: '06635' },
    maxTravelKm: 20 + Math.floor(next() * 40),
    formats: next() < 0.3 ? ['in_person'] : [],
    schedules: next() < 0.3 ? ['part_time'] : [],
    earliestStart: day(Math.floor(next() * 30)),
    latestEnd: day(150 + Math.floor(next() * 150)),
    budgetPerParticipantCents: 100_000,
    fundingAdviceWanted: true,
    staff: { participantsAged45Plus: 0, participantsSeverelyDisabled: 0 },
    ...overrides,
  };
}
