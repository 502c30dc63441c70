import { Client } from 'pg';
import { provisionTestInfrastructure, seededRandom, TestInfrastructure } from '@bildungsraum/testing';
import { CEILING_MARGIN } from '../src/matches/domain/score-ceiling';
import { answersByText, textRelevance } from '../src/matches/domain/text-relevance';
import { mayAnswerByTextSql, needTextBoundJoin } from '../src/matches/infra/text-bound-sql';
import { needWordColumns, needWords, offerWords, offerWordSubstrings } from '../src/matches/infra/text-words';
import { needText, offerText } from './support/random-market';

/**
 * The offer reach's per-word text bound (text-bound-sql.ts) against text relevance itself, in
 * real Postgres: never below the relevance, and never refusing a need that answersByText admits
 * – either would lose needs a new offer should reach – while refusing the ones it cannot admit.
 */
describe('the need-side text bound of the offer reach (real Postgres)', () => {
  let infra: TestInfrastructure;
  let db: Client;

  beforeAll(async () => {
    infra = await provisionTestInfrastructure('needtextbound');
    db = new Client({ connectionString: infra.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await infra?.dispose();
  });

  const bound = async (description: string, offer: { title: string; description: string }) => {
    const params: unknown[] = [];
    const p = (value: unknown) => `$${params.push(value)}`;
    const { title, all } = offerWordSubstrings(offer);
    const join = needTextBoundJoin(`${p(title)}::text[]`, `${p(all)}::text[]`, p);
    const groups = p(needWordColumns(description).groups);
    const { rows } = await db.query(`SELECT tb.bound, tb.in_title, tb.words_met::int AS words_met, ${mayAnswerByTextSql(p)} AS admitted FROM (SELECT ${groups}::text[] AS word_groups) n ${join}`, params);
    return rows[0] as { bound: number; in_title: boolean; words_met: number; admitted: boolean };
  };

  it('is an upper bound of text relevance and admits every need the offer answers by its words', async () => {
    const next = seededRandom(5);
    const cases = Array.from({ length: 400 }, () => ({ need: needText(next).description, offer: { title: offerText(next).title!, description: offerText(next).description! } }));
    let tighter = 0;
    let refused = 0;
    for (const { need, offer } of cases) {
      const relevance = textRelevance(needWords(need), offerWords(offer));
      const sql = await bound(need, offer);
      // Relevance is rounded to four decimals; the reach allows CEILING_MARGIN for that.
      expect(sql.bound + CEILING_MARGIN).toBeGreaterThanOrEqual(relevance.value);
      if (answersByText(relevance)) expect(sql.admitted).toBe(true);
      if (sql.bound < 1) tighter += 1;
      if (!sql.admitted) refused += 1;
    }
    // Not vacuous: the bound is below "full text" for most pairs and refuses many.
    expect(tighter).toBeGreaterThan(cases.length / 2);
    expect(refused).toBeGreaterThan(cases.length / 4);
  });

  it('counts a compound as one word: its two pieces in a description are not two words', async () => {
    const offer = { title: 'Kurs', description: 'Benchmark-Angebot' };
    // One need word ("Bedarf" is a request word): benchmark, with the pieces benchmark and mark, met in the description.
    expect(await bound('Benchmark-Bedarf', offer)).toEqual({ bound: 0.5, in_title: false, words_met: 1, admitted: false });
    expect(answersByText(textRelevance(needWords('Benchmark-Bedarf'), offerWords(offer)))).toBe(false);
    const twoWords = await bound('Gabelstapler und Ladungssicherung', { title: 'Kompaktkurs', description: 'Gabelstapler fahren, Ladungssicherung üben' });
    expect(twoWords).toEqual({ bound: 0.5, in_title: false, words_met: 2, admitted: true });
    expect(await bound('Deckenkran bedienen', { title: 'Deckenkran kompakt', description: '' })).toMatchObject({ in_title: true, words_met: 1, admitted: true });
  });
});
