import { EntityManager } from 'typeorm';
import { createEvent, EventCause, ProgrammePublished, ProgrammeSnapshotV1, ProgrammeUpdated, CloudEvent } from '@bildungsraum/contracts';
import type { FundingProgramme } from '@bildungsraum/funding';
import { rowsOf } from '@bildungsraum/reference-data';

export type ProgrammeStatus = 'active' | 'retired';

/** A stored programme: the rule set as operators maintain it, with lifecycle and provenance. */
export interface ProgrammeRecord {
  id: string;
  version: number;
  status: ProgrammeStatus;
  /** `federal` or the state / region an operator names. */
  scope: string;
  seeded: boolean;
  programme: FundingProgramme;
}

export const programmeRecords = {
  async all(manager: EntityManager, options: { activeOnly?: boolean } = {}): Promise<ProgrammeRecord[]> {
    const rows = rowsOf(await manager.query(`SELECT doc FROM programme ${options.activeOnly ? `WHERE status = 'active'` : ''} ORDER BY id`));
    return rows.map((row) => row.doc as ProgrammeRecord);
  },

  async find(manager: EntityManager, id: string, options: { lock?: boolean } = {}): Promise<ProgrammeRecord | undefined> {
    const [row] = rowsOf(await manager.query(`SELECT doc FROM programme WHERE id = $1${options.lock ? ' FOR UPDATE' : ''}`, [id]));
    return row ? (row.doc as ProgrammeRecord) : undefined;
  },

  async save(manager: EntityManager, record: ProgrammeRecord): Promise<void> {
    await manager.query(
      `INSERT INTO programme (id, version, name, status, doc) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, name = EXCLUDED.name, status = EXCLUDED.status, doc = EXCLUDED.doc, updated_at = now()`,
      [record.id, record.version, record.programme.name.de, record.status, JSON.stringify(record)],
    );
  },
};

export function programmeSnapshot(record: ProgrammeRecord): ProgrammeSnapshotV1 {
  const validFrom = record.programme.versions.map((version) => version.validFrom).sort()[0];
  return {
    id: record.id,
    version: record.version,
    name: record.programme.name.de,
    status: record.status,
    scope: record.scope,
    seeded: record.seeded,
    ...(validFrom ? { validFrom } : {}),
    ruleSet: record.programme as unknown as Record<string, unknown>,
  };
}

export function programmeEvent(record: ProgrammeRecord, cause: EventCause): CloudEvent {
  return createEvent(record.version === 1 ? ProgrammePublished : ProgrammeUpdated, record.id, programmeSnapshot(record), cause);
}
