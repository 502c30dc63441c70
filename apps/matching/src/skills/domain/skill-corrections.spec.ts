import { contradictions, correct, effectiveSkills, NO_CORRECTIONS } from './skill-corrections';

const A = 'http://data.europa.eu/esco/skill/a';
const B = 'http://data.europa.eu/esco/skill/b';
const C = 'http://data.europa.eu/esco/skill/c';
const D = 'http://data.europa.eu/esco/skill/d';

describe('skill corrections', () => {
  it('given count 1, text by confidence, confirmed 1, added 1, removed not at all', () => {
    const text = [{ uri: B, confidence: 0.6 }, { uri: C, confidence: 0.7 }];
    expect(effectiveSkills([A], text, NO_CORRECTIONS)).toEqual([
      { uri: A, weight: 1, source: 'given' },
      { uri: B, weight: 0.6, source: 'text' },
      { uri: C, weight: 0.7, source: 'text' },
    ]);
    expect(effectiveSkills([A], text, { confirmed: [B], removed: [C, A], added: [D] })).toEqual([
      { uri: B, weight: 1, source: 'text' },
      { uri: D, weight: 1, source: 'added' },
    ]);
  });

  it('readings of one word share its weight by confidence; a confirmed reading counts 1 on its own', () => {
    const weld = (uri: string, confidence: number) => ({ uri, confidence, evidence: [{ term: 'Schweißen' }] });
    const text = [weld(B, 0.8), weld(C, 0.4), { uri: D, confidence: 0.6, evidence: [{ term: 'CNC' }] }];
    expect(effectiveSkills([], text, NO_CORRECTIONS)).toEqual([
      { uri: B, weight: 0.5333, source: 'text' },
      { uri: C, weight: 0.1333, source: 'text' },
      { uri: D, weight: 0.6, source: 'text' },
    ]);
    expect(effectiveSkills([], text, { confirmed: [C], removed: [], added: [] }).map((skill) => skill.weight)).toEqual([0.8, 1, 0.6]);
  });

  it('the latest word on a URI wins; a request naming one URI twice is a contradiction', () => {
    const first = correct(NO_CORRECTIONS, { remove: [B], add: [D] });
    expect(correct(first, { confirm: [B] })).toEqual({ confirmed: [B], removed: [], added: [D] });
    expect(contradictions({ confirm: [B], remove: [B, C], add: [C, D] })).toEqual([B, C]);
  });
});
