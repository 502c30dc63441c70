import { NO_CORRECTIONS } from '../../skills/domain/skill-corrections';
import { coreSkills, demandGroups } from './core-skills';

const reading = (uri: string, confidence: number, via?: string) => ({ uri, confidence, evidence: [{ term: 'Stapler', ...(via ? { via } : {}) }] });

describe('coreSkills: what a need counts as demand in the gaps', () => {
  it('the skills the company named, without the readings of its text', () => {
    expect(coreSkills(['forklift'], [reading('forklift', 0.88), reading('inspections', 0.88), reading('agri', 0.76)], NO_CORRECTIONS)).toEqual({ uris: ['forklift'], read: false });
  });

  it('added and confirmed skills count as named; removed ones never', () => {
    expect(coreSkills(['a', 'b'], [reading('c', 0.6)], { confirmed: ['c'], removed: ['b'], added: ['d'] })).toEqual({ uris: ['a', 'd', 'c'], read: false });
  });

  it('without named skills: the strongest readings, not the relatives added for retrieval', () => {
    const text = [reading('shelf-labels', 0.73), reading('stock-shelves', 0.73), reading('weak', 0.6), reading('relative', 0.9, 'verwandt mit / related to „stock shelves“ (stock)')];
    expect(coreSkills([], text, NO_CORRECTIONS)).toEqual({ uris: ['shelf-labels', 'stock-shelves'], read: true });
  });

  it('nothing read, nothing named: no demand', () => {
    expect(coreSkills([], [], NO_CORRECTIONS).uris).toEqual([]);
  });

  it('named skills go to each of their groups; readings of the text to the one most of them share', () => {
    const groupOf = new Map([['forklift', 'lifting'], ['inspections', 'lifting'], ['cnc', 'machines'], ['labels', 'marking'], ['stock', 'storing'], ['price', 'marking']]);
    expect(demandGroups({ uris: ['forklift', 'inspections', 'cnc'], read: false }, groupOf)).toEqual(new Map([['lifting', ['forklift', 'inspections']], ['machines', ['cnc']]]));
    expect(demandGroups({ uris: ['labels', 'stock', 'price'], read: true }, groupOf)).toEqual(new Map([['marking', ['labels', 'price']]]));
    expect(demandGroups({ uris: ['stock', 'labels'], read: true }, groupOf)).toEqual(new Map([['storing', ['stock']]]));
  });
});
