import { EntityManager } from 'typeorm';
import { NeedSnapshotV1, OfferSnapshotV1 } from '@bildungsraum/contracts';
import { upsertIfNewer } from '@bildungsraum/persistence';
import { directory } from '../../directory/infra/directory.repository';
import { schemaOfManager } from '../../shared/infra/matching-store';
import { effectiveSkills, NO_CORRECTIONS, SkillCorrections } from '../../skills/domain/skill-corrections';
import { TextSkill } from '../../skills/need-skill-reader';
import { offerFacts } from './candidates';
import { NeedRecord } from './need-records';
import { needWordColumns } from './text-words';

/** Needs in these states are matched; others only keep their confirmed matches. */
export const OPEN_NEED_STATUSES = ['submitted', 'matched', 'pooled'];

/** Version-guarded read models of needs and offers (with their course dates). */
export const readModels = {
  /**
   * Stores the need with the skills read from its text and the corrections held for it (read by the
   * caller in the same transaction: corrections made earlier apply to every later version).
   * Returns the stored need as loadNeed would read it, or `stale` for an older version than the one held.
   */
  async upsertNeed(manager: EntityManager, need: NeedSnapshotV1, textSkills: TextSkill[], corrections: SkillCorrections = NO_CORRECTIONS): Promise<NeedRecord | 'stale'> {
    const s = schemaOfManager(manager);
    const skills = effectiveSkills(need.skillUris, textSkills, corrections).map((skill) => skill.uri);
    const words = needWordColumns(need.description);
    // upsertIfNewer binds plain values; the point is set right after, in the same transaction.
    const outcome = await upsertIfNewer(manager, {
      schema: s,
      table: 'need_view',
      row: {
        id: need.id,
        version: need.version,
        status: need.status,
        open: OPEN_NEED_STATUSES.includes(need.status),
        company_id: need.company.id,
        snapshot: JSON.stringify(need),
        skill_uris: skills,
        // What a new offer's words are searched in (offer-reach.ts).
        word_pieces: words.pieces,
        word_groups: words.groups,
        multiword_pieces: words.multiwordPieces,
        text_skills: JSON.stringify(textSkills),
        location: `SRID=4326;POINT(${need.site.location.lon} ${need.site.location.lat})`,
        radius_km: need.maxTravelKm ?? null,
        earliest_start: need.earliestStart ?? null,
        latest_end: need.latestEnd ?? null,
        participants: need.participants,
      },
    });
    if (outcome === 'stale') return outcome;
    const employees = await directory.companyEmployees(manager, need.company.id);
    return { id: need.id, version: need.version, open: OPEN_NEED_STATUSES.includes(need.status), snapshot: need, skillUris: skills, textSkills, corrections, ...(employees !== null ? { companyEmployees: employees } : {}) };
  },

  /** Stores the offer; when applied, its course dates are replaced by the snapshot's. */
  /** Stores corrections and the skills the need is now matched on (the GIN-indexed column). */
  async correctSkills(manager: EntityManager, needId: string, corrections: SkillCorrections, skillUris: readonly string[]): Promise<void> {
    await manager.query(`UPDATE "${schemaOfManager(manager)}".need_view SET skill_corrections = $2, skill_uris = $3 WHERE id = $1`, [needId, JSON.stringify(corrections), skillUris]);
  },

  async upsertOffer(manager: EntityManager, offer: OfferSnapshotV1): Promise<'applied' | 'stale'> {
    const s = schemaOfManager(manager);
    const outcome = await upsertIfNewer(manager, {
      schema: s,
      table: 'offer_view',
      row: { id: offer.id, version: offer.version, provider_id: offer.providerId, status: offer.status, snapshot: JSON.stringify(offer), skill_uris: offer.skills },
    });
    if (outcome === 'stale') return outcome;
    await manager.query(`DELETE FROM "${s}".course_date_view WHERE offer_id = $1`, [offer.id]);
    if (!offer.dates.length) return outcome;
    // One statement for all dates; each carries the offer's skills and status for ranked retrieval.
    const dates = offer.dates;
    const venue = (date: (typeof dates)[number]) => (!date.online && date.venue ? date.venue.location : undefined);
    await manager.query(
      `INSERT INTO "${s}".course_date_view (id, offer_id, start_date, end_date, online, seats_free, min_participants, max_participants, schedule, location, skill_uris, published, offer_facts)
       SELECT t.id, $1, t.start_date, t.end_date, t.online, t.seats_free, t.min_participants, t.max_participants, t.schedule,
              CASE WHEN t.lon IS NULL THEN NULL ELSE public.ST_SetSRID(public.ST_MakePoint(t.lon, t.lat), 4326)::public.geography END, $2, $3, $14
         FROM unnest($4::uuid[], $5::date[], $6::date[], $7::boolean[], $8::int[], $9::int[], $10::int[], $11::text[], $12::float8[], $13::float8[])
           AS t(id, start_date, end_date, online, seats_free, min_participants, max_participants, schedule, lat, lon)
       ON CONFLICT (id) DO UPDATE SET offer_id = EXCLUDED.offer_id, start_date = EXCLUDED.start_date, end_date = EXCLUDED.end_date, online = EXCLUDED.online,
         seats_free = EXCLUDED.seats_free, min_participants = EXCLUDED.min_participants, max_participants = EXCLUDED.max_participants, schedule = EXCLUDED.schedule,
         location = EXCLUDED.location, skill_uris = EXCLUDED.skill_uris, published = EXCLUDED.published, offer_facts = EXCLUDED.offer_facts`,
      [
        offer.id,
        offer.skills,
        offer.status === 'published',
        dates.map((d) => d.id),
        dates.map((d) => d.startDate),
        dates.map((d) => d.endDate),
        dates.map((d) => d.online),
        dates.map((d) => d.seatsFree),
        dates.map((d) => d.minParticipants),
        dates.map((d) => d.maxParticipants),
        dates.map((d) => d.schedule),
        dates.map((d) => venue(d)?.lat ?? null),
        dates.map((d) => venue(d)?.lon ?? null),
        JSON.stringify(offerFacts(offer)),
      ],
    );
    return outcome;
  },
};
