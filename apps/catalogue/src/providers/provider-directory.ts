import { EntityManager } from 'typeorm';
import type { PartnerSnapshotV1 } from '@bildungsraum/contracts';
import { upsertIfNewer } from '@bildungsraum/persistence';
import { rowsOf } from '@bildungsraum/reference-data';
import { CATALOGUE_SCHEMA } from '../db/catalogue-data-source';

/** Kinds of organisation that offer courses. */
export const OFFERING_KINDS = ['provider', 'school', 'chamber'];

export interface ProviderView {
  id: string;
  version: number;
  kind: string;
  name: string;
  status: string;
  azavApproved: boolean;
  districtKeys: string[];
  networkIds: string[];
}

/** Read model of partners.* events: only what the catalogue needs to decide who may publish. */
export const providerDirectory = {
  async apply(manager: EntityManager, partner: PartnerSnapshotV1): Promise<'applied' | 'stale'> {
    return upsertIfNewer(manager, {
      schema: CATALOGUE_SCHEMA,
      table: 'provider_view',
      row: {
        id: partner.id,
        version: partner.version,
        kind: partner.kind,
        name: partner.name,
        status: partner.status,
        azav_approved: partner.provider?.azavApproved ?? false,
        district_keys: partner.districtKeys,
        network_ids: partner.networkIds,
        updated_at: new Date(),
      },
    });
  },

  async find(manager: EntityManager, id: string): Promise<ProviderView | undefined> {
    const [row] = rowsOf(await manager.query(`SELECT * FROM provider_view WHERE id = $1`, [id]));
    if (!row) return undefined;
    return {
      id: String(row.id),
      version: Number(row.version),
      kind: String(row.kind),
      name: String(row.name),
      status: String(row.status),
      azavApproved: Boolean(row.azav_approved),
      districtKeys: row.district_keys as string[],
      networkIds: row.network_ids as string[],
    };
  },
};

/** May this organisation publish offers at all (verified and of an offering kind)? */
export const mayPublish = (provider: ProviderView | undefined): boolean => !!provider && provider.status === 'verified' && OFFERING_KINDS.includes(provider.kind);
