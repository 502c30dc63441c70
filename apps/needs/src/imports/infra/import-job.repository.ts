import { EntityManager } from 'typeorm';
import { schemaOfManager } from '../../shared/infra/schema-of-manager';

export interface RowError {
  line: number;
  reasons: string[];
}

export interface ImportJob {
  id: string;
  ownerPartnerId: string;
  createdBy: string;
  roles: string[];
  fileName?: string;
  submit: boolean;
  status: 'running' | 'completed' | 'failed';
  total: number;
  processed: number;
  created: number;
  invalid: number;
  errors: RowError[];
  createdAt: string;
  finishedAt?: string;
}

interface JobRow {
  id: string;
  owner_partner_id: string;
  created_by: string;
  roles: string[];
  file_name: string | null;
  submit: boolean;
  status: ImportJob['status'];
  total: number;
  processed: number;
  created: number;
  invalid: number;
  errors: RowError[];
  created_at: Date;
  finished_at: Date | null;
}

const toJob = (row: JobRow): ImportJob => ({
  id: row.id,
  ownerPartnerId: row.owner_partner_id,
  createdBy: row.created_by,
  roles: row.roles,
  ...(row.file_name ? { fileName: row.file_name } : {}),
  submit: row.submit,
  status: row.status,
  total: row.total,
  processed: row.processed,
  created: row.created,
  invalid: row.invalid,
  errors: row.errors,
  createdAt: row.created_at.toISOString(),
  ...(row.finished_at ? { finishedAt: row.finished_at.toISOString() } : {}),
});

const JOB_COLUMNS = 'id, owner_partner_id, created_by, roles, file_name, submit, status, total, processed, created, invalid, errors, created_at, finished_at';

export const importJobRepository = {
  /** The new job, or undefined when the same file (same owner, same bytes) was uploaded before. */
  async insert(manager: EntityManager, job: { id: string; ownerPartnerId: string; createdBy: string; roles: string[]; sha256: string; fileName?: string; submit: boolean; content: string }): Promise<boolean> {
    const rows = (await manager.query(
      `INSERT INTO "${schemaOfManager(manager)}".import_jobs (id, owner_partner_id, created_by, roles, content_sha256, file_name, submit, status, content)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'running', $8) ON CONFLICT (owner_partner_id, content_sha256) DO NOTHING RETURNING id`,
      [job.id, job.ownerPartnerId, job.createdBy, job.roles, job.sha256, job.fileName ?? null, job.submit, job.content],
    )) as unknown[];
    return rows.length === 1;
  },

  async bySha(manager: EntityManager, ownerPartnerId: string, sha256: string): Promise<ImportJob | undefined> {
    const rows = (await manager.query(`SELECT ${JOB_COLUMNS} FROM "${schemaOfManager(manager)}".import_jobs WHERE owner_partner_id = $1 AND content_sha256 = $2`, [ownerPartnerId, sha256])) as JobRow[];
    return rows[0] ? toJob(rows[0]) : undefined;
  },

  async load(manager: EntityManager, id: string, options: { forUpdate?: boolean } = {}): Promise<ImportJob | undefined> {
    const rows = (await manager.query(`SELECT ${JOB_COLUMNS} FROM "${schemaOfManager(manager)}".import_jobs WHERE id = $1 ${options.forUpdate ? 'FOR UPDATE' : ''}`, [id])) as JobRow[];
    return rows[0] ? toJob(rows[0]) : undefined;
  },

  async content(manager: EntityManager, id: string): Promise<string> {
    const rows = (await manager.query(`SELECT content FROM "${schemaOfManager(manager)}".import_jobs WHERE id = $1`, [id])) as Array<{ content: string | null }>;
    return rows[0]?.content ?? '';
  },

  /** Progress of one chunk, committed with the chunk's needs: a resumed job continues exactly here. */
  async progress(manager: EntityManager, id: string, delta: { total: number; processed: number; created: number; errors: RowError[] }): Promise<void> {
    await manager.query(
      `UPDATE "${schemaOfManager(manager)}".import_jobs SET total = $2, processed = processed + $3, created = created + $4, invalid = invalid + $5,
         errors = errors || CAST($6 AS jsonb), updated_at = now() WHERE id = $1`,
      [id, delta.total, delta.processed, delta.created, delta.errors.length, JSON.stringify(delta.errors)],
    );
  },

  async finish(manager: EntityManager, id: string, status: 'completed' | 'failed', errors: RowError[] = []): Promise<void> {
    // The file is no longer needed once every row was handled; its hash keeps the upload idempotent.
    await manager.query(
      `UPDATE "${schemaOfManager(manager)}".import_jobs SET status = $2, errors = errors || CAST($3 AS jsonb), invalid = invalid + $4, content = NULL, finished_at = now(), updated_at = now() WHERE id = $1`,
      [id, status, JSON.stringify(errors), errors.length],
    );
  },

  /** Jobs left running by a replica that stopped; claimed so that only one replica resumes each. */
  async claimStale(manager: EntityManager, olderThanSeconds: number): Promise<string[]> {
    const rows = (await manager.query(
      `UPDATE "${schemaOfManager(manager)}".import_jobs SET updated_at = now() WHERE id IN (
         SELECT id FROM "${schemaOfManager(manager)}".import_jobs WHERE status = 'running' AND updated_at < now() - make_interval(secs => $1)
         FOR UPDATE SKIP LOCKED LIMIT 5) RETURNING id`,
      [olderThanSeconds],
    )) as [Array<{ id: string }>, number] | Array<{ id: string }>;
    const list = Array.isArray(rows[0]) ? (rows[0] as Array<{ id: string }>) : (rows as Array<{ id: string }>);
    return list.map((row) => row.id);
  },
};
