import { EntityManager } from 'typeorm';
import { NetworkSnapshotV1, PartnerSnapshotV1 } from '@bildungsraum/contracts';
import { upsertIfNewer } from '@bildungsraum/persistence';
import { Audience } from '../domain/audience';
import { NOTIFICATIONS_SCHEMA } from '../../db/notifications-data-source';

const ids = (rows: unknown): string[] => (rows as Array<{ id: string }>).map((row) => row.id);

/** Read model of partners.*: kinds, districts, networks and their coordinating members. */
export const directory = {
  async upsertPartner(manager: EntityManager, data: PartnerSnapshotV1): Promise<void> {
    await upsertIfNewer(manager, {
      schema: NOTIFICATIONS_SCHEMA,
      table: 'recipient',
      row: { id: data.id, version: data.version, kind: data.kind, name: data.name, status: data.status, district_keys: data.districtKeys, network_ids: data.networkIds },
    });
  },

  async upsertNetwork(manager: EntityManager, data: NetworkSnapshotV1): Promise<void> {
    const coordinators = data.members.filter((member) => member.role === 'coordinator').map((member) => member.partnerId);
    await upsertIfNewer(manager, {
      schema: NOTIFICATIONS_SCHEMA,
      table: 'network',
      row: { id: data.id, version: data.version, name: data.name, district_keys: data.districtKeys, coordinator_ids: coordinators },
    });
  },

  async kindOf(manager: EntityManager, partnerId: string): Promise<{ kind?: string; coordinates: boolean }> {
    const [row] = (await manager.query(
      `SELECT (SELECT kind FROM recipient WHERE id = $1) AS kind, EXISTS (SELECT 1 FROM network WHERE $1 = ANY (coordinator_ids)) AS coordinates`,
      [partnerId],
    )) as Array<{ kind: string | null; coordinates: boolean }>;
    return { kind: row?.kind ?? undefined, coordinates: !!row?.coordinates };
  },

  /** The organisations an audience stands for (deactivated ones hear nothing). */
  async resolve(manager: EntityManager, audience: Audience): Promise<string[]> {
    const found = new Set(audience.partners);
    if (audience.providersInDistricts.length) {
      const rows = await manager.query(`SELECT id FROM recipient WHERE kind IN ('provider', 'school') AND district_keys && $1::text[]`, [audience.providersInDistricts]);
      ids(rows).forEach((id) => found.add(id));
    }
    const coordinators = async (sql: string, param: string[]) => {
      if (!param.length) return;
      ids(await manager.query(`SELECT DISTINCT unnest(coordinator_ids) AS id FROM network WHERE ${sql}`, [param])).forEach((id) => found.add(id));
    };
    await coordinators(`id = ANY (SELECT unnest(network_ids) FROM recipient WHERE id = ANY ($1::uuid[]))`, audience.coordinatorsOfPartners);
    await coordinators(`district_keys && $1::text[]`, audience.coordinatorsOfDistricts);
    await coordinators(`id = ANY ($1::uuid[])`, audience.coordinatorsOfNetworks);
    if (found.size === 0) return [];
    const deactivated = ids(await manager.query(`SELECT id FROM recipient WHERE id = ANY ($1::uuid[]) AND status = 'deactivated'`, [[...found]]));
    deactivated.forEach((id) => found.delete(id));
    return [...found];
  },
};
