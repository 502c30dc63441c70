import { EntityManager } from 'typeorm';
import { CloudEvent, OfferSnapshotV1 } from '@bildungsraum/contracts';
import { schemaOfManager } from '../../shared/infra/matching-store';
import { bundleKeeper } from './bundle-keeper';

/** A need's bundle places changed by a new offer: the dates it entered and those it was pushed out of. */
export interface PlaceMove {
  need: { id: string; companyId: string; participants: number; districtKey: string };
  added: ReadonlyArray<{ courseDateId: string; offerId: string; score: number }>;
  evicted: readonly string[];
}

/**
 * Many needs' bundle places moved at once (a new offer inserted into them): the fits written and
 * removed and every touched date locked (fixed order) in one statement, then each touched bundle
 * recomputed once with all its new members – where needs re-matched one by one would recompute a
 * new date's bundle once per need joining it. `offers`: the new offer per date (its minimum,
 * skills and provider for a bundle it forms).
 */
export async function movePlaces(manager: EntityManager, moves: readonly PlaceMove[], offers: ReadonlyMap<string, OfferSnapshotV1>): Promise<CloudEvent[]> {
  if (!moves.length) return [];
  const s = schemaOfManager(manager);
  const added = moves.flatMap(({ need, added }) => added.map((place) => ({ need, ...place })));
  const evicted = moves.flatMap(({ need, evicted }) => evicted.map((courseDateId) => ({ needId: need.id, courseDateId })));
  const touched = (await manager.query(
    `WITH removed AS (
       DELETE FROM "${s}".bundle_fits f USING unnest($1::uuid[], $2::uuid[]) AS r(need_id, course_date_id)
        WHERE f.need_id = r.need_id AND f.course_date_id = r.course_date_id
       RETURNING f.course_date_id),
     entered AS (
       INSERT INTO "${s}".bundle_fits (course_date_id, offer_id, need_id, company_id, participants, district_key, score)
       SELECT * FROM unnest($3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[], $7::int[], $8::text[], $9::float8[])
       ON CONFLICT (course_date_id, need_id) DO UPDATE SET participants = EXCLUDED.participants, district_key = EXCLUDED.district_key, score = EXCLUDED.score
       RETURNING course_date_id)
     SELECT d::text AS id, pg_advisory_xact_lock(k) AS locked
       FROM (SELECT DISTINCT course_date_id AS d, hashtext('bundle:' || course_date_id) AS k FROM (SELECT course_date_id FROM removed UNION ALL SELECT course_date_id FROM entered) u ORDER BY k) keys`,
    [
      evicted.map((place) => place.needId),
      evicted.map((place) => place.courseDateId),
      added.map((place) => place.courseDateId),
      added.map((place) => place.offerId),
      added.map((place) => place.need.id),
      added.map((place) => place.need.companyId),
      added.map((place) => place.need.participants),
      added.map((place) => place.need.districtKey),
      added.map((place) => place.score),
    ],
  )) as Array<{ id: string }>;
  if (!touched.length) return [];
  return bundleKeeper.recompute(manager, touched.map((row) => row.id).sort(), offers);
}
