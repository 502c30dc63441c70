import { EntityManager } from 'typeorm';
import { assertValidSchema } from '../schema/identifiers';

/**
 * Read models fed by events of one aggregate: each event carries the aggregate's version and
 * redeliveries can arrive out of order, so the newest version wins and an older one arriving
 * later changes nothing (ARCHITECTURE.md §4, "Ordering").
 */
export function isNewerVersion(current: number | undefined | null, incoming: number): boolean {
  return current === undefined || current === null || incoming > current;
}

export interface VersionedUpsert {
  schema: string;
  table: string;
  /** Column values of the row, incl. the key and version columns. */
  row: Record<string, unknown>;
  /** Primary-key (or unique) columns the conflict is detected on (default ['id']). */
  key?: string[];
  /** Column holding the aggregate version (default 'version'). */
  versionColumn?: string;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`Invalid column or table name "${name}"`);
  return `"${name}"`;
}

/**
 * `INSERT … ON CONFLICT (key) DO UPDATE SET … WHERE target.version < EXCLUDED.version`, atomic
 * in one statement (no read-then-write race between two deliveries). Returns 'applied' when
 * the row was inserted or updated, 'stale' when the stored version is the same or newer.
 */
export async function upsertIfNewer(manager: EntityManager, upsert: VersionedUpsert): Promise<'applied' | 'stale'> {
  const key = upsert.key ?? ['id'];
  const version = upsert.versionColumn ?? 'version';
  const columns = Object.keys(upsert.row);
  if (!columns.includes(version)) throw new Error(`upsertIfNewer: row lacks the version column "${version}"`);
  const target = `"${assertValidSchema(upsert.schema)}".${identifier(upsert.table)}`;
  const updates = columns.filter((column) => !key.includes(column)).map((column) => `${identifier(column)} = EXCLUDED.${identifier(column)}`);
  const rows = (await manager.query(
    `INSERT INTO ${target} AS target (${columns.map(identifier).join(', ')})
     VALUES (${columns.map((_, index) => `$${index + 1}`).join(', ')})
     ON CONFLICT (${key.map(identifier).join(', ')}) DO UPDATE SET ${updates.join(', ')}
     WHERE target.${identifier(version)} < EXCLUDED.${identifier(version)}
     RETURNING 1`,
    columns.map((column) => upsert.row[column]),
  )) as unknown[];
  return rows.length > 0 ? 'applied' : 'stale';
}
