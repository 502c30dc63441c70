import { randomUUID } from 'node:crypto';
import { createEvent, EventDefinition, MatchConfirmed, PartnerSnapshotV1, PartnerVerified } from '@bildungsraum/contracts';
import { eventually } from '@bildungsraum/testing';
import { CatalogueHarness } from './catalogue-harness';

export const OPERATOR_ORG = '00000000-0000-4000-8000-00000000000a';

/** A partners.* snapshot as the partners service publishes it. */
export function partner(overrides: Partial<PartnerSnapshotV1> & { id: string }): PartnerSnapshotV1 {
  return {
    version: 1,
    kind: 'provider',
    name: 'Bildungswerk Nordhessen',
    status: 'verified',
    provider: { azavApproved: true },
    sites: [],
    districtKeys: ['06634'],
    networkIds: [],
    ...overrides,
  };
}

/** Publishes a partners event into the test's PARTNERS stream and waits until the read model has it. */
export async function knownPartner(h: CatalogueHarness, snapshot: PartnerSnapshotV1, definition: EventDefinition<PartnerSnapshotV1> = PartnerVerified): Promise<void> {
  await h.publish(createEvent(definition, snapshot.id, snapshot));
  await eventually(async () => {
    const [row] = await h.sql<{ version: number }>(`SELECT version FROM provider_view WHERE id = $1`, [snapshot.id]);
    return row && row.version >= snapshot.version;
  });
}

export async function verifiedProvider(h: CatalogueHarness, name = 'Bildungswerk Nordhessen'): Promise<string> {
  const id = randomUUID();
  await knownPartner(h, partner({ id, name }));
  return id;
}

/** A future calendar day, `days` from today. */
export const inDays = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export function courseDate(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    startDate: inDays(30),
    endDate: inDays(60),
    schedule: 'full_time',
    online: false,
    venue: { name: 'Schulungszentrum', street: 'Am Markt 1', postalCode: '34576', city: 'Homberg (Efze)' },
    minParticipants: 8,
    maxParticipants: 12,
    ...overrides,
  };
}

export function offerBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Gabelstaplerfahrer/in – Fahrausweis nach DGUV 308-001',
    description: 'Sicheres Führen von Flurförderzeugen, Theorie und Praxis, mit Prüfung.',
    skills: ['http://data.europa.eu/esco/skill/3a2e7d5a-2b3f-4a63-9d1d-8c5a3b1f6f51'],
    occupationKldb: '51312',
    certificate: 'Fahrausweis für Flurförderzeuge',
    dqrLevel: 2,
    hours: 24,
    formats: ['presence'],
    language: 'de',
    targetGroups: ['employees', 'unskilled'],
    accessibility: ['barrierefreier Zugang'],
    priceCents: 39000,
    azavApproved: true,
    measureNumber: '962/123/2025',
    dates: [courseDate()],
    ...overrides,
  };
}

export async function createOffer(h: CatalogueHarness, token: string, body: Record<string, unknown> = offerBody()): Promise<{ id: string; dates: Array<{ id: string }> }> {
  const response = await h.http().post('/offers').set('Authorization', `Bearer ${token}`).send(body);
  if (response.status !== 201) throw new Error(`create failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as { id: string; dates: Array<{ id: string }> };
}

export async function publishedOffer(h: CatalogueHarness, providerId: string, body: Record<string, unknown> = offerBody()): Promise<{ id: string; dates: Array<{ id: string }> }> {
  const token = await h.token('provider', providerId);
  const offer = await createOffer(h, token, body);
  const response = await h.http().post(`/offers/${offer.id}/publish`).set('Authorization', `Bearer ${token}`);
  if (response.status !== 200) throw new Error(`publish failed: ${response.status} ${JSON.stringify(response.body)}`);
  return offer;
}

export function matchConfirmed(input: { offerId: string; courseDateId: string; providerId: string; participants: number }) {
  const id = randomUUID();
  return createEvent(MatchConfirmed, id, {
    id,
    version: 3,
    status: 'confirmed',
    needId: randomUUID(),
    companyId: randomUUID(),
    ...input,
    score: 0.8,
    criteria: [],
    explanation: { de: 'passt', en: 'fits' },
  });
}

/** `eventually` for probes that answer "not yet" with undefined: resolves to the value found. */
export async function until<T>(probe: () => Promise<T | undefined | false>): Promise<T> {
  return (await eventually(probe)) as T;
}
