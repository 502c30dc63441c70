import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { BundleDissolved, BundleFormed, BundleSnapshotV1, BundleUpdated, CloudEvent, createEvent, OfferSnapshotV1 } from '@bildungsraum/contracts';
import { currentCause } from '@bildungsraum/platform';
import { schemaOfManager } from '../../shared/infra/matching-store';
import { BundleMember, bundleChange, BundleStatus } from '../domain/bundle-rules';

/** A course date a need fits (scored, not excluded, above the minimum score). */
export interface FittingDate {
  courseDateId: string;
  offer: OfferSnapshotV1;
}

interface BundleRow {
  id: string;
  version: number;
  status: BundleStatus;
  members: BundleMember[];
  offer_id: string;
  provider_id: string;
  min_participants: number;
  skill_uris: string[];
}

/**
 * Keeps one bundle per course date that has a minimum number of participants: the open needs of
 * different companies it could serve together. Members come from `bundle_fits`, written per need
 * when it is re-matched; an advisory lock per date serialises concurrent handlers.
 */
export const bundleKeeper = {
  /**
   * Replaces the need's fits (set-wise, a few statements however many dates) and returns the dates
   * whose bundle may have changed: a fit added, removed or with other participants, and only where
   * a bundle exists or at least two companies fit. The dates are locked first (fixed order), so a
   * concurrent need fitting the same date is seen after it commits.
   */
  async replaceFits(manager: EntityManager, need: { id: string; companyId: string; participants: number; districtKey: string; open: boolean }, fitting: readonly FittingDate[]): Promise<string[]> {
    const s = schemaOfManager(manager);
    const before = (await manager.query(`SELECT course_date_id, participants FROM "${s}".bundle_fits WHERE need_id = $1`, [need.id])) as Array<{ course_date_id: string; participants: number }>;
    const poolable = need.open ? fitting.filter((fit) => (fit.offer.dates.find((date) => date.id === fit.courseDateId)?.minParticipants ?? 0) > 0) : [];
    const now = new Map(poolable.map((fit) => [fit.courseDateId, fit]));
    const held = new Map(before.map((row) => [row.course_date_id, row.participants]));
    const booked = need.open ? new Set<string>() : await bundleKeeper.bookedDates(manager, need.id);
    const removed = [...held.keys()].filter((id) => !now.has(id) && !booked.has(id));
    const changed = [...now.keys()].filter((id) => held.get(id) !== need.participants);
    const touched = [...new Set([...removed, ...changed])].sort();
    if (!touched.length) return [];
    await manager.query(`SELECT pg_advisory_xact_lock(k) FROM (SELECT DISTINCT hashtext('bundle:' || d) AS k FROM unnest($1::text[]) AS d ORDER BY 1) AS keys`, [touched]);
    if (removed.length) await manager.query(`DELETE FROM "${s}".bundle_fits WHERE need_id = $1 AND course_date_id = ANY($2::uuid[])`, [need.id, removed]);
    if (changed.length) {
      await manager.query(
        `INSERT INTO "${s}".bundle_fits (course_date_id, offer_id, need_id, company_id, participants, district_key)
         SELECT d, o, $3, $4, $5, $6 FROM unnest($1::uuid[], $2::uuid[]) AS t(d, o)
         ON CONFLICT (course_date_id, need_id) DO UPDATE SET participants = EXCLUDED.participants, district_key = EXCLUDED.district_key`,
        [changed, changed.map((id) => now.get(id)!.offer.id), need.id, need.companyId, need.participants, need.districtKey],
      );
    }
    const relevant = (await manager.query(
      `SELECT d::text AS id FROM unnest($1::uuid[]) AS d
        WHERE EXISTS (SELECT 1 FROM "${s}".bundles b WHERE b.course_date_id = d)
           OR (SELECT count(DISTINCT f.company_id) FROM "${s}".bundle_fits f WHERE f.course_date_id = d) >= 2
        ORDER BY 1`,
      [touched],
    )) as Array<{ id: string }>;
    return relevant.map((row) => row.id);
  },

  /**
   * Dates on which the need's participation was confirmed. A need fulfilled that way is booked into
   * that course: it stays in the date's bundle, so the bundle that made the course run is not
   * reported to its provider and coordinators as shrinking, falling below the minimum or dissolved
   * the moment the provider confirms the seats.
   */
  async bookedDates(manager: EntityManager, needId: string): Promise<Set<string>> {
    const s = schemaOfManager(manager);
    const rows = (await manager.query(`SELECT course_date_id FROM "${s}".matches WHERE need_id = $1 AND status = 'confirmed'`, [needId])) as Array<{ course_date_id: string }>;
    return new Set(rows.map((row) => row.course_date_id));
  },

  /** Recomputes the date's bundle from its fits and returns the event the change means, if any. */
  async recompute(manager: EntityManager, courseDateId: string, offers: ReadonlyMap<string, OfferSnapshotV1>): Promise<CloudEvent | undefined> {
    const s = schemaOfManager(manager);
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`bundle:${courseDateId}`]);
    const members = ((await manager.query(
      `SELECT need_id AS "needId", company_id AS "companyId", participants, district_key AS "districtKey" FROM "${s}".bundle_fits WHERE course_date_id = $1 ORDER BY need_id`,
      [courseDateId],
    )) as BundleMember[]);
    const [previous] = (await manager.query(`SELECT id, version, status, members, offer_id, provider_id, min_participants, skill_uris FROM "${s}".bundles WHERE course_date_id = $1`, [courseDateId])) as BundleRow[];
    const offer = offers.get(courseDateId);
    const date = offer?.dates.find((candidate) => candidate.id === courseDateId);
    const minParticipants = date?.minParticipants ?? previous?.min_participants ?? 1;
    const change = bundleChange(previous && { status: previous.status, members: previous.members }, members, minParticipants);
    if (!change.event) return undefined;
    const snapshot: BundleSnapshotV1 = {
      id: previous?.id ?? randomUUID(),
      version: (previous?.version ?? 0) + 1,
      status: change.status,
      skillUris: offer?.skills ?? previous?.skill_uris ?? [],
      districtKeys: [...new Set(members.map((member) => member.districtKey))].sort(),
      needs: members.map(({ needId, companyId, participants }) => ({ needId, companyId, participants })),
      totalParticipants: members.reduce((sum, member) => sum + member.participants, 0),
      offerId: offer?.id ?? previous!.offer_id,
      courseDateId,
      providerId: offer?.providerId ?? previous!.provider_id,
      minParticipants: Math.max(1, minParticipants),
    };
    await manager.query(
      `INSERT INTO "${s}".bundles (id, version, course_date_id, offer_id, provider_id, status, members, min_participants, skill_uris)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, status = EXCLUDED.status, members = EXCLUDED.members,
         min_participants = EXCLUDED.min_participants, skill_uris = EXCLUDED.skill_uris, updated_at = now()`,
      [snapshot.id, snapshot.version, courseDateId, snapshot.offerId, snapshot.providerId, snapshot.status, JSON.stringify(members), minParticipants, snapshot.skillUris],
    );
    const definition = { formed: BundleFormed, updated: BundleUpdated, dissolved: BundleDissolved }[change.event];
    return createEvent(definition, snapshot.id, snapshot, currentCause());
  },
};
