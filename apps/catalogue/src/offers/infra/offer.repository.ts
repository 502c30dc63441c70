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

  save(manager: EntityManager, offer: Offer, extras: SearchExtras): Promise<void> {
    return this.saveMany(manager, [{ offer, extras }]);
  },

  /** Writes offers, their date index and their search rows (listed only while published), set-based. */
  async saveMany(manager: EntityManager, entries: ReadonlyArray<{ offer: Offer; extras: SearchExtras }>): Promise<void> {
    if (!entries.length) return;
    const states = entries.map(({ offer }) => offer.snapshot);
    await manager.query(
      `INSERT INTO offer (id, provider_id, version, status, title, last_end_date, doc)
       SELECT r.id, r.provider_id, r.version, r.status, r.title, r.last_end_date, r.doc
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, provider_id uuid, version int, status text, title text, last_end_date date, doc jsonb)
       ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, status = EXCLUDED.status, title = EXCLUDED.title,
         last_end_date = EXCLUDED.last_end_date, doc = EXCLUDED.doc, updated_at = now()`,
      [JSON.stringify(states.map((state) => ({ id: state.id, provider_id: state.providerId, version: state.version, status: state.status, title: state.title, last_end_date: lastEndDate(state.dates) ?? null, doc: state })))],
    );
    const offerIds = states.map((state) => state.id);
    const dates = states.flatMap((state) => state.dates.map((date) => ({ id: date.id, offer_id: state.id })));
    await manager.query(`DELETE FROM course_date WHERE offer_id = ANY($1::uuid[]) AND NOT (id = ANY($2::uuid[]))`, [offerIds, dates.map((date) => date.id)]);
    if (dates.length) {
      await manager.query(`INSERT INTO course_date (id, offer_id) SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, offer_id uuid) ON CONFLICT (id) DO NOTHING`, [JSON.stringify(dates)]);
    }
    await refreshSearchRows(manager, entries.map(({ offer, extras }) => ({ state: offer.snapshot, extras })));
  },
};

export type { OfferState };
