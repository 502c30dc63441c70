import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { CloudEvent, NeedStatus, NeedWithdrawalReason } from '@bildungsraum/contracts';
import { outboxChannel, outboxDocument, outboxInsertSql, outboxWakeSql } from '@bildungsraum/persistence';
import { schemaOfManager } from '../../shared/infra/schema-of-manager';
import { CapturedBy, CompanySnapshot, Need, NeedState } from '../domain/need';
import { NeedContent } from '../domain/need-content';

export interface NeedRow {
  id: string;
  version: number;
  status: NeedStatus;
  company_id: string;
  company: CompanySnapshot;
  captured_by: CapturedBy;
  content: NeedContent;
  submitted_at: Date | null;
  fulfilled_by_match_id: string | null;
  withdrawal: { reasonCode: NeedWithdrawalReason; reason?: string } | null;
  created_at: Date;
  updated_at: Date;
}

export const NEED_COLUMNS = 'id, version, status, company_id, company, captured_by, content, submitted_at, fulfilled_by_match_id, withdrawal, created_at, updated_at';

export function toState(row: NeedRow): NeedState {
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    companyId: row.company_id,
    company: row.company,
    capturedBy: row.captured_by,
    content: row.content,
    ...(row.submitted_at ? { submittedAt: row.submitted_at.toISOString() } : {}),
    ...(row.fulfilled_by_match_id ? { fulfilledByMatchId: row.fulfilled_by_match_id } : {}),
    ...(row.withdrawal ? { withdrawal: row.withdrawal } : {}),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The row as one JSON object (columns by name) for jsonb_populate_recordset. */
function row(state: NeedState): Record<string, unknown> {
  const c = state.content;
  return {
    id: state.id,
    version: state.version,
    status: state.status,
    company_id: state.companyId,
    company: state.company,
    captured_by: state.capturedBy,
    content: c,
    description: c.description,
    skill_uris: c.skillUris,
    target_groups: c.targetGroups,
    district_key: c.site.districtKey,
    earliest_start: c.earliestStart ?? null,
    latest_end: c.latestEnd ?? null,
    submitted_at: state.submittedAt ?? null,
    fulfilled_by_match_id: state.fulfilledByMatchId ?? null,
    withdrawal: state.withdrawal ?? null,
    import_job_id: null,
    created_at: state.createdAt,
    updated_at: state.updatedAt,
  };
}

function values(state: NeedState, importJobId?: string): unknown[] {
  const c = state.content;
  return [
    state.id,
    state.version,
    state.status,
    state.companyId,
    JSON.stringify(state.company),
    JSON.stringify(state.capturedBy),
    JSON.stringify(c),
    c.description,
    c.skillUris,
    c.targetGroups,
    c.site.districtKey,
    c.earliestStart ?? null,
    c.latestEnd ?? null,
    state.submittedAt ?? null,
    state.fulfilledByMatchId ?? null,
    state.withdrawal ? JSON.stringify(state.withdrawal) : null,
    importJobId ?? null,
    state.createdAt,
    state.updatedAt,
  ];
}

const COLUMNS = 'id, version, status, company_id, company, captured_by, content, description, skill_uris, target_groups, district_key, earliest_start, latest_end, submitted_at, fulfilled_by_match_id, withdrawal, import_job_id, created_at, updated_at';
const PLACEHOLDERS = Array.from({ length: 19 }, (_, index) => `$${index + 1}`).join(', ');

/**
 * The group commit's statement for a schema, built once: inserts the needs of `$1` (a JSON array
 * of rows) whose company may have them and the outbox rows of `$2` of the needs it inserted, and
 * wakes the relay (`$3`). The name is unique per text, as node-postgres requires of a name on a
 * connection, and short enough for Postgres (63 bytes).
 */
const groupCommitStatements = new Map<string, { name: string; text: string }>();

function groupCommitStatement(schema: string): { name: string; text: string } {
  let statement = groupCommitStatements.get(schema);
  if (statement) return statement;
  const text = `WITH inserted AS (
         INSERT INTO "${schema}".needs (${COLUMNS})
         SELECT ${COLUMNS.split(', ').map((column) => `r.${column}`).join(', ')} FROM jsonb_populate_recordset(NULL::"${schema}".needs, $1::jsonb) r
          WHERE EXISTS (SELECT 1 FROM "${schema}".partner_view p WHERE p.id = r.company_id
                          AND (p.status = 'verified' OR (r.status = 'draft' AND p.status = 'pending')))
         ON CONFLICT (id) DO NOTHING RETURNING id
       ),
       appended AS (${outboxInsertSql(schema, '$2::jsonb', `(r->>'k')::uuid IN (SELECT id FROM inserted)`)}),
       woken AS (${outboxWakeSql('$3')})
       SELECT id FROM inserted WHERE (SELECT count(*) FROM woken) >= 0`;
  statement = { name: `needs_group_commit_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`, text };
  groupCommitStatements.set(schema, statement);
  return statement;
}

export const needRepository = {
  /** Inserts a new need; `false` when the id exists already (an idempotent import row). */
  async insert(manager: EntityManager, need: Need, importJobId?: string): Promise<boolean> {
    const rows = (await manager.query(
      `INSERT INTO "${schemaOfManager(manager)}".needs (${COLUMNS}) VALUES (${PLACEHOLDERS}) ON CONFLICT (id) DO NOTHING RETURNING id`,
      values(need.snapshot, importJobId),
    )) as unknown[];
    return rows.length === 1;
  },

  /**
   * Inserts many new needs and their events in one statement (group commit): one round trip, and
   * Postgres runs a single statement as its own transaction, so a need and its outbox rows are
   * committed together or not at all. A need is inserted only while its company may have it:
   * drafts for pending or verified companies, submitted needs for verified ones; its events
   * (`outboxDocument` keyed by need id) only if it was inserted. Returns the inserted ids.
   */
  async insertManyWithEvents(dataSource: DataSource, schema: string, needs: Need[], events: CloudEvent[], needOf: (event: CloudEvent) => string): Promise<Set<string>> {
    const statement = groupCommitStatement(schema);
    const values = [JSON.stringify(needs.map((need) => row(need.snapshot))), outboxDocument(events, needOf), outboxChannel(schema)];
    // A named statement on the pooled connection itself (TypeORM's query() has no name): each
    // connection parses and plans the CTE once instead of at every group commit, and the text
    // no longer goes over the wire each time.
    const runner = dataSource.createQueryRunner();
    try {
      const client = (await runner.connect()) as PoolClient;
      const inserted = await client.query<{ id: string }>({ ...statement, values });
      return new Set(inserted.rows.map((insertedRow) => insertedRow.id));
    } finally {
      await runner.release();
    }
  },

  async update(manager: EntityManager, need: Need): Promise<void> {
    const [id, version, status, , company, , content, description, skills, groups, district, start, end, submittedAt, matchId, withdrawal, , , updatedAt] = values(need.snapshot);
    await manager.query(
      `UPDATE "${schemaOfManager(manager)}".needs SET version = $2, status = $3, company = $4, content = $5, description = $6, skill_uris = $7,
         target_groups = $8, district_key = $9, earliest_start = $10, latest_end = $11, submitted_at = $12, fulfilled_by_match_id = $13,
         withdrawal = $14, updated_at = $15 WHERE id = $1`,
      [id, version, status, company, content, description, skills, groups, district, start, end, submittedAt, matchId, withdrawal, updatedAt],
    );
  },

  async load(manager: EntityManager, id: string, options: { forUpdate?: boolean } = {}): Promise<Need | undefined> {
    const rows = (await manager.query(
      `SELECT ${NEED_COLUMNS} FROM "${schemaOfManager(manager)}".needs WHERE id = $1 ${options.forUpdate ? 'FOR UPDATE' : ''}`,
      [id],
    )) as NeedRow[];
    return rows[0] ? Need.restore(toState(rows[0])) : undefined;
  },

  /** Open needs of a company, locked: for withdrawal when the company is deactivated. */
  async openOfCompany(manager: EntityManager, companyId: string): Promise<Need[]> {
    const rows = (await manager.query(
      `SELECT ${NEED_COLUMNS} FROM "${schemaOfManager(manager)}".needs WHERE company_id = $1 AND status IN ('draft', 'submitted', 'matched', 'pooled') FOR UPDATE`,
      [companyId],
    )) as NeedRow[];
    return rows.map((row) => Need.restore(toState(row)));
  },

  /** Claims up to `limit` open needs whose latest end lies before `today`; other replicas skip them. */
  async claimDue(manager: EntityManager, today: string, limit: number): Promise<Need[]> {
    const rows = (await manager.query(
      `SELECT ${NEED_COLUMNS} FROM "${schemaOfManager(manager)}".needs
        WHERE status IN ('draft', 'submitted', 'matched', 'pooled') AND latest_end IS NOT NULL AND latest_end < CAST($1 AS date)
        ORDER BY latest_end LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [today, limit],
    )) as NeedRow[];
    return rows.map((row) => Need.restore(toState(row)));
  },
};
