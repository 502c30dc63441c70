import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { BundleDissolved, BundleFormed, BundleSnapshotV1, BundleUpdated, CloudEvent, createEvent, OfferSnapshotV1 } from '@bildungsraum/contracts';
import { currentCause } from '@bildungsraum/platform';
import { schemaOfManager } from '../../shared/infra/matching-store';
import { BundleMember, bundleChange, bundleMembers, BundleStatus, RankedFit } from '../domain/bundle-rules';

/** A course date a need fits (scored, not excluded, above the minimum score), with its exact score. */
export interface FittingDate {
  courseDateId: string;
  offer: OfferSnapshotV1;
  score: number;
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
 * when it is re-matched; an advisory lock per date serialises concurrent handlers. Set-wise: three
 * statements at most however many dates a need's change touches (fits written and the dates
 * locked; their members and bundles read; the changed bundles written).
 */
export const bundleKeeper = {
  /**
   * Replaces the need's fits and returns the events of the bundles that changed. The dates whose
   * fit was added, removed or changed participants are locked (fixed order) in the statement that
   * writes the fits, so their members are read in the next statement after any concurrent need
   * fitting the same date has committed. A closed need keeps the fits of dates its participation
   * was confirmed on: it is booked into that course and stays in the bundle that made the course
   * run, which is not reported as shrinking, falling below the minimum or dissolved the moment the
   * provider confirms the seats.
   */
  async replaceFits(
    manager: EntityManager,
    need: { id: string; companyId: string; participants: number; districtKey: string; open: boolean },
    fitting: readonly FittingDate[],
    /** Another CTE over need $1 run in the same statement (the need's gap demand removed); its rows are returned as `also`. */
    also?: string,
  ): Promise<{ events: CloudEvent[]; also: unknown[] }> {
    const s = schemaOfManager(manager);
    const poolable = need.open ? fitting.filter((fit) => (fit.offer.dates.find((date) => date.id === fit.courseDateId)?.minParticipants ?? 0) > 0) : [];
    const [result] = (await manager.query(
      `WITH removed AS (
         DELETE FROM "${s}".bundle_fits f WHERE f.need_id = $1 AND NOT (f.course_date_id = ANY($2::uuid[]))
            AND ($7 OR NOT EXISTS (SELECT 1 FROM "${s}".matches m WHERE m.need_id = f.need_id AND m.course_date_id = f.course_date_id AND m.status = 'confirmed'))
         RETURNING f.course_date_id),
       changed AS (
         INSERT INTO "${s}".bundle_fits AS f (course_date_id, offer_id, need_id, company_id, participants, district_key, score)
         SELECT d, o, $1, $4, $5, $6, sc FROM unnest($2::uuid[], $3::uuid[], $8::float8[]) AS t(d, o, sc)
         ON CONFLICT (course_date_id, need_id) DO UPDATE SET participants = EXCLUDED.participants, district_key = EXCLUDED.district_key, score = EXCLUDED.score
          WHERE f.participants <> EXCLUDED.participants OR f.score <> EXCLUDED.score
         RETURNING f.course_date_id)${also ? `,
       also AS (${also})` : ''}
       SELECT (SELECT coalesce(json_agg(l.id), '[]') FROM (
                 SELECT d::text AS id, pg_advisory_xact_lock(hashtext('bundle:' || d)) AS locked
                   FROM (SELECT DISTINCT course_date_id AS d, hashtext('bundle:' || course_date_id) AS k FROM (SELECT course_date_id FROM removed UNION ALL SELECT course_date_id FROM changed) u ORDER BY k) keys) l) AS touched,
              ${also ? `(SELECT coalesce(json_agg(a), '[]') FROM also a)` : `'[]'::json`} AS also`,
      [need.id, poolable.map((fit) => fit.courseDateId), poolable.map((fit) => fit.offer.id), need.companyId, need.participants, need.districtKey, need.open, poolable.map((fit) => fit.score)],
    )) as Array<{ touched: string[]; also: unknown[] }>;
    const touched = result!.touched;
    const events = touched.length ? await bundleKeeper.recompute(manager, [...touched].sort(), new Map(poolable.map((fit) => [fit.courseDateId, fit.offer]))) : [];
    return { events, also: result!.also };
  },

  /**
   * Recomputes the bundles of the given dates from their fits (the caller holds their locks) and
   * returns the events their changes mean. Only dates where a bundle exists or needs of at least
   * two companies fit can have one. Members are the fits one course can take (bundleMembers): the
   * booked ones and the best `max_participants` others by score are read (index
   * bundle_fits_rank_idx), never all of a popular date's.
   */
  /**
   * The bundles on a changed offer's dates, locked (fixed order) and recomputed: a new minimum of
   * participants or fewer free seats change a bundle's status or members though no need's fit did.
   */
  async followOffer(manager: EntityManager, offer: OfferSnapshotV1): Promise<CloudEvent[]> {
    const s = schemaOfManager(manager);
    const dates = (await manager.query(
      `SELECT d::text AS id, pg_advisory_xact_lock(k) AS locked
         FROM (SELECT course_date_id AS d, hashtext('bundle:' || course_date_id) AS k FROM "${s}".bundles WHERE course_date_id = ANY($1::uuid[]) ORDER BY k) keys`,
      [offer.dates.map((date) => date.id)],
    )) as Array<{ id: string }>;
    if (!dates.length) return [];
    return bundleKeeper.recompute(manager, dates.map((date) => date.id).sort(), new Map(offer.dates.map((date) => [date.id, offer])));
  },

  async recompute(manager: EntityManager, courseDateIds: readonly string[], offers: ReadonlyMap<string, OfferSnapshotV1>): Promise<CloudEvent[]> {
    const s = schemaOfManager(manager);
    const rows = (await manager.query(
      `SELECT t.d::text AS course_date_id, b.id, b.version, b.status, b.members, b.offer_id, b.provider_id, b.min_participants, b.skill_uris, c.max_participants, c.seats_free,
              (SELECT coalesce(json_agg(json_build_object('needId', f.need_id, 'companyId', f.company_id, 'participants', f.participants, 'districtKey', f.district_key, 'score', f.score, 'booked', f.booked)), '[]')
                 FROM (-- Needs booked into the course (their confirmed matches on the date's offer), then the best others.
                       SELECT f.*, true AS booked FROM "${s}".matches m JOIN "${s}".bundle_fits f ON f.course_date_id = m.course_date_id AND f.need_id = m.need_id
                        WHERE m.offer_id = c.offer_id AND m.course_date_id = t.d AND m.status = 'confirmed'
                       UNION ALL
                       (SELECT f.*, false FROM "${s}".bundle_fits f
                         WHERE f.course_date_id = t.d AND NOT EXISTS (SELECT 1 FROM "${s}".matches m WHERE m.need_id = f.need_id AND m.course_date_id = f.course_date_id AND m.status = 'confirmed')
                         ORDER BY f.score DESC, f.need_id LIMIT c.seats_free)) f) AS fits
         FROM unnest($1::uuid[]) AS t(d)
         -- A date no longer held (its offer withdrawn) has no seats left to speak of: its fits are read in full.
         CROSS JOIN LATERAL (SELECT coalesce(max(d.max_participants), 2147483647) AS max_participants, coalesce(max(d.seats_free), 2147483647) AS seats_free, max(d.offer_id::text)::uuid AS offer_id
                               FROM "${s}".course_date_view d WHERE d.id = t.d) c
         LEFT JOIN "${s}".bundles b ON b.course_date_id = t.d
        ORDER BY t.d`,
      [courseDateIds],
    )) as Array<Partial<BundleRow> & { course_date_id: string; max_participants: number; seats_free: number; fits: RankedFit[] }>;
    const events: CloudEvent[] = [];
    const written: Array<BundleSnapshotV1 & { members: BundleMember[]; storedMin: number }> = [];
    for (const { course_date_id: courseDateId, max_participants: maxParticipants, seats_free: seatsFree, fits, ...held } of rows) {
      const members = bundleMembers(fits, { maxParticipants, seatsFree });
      const previous = held.id === null || held.id === undefined ? undefined : (held as BundleRow);
      if (!previous && new Set(members.map((member) => member.companyId)).size < 2) continue;
      const offer = offers.get(courseDateId);
      const date = offer?.dates.find((candidate) => candidate.id === courseDateId);
      const minParticipants = date?.minParticipants ?? previous?.min_participants ?? 1;
      const change = bundleChange(previous && { status: previous.status, members: previous.members, minParticipants: previous.min_participants }, members, minParticipants);
      if (!change.event && !change.quietly) continue;
      // A dissolved event shows the bundle as it last stood: which needs are no longer pooled here,
      // the same whether they left together (a new offer taking both) or one after the other.
      const shown = change.event === 'dissolved' ? previous!.members : members;
      const snapshot: BundleSnapshotV1 = {
        id: previous?.id ?? randomUUID(),
        version: (previous?.version ?? 0) + (change.event ? 1 : 0),
        status: change.status,
        skillUris: offer?.skills ?? previous?.skill_uris ?? [],
        districtKeys: [...new Set(shown.map((member) => member.districtKey))].sort(),
        needs: shown.map(({ needId, companyId, participants }) => ({ needId, companyId, participants })),
        totalParticipants: shown.reduce((sum, member) => sum + member.participants, 0),
        offerId: offer?.id ?? previous!.offer_id,
        courseDateId,
        providerId: offer?.providerId ?? previous!.provider_id,
        minParticipants: Math.max(1, minParticipants),
      };
      written.push({ ...snapshot, members, storedMin: minParticipants });
      if (!change.event) continue;
      const definition = { formed: BundleFormed, updated: BundleUpdated, dissolved: BundleDissolved }[change.event];
      events.push(createEvent(definition, snapshot.id, snapshot, currentCause()));
    }
    if (written.length) {
      await manager.query(
        `INSERT INTO "${s}".bundles (id, version, course_date_id, offer_id, provider_id, status, members, min_participants, skill_uris)
         SELECT (r->>'id')::uuid, (r->>'version')::int, (r->>'courseDateId')::uuid, (r->>'offerId')::uuid, (r->>'providerId')::uuid, r->>'status', r->'members',
                (r->>'storedMin')::int, ARRAY(SELECT jsonb_array_elements_text(r->'skillUris'))
           FROM jsonb_array_elements($1::jsonb) r
         ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, status = EXCLUDED.status, members = EXCLUDED.members,
           min_participants = EXCLUDED.min_participants, skill_uris = EXCLUDED.skill_uris, updated_at = now()`,
        [JSON.stringify(written.map(({ id, version, courseDateId, offerId, providerId, status, members, storedMin, skillUris }) => ({ id, version, courseDateId, offerId, providerId, status, members, storedMin, skillUris })))],
      );
    }
    return events;
  },
};
