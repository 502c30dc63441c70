import { EntityManager } from 'typeorm';
import { Actor, isOperator } from '../../shared/domain/actor';
import { schemaOfManager } from '../../shared/infra/matching-store';

/**
 * The districts whose pooled demand a caller may see. Operators: all (`undefined`). Coordinators
 * (coaches and agencies): the districts of the networks they coordinate, as partners' network
 * events name them. Providers: their region (see providerRegion).
 */
export async function coordinatorDistricts(manager: EntityManager, actor: Actor): Promise<string[] | undefined> {
  if (isOperator(actor)) return undefined;
  if (!actor.coordinatedNetworkIds.length) return [];
  const rows = (await manager.query(`SELECT DISTINCT unnest(district_keys) AS key FROM "${schemaOfManager(manager)}".network_view WHERE id = ANY($1::uuid[]) ORDER BY 1`, [
    actor.coordinatedNetworkIds,
  ])) as Array<{ key: string }>;
  return rows.map((row) => row.key);
}

/**
 * A provider's region: the districts of its sites (partners) and of the venues of its published
 * course dates (catalogue) – where it already teaches, so where a gap is "near" it. The same
 * reach as notifications' "providers in the district" for gap and bundle events, plus its venues.
 */
export async function providerRegion(manager: EntityManager, providerId: string): Promise<string[]> {
  const s = schemaOfManager(manager);
  const rows = (await manager.query(
    `SELECT unnest(district_keys) AS key FROM "${s}".partner_view WHERE id = $1
     UNION
     SELECT d->'venue'->>'districtKey' FROM "${s}".offer_view o, jsonb_array_elements(o.snapshot->'dates') d
      WHERE o.provider_id = $1 AND o.status = 'published' AND d->'venue'->>'districtKey' IS NOT NULL
     ORDER BY 1`,
    [providerId],
  )) as Array<{ key: string }>;
  return rows.map((row) => row.key);
}
