import { Client } from 'pg';
import { OfferSnapshotV1 } from '@bildungsraum/contracts';
import { DESCRIPTION_CHARS } from '../../apps/matching/src/matches/infra/text-words';

/**
 * The bench's bulk path for the mass of offers (BENCH_BULK=1): rows written straight into the
 * matching read models, exactly as the offer handler's readModels.upsertOffer writes them
 * (offer_view; course_date_view with the offer's skills, published flag and offer_facts — the
 * same jsonb offerFacts builds, title and the opening of the description included: retrieval
 * bounds a date's score from these and checks the bound against the offer snapshot, so a field
 * missing here makes every need fall back to scoring all its candidates). While no need exists,
 * handling an offer event does nothing else, so the state is the one the events would leave, minus
 * the inbox rows; written after the open needs (the 100,000 phase), those needs are not re-matched
 * against these offers.
 * Loading 90,000 offers takes seconds instead of most of an hour. The measured paths (needs, new
 * offers, need changes) always go through real events.
 */
export async function bulkInsertOffers(db: Client, schema: string, offers: readonly OfferSnapshotV1[]): Promise<void> {
  await db.query(
    `INSERT INTO "${schema}".offer_view (id, version, provider_id, status, snapshot, skill_uris)
     SELECT o.id, o.version, o.provider_id, o.status, o.snapshot, ARRAY(SELECT jsonb_array_elements_text(o.snapshot->'skills'))
       FROM unnest($1::uuid[], $2::int[], $3::uuid[], $4::text[], $5::jsonb[]) AS o(id, version, provider_id, status, snapshot)`,
    [offers.map((o) => o.id), offers.map((o) => o.version), offers.map((o) => o.providerId), offers.map((o) => o.status), offers.map((o) => JSON.stringify(o))],
  );
  const dates = offers.flatMap((offer) => offer.dates.map((date) => ({ offer, date })));
  await db.query(
    `INSERT INTO "${schema}".course_date_view (id, offer_id, start_date, end_date, online, seats_free, min_participants, max_participants, schedule, location, skill_uris, published, offer_facts)
     SELECT t.id, t.offer_id, t.start_date, t.end_date, t.online, t.seats_free, t.min_participants, t.max_participants, t.schedule,
            CASE WHEN t.lon IS NULL THEN NULL ELSE public.ST_SetSRID(public.ST_MakePoint(t.lon, t.lat), 4326)::public.geography END, o.skill_uris, o.status = 'published',
            jsonb_strip_nulls(jsonb_build_object('providerId', o.snapshot->'providerId', 'dqrLevel', o.snapshot->'dqrLevel', 'language', o.snapshot->'language',
              'formats', o.snapshot->'formats', 'targetGroups', o.snapshot->'targetGroups', 'priceCents', o.snapshot->'priceCents',
           'hours', o.snapshot->'hours', 'azavApproved', o.snapshot->'azavApproved', 'measureNumber', o.snapshot->'measureNumber',
           'title', o.snapshot->'title', 'description', to_jsonb(left(o.snapshot->>'description', ${DESCRIPTION_CHARS}))))
       FROM unnest($1::uuid[], $2::uuid[], $3::date[], $4::date[], $5::boolean[], $6::int[], $7::int[], $8::int[], $9::text[], $10::float8[], $11::float8[])
         AS t(id, offer_id, start_date, end_date, online, seats_free, min_participants, max_participants, schedule, lat, lon)
       JOIN "${schema}".offer_view o ON o.id = t.offer_id`,
    [
      dates.map(({ date }) => date.id),
      dates.map(({ offer }) => offer.id),
      dates.map(({ date }) => date.startDate),
      dates.map(({ date }) => date.endDate),
      dates.map(({ date }) => date.online),
      dates.map(({ date }) => date.seatsFree),
      dates.map(({ date }) => date.minParticipants),
      dates.map(({ date }) => date.maxParticipants),
      dates.map(({ date }) => date.schedule),
      dates.map(({ date }) => (!date.online && date.venue ? date.venue.location.lat : null)),
      dates.map(({ date }) => (!date.online && date.venue ? date.venue.location.lon : null)),
    ],
  );
}
