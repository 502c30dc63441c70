import { EntityManager } from 'typeorm';
import { seatsFree, OfferState } from '../domain/offer-model';

/** What the search row needs beyond the offer itself. */
export interface SearchExtras {
  /** Labels of the offer's ESCO skills (German and English): the text search finds them too. */
  skillLabels: string[];
  /** Programmes whose course conditions this offer meets (filter "Förderung"). */
  programmeIds: string[];
}

/** Strips markup (imported descriptions carry HTML) so tags never become search words. */
export function plainText(text: string): string {
  return text.replace(/<[^>]*>/g, ' ').replace(/&[a-z]+;/gi, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Replaces the offers' rows in `search_date`: one per course date while an offer is published.
 * Set-based (three statements for any number of offers), so bulk imports pay per batch, not per
 * offer. Past dates stay in the table; the search filters them by end date, so nothing must run
 * at midnight for an offer to stop being listed.
 */
export async function refreshSearchRows(manager: EntityManager, entries: ReadonlyArray<{ state: OfferState; extras: SearchExtras }>): Promise<void> {
  await manager.query(`DELETE FROM search_date WHERE offer_id = ANY($1::uuid[])`, [entries.map(({ state }) => state.id)]);
  const listed = entries.filter(({ state }) => state.status === 'published' && state.dates.length > 0);
  if (!listed.length) return;
  const offers = listed.map(({ state, extras }) => ({
    offer_id: state.id,
    provider_id: state.providerId,
    provider_name: state.providerName,
    title: state.title,
    skill_text: [...extras.skillLabels, state.certificate ?? '', state.occupationKldb ?? ''].join(' '),
    description: plainText(state.description),
    price_cents: state.priceCents,
    hours: state.hours,
    azav_approved: state.azavApproved,
    formats: state.formats,
    target_groups: state.targetGroups,
    dqr_level: state.dqrLevel ?? null,
    language: state.language,
    skills: state.skills,
    programme_ids: extras.programmeIds,
  }));
  const dates = listed.flatMap(({ state }) =>
    state.dates.map((date) => ({
      offer_id: state.id,
      date_id: date.id,
      start_date: date.startDate,
      end_date: date.endDate,
      schedule: date.schedule,
      online: date.online,
      lat: date.venue?.location.lat ?? null,
      lon: date.venue?.location.lon ?? null,
      district_key: date.venue?.districtKey ?? null,
      postal_code: date.venue?.postalCode ?? null,
      city: date.venue?.city ?? null,
      seats_free: seatsFree(date),
      min_participants: date.minParticipants,
      max_participants: date.maxParticipants,
    })),
  );
  await manager.query(
    `WITH o AS (
       SELECT o.*, setweight(to_tsvector('german_unaccent', o.title), 'A')
           || setweight(to_tsvector('german_unaccent', o.skill_text), 'B')
           || setweight(to_tsvector('german_unaccent', o.description), 'C') AS tsv
       FROM jsonb_to_recordset($1::jsonb) AS o(offer_id uuid, provider_id uuid, provider_name text, title text, skill_text text, description text,
         price_cents int, hours int, azav_approved boolean, formats text[], target_groups text[], dqr_level smallint, language text, skills text[], programme_ids text[])
     )
     INSERT INTO search_date (date_id, offer_id, provider_id, provider_name, title, start_date, end_date, schedule, online, location,
       district_key, postal_code, city, seats_free, min_participants, max_participants, price_cents, hours, azav_approved, formats,
       target_groups, dqr_level, language, skills, programme_ids, tsv)
     SELECT d.date_id, o.offer_id, o.provider_id, o.provider_name, o.title, d.start_date, d.end_date, d.schedule, d.online,
       CASE WHEN d.lon IS NULL THEN NULL ELSE public.ST_SetSRID(public.ST_MakePoint(d.lon, d.lat), 4326)::public.geography END,
       d.district_key, d.postal_code, d.city, d.seats_free, d.min_participants, d.max_participants, o.price_cents, o.hours, o.azav_approved,
       o.formats, o.target_groups, o.dqr_level, o.language, o.skills, o.programme_ids, o.tsv
     FROM jsonb_to_recordset($2::jsonb) AS d(offer_id uuid, date_id uuid, start_date date, end_date date, schedule text, online boolean, lat float8, lon float8,
       district_key text, postal_code text, city text, seats_free int, min_participants int, max_participants int)
     JOIN o USING (offer_id)`,
    [JSON.stringify(offers), JSON.stringify(dates)],
  );
  // Words for typo tolerance: titles and skill labels are what people type.
  await manager.query(
    `INSERT INTO search_term (word)
     SELECT DISTINCT w FROM unnest(tsvector_to_array(to_tsvector('simple', fold($1)))) AS w
     WHERE length(w) BETWEEN 3 AND 40 AND w ~ '^[a-z]'
       -- Known words are skipped without a lock: concurrent writers only wait on words new to both.
       AND NOT EXISTS (SELECT 1 FROM search_term t WHERE t.word = w)
     ORDER BY w -- one lock order for concurrent writers (no deadlock between two imports)
     ON CONFLICT DO NOTHING`,
    [listed.map(({ state, extras }) => `${state.title} ${extras.skillLabels.join(' ')}`).join(' ')],
  );
}
