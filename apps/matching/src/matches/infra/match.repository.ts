import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { CloudEvent, createEvent, MatchAccepted, MatchConfirmed, MatchDeclined, MatchProposed, MatchRejected, MatchSnapshotV1, MatchStatus, MatchWithdrawn } from '@bildungsraum/contracts';
import { currentCause } from '@bildungsraum/platform';
import { schemaOfManager } from '../../shared/infra/matching-store';
import { CompanyCost } from '../domain/company-cost';
import { Evaluation } from '../domain/scoring';
import { CandidateRow } from './candidates';
import { NeedRecord } from './need-records';

interface MatchRow {
  id: string;
  version: number;
  status: MatchStatus;
  need_id: string;
  company_id: string;
  offer_id: string;
  course_date_id: string;
  provider_id: string;
  participants: number;
  score: number;
  criteria: MatchSnapshotV1['criteria'];
  explanation: MatchSnapshotV1['explanation'];
  company_cost_cents: number | null;
  funding_programme_ids: string[];
  reason: string | null;
}

/** A stored match: its event payload plus the last reason given (decline, reject, withdrawal). */
export interface MatchRecord extends MatchSnapshotV1 {
  reason?: string;
}

const COLUMNS = `id, version, status, need_id, company_id, offer_id, course_date_id, provider_id, participants, score, criteria, explanation, company_cost_cents, funding_programme_ids, reason`;

const toRecord = (row: MatchRow): MatchRecord => ({
  id: row.id,
  version: row.version,
  status: row.status,
  needId: row.need_id,
  companyId: row.company_id,
  offerId: row.offer_id,
  courseDateId: row.course_date_id,
  providerId: row.provider_id,
  participants: row.participants,
  score: Number(row.score),
  criteria: row.criteria,
  explanation: row.explanation,
  ...(row.company_cost_cents !== null ? { companyCostPerParticipantCents: row.company_cost_cents } : {}),
  fundingProgrammeIds: row.funding_programme_ids,
  ...(row.reason ? { reason: row.reason } : {}),
});

/** The event payload: the snapshot without the stored reason, which goes where the contract has a field for it. */
export function matchEvent(match: MatchRecord): CloudEvent {
  const { reason, ...snapshot } = match;
  const cause = currentCause();
  switch (match.status) {
    case 'proposed':
      return createEvent(MatchProposed, match.id, snapshot, cause);
    case 'accepted':
      return createEvent(MatchAccepted, match.id, snapshot, cause);
    case 'confirmed':
      return createEvent(MatchConfirmed, match.id, snapshot, cause);
    case 'declined':
      return createEvent(MatchDeclined, match.id, { ...snapshot, ...(reason ? { reason } : {}) }, cause);
    case 'rejected':
      return createEvent(MatchRejected, match.id, { ...snapshot, ...(reason ? { reason } : {}) }, cause);
    case 'withdrawn':
      return createEvent(MatchWithdrawn, match.id, { ...snapshot, reasonCode: reason ?? 'withdrawn' }, cause);
  }
}

/** A fresh proposal of the date for the need (version 1, new id), with its score, criteria, explanation and cost. */
export function proposedMatch(need: Pick<NeedRecord, 'id' | 'snapshot'>, row: CandidateRow, evaluation: Exclude<Evaluation, { excluded: string }>, cost: CompanyCost): MatchRecord {
  return {
    id: randomUUID(),
    version: 1,
    status: 'proposed',
    needId: need.id,
    companyId: need.snapshot.company.id,
    offerId: row.offer.id,
    courseDateId: row.courseDateId,
    providerId: row.offer.providerId,
    participants: need.snapshot.participants,
    score: evaluation.score,
    criteria: evaluation.criteria,
    explanation: evaluation.explanation,
    companyCostPerParticipantCents: cost.perParticipantCents,
    fundingProgrammeIds: cost.programmeIds,
  };
}

export const matchRepository = {
  async ofNeed(manager: EntityManager, needId: string): Promise<MatchRecord[]> {
    const rows = (await manager.query(`SELECT ${COLUMNS} FROM "${schemaOfManager(manager)}".matches WHERE need_id = $1 ORDER BY score DESC, id`, [needId])) as MatchRow[];
    return rows.map(toRecord);
  },

  /** The matches of several needs in one query (an offer inserted into many needs), per need, best first. */
  async ofNeeds(manager: EntityManager, needIds: readonly string[]): Promise<Map<string, MatchRecord[]>> {
    const byNeed = new Map<string, MatchRecord[]>();
    if (!needIds.length) return byNeed;
    const rows = (await manager.query(`SELECT ${COLUMNS} FROM "${schemaOfManager(manager)}".matches WHERE need_id = ANY($1::uuid[]) ORDER BY need_id, score DESC, id`, [[...needIds]])) as MatchRow[];
    for (const row of rows) byNeed.set(row.need_id, [...(byNeed.get(row.need_id) ?? []), toRecord(row)]);
    return byNeed;
  },

  async load(manager: EntityManager, id: string, options: { forUpdate?: boolean } = {}): Promise<MatchRecord | undefined> {
    const rows = (await manager.query(`SELECT ${COLUMNS} FROM "${schemaOfManager(manager)}".matches WHERE id = $1 ${options.forUpdate ? 'FOR UPDATE' : ''}`, [id])) as MatchRow[];
    return rows[0] && toRecord(rows[0]);
  },

  /** Needs with matches on this offer that may have to be withdrawn (confirmed ones included). */
  async needsWithActiveMatchesOn(manager: EntityManager, offerId: string): Promise<string[]> {
    const rows = (await manager.query(
      `SELECT DISTINCT need_id FROM "${schemaOfManager(manager)}".matches WHERE offer_id = $1 AND status IN ('proposed', 'accepted', 'confirmed')`,
      [offerId],
    )) as Array<{ need_id: string }>;
    return rows.map((row) => row.need_id);
  },

  async save(manager: EntityManager, match: MatchRecord): Promise<void> {
    await this.saveAll(manager, [match]);
  },

  /** Several matches in one statement (a re-match writes its proposals, withdrawals and refreshed scores at once). */
  async saveAll(manager: EntityManager, matches: readonly MatchRecord[]): Promise<void> {
    if (!matches.length) return;
    const params: unknown[] = [];
    const rows = matches.map((match) => {
      const values = [
        match.id,
        match.version,
        match.status,
        match.needId,
        match.companyId,
        match.offerId,
        match.courseDateId,
        match.providerId,
        match.participants,
        match.score,
        JSON.stringify(match.criteria),
        JSON.stringify(match.explanation),
        match.companyCostPerParticipantCents ?? null,
        match.fundingProgrammeIds ?? [],
        match.reason ?? null,
      ];
      return `(${values.map((value) => `$${params.push(value)}`).join(', ')})`;
    });
    await manager.query(
      `INSERT INTO "${schemaOfManager(manager)}".matches (${COLUMNS}) VALUES ${rows.join(', ')}
       ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, status = EXCLUDED.status, participants = EXCLUDED.participants, score = EXCLUDED.score,
         criteria = EXCLUDED.criteria, explanation = EXCLUDED.explanation, company_cost_cents = EXCLUDED.company_cost_cents,
         funding_programme_ids = EXCLUDED.funding_programme_ids, reason = EXCLUDED.reason, updated_at = now()`,
      params,
    );
  },
};
