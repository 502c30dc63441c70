import { EntityManager } from 'typeorm';
import { NetworkSnapshotV1, PartnerSnapshotV1, PartnerStatus, SizeClass } from '@bildungsraum/contracts';
import { upsertIfNewer } from '@bildungsraum/persistence';
import { schemaOfManager } from '../../shared/infra/schema-of-manager';

export interface CompanySite {
  id: string;
  label: string;
  postalCode: string;
  city: string;
  location?: { lat: number; lon: number };
  districtKey?: string;
}

/** A company as this service knows it from partners.* events. */
export interface CompanyRecord {
  id: string;
  kind: string;
  name: string;
  status: PartnerStatus;
  sizeClass?: SizeClass;
  employees?: number;
  sites: CompanySite[];
  networkIds: string[];
}

interface PartnerRow {
  id: string;
  kind: string;
  name: string;
  status: PartnerStatus;
  size_class: SizeClass | null;
  employees: number | null;
  sites: CompanySite[];
  network_ids: string[];
}

const toCompany = (row: PartnerRow): CompanyRecord => ({
  id: row.id,
  kind: row.kind,
  name: row.name,
  status: row.status,
  ...(row.size_class ? { sizeClass: row.size_class } : {}),
  ...(row.employees !== null ? { employees: row.employees } : {}),
  sites: row.sites,
  networkIds: row.network_ids,
});

/** The read model of partners (organisations and networks), kept by the event handlers. */
export const directory = {
  async upsertPartner(manager: EntityManager, snapshot: PartnerSnapshotV1): Promise<'applied' | 'stale'> {
    return upsertIfNewer(manager, {
      schema: schemaOfManager(manager),
      table: 'partner_view',
      row: {
        id: snapshot.id,
        version: snapshot.version,
        kind: snapshot.kind,
        name: snapshot.name,
        status: snapshot.status,
        size_class: snapshot.company?.sizeClass ?? null,
        employees: snapshot.company?.employees ?? null,
        sites: JSON.stringify(snapshot.sites),
        district_keys: snapshot.districtKeys,
        network_ids: snapshot.networkIds,
      },
    });
  },

  async upsertNetwork(manager: EntityManager, snapshot: NetworkSnapshotV1): Promise<'applied' | 'stale'> {
    return upsertIfNewer(manager, {
      schema: schemaOfManager(manager),
      table: 'network_view',
      row: {
        id: snapshot.id,
        version: snapshot.version,
        name: snapshot.name,
        district_keys: snapshot.districtKeys,
        coordinator_ids: snapshot.members.filter((member) => member.role === 'coordinator').map((member) => member.partnerId),
      },
    });
  },

  async company(manager: EntityManager, id: string): Promise<CompanyRecord | undefined> {
    const rows = (await manager.query(
      `SELECT id, kind, name, status, size_class, employees, sites, network_ids FROM "${schemaOfManager(manager)}".partner_view WHERE id = $1 AND kind = 'company'`,
      [id],
    )) as PartnerRow[];
    return rows[0] ? toCompany(rows[0]) : undefined;
  },

  /** Companies whose name matches exactly (case-insensitive) within the given networks (CSV "Unternehmen"). */
  async companiesNamed(manager: EntityManager, name: string, networkIds: readonly string[] | 'all'): Promise<CompanyRecord[]> {
    const scoped = networkIds === 'all' ? '' : 'AND network_ids && CAST($2 AS uuid[])';
    const rows = (await manager.query(
      `SELECT id, kind, name, status, size_class, employees, sites, network_ids FROM "${schemaOfManager(manager)}".partner_view
        WHERE kind = 'company' AND lower(name) = lower($1) ${scoped} LIMIT 2`,
      networkIds === 'all' ? [name] : [name, networkIds],
    )) as PartnerRow[];
    return rows.map(toCompany);
  },

  /** Networks in which the organisation is a coordinating member. */
  async coordinatedBy(manager: EntityManager, partnerId: string): Promise<string[]> {
    const rows = (await manager.query(`SELECT id FROM "${schemaOfManager(manager)}".network_view WHERE $1 = ANY(coordinator_ids)`, [partnerId])) as Array<{ id: string }>;
    return rows.map((row) => row.id);
  },
};
