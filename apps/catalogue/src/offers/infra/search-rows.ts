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
 * Replaces the offer's rows in `search_date`: one per course date while the offer is published.
 * Past dates stay in the table; the search filters them by end date, so nothing must run at
 * midnight for an offer to stop being listed.
 */
export async function refreshSearchRows(manager: EntityManager, state: OfferState, extras: SearchExtras): Promise<void> {
  await manager.query(`DELETE FROM search_date WHERE offer_id = $1`, [state.id]);
  if (state.status !== 'published' || state.dates.length === 0) return;
  const dates = state.dates.map((date) => ({
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
  }));
  const skillText = [...extras.skillLabels, state.certificate ?? '', state.occupationKldb ?? ''].join(' ');
  await manager.query(
    `WITH doc AS (
       SELECT setweight(to_tsvector('german_unaccent', $2), 'A')
           || setweight(to_tsvector('german_unaccent', $3), 'B')
           || setweight(to_tsvector('german_unaccent', $4), 'C') AS tsv
     )
     INSERT INTO search_date (date_id, offer_id, provider_id, provider_name, title, start_date, end_date, schedule, online, location,
       district_key, postal_code, city, seats_free, min_participants, max_participants, price_cents, hours, azav_approved, formats,
       target_groups, dqr_level, language, skills, programme_ids, tsv)
     SELECT d.date_id, $1, $5, $6, $2, d.start_date, d.end_date, d.schedule, d.online,
       CASE WHEN d.lon IS NULL THEN NULL ELSE public.ST_SetSRID(public.ST_MakePoint(d.lon, d.lat), 4326)::public.geography END,
       d.district_key, d.postal_code, d.city, d.seats_free, d.min_participants, d.max_participants, $7, $8, $9, $10, $11, $12, $13, $14, $15, doc.tsv
     FROM jsonb_to_recordset($16::jsonb) AS d(date_id uuid, start_date date, end_date date, schedule text, online boolean, lat float8, lon float8,
       district_key text, postal_code text, city text, seats_free int, min_participants int, max_participants int), doc`,
    [
      state.id,
      state.title,
      skillText,
      plainText(state.description),
      state.providerId,
      state.providerName,
      state.priceCents,
      state.hours,
      state.azavApproved,
      state.formats,
      state.targetGroups,
      state.dqrLevel ?? null,
      state.language,
      state.skills,
      extras.programmeIds,
      JSON.stringify(dates),
    ],
  );
  // Words for typo tolerance: titles and skill labels are what people type.
  await manager.query(
    `INSERT INTO search_term (word)
     SELECT w FROM unnest(tsvector_to_array(to_tsvector('simple', fold($1)))) AS w
     WHERE length(w) BETWEEN 3 AND 40 AND w ~ '^[a-z]'
       -- Known words are skipped without a lock: concurrent writers only wait on words new to both.
       AND NOT EXISTS (SELECT 1 FROM search_term t WHERE t.word = w)
     ORDER BY w -- one lock order for concurrent writers (no deadlock between two imports)
     ON CONFLICT DO NOTHING`,
    [`${state.title} ${extras.skillLabels.join(' ')}`],
  );
}
