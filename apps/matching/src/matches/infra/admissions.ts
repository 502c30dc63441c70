import { EntityManager } from 'typeorm';
import { NeedSkill } from '../domain/match-facts';
import { Place } from '../domain/offer-insertion';
import { schemaOfManager } from '../../shared/infra/matching-store';

/** What a new course date must beat in an open need (need_admission). */
export interface Admission {
  /** The lowest score that changes anything for the need: enter its top proposals or bundle places, or give it a first fitting date. */
  score: number;
  /** What a date that cannot pool the need must reach (enter its top proposals or give it a first fitting date): at least `score`. */
  proposalScore: number;
  /** The skill weights it was computed from (the SQL side of an offer's reach bounds coverage with them). */
  skills: readonly NeedSkill[];
  /**
   * The bar its last ranked retrieval left: every course date not scored then has a ceiling below
   * it, so it is at most the bars above. Not part of them any more (session 6: they are exact);
   * stored as the sign that a ranked retrieval wrote the row – without one (no finite bar: no
   * skill and no word to retrieve by) a new offer re-matches the need in full.
   */
  retrievalBar: number;
  /** Its bundle places with their exact scores, best first. */
  places: readonly Place[];
}

/**
 * Each open need's admission score with what a new offer's date is compared with. No row: the
 * need is re-matched by every offer that shares a skill and can reach it.
 */
export const admissions = {
  async save(manager: EntityManager, needId: string, admission: Admission | undefined): Promise<void> {
    const s = schemaOfManager(manager);
    if (!admission || !Number.isFinite(admission.score)) {
      await manager.query(`DELETE FROM "${s}".need_admission WHERE need_id = $1`, [needId]);
      return;
    }
    await admissions.saveAll(manager, [{ needId, ...admission }]);
  },

  /** Several needs' admissions in one statement (an offer inserted into many needs). */
  async saveAll(manager: EntityManager, rows: ReadonlyArray<Admission & { needId: string }>): Promise<void> {
    if (!rows.length) return;
    const s = schemaOfManager(manager);
    // Arrays of arrays cannot be unnested per row: skills and places travel as JSON.
    await manager.query(
      `INSERT INTO "${s}".need_admission (need_id, score, proposal_score, skill_uris, skill_weights, retrieval_bar, place_ids, place_scores)
       SELECT (r->>'needId')::uuid, (r->>'score')::float8, (r->>'proposalScore')::float8, ARRAY(SELECT jsonb_array_elements_text(r->'skillUris')), ARRAY(SELECT x::text::float8 FROM jsonb_array_elements(r->'skillWeights') x),
              (r->>'retrievalBar')::float8, ARRAY(SELECT x::uuid FROM jsonb_array_elements_text(r->'placeIds') x), ARRAY(SELECT x::text::float8 FROM jsonb_array_elements(r->'placeScores') x)
         FROM jsonb_array_elements($1::jsonb) r
       ON CONFLICT (need_id) DO UPDATE SET score = EXCLUDED.score, proposal_score = EXCLUDED.proposal_score, skill_uris = EXCLUDED.skill_uris, skill_weights = EXCLUDED.skill_weights,
         retrieval_bar = EXCLUDED.retrieval_bar, place_ids = EXCLUDED.place_ids, place_scores = EXCLUDED.place_scores`,
      [
        JSON.stringify(
          rows.map((row) => ({
            needId: row.needId,
            score: row.score,
            proposalScore: row.proposalScore,
            skillUris: row.skills.map((skill) => skill.uri),
            skillWeights: row.skills.map((skill) => skill.weight),
            retrievalBar: Number.isFinite(row.retrievalBar) ? row.retrievalBar : null,
            placeIds: row.places.map((place) => place.courseDateId),
            placeScores: row.places.map((place) => place.score),
          })),
        ),
      ],
    );
  },

  /** The needs' bars: `score` for a date that can pool the need, `proposalScore` for one that cannot. */
  async of(manager: EntityManager, needIds: readonly string[]): Promise<Map<string, Pick<Admission, 'score' | 'proposalScore'>>> {
    if (!needIds.length) return new Map();
    const rows = (await manager.query(`SELECT need_id, score, coalesce(proposal_score, score) AS proposal_score FROM "${schemaOfManager(manager)}".need_admission WHERE need_id = ANY($1::uuid[])`, [[...needIds]])) as Array<{
      need_id: string;
      score: number;
      proposal_score: number;
    }>;
    return new Map(rows.map((row) => [row.need_id, { score: Number(row.score), proposalScore: Number(row.proposal_score) }]));
  },

  /** The full admissions of the needs that have one with places (written since migration 1763780000000). */
  async withPlaces(manager: EntityManager, needIds: readonly string[]): Promise<Map<string, Admission>> {
    if (!needIds.length) return new Map();
    const rows = (await manager.query(
      `SELECT need_id, score, coalesce(proposal_score, score) AS proposal_score, skill_uris, skill_weights, retrieval_bar, place_ids, place_scores FROM "${schemaOfManager(manager)}".need_admission
        WHERE need_id = ANY($1::uuid[]) AND place_ids IS NOT NULL AND retrieval_bar IS NOT NULL`,
      [[...needIds]],
    )) as Array<{ need_id: string; score: number; proposal_score: number; skill_uris: string[]; skill_weights: number[]; retrieval_bar: number; place_ids: string[]; place_scores: number[] }>;
    return new Map(
      rows.map((row) => [
        row.need_id,
        {
          score: Number(row.score),
          proposalScore: Number(row.proposal_score),
          // Only uri and weight are stored: the source is not needed to compare scores.
          skills: row.skill_uris.map((uri, index) => ({ uri, weight: Number(row.skill_weights[index]), source: 'given' as const })),
          retrievalBar: Number(row.retrieval_bar),
          places: row.place_ids.map((courseDateId, index) => ({ courseDateId, score: Number(row.place_scores[index]) })),
        },
      ]),
    );
  },
};
