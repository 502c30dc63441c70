import { EntityManager } from 'typeorm';
import { NeedSnapshotV1, OfferSnapshotV1 } from '@bildungsraum/contracts';
import { DateState } from '../domain/proposal-plan';
import { schemaOfManager } from '../../shared/infra/matching-store';
import { SkillCorrections } from '../../skills/domain/skill-corrections';
import { TextSkill } from '../../skills/need-skill-reader';

export interface NeedRecord {
  id: string;
  version: number;
  open: boolean;
  snapshot: NeedSnapshotV1;
  skillUris: string[];
  textSkills: TextSkill[];
  corrections: SkillCorrections;
}

export interface CandidateRow {
  courseDateId: string;
  offer: OfferSnapshotV1;
  providerAzavApproved: boolean;
  distanceKm: number | null;
}

/** Upper bound on candidates scored per need: retrieval is selective, this only guards against a flood. */
const MAX_CANDIDATES = 1000;

export async function loadNeed(manager: EntityManager, id: string, options: { forUpdate?: boolean } = {}): Promise<NeedRecord | undefined> {
  const rows = (await manager.query(
    `SELECT id, version, open, snapshot, skill_uris, text_skills, skill_corrections FROM "${schemaOfManager(manager)}".need_view WHERE id = $1 ${options.forUpdate ? 'FOR UPDATE' : ''}`,
    [id],
  )) as Array<{ id: string; version: number; open: boolean; snapshot: NeedSnapshotV1; skill_uris: string[]; text_skills: TextSkill[]; skill_corrections: SkillCorrections }>;
  const row = rows[0];
  return row && { id: row.id, version: row.version, open: row.open, snapshot: row.snapshot, skillUris: row.skill_uris, textSkills: row.text_skills, corrections: row.skill_corrections };
}

/**
 * Course dates that could serve the need, found through indexes rather than by scanning offers:
 * published offers sharing a skill (GIN on offer_view.skill_uris), dates in the need's window that
 * have not started and have free seats, online or within the travel radius (GiST on the venue).
 */
export async function findCandidates(manager: EntityManager, need: NeedRecord, radiusKm: number, today: string): Promise<CandidateRow[]> {
  const s = schemaOfManager(manager);
  const { site, earliestStart, latestEnd } = need.snapshot;
  const from = earliestStart && earliestStart > today ? earliestStart : today;
  const rows = (await manager.query(
    `WITH here AS (SELECT public.ST_SetSRID(public.ST_MakePoint($2::float8, $3::float8), 4326)::public.geography AS point)
     SELECT d.id AS course_date_id, o.snapshot AS offer, coalesce(p.azav_approved, false) AS provider_azav,
            CASE WHEN d.online THEN NULL ELSE public.ST_Distance(d.location, here.point) / 1000 END AS distance_km
       FROM "${s}".offer_view o
       JOIN "${s}".course_date_view d ON d.offer_id = o.id
       LEFT JOIN "${s}".partner_view p ON p.id = o.provider_id
       CROSS JOIN here
      WHERE o.status = 'published' AND o.skill_uris && $1::text[]
        AND d.start_date >= $5::date AND ($6::date IS NULL OR d.end_date <= $6::date)
        AND d.seats_free > 0
        AND (d.online OR public.ST_DWithin(d.location, here.point, $4::float8))
      LIMIT ${MAX_CANDIDATES}`,
    [need.skillUris, site.location.lon, site.location.lat, radiusKm * 1000, from, latestEnd ?? null],
  )) as Array<{ course_date_id: string; offer: OfferSnapshotV1; provider_azav: boolean; distance_km: number | null }>;
  return rows.map((row) => ({ courseDateId: row.course_date_id, offer: row.offer, providerAzavApproved: row.provider_azav, distanceKm: row.distance_km === null ? null : Number(row.distance_km) }));
}

/** Where the dates of existing matches stand: live, offer withdrawn, date removed or passed. */
export async function dateStates(manager: EntityManager, matches: ReadonlyArray<{ courseDateId: string; offerId: string }>, today: string): Promise<Map<string, DateState>> {
  if (!matches.length) return new Map();
  const s = schemaOfManager(manager);
  const rows = (await manager.query(
    `SELECT m.course_date_id AS id, o.status AS offer_status, d.start_date::text AS start_date
       FROM unnest($1::uuid[], $2::uuid[]) AS m(course_date_id, offer_id)
       LEFT JOIN "${s}".offer_view o ON o.id = m.offer_id
       LEFT JOIN "${s}".course_date_view d ON d.id = m.course_date_id AND d.offer_id = m.offer_id`,
    [matches.map((m) => m.courseDateId), matches.map((m) => m.offerId)],
  )) as Array<{ id: string; offer_status: string | null; start_date: string | null }>;
  return new Map(
    rows.map((row): [string, DateState] => {
      if (row.offer_status !== 'published') return [row.id, 'offer_withdrawn'];
      if (row.start_date === null) return [row.id, 'date_removed'];
      return [row.id, row.start_date < today ? 'date_passed' : 'live'];
    }),
  );
}
