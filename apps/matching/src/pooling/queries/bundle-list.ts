import { EntityManager } from 'typeorm';
import { Actor } from '../../shared/domain/actor';
import { schemaOfManager } from '../../shared/infra/matching-store';
import { BundleMember } from '../domain/bundle-rules';
import { disclosureOf } from '../domain/disclosure';
import { BundleMemberView, BundleView } from './bundle.view';
import { BundlesQuery } from './bundles.query';
import { BUNDLE_CURSOR, decodeCursor, encodeCursor } from './keyset-cursor';
import { SqlParams } from './sql-params';

/**
 * Which bundles a caller may see: operators all; coordinators those with a need from one of their
 * districts or from a company of their networks; providers those on their own course dates.
 */
export type BundleScope = { kind: 'all' } | { kind: 'coordinator'; districtKeys: readonly string[]; networkIds: readonly string[] } | { kind: 'provider'; providerId: string };

interface BundleRow {
  id: string;
  version: number;
  status: BundleView['status'];
  offer_id: string;
  offer_title: string | null;
  course_date_id: string;
  start_date: string | null;
  end_date: string | null;
  provider_id: string;
  provider_name: string | null;
  min_participants: number;
  skill_uris: string[];
  members: BundleMember[];
  created_at: Date;
  updated_at: Date;
}

interface MemberFacts {
  need_id: string;
  consent: boolean | null;
  company_name: string | null;
  network_ids: string[] | null;
}

export interface BundlePage {
  items: BundleView[];
  nextCursor?: string;
}

/** Bundles newest first, keyset over (created_at, id); members disclosed per viewer. */
export async function readBundles(manager: EntityManager, actor: Actor, scope: BundleScope, query: BundlesQuery & { id?: string }): Promise<BundlePage> {
  const s = schemaOfManager(manager);
  const p = new SqlParams();
  const where: string[] = [];
  const anyMember = (condition: string) => `EXISTS (SELECT 1 FROM jsonb_array_elements(b.members) m WHERE ${condition})`;
  if (scope.kind === 'provider') where.push(`b.provider_id = ${p.add(scope.providerId)}`);
  if (scope.kind === 'coordinator') {
    const districts = p.add(scope.districtKeys);
    const networks = p.add(scope.networkIds);
    where.push(anyMember(`m->>'districtKey' = ANY(${districts}::text[]) OR (m->>'companyId')::uuid IN (SELECT c.id FROM "${s}".partner_view c WHERE c.network_ids && ${networks}::uuid[])`));
  }
  if (query.id) where.push(`b.id = ${p.add(query.id)}`);
  // Only a listing hides dissolved bundles by default; one asked for by id is shown as it is.
  if (query.status) where.push(`b.status = ${p.add(query.status)}`);
  else if (!query.id) where.push(`b.status <> 'dissolved'`);
  if (query.district) where.push(anyMember(`m->>'districtKey' = ${p.add(query.district)}`));
  if (query.skill) where.push(`${p.add(query.skill)} = ANY(b.skill_uris)`);
  if (query.offer) where.push(`b.offer_id = ${p.add(query.offer)}`);
  if (query.cursor) {
    const [createdAt, id] = decodeCursor(query.cursor, BUNDLE_CURSOR);
    where.push(`(b.created_at, b.id) < (${p.add(createdAt)}::timestamptz, ${p.add(id)}::uuid)`);
  }
  const limit = query.limit ?? 50;
  const rows = (await manager.query(
    `SELECT b.id, b.version, b.status, b.offer_id, b.course_date_id, b.provider_id, b.min_participants, b.skill_uris, b.members, b.created_at, b.updated_at,
            o.snapshot->>'title' AS offer_title, pr.name AS provider_name,
            to_char(c.start_date, 'YYYY-MM-DD') AS start_date, to_char(c.end_date, 'YYYY-MM-DD') AS end_date
       FROM "${s}".bundles b
       LEFT JOIN "${s}".offer_view o ON o.id = b.offer_id
       LEFT JOIN "${s}".course_date_view c ON c.id = b.course_date_id
       LEFT JOIN "${s}".partner_view pr ON pr.id = b.provider_id
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY b.created_at DESC, b.id DESC
      LIMIT ${p.add(limit + 1)}`,
    p.values,
  )) as BundleRow[];
  const page = rows.slice(0, limit);
  const facts = await memberFacts(manager, page.flatMap((row) => row.members.map((member) => member.needId)));
  const last = page[page.length - 1];
  return {
    items: page.map((row) => toBundleView(row, actor, facts)),
    // Microsecond precision matters for the keyset: a JS Date would cut it to milliseconds.
    ...(rows.length > limit && last ? { nextCursor: encodeCursor([await preciseTimestamp(manager, last.id), last.id]) } : {}),
  };
}

/** Whether each need's company agreed to be named, its name and networks (one query for a page). */
async function memberFacts(manager: EntityManager, needIds: readonly string[]): Promise<Map<string, MemberFacts>> {
  if (!needIds.length) return new Map();
  const s = schemaOfManager(manager);
  const rows = (await manager.query(
    `SELECT n.id AS need_id, (n.snapshot->'company'->>'nameVisibleToProviders')::boolean AS consent, c.name AS company_name, c.network_ids
       FROM "${s}".need_view n LEFT JOIN "${s}".partner_view c ON c.id = n.company_id
      WHERE n.id = ANY($1::uuid[])`,
    [[...new Set(needIds)]],
  )) as MemberFacts[];
  return new Map(rows.map((row) => [row.need_id, row]));
}

async function preciseTimestamp(manager: EntityManager, bundleId: string): Promise<string> {
  const [row] = (await manager.query(`SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at FROM "${schemaOfManager(manager)}".bundles WHERE id = $1`, [
    bundleId,
  ])) as Array<{ at: string }>;
  return row!.at;
}

function toBundleView(row: BundleRow, actor: Actor, facts: ReadonlyMap<string, MemberFacts>): BundleView {
  const total = row.members.reduce((sum, member) => sum + member.participants, 0);
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    offerId: row.offer_id,
    ...(row.offer_title ? { offerTitle: row.offer_title } : {}),
    courseDateId: row.course_date_id,
    ...(row.start_date ? { startDate: row.start_date } : {}),
    ...(row.end_date ? { endDate: row.end_date } : {}),
    providerId: row.provider_id,
    ...(row.provider_name ? { providerName: row.provider_name } : {}),
    minParticipants: row.min_participants,
    totalParticipants: total,
    missingParticipants: Math.max(0, row.min_participants - total),
    companies: new Set(row.members.map((member) => member.companyId)).size,
    districtKeys: [...new Set(row.members.map((member) => member.districtKey))].sort(),
    skillUris: row.skill_uris,
    members: row.members.map((member) => toMemberView(member, actor, facts.get(member.needId))),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function toMemberView(member: BundleMember, actor: Actor, facts: MemberFacts | undefined): BundleMemberView {
  const disclosure = disclosureOf(actor, { networkIds: facts?.network_ids ?? [], nameVisibleToProviders: facts?.consent === true });
  const base = { disclosure, participants: member.participants, districtKey: member.districtKey };
  const name = facts?.company_name ? { companyName: facts.company_name } : {};
  if (disclosure === 'full') return { ...base, needId: member.needId, companyId: member.companyId, ...name };
  if (disclosure === 'named') return { ...base, companyId: member.companyId, ...name };
  return base;
}
