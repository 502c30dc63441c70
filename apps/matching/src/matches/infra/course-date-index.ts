import { EntityManager } from 'typeorm';
import { schemaOfManager } from '../../shared/infra/matching-store';
import { DateColumns } from './date-columns';
import { INDEXED_COLUMNS, IndexedDate, IndexedRow, OfferFactsPool, toIndexed } from './indexed-date';

/**
 * The published course dates in memory, for retrieval (ADR 0009): a need's candidates are ranked
 * here instead of by a statement that reads every date in reach of a common skill from the heap
 * (~10,000 pages at 100,000 offers, 40–90 ms per need).
 *
 * As current as a query: before each retrieval, `sync` reads, inside the caller's transaction, the
 * ids of the dates changed since the index last looked (the change log of migration
 * 1763900000000, from the oldest transaction then still running: its horizon) and their rows as
 * they stand now. Changes made by the caller's own, uncommitted transaction are not taken into the
 * shared index (it may roll back): they come back as that retrieval's overlay, and the dates are
 * marked dirty, read again by the next sync of any transaction. A new epoch (a rebuild's TRUNCATE)
 * or a horizon older than the pruned log loads everything again.
 *
 * Syncs of concurrent retrievals run one after another (their statements and what they apply), so
 * an older snapshot is never applied over a newer one.
 */
export class CourseDateIndex {
  /** Date id → its slot in the columns. */
  private readonly slots = new Map<string, number>();
  /** The dates' numbers by slot, for gathering (candidate-source.ts; read only). */
  readonly columns = new DateColumns();
  /** Skill → the slots of the dates teaching it. */
  private readonly bySkill = new Map<string, Set<number>>();
  /** The same as arrays, made when first read after a change: iterating an array of 30,000 slots is ~20× faster than a set. */
  private readonly listed = new Map<string, Int32Array>();
  private readonly facts = new OfferFactsPool();
  /** A number per offer id (DateColumns.offer), never reused. */
  private readonly offerNumbers = new Map<string, number>();
  /** Dates changed by a transaction that had not committed when a sync saw them: read again by every sync. */
  private readonly dirty = new Set<string>();
  private schema?: string;
  private epoch?: string;
  private horizon?: bigint;
  private queue: Promise<unknown> = Promise.resolve();

  /** Dates held (published, as of the last sync). */
  get size(): number {
    return this.slots.size;
  }

  get(id: string): IndexedDate | undefined {
    const slot = this.slots.get(id);
    return slot === undefined ? undefined : this.columns.dates[slot];
  }

  /** The slots of the dates teaching `skillUri` (the posting list; do not modify). */
  teaching(skillUri: string): Int32Array {
    let list = this.listed.get(skillUri);
    if (!list) this.listed.set(skillUri, (list = Int32Array.from(this.bySkill.get(skillUri) ?? [])));
    return list;
  }

