import { randomUUID } from 'node:crypto';
import {
  createEvent,
  NetworkCreated,
  NeedSnapshotV1,
  NeedSubmitted,
  NeedUpdated,
  NeedWithdrawn,
  OfferPublished,
  OfferSnapshotV1,
  OfferUpdated,
  OfferWithdrawn,
  PartnerSnapshotV1,
  PartnerVerified,
} from '@bildungsraum/contracts';
import { eventually } from '@bildungsraum/testing';
import { MatchingHarness } from './matching-harness';

/** Real places of the seed region (Waldeck-Frankenberg, Kassel) and one far away (Holzminden). */
export const PLACES = {
  korbach: { postalCode: '34497', city: 'Korbach', location: { lat: 51.2754, lon: 8.8718 }, districtKey: '06635' },
  frankenberg: { postalCode: '35066', city: 'Frankenberg (Eder)', location: { lat: 51.0589, lon: 8.7967 }, districtKey: '06635' },
  holzminden: { postalCode: '37603', city: 'Holzminden', location: { lat: 51.8277, lon: 9.4486 }, districtKey: '03255' },
};

export const SKILLS = {
  cnc: 'http://data.europa.eu/esco/skill/0a5d5b1c-1f1e-4f8e-9c3e-6b0b4c9f0a01',
  drawings: 'http://data.europa.eu/esco/skill/0a5d5b1c-1f1e-4f8e-9c3e-6b0b4c9f0a02',
  safety: 'http://data.europa.eu/esco/skill/0a5d5b1c-1f1e-4f8e-9c3e-6b0b4c9f0a03',
  milling: 'http://data.europa.eu/esco/skill/0a5d5b1c-1f1e-4f8e-9c3e-6b0b4c9f0a04',
};

/** Skill URIs no other test uses, so tests in one file do not see each other's offers. */
export function freshSkills(count: number): string[] {
  return Array.from({ length: count }, () => `http://data.europa.eu/esco/skill/${randomUUID()}`);
}

/** A calendar day `days` from today (course dates and need windows move with the clock). */
export function dayFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Feeds the matching service as partners, needs and catalogue would: real events with valid
 * payloads into the test's streams. Versions are counted per aggregate.
 */
export class Feed {
  private readonly versions = new Map<string, number>();

  constructor(private readonly h: MatchingHarness) {}

  private next(id: string): number {
    const version = (this.versions.get(id) ?? 0) + 1;
    this.versions.set(id, version);
    return version;
  }

  async company(options: { employees?: number; networkIds?: string[] } = {}): Promise<string> {
    const id = randomUUID();
    await this.partner({ id, version: 0, kind: 'company', name: `Betrieb ${id.slice(0, 6)}`, status: 'verified', company: { employees: options.employees ?? 30, sizeClass: 'small' }, sites: [], districtKeys: ['06635'], networkIds: options.networkIds ?? [] });
    return id;
  }

  async provider(options: { azav?: boolean } = {}): Promise<string> {
    const id = randomUUID();
    await this.partner({ id, version: 0, kind: 'provider', name: `Träger ${id.slice(0, 6)}`, status: 'verified', provider: { azavApproved: options.azav ?? true }, sites: [], districtKeys: ['06635'], networkIds: [] });
    return id;
  }

  async partner(snapshot: PartnerSnapshotV1): Promise<void> {
    const data = { ...snapshot, version: this.next(snapshot.id) };
    await this.h.publisher.publish(createEvent(PartnerVerified, snapshot.id, data));
    await this.waitFor('partner_view', snapshot.id, data.version);
  }

  /** A network with its coordinating organisation; companies join through their own snapshots (networkIds). */
  async network(coordinatorId: string, districtKeys: string[] = ['06635']): Promise<string> {
    const id = randomUUID();
    await this.h.publisher.publish(createEvent(NetworkCreated, id, { id, version: 1, name: 'Weiterbildungsverbund Nordhessen', districtKeys, members: [{ partnerId: coordinatorId, role: 'coordinator' }] }));
    await this.waitFor('network_view', id, 1);
    return id;
  }

