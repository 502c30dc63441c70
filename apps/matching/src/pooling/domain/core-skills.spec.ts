import { NO_CORRECTIONS } from '../../skills/domain/skill-corrections';
import { coreSkills } from './core-skills';

const reading = (uri: string, confidence: number, via?: string) => ({ uri, confidence, evidence: [{ term: 'Stapler', ...(via ? { via } : {}) }] });

describe('coreSkills: what a need counts as demand in the gaps', () => {
  it('the skills the company named, without the readings of its text', () => {
    expect(coreSkills(['forklift'], [reading('forklift', 0.88), reading('inspections', 0.88), reading('agri', 0.76)], NO_CORRECTIONS)).toEqual(['forklift']);
  });

  it('added and confirmed skills count as named; removed ones never', () => {
    expect(coreSkills(['a', 'b'], [reading('c', 0.6)], { confirmed: ['c'], removed: ['b'], added: ['d'] })).toEqual(['a', 'd', 'c']);
  });

  it('without named skills: the strongest readings, not the relatives added for retrieval', () => {
    const text = [reading('shelf-labels', 0.73), reading('stock-shelves', 0.73), reading('weak', 0.6), reading('relative', 0.9, 'verwandt mit / related to „stock shelves“ (stock)')];
    expect(coreSkills([], text, NO_CORRECTIONS)).toEqual(['shelf-labels', 'stock-shelves']);
  });

  it('nothing read, nothing named: no demand', () => {
    expect(coreSkills([], [], NO_CORRECTIONS)).toEqual([]);
  });
});