  /**
   * Brings the index up to what the caller's transaction sees and returns that transaction's own
   * changes: date id → its row as the transaction sees it (null: deleted or unpublished).
   */
  sync(manager: EntityManager): Promise<Map<string, IndexedDate | null>> {
    const run = this.queue.then(() => this.syncNow(manager));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async syncNow(manager: EntityManager): Promise<Map<string, IndexedDate | null>> {
    const s = schemaOfManager(manager);
    if (this.schema !== undefined && this.schema !== s) throw new Error(`CourseDateIndex holds schema ${this.schema}, asked for ${s}`);
    const [state] = (await manager.query(
      `SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon, (SELECT last_value FROM "${s}".course_date_epoch)::text AS epoch,
              (SELECT through::text FROM "${s}".course_date_changes_pruned) AS pruned_through`,
    )) as Array<{ horizon: string; epoch: string; pruned_through: string | null }>;
    const horizon = BigInt(state!.horizon);
    const lost = this.horizon !== undefined && state!.pruned_through !== null && this.horizon <= BigInt(state!.pruned_through);
    if (this.horizon === undefined || this.epoch !== state!.epoch || lost) await this.loadAll(manager, s);
    // After a full load too: the caller's own changes (read by the load as it sees them) leave the shared index.
    const overlay = await this.applyChanges(manager, s, this.horizon ?? horizon);
    this.schema = s;
    this.epoch = state!.epoch;
    this.horizon = horizon;
    return overlay;
  }

  private async loadAll(manager: EntityManager, s: string): Promise<void> {
    this.slots.clear();
    this.columns.clear();
    this.bySkill.clear();
    this.listed.clear();
    this.facts.clear();
    this.dirty.clear();
    this.horizon = undefined;
    const rows = (await manager.query(`SELECT ${INDEXED_COLUMNS} FROM "${s}".course_date_view d WHERE d.published`)) as IndexedRow[];
    for (const row of rows) this.put(row.id, row);
  }

  /** Applies what changed from `since` on (and the dirty dates); the caller's own changes become its overlay. */
  private async applyChanges(manager: EntityManager, s: string, since: bigint): Promise<Map<string, IndexedDate | null>> {
    const rows = (await manager.query(
      `SELECT c.id AS changed_id, coalesce(c.own, false) AS own, ${INDEXED_COLUMNS}
         FROM (SELECT course_date_id AS id, bool_or(xid = pg_current_xact_id_if_assigned()) AS own FROM "${s}".course_date_changes WHERE xid >= $1::xid8 GROUP BY course_date_id
               UNION ALL SELECT id, false FROM unnest($2::uuid[]) AS dirty(id)) c
         LEFT JOIN "${s}".course_date_view d ON d.id = c.id`,
      [since.toString(), [...this.dirty]],
    )) as Array<IndexedRow & { changed_id: string; own: boolean }>;
    const own = new Set(rows.filter((row) => row.own).map((row) => row.changed_id));
    const overlay = new Map<string, IndexedDate | null>();
    for (const row of rows) {
      if (own.has(row.changed_id)) {
        this.put(row.changed_id, undefined);
        this.dirty.add(row.changed_id);
        overlay.set(row.changed_id, row.id !== null && row.published ? toIndexed(row, JSON.parse(row.offer_facts)) : null);
      } else {
        this.dirty.delete(row.changed_id);
        this.put(row.changed_id, row.id !== null ? row : undefined);
      }
    }
    return overlay;
  }

  /** The date `id` as `row` says (undefined, or not published: gone). */
  private put(id: string, row: IndexedRow | undefined): void {
    const old = this.slots.get(id);
    if (old !== undefined) {
      const date = this.columns.dates[old]!;
      this.slots.delete(id);
      for (const uri of date.skillUris) {
        this.bySkill.get(uri)?.delete(old);
        this.listed.delete(uri);
      }
      this.facts.release(date.offerId);
      this.columns.remove(old);
    }
    if (!row?.published) return;
    const date = toIndexed(row, this.facts.take(row.offer_id, row.offer_facts));
    let offer = this.offerNumbers.get(date.offerId);
    if (offer === undefined) this.offerNumbers.set(date.offerId, (offer = this.offerNumbers.size));
    const slot = this.columns.add(date, offer);
    this.slots.set(id, slot);
    for (const uri of date.skillUris) {
      let holders = this.bySkill.get(uri);
      if (!holders) this.bySkill.set(uri, (holders = new Set()));
      holders.add(slot);
      this.listed.delete(uri);
    }
  }
}


/**
 * Forgets the notes older than `keepMinutes` (every replica has synced since: each sync, and so
 * each retrieval, reads them). A replica whose horizon lies before them loads everything again.
 */
export async function pruneDateChanges(manager: EntityManager, keepMinutes: number): Promise<number> {
  const s = schemaOfManager(manager);
  const [row] = (await manager.query(
    `WITH gone AS (DELETE FROM "${s}".course_date_changes WHERE noted_at < now() - make_interval(mins => $1::int) RETURNING xid),
          newest AS (SELECT max(xid) AS through, count(*) AS count FROM gone),
          kept AS (INSERT INTO "${s}".course_date_changes_pruned (through) SELECT through FROM newest WHERE through IS NOT NULL
                     ON CONFLICT (one) DO UPDATE SET through = greatest("${s}".course_date_changes_pruned.through, EXCLUDED.through))
     SELECT count FROM newest`,
    [keepMinutes],
  )) as Array<{ count: string }>;
  return Number(row!.count);
}
