import { keepEveryWord } from './need-skill-reader';

const read = (uri: string, confidence: number, term: string) => ({ uri, confidence, evidence: [{ term }] });

describe('keepEveryWord', () => {
  it('gives every word its best readings before any word gets more', () => {
    const port = [0.98, 0.69, 0.69, 0.69, 0.69].map((confidence, index) => read(`port${index}`, confidence, 'Hafen'));
    const forklift = [read('forklift', 0.67, 'Gabelstaplerfahrer'), read('inspect', 0.6, 'Gabelstaplerfahrer')];
    expect(keepEveryWord([...port, ...forklift]).map((skill) => skill.uri).slice(0, 5)).toEqual(['port0', 'port1', 'port2', 'forklift', 'inspect']);
  });
});
