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

  async coordinatedBy(manager: EntityManager, partnerId: string): Promise<string[]> {
    const rows = (await manager.query(`SELECT id FROM "${schemaOfManager(manager)}".network_view WHERE $1 = ANY(coordinator_ids)`, [partnerId])) as Array<{ id: string }>;
    return rows.map((row) => row.id);
  },
};
