import { EntityManager } from 'typeorm';
import { NetworkSnapshotV1, PartnerSnapshotV1 } from '@bildungsraum/contracts';
import { upsertIfNewer } from '@bildungsraum/persistence';
import { NOTIFICATIONS_SCHEMA } from '../../db/notifications-data-source';

/**
 * Read model of partners.*: kinds, districts, networks and their coordinating members. Turning an
 * audience into organisations happens in the recording statement (delivery/infra/record-deliveries.ts).
 */
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
};
