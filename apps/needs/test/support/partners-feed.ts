import { randomUUID } from 'node:crypto';
import {
  createEvent,
  NetworkCreated,
  NetworkSnapshotV1,
  NetworkUpdated,
  PartnerDeactivated,
  PartnerRegistered,
  PartnerSnapshotV1,
  PartnerVerified,
  SizeClass,
} from '@bildungsraum/contracts';
import { eventually } from '@bildungsraum/testing';
import { NeedsHarness } from './needs-harness';

/** Real coordinates of the seed regions: Korbach 34497 (06635), Holzminden 37603 (03255). */
export const PLACES = {
  korbach: { postalCode: '34497', city: 'Korbach', location: { lat: 51.2754, lon: 8.8718 }, districtKey: '06635' },
  holzminden: { postalCode: '37603', city: 'Holzminden', location: { lat: 51.8277, lon: 9.4486 }, districtKey: '03255' },
};

export const OPERATOR_ORG = '00000000-0000-4000-8000-00000000000a';

/**
 * Feeds the needs service as the partners service would: real partners.* events into the
 * test's PARTNERS stream, then waits until the read model has them.
 */
export class PartnersFeed {
  private readonly versions = new Map<string, number>();
  private readonly partners = new Map<string, PartnerSnapshotV1>();
  private readonly networks = new Map<string, NetworkSnapshotV1>();

  constructor(private readonly h: NeedsHarness) {}

  async company(name: string, options: { employees?: number; sizeClass?: SizeClass; verified?: boolean; place?: keyof typeof PLACES; networkIds?: string[] } = {}): Promise<string> {
    const place = PLACES[options.place ?? 'korbach'];
    const id = randomUUID();
    const snapshot: PartnerSnapshotV1 = {
      id,
      version: 1,
      kind: 'company',
      name,
      status: 'pending',
      company: { employees: options.employees ?? 42, sizeClass: options.sizeClass ?? 'small' },
      sites: [{ id: randomUUID(), label: 'Hauptsitz', postalCode: place.postalCode, city: place.city, location: place.location, districtKey: place.districtKey }],
      districtKeys: [place.districtKey],
      networkIds: options.networkIds ?? [],
    };
    await this.publishPartner(PartnerRegistered, snapshot);
    if (options.verified !== false) await this.publishPartner(PartnerVerified, { ...snapshot, status: 'verified' });
    return id;
  }

  async organisation(name: string, kind: PartnerSnapshotV1['kind']): Promise<string> {
    const id = randomUUID();
    await this.publishPartner(PartnerVerified, { id, version: 1, kind, name, status: 'verified', sites: [], districtKeys: [], networkIds: [] });
    return id;
  }

  async network(name: string, members: Array<{ partnerId: string; role: 'member' | 'coordinator' }>): Promise<string> {
    const id = randomUUID();
    const snapshot: NetworkSnapshotV1 = { id, version: 1, name, districtKeys: ['06635', '06634'], members };
    this.networks.set(id, snapshot);
    this.versions.set(id, 1);
    await this.h.publisher.publish(createEvent(NetworkCreated, id, snapshot));
    // Members' partner snapshots carry the network too, as partners publishes them.
    for (const member of members) {
      const partner = this.partners.get(member.partnerId);
      if (partner) await this.publishPartner(PartnerVerified, { ...partner, networkIds: [...partner.networkIds, id] });
    }
    await this.waitFor('network_view', id, 1);
    return id;
  }

  async addMember(networkId: string, partnerId: string, role: 'member' | 'coordinator'): Promise<void> {
    const network = this.networks.get(networkId)!;
    const version = (this.versions.get(networkId) ?? 1) + 1;
    const next = { ...network, version, members: [...network.members, { partnerId, role }] };
    this.networks.set(networkId, next);
    this.versions.set(networkId, version);
    await this.h.publisher.publish(createEvent(NetworkUpdated, networkId, next));
    const partner = this.partners.get(partnerId);
    if (partner) await this.publishPartner(PartnerVerified, { ...partner, networkIds: [...partner.networkIds, networkId] });
    await this.waitFor('network_view', networkId, version);
  }

  async deactivate(partnerId: string): Promise<void> {
    const partner = this.partners.get(partnerId)!;
    await this.publishPartner(PartnerDeactivated, { ...partner, status: 'deactivated', reasonCode: 'requested' } as PartnerSnapshotV1);
  }

  private async publishPartner(definition: typeof PartnerRegistered | typeof PartnerVerified | typeof PartnerDeactivated, snapshot: PartnerSnapshotV1): Promise<void> {
    const version = this.partners.has(snapshot.id) ? (this.versions.get(snapshot.id) ?? 0) + 1 : snapshot.version;
    const next = { ...snapshot, version };
    this.partners.set(snapshot.id, next);
    this.versions.set(snapshot.id, version);
    await this.h.publisher.publish(createEvent(definition as typeof PartnerVerified, snapshot.id, next));
    await this.waitFor('partner_view', snapshot.id, version);
  }

  private async waitFor(table: 'partner_view' | 'network_view', id: string, version: number): Promise<void> {
    await eventually(async () => {
      const rows = (await this.h.query(`SELECT version FROM needs.${table} WHERE id = $1`, [id])) as Array<{ version: number }>;
      return (rows[0]?.version ?? 0) >= version;
    });
  }
}
