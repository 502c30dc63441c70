import { EntityManager } from 'typeorm';
import { rowsOf } from '@bildungsraum/reference-data';
import { Offer } from '../domain/offer';
import { lastEndDate, OfferState } from '../domain/offer-model';
import { refreshSearchRows, SearchExtras } from './search-rows';

/** Persists the aggregate whole (jsonb) plus the columns lists filter on; raw SQL, no ORM entity. */
export const offerRepository = {
  async load(manager: EntityManager, id: string, options: { lock?: boolean } = {}): Promise<Offer | undefined> {
    const [row] = rowsOf(await manager.query(`SELECT doc FROM offer WHERE id = $1${options.lock ? ' FOR UPDATE' : ''}`, [id]));
    return row ? Offer.restore(row.doc as OfferState) : undefined;
  },

  async offerIdOfDate(manager: EntityManager, dateId: string): Promise<string | undefined> {
    const [row] = rowsOf(await manager.query(`SELECT offer_id FROM course_date WHERE id = $1`, [dateId]));
    return row ? String(row.offer_id) : undefined;
  },

  async idsOfProvider(manager: EntityManager, providerId: string, statuses: string[]): Promise<string[]> {
    return rowsOf(await manager.query(`SELECT id FROM offer WHERE provider_id = $1 AND status = ANY($2)`, [providerId, statuses])).map((row) => String(row.id));
  },

  /** Writes the offer, its date index and its search rows (listed only while published). */
  async save(manager: EntityManager, offer: Offer, extras: SearchExtras): Promise<void> {
    const state = offer.snapshot;
    await manager.query(
      `INSERT INTO offer (id, provider_id, version, status, title, last_end_date, doc)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, status = EXCLUDED.status, title = EXCLUDED.title,
         last_end_date = EXCLUDED.last_end_date, doc = EXCLUDED.doc, updated_at = now()`,
      [state.id, state.providerId, state.version, state.status, state.title, lastEndDate(state.dates) ?? null, JSON.stringify(state)],
    );
    const dateIds = state.dates.map((date) => date.id);
    await manager.query(`DELETE FROM course_date WHERE offer_id = $1 AND NOT (id = ANY($2::uuid[]))`, [state.id, dateIds]);
    if (dateIds.length) {
      await manager.query(`INSERT INTO course_date (id, offer_id) SELECT unnest($1::uuid[]), $2 ON CONFLICT (id) DO NOTHING`, [dateIds, state.id]);
    }
    await refreshSearchRows(manager, state, extras);
  },

  /** A date id another offer already uses would silently move; refuse it instead. */
  async dateIdsTakenElsewhere(manager: EntityManager, offerId: string, dateIds: string[]): Promise<string[]> {
    if (!dateIds.length) return [];
    return rowsOf(await manager.query(`SELECT id FROM course_date WHERE id = ANY($1::uuid[]) AND offer_id <> $2`, [dateIds, offerId])).map((row) => String(row.id));
  },
};

export type { OfferState };
