import { EntityManager } from 'typeorm';
import { NetworkSnapshotV1, PartnerSnapshotV1 } from '@bildungsraum/contracts';
import { upsertIfNewer } from '@bildungsraum/persistence';
import { CompanyScope } from '../../shared/domain/actor';
import { schemaOfManager } from '../../shared/infra/matching-store';

/** The read model of partners: what authorisation and funding need, nothing personal. */
export const directory = {
  upsertPartner(manager: EntityManager, snapshot: PartnerSnapshotV1): Promise<'applied' | 'stale'> {
    return upsertIfNewer(manager, {
      schema: schemaOfManager(manager),
      table: 'partner_view',
      row: {
        id: snapshot.id,
        version: snapshot.version,
        kind: snapshot.kind,
        name: snapshot.name,
        status: snapshot.status,
        employees: snapshot.company?.employees ?? null,
        azav_approved: snapshot.provider?.azavApproved ?? false,
        district_keys: snapshot.districtKeys,
        network_ids: snapshot.networkIds,
      },
    });
  },

  upsertNetwork(manager: EntityManager, snapshot: NetworkSnapshotV1): Promise<'applied' | 'stale'> {
    return upsertIfNewer(manager, {
      schema: schemaOfManager(manager),
      table: 'network_view',
      row: { id: snapshot.id, version: snapshot.version, coordinator_ids: snapshot.members.filter((m) => m.role === 'coordinator').map((m) => m.partnerId), district_keys: snapshot.districtKeys },
    });
  },

  /** The company's networks; a company not (yet) known here is in none. */
  async companyScope(manager: EntityManager, companyId: string): Promise<CompanyScope> {
    const rows = (await manager.query(`SELECT network_ids FROM "${schemaOfManager(manager)}".partner_view WHERE id = $1`, [companyId])) as Array<{ network_ids: string[] }>;
    return { id: companyId, networkIds: rows[0]?.network_ids ?? [] };
  },

  /** The provider's AZAV approval as held now (`undefined`: not known yet). */
  async providerAzav(manager: EntityManager, partnerId: string): Promise<boolean | undefined> {
    const rows = (await manager.query(`SELECT azav_approved FROM "${schemaOfManager(manager)}".partner_view WHERE id = $1`, [partnerId])) as Array<{ azav_approved: boolean }>;
    return rows[0]?.azav_approved;
  },

  /** The company's head count as held now (null: not reported). */
  async companyEmployees(manager: EntityManager, partnerId: string): Promise<number | null> {
    const rows = (await manager.query(`SELECT employees FROM "${schemaOfManager(manager)}".partner_view WHERE id = $1`, [partnerId])) as Array<{ employees: number | null }>;
    return rows[0]?.employees ?? null;
  },

  /** The company's open needs, in a fixed order. */
  async openNeedsOfCompany(manager: EntityManager, companyId: string): Promise<string[]> {
    const rows = (await manager.query(`SELECT id FROM "${schemaOfManager(manager)}".need_view WHERE open AND company_id = $1 ORDER BY id`, [companyId])) as Array<{ id: string }>;
    return rows.map((row) => row.id);
  },

  /** The skills the given needs are matched on (to lock them all at once). */
  async skillsOfNeeds(manager: EntityManager, needIds: readonly string[]): Promise<string[]> {
    if (!needIds.length) return [];
    const rows = (await manager.query(`SELECT DISTINCT u AS uri FROM "${schemaOfManager(manager)}".need_view n, unnest(n.skill_uris) u WHERE n.id = ANY($1::uuid[]) ORDER BY 1`, [[...needIds]])) as Array<{ uri: string }>;
    return rows.map((row) => row.uri);
  },

  /** The skills of the provider's published offers (to lock them, like an offer change does). */
  async providerOfferSkills(manager: EntityManager, providerId: string): Promise<string[]> {
    const rows = (await manager.query(
      `SELECT DISTINCT u AS uri FROM "${schemaOfManager(manager)}".offer_view o, unnest(o.skill_uris) u WHERE o.provider_id = $1 AND o.status = 'published' ORDER BY 1`,
      [providerId],
    )) as Array<{ uri: string }>;
    return rows.map((row) => row.uri);
  },

  /** Open needs that one of the provider's published offers could serve (GIN on need_view.skill_uris), in a fixed order. */
  async openNeedsSharingSkills(manager: EntityManager, skillUris: readonly string[]): Promise<string[]> {
    if (!skillUris.length) return [];
    const rows = (await manager.query(`SELECT id FROM "${schemaOfManager(manager)}".need_view WHERE open AND skill_uris && $1::text[] ORDER BY id`, [skillUris])) as Array<{ id: string }>;
    return rows.map((row) => row.id);
  },

  async coordinatedBy(manager: EntityManager, partnerId: string): Promise<string[]> {
    const rows = (await manager.query(`SELECT id FROM "${schemaOfManager(manager)}".network_view WHERE $1 = ANY(coordinator_ids)`, [partnerId])) as Array<{ id: string }>;
    return rows.map((row) => row.id);
  },
};
