import { EntityManager } from 'typeorm';
import { schemaOfManager } from '../../shared/infra/matching-store';

/** Deep enough for ESCO's skill hierarchy (skill → broader skill → …); guards against cycles. */
const MAX_CLIMB = 6;

/**
 * The skill group (URI) of each skill, from the ESCO hierarchy imported into this schema
 * (ref_skill_broader, as SkillDirectory.broader reads it). Closest first: a skill that is the
 * narrower form of another skill ("conduct forklift inspections" → "operate forklift") belongs
 * where that one belongs, so the climb goes up through broader skills, and the group is the most
 * specific ESCO skill group (longest code) of the highest skill reached ("operate forklift" →
 * S8.1.3 "Bedienen von Hebe- oder Transportvorrichtungen"). A skill with no group is its own
 * group (also every skill when no taxonomy is imported).
 */
export async function skillGroupsOf(manager: EntityManager, uris: readonly string[]): Promise<Map<string, string>> {
  const s = schemaOfManager(manager);
  const climbed = (await manager.query(
    `WITH RECURSIVE climb(start, uri, depth) AS (
       SELECT u, u, 0 FROM unnest($1::text[]) u
       UNION
       SELECT c.start, b.broader_uri, c.depth + 1
         FROM climb c
         JOIN "${s}".ref_skill_broader b ON b.uri = c.uri
         JOIN "${s}".ref_skill r ON r.uri = b.broader_uri AND r.type <> 'group'
        WHERE c.depth < $2
     )
     SELECT c.start, c.uri, c.depth, g.uri AS group_uri
       FROM climb c
       LEFT JOIN LATERAL (
         SELECT r.uri FROM "${s}".ref_skill_broader b JOIN "${s}".ref_skill r ON r.uri = b.broader_uri AND r.type = 'group'
          WHERE b.uri = c.uri ORDER BY length(coalesce(r.code, '')) DESC, r.code, r.uri LIMIT 1
       ) g ON true
      ORDER BY c.start, c.depth DESC, c.uri`,
    [[...new Set(uris)], MAX_CLIMB],
  )) as Array<{ start: string; uri: string; depth: number; group_uri: string | null }>;
  const byStart = new Map<string, typeof climbed>();
  for (const row of climbed) byStart.set(row.start, [...(byStart.get(row.start) ?? []), row]);
  const chosen = new Map<string, string>();
  // Rows come highest first: the highest skill with a group decides; else the highest skill reached.
  for (const [start, rows] of byStart) chosen.set(start, rows.find((row) => row.group_uri)?.group_uri ?? rows[0]?.uri ?? start);
  return new Map(uris.map((uri) => [uri, chosen.get(uri) ?? uri]));
}
