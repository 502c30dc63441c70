import { evaluateCandidate } from './scoring';
import { CandidateFacts, NeedFacts } from './match-facts';
import { DEFAULT_WEIGHTS, parseWeights } from './weights';

const CNC = 'http://data.europa.eu/esco/skill/cnc';
const DRAW = 'http://data.europa.eu/esco/skill/drawings';
const SAFE = 'http://data.europa.eu/esco/skill/safety';
const MILL = 'http://data.europa.eu/esco/skill/milling';
const TODAY = '2027-01-10';

const need = (overrides: Partial<NeedFacts> = {}): NeedFacts => ({
  skills: [CNC, DRAW, SAFE, MILL].map((uri) => ({ uri, weight: 1, source: 'given' as const })),
  participants: 3,
  dqrLevel: 4,
  language: 'de',
  formats: ['in_person', 'blended'],
  schedules: ['part_time'],
  targetGroups: ['employees'],
  earliestStart: '2027-02-01',
  latestEnd: '2027-12-31',
  radiusKm: 50,
  budgetPerParticipantCents: 100_000,
  words: [],
  ...overrides,
});

const candidate = (overrides: Partial<CandidateFacts> = {}): CandidateFacts => ({
  skillUris: [CNC, DRAW, SAFE],
  dqrLevel: 4,
  language: 'de',
  formats: ['presence'],
  targetGroups: ['employees'],
  startDate: '2027-03-01',
  endDate: '2027-05-30',
  schedule: 'part_time',
  online: false,
  distanceKm: 18.2,
  seatsFree: 8,
  companyCostPerParticipantCents: 0,
  costNote: { de: 'Eigenanteil 0 € nach § 82 SGB III', en: 'Company pays €0 under § 82 SGB III' },
  text: { title: ['cnc', 'fraes', 'grundlag'], description: ['aufbau', 'programmierung'] },
  ...overrides,
});

describe('evaluateCandidate', () => {
  it('scores every named criterion, contributions add up to the score, and explains it in German and English', () => {
    const result = evaluateCandidate(need(), candidate(), DEFAULT_WEIGHTS, TODAY);
    if (result.excluded) throw new Error(result.excluded);
    expect(result.criteria.map((c) => c.criterion)).toEqual(['skills', 'level', 'dates', 'distance', 'format', 'schedule', 'language', 'target_group', 'price', 'title']);
    expect(result.criteria.find((c) => c.criterion === 'skills')?.value).toBe(0.75);
    const sum = result.criteria.reduce((total, c) => total + c.contribution, 0);
    expect(Math.abs(sum - result.score)).toBeLessThan(0.001);
    expect(result.explanation.de).toBe('3 von 4 Fähigkeiten abgedeckt · 18 km · Start im gewünschten Zeitraum · Eigenanteil 0 € nach § 82 SGB III');
    expect(result.explanation.en).toBe('3 of 4 skills covered · 18 km · starts in the requested period · Company pays €0 under § 82 SGB III');
  });

  it('ranks the full skill cover, the nearer venue and the cheaper course higher', () => {
    const base = evaluateCandidate(need(), candidate(), DEFAULT_WEIGHTS, TODAY);
    const full = evaluateCandidate(need(), candidate({ skillUris: [CNC, DRAW, SAFE, MILL] }), DEFAULT_WEIGHTS, TODAY);
    const far = evaluateCandidate(need(), candidate({ distanceKm: 45 }), DEFAULT_WEIGHTS, TODAY);
    const dear = evaluateCandidate(need(), candidate({ companyCostPerParticipantCents: 180_000 }), DEFAULT_WEIGHTS, TODAY);
    if (base.excluded || full.excluded || far.excluded || dear.excluded) throw new Error('excluded');
    expect(full.score).toBeGreaterThan(base.score);
    expect(far.score).toBeLessThan(base.score);
    expect(dear.score).toBeLessThan(base.score);
    expect(dear.criteria.find((c) => c.criterion === 'price')?.value).toBeCloseTo(0.2);
  });

  it.each([
    ['date_passed', candidate({ startDate: '2027-01-09' }), need({ earliestStart: undefined })],
    ['outside_window', candidate({ endDate: '2028-01-15' }), need()],
    ['no_seats', candidate({ seatsFree: 2 }), need()],
    ['format_refused', candidate({ online: true, formats: ['online_live'], distanceKm: undefined }), need({ formats: ['in_person'] })],
    ['unreachable', candidate({ distanceKm: 51 }), need()],
    ['no_skill_overlap', candidate({ skillUris: ['http://data.europa.eu/esco/skill/other'] }), need()],
  ])('excludes a candidate: %s', (reason, c, n) => {
    expect(evaluateCandidate(n, c, DEFAULT_WEIGHTS, TODAY)).toEqual({ excluded: reason });
  });

  it("keeps a date sharing no skill when its title answers the need's words, and values the title match", () => {
    const words = [
      { written: 'Deckenkran', pieces: [{ text: 'deckenkran', kind: 'word' as const }, { text: 'kran', kind: 'head' as const }] },
      { written: 'anschlagen', pieces: [{ text: 'anschlag', kind: 'word' as const }] },
    ];
    const crane = candidate({ skillUris: ['http://data.europa.eu/esco/skill/other'], text: { title: ['kranfuehrer', 'und', 'anschlaeg', 'hallenkran'], description: ['anschlagmittel'] } });
    const result = evaluateCandidate(need({ words }), crane, DEFAULT_WEIGHTS, TODAY);
    if (result.excluded) throw new Error(result.excluded);
    expect(result.criteria.find((c) => c.criterion === 'skills')?.value).toBe(0);
    expect(result.criteria.find((c) => c.criterion === 'title')?.value).toBeGreaterThanOrEqual(0.5);
    expect(result.explanation.de).toContain('Titel passt zum Bedarf („Deckenkran“');
    expect(evaluateCandidate(need({ words: words.slice(0, 1).map((word) => ({ ...word, pieces: [{ text: 'decken', kind: 'word' as const }] })) }), crane, DEFAULT_WEIGHTS, TODAY)).toEqual({ excluded: 'no_skill_overlap' });
  });

  it('reaches online dates from anywhere and says "online"', () => {
    const result = evaluateCandidate(need({ formats: [] }), candidate({ online: true, formats: ['online_live'], distanceKm: undefined }), DEFAULT_WEIGHTS, TODAY);
    if (result.excluded) throw new Error(result.excluded);
    expect(result.criteria.find((c) => c.criterion === 'distance')?.value).toBe(1);
    expect(result.explanation.de).toContain('· online ·');
  });

  it('weighs skills read from the text by their confidence', () => {
    const withText = need({ skills: [{ uri: CNC, weight: 1, source: 'given' }, { uri: MILL, weight: 0.5, source: 'text' }] });
    const result = evaluateCandidate(withText, candidate(), DEFAULT_WEIGHTS, TODAY);
    if (result.excluded) throw new Error(result.excluded);
    expect(result.criteria.find((c) => c.criterion === 'skills')?.value).toBeCloseTo(1 / 1.5);
  });
});

describe('parseWeights', () => {
  it('overrides named criteria and keeps the others', () => {
    expect(parseWeights('skills=8, price=0')).toEqual({ ...DEFAULT_WEIGHTS, skills: 8, price: 0 });
  });

  it.each(['skils=3', 'skills=-1', 'skills=abc', 'skills'])('refuses %s', (text) => {
    expect(() => parseWeights(text)).toThrow();
  });
});