  need(companyId: string, overrides: Partial<NeedSnapshotV1> = {}): NeedSnapshotV1 {
    const id = randomUUID();
    return {
      id,
      version: 1,
      status: 'submitted',
      company: { id: companyId, employees: 30, sizeClass: 'small', districtKey: '06635', nameVisibleToProviders: false },
      capturedBy: { partnerId: companyId, role: 'company' },
      // No subject words: the need is matched on its skills, not by text relevance with the
      // fixtures' offer titles (tests of the text route give their own wording).
      description: 'Zwei Mitarbeitende brauchen eine Qualifizierung.',
      skillUris: [SKILLS.cnc, SKILLS.drawings, SKILLS.safety, SKILLS.milling],
      participants: 2,
      targetGroups: ['employees'],
      participantsByTargetGroup: [{ targetGroup: 'employees', count: 2 }],
      dqrLevel: 4,
      language: 'de',
      jobSpecificGerman: false,
      site: { ...PLACES.korbach },
      maxTravelKm: 40,
      formats: ['in_person', 'blended'],
      schedules: ['part_time'],
      earliestStart: dayFromNow(7),
      latestEnd: dayFromNow(365),
      budgetPerParticipantCents: 100_000,
      fundingAdviceWanted: true,
      staff: { participantsAged45Plus: 0, participantsSeverelyDisabled: 0 },
      ...overrides,
    };
  }

  async submitNeed(need: NeedSnapshotV1): Promise<NeedSnapshotV1> {
    const data = { ...need, version: this.next(need.id) };
    await this.h.publisher.publish(createEvent(NeedSubmitted, need.id, data));
    return data;
  }

  async updateNeed(need: NeedSnapshotV1): Promise<NeedSnapshotV1> {
    const data = { ...need, version: this.next(need.id), changeKind: 'content' as const };
    await this.h.publisher.publish(createEvent(NeedUpdated, need.id, data));
    return data;
  }

  async withdrawNeed(need: NeedSnapshotV1): Promise<void> {
    await this.h.publisher.publish(createEvent(NeedWithdrawn, need.id, { ...need, status: 'withdrawn', version: this.next(need.id), reasonCode: 'requested' as const }));
  }

  offer(providerId: string, overrides: Partial<OfferSnapshotV1> = {}, place: keyof typeof PLACES = 'frankenberg'): OfferSnapshotV1 {
    return {
      id: randomUUID(),
      version: 1,
      providerId,
      providerName: 'Bildungswerk Nordhessen',
      status: 'published',
      title: 'CNC-Fräsen Grundlagen',
      description: 'CNC-Fräsen an Steuerungen nach DIN 66025, Zeichnungen lesen, Arbeitssicherheit.',
      skills: [SKILLS.cnc, SKILLS.drawings, SKILLS.safety],
      dqrLevel: 4,
      hours: 160,
      formats: ['presence'],
      language: 'de',
      targetGroups: ['employees'],
      accessibility: [],
      priceCents: 300_000,
      azavApproved: true,
      measureNumber: '955/123/24',
      dates: [
        {
          id: randomUUID(),
          startDate: dayFromNow(30),
          endDate: dayFromNow(120),
          schedule: 'part_time',
          online: false,
          venue: { name: 'Werkstatt', postalCode: PLACES[place].postalCode, city: PLACES[place].city, location: PLACES[place].location, districtKey: PLACES[place].districtKey },
          minParticipants: 6,
          maxParticipants: 12,
          seatsTaken: 0,
          seatsFree: 12,
        },
      ],
      ...overrides,
    };
  }

  async publishOffer(offer: OfferSnapshotV1): Promise<OfferSnapshotV1> {
    const data = { ...offer, version: this.next(offer.id) };
    await this.h.publisher.publish(createEvent(this.versions.get(offer.id) === 1 ? OfferPublished : OfferUpdated, offer.id, data));
    return data;
  }

  /** Until the offer's version is in matching's read model (the offer handler has run). */
  async offerHandled(offer: OfferSnapshotV1): Promise<void> {
    await this.waitFor('offer_view', offer.id, offer.version);
  }

  async withdrawOffer(offer: OfferSnapshotV1): Promise<void> {
    await this.h.publisher.publish(createEvent(OfferWithdrawn, offer.id, { ...offer, status: 'withdrawn', version: this.next(offer.id) }));
  }

  private async waitFor(table: 'partner_view' | 'network_view' | 'offer_view', id: string, version: number): Promise<void> {
    await eventually(async () => {
      const rows = (await this.h.query(`SELECT version FROM ${table} WHERE id = $1`, [id])) as Array<{ version: number }>;
      return (rows[0]?.version ?? 0) >= version;
    });
  }
}
