/**
 * Matching quality: the labelled evaluation set (eval/) through the real matching service and its
 * real interfaces — partners, offers and needs as the events the service consumes, matches read
 * over its HTTP API, gaps and bundles from its MATCHING stream — scored against the judgements.
 *
 *   npm run bench -- matching-quality   (node -r @swc-node/register bench/matching-quality/main.ts)
 *   BENCH_EVAL_SET=heldout npm run bench -- matching-quality   (same offers, the held-out needs of eval/heldout/;
 *   any eval/<name>/ with needs.json, judgements.json and expectations.json works the same way, e.g. fresh)
 *
 * Reports nDCG@5 (gains 2^grade − 1), precision@5 (grade ≥ 2), the share of needs with a grade-3
 * offer in the top 3, gap and bundle precision/recall, and a table of misses per need. The last
 * line is one JSON object. MATCH_WEIGHTS etc. in the environment reach the service unchanged.
 */
import 'reflect-metadata';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { BundleSnapshotV1, createEvent, GapSnapshotV1, MatchSnapshotV1, NeedSubmitted, OfferPublished, PartnerVerified, prefixedName } from '@bildungsraum/contracts';
import { loadConfig, mintDevToken, ServiceConfig } from '@bildungsraum/platform';
import { referenceDataDirectory } from '@bildungsraum/reference-data';
import { readStream } from '@bildungsraum/testing';
import { startMatchingService, waitFor } from '../common/matching-service';
import { machine, round } from '../outbox/stats';
import { loadEvalSet } from './eval-set';
import { scoreGaps, scoreBundles, scoreRanking, NeedAnswer } from './scoring';

interface NeedMatchesView {
  textSkills: Array<{ uri: string; label: string; confidence: number }>;
  matchedOnSkillUris: string[];
  matches: Array<MatchSnapshotV1 & { reason?: string }>;
}

async function main(): Promise<void> {
  process.env.DATABASE_URL ||= 'postgres://postgres@127.0.0.1:5432/postgres';
  process.env.NATS_URL ||= 'nats://127.0.0.1:4222';
  const loadBefore = loadavg()[0] ?? 0;
  const started = performance.now();
  const setName = process.env.BENCH_EVAL_SET || 'default';
  const set = loadEvalSet(referenceDataDirectory(), new Date(), setName);
  const service = await startMatchingService('benchquality', { taxonomy: true });
  try {
    const { publisher, count } = service;
    for (const partner of set.partners) await publisher.publish(createEvent(PartnerVerified, partner.id, partner));
    await waitFor(async () => (await count(`SELECT count(*) AS n FROM matching.partner_view`)) >= set.partners.length, 120_000, 'partners loaded', 200);
    for (const offer of set.offers) await publisher.publish(createEvent(OfferPublished, offer.id, offer));
    await waitFor(async () => (await count(`SELECT count(*) AS n FROM matching.offer_view`)) >= set.offers.length, 300_000, 'offers loaded', 200);
    const needEvents = set.needs.map((need) => createEvent(NeedSubmitted, need.id, need));
    for (const event of needEvents) await publisher.publish(event);
    const ids = needEvents.map((event) => event.id);
    await waitFor(async () => (await count(`SELECT count(*) AS n FROM matching.inbox WHERE event_id = ANY($1::uuid[])`, [ids])) >= ids.length, 600_000, 'needs handled', 500);
    await waitFor(async () => (await count(`SELECT count(*) AS n FROM matching.outbox WHERE sent_at IS NULL`)) === 0, 120_000, 'outbox drained', 200);

    const config = loadConfig(ServiceConfig, { DATABASE_URL: service.infra.databaseUrl, NATS_URL: service.infra.natsUrl, AUTH_MODE: 'local' });
    const token = await mintDevToken({ role: 'operator', partnerId: '00000000-0000-4000-8000-00000000b0b0', ttl: '1h' }, config);
    const answers: NeedAnswer[] = [];
    for (const need of set.needs) {
      const response = await fetch(`http://127.0.0.1:${service.port}/needs/${need.id}/matches`, { headers: { authorization: `Bearer ${token}` } });
      if (!response.ok) throw new Error(`GET /needs/${need.id}/matches → ${response.status}: ${await response.text()}`);
      const view = (await response.json()) as NeedMatchesView;
      const proposals = view.matches.filter((match) => match.status === 'proposed').sort((a, b) => b.score - a.score);
      answers.push({
        need: set.evalIdOf.get(need.id) ?? need.id,
        offers: proposals.map((match) => set.evalIdOf.get(match.offerId) ?? match.offerId),
        scores: proposals.map((match) => match.score),
        textSkills: view.textSkills.map((skill) => `${skill.label} ${skill.confidence}`),
      });
    }
    const events = await readStream(service.nats, prefixedName('MATCHING', service.infra.subjectPrefix));
    const latest = <T extends { id: string; version: number }>(type: string) => {
      const byId = new Map<string, T>();
      for (const event of events.filter((e) => e.type.startsWith(type))) {
        const data = event.data as T;
        if ((byId.get(data.id)?.version ?? 0) <= data.version) byId.set(data.id, data);
      }
      return [...byId.values()];
    };
    const gaps = latest<GapSnapshotV1>('matching.gap.').filter((gap) => gap.status === 'open');
    const bundles = latest<BundleSnapshotV1>('matching.bundle.').filter((bundle) => bundle.status !== 'dissolved');

    const ranking = scoreRanking(set, answers);
    const gapScore = scoreGaps(set, gaps);
    const bundleScore = scoreBundles(set, bundles);
    const loadAfter = loadavg()[0] ?? 0;
    const lines = [
      `matching-quality on ${machine()}, load ${round(loadBefore)} → ${round(loadAfter)} (1-min avg), ${round((performance.now() - started) / 1000)} s`,
      `  set: ${setName === 'default' ? '' : `${setName}, `}${set.needs.length} needs, ${set.offers.length} offers (${set.offers.length - 20} own + 20 KURSNET), ${set.judgements.length} judgements`,
      `  nDCG@5 ${ranking.ndcg} over ${ranking.judgedNeeds} needs with a relevant offer · precision@5 ${ranking.precision} · grade 3 in top 3: ${ranking.grade3InTop3} (${ranking.grade3Needs} needs with a grade-3 offer)`,
      `  proposals: ${ranking.proposals} (${ranking.proposalsPerNeed} per need), ${ranking.wrongProposals} graded 0 or unjudged; needs without relevant offer but with proposals: ${ranking.proposalsWithoutRelevant}`,
      `  gaps: precision ${gapScore.precision} recall ${gapScore.recall} (${gapScore.truePositives}/${gapScore.predicted} findings right, ${gapScore.expected} expected; ${gaps.length} open gap events)`,
      `  bundles (pairs of needs): precision ${bundleScore.precision} recall ${bundleScore.recall} (${bundleScore.truePositives} of ${bundleScore.predicted} pairs right, ${bundleScore.expected} expected; ${bundles.length} bundles)`,
      '',
      'Misses (nDCG@5 < 1 or no grade 3 in the top 3 where one exists): need · nDCG · proposed (grade) · missed ≥ 2 · skills read from text',
      ...ranking.misses,
      ...(gapScore.notes.length ? ['', 'Gaps:', ...gapScore.notes] : []),
      ...(bundleScore.notes.length ? ['', 'Bundles:', ...bundleScore.notes] : []),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    process.stdout.write(
      `${JSON.stringify({
        bench: 'matching-quality',
        ...(setName === 'default' ? {} : { eval_set: setName }),
        needs: set.needs.length,
        ndcg_at_5: ranking.ndcg,
        precision_at_5: ranking.precision,
        grade3_in_top3: ranking.grade3InTop3,
        gap_precision: gapScore.precision,
        gap_recall: gapScore.recall,
        bundle_precision: bundleScore.precision,
        bundle_recall: bundleScore.recall,
        load_1min: round(loadAfter),
      })}\n`,
    );
  } finally {
    await service.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
