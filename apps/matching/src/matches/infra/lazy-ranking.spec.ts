import { LazyRanking } from './lazy-ranking';

describe('LazyRanking', () => {
  const compare = (a: { v: number; id: number }, b: { v: number; id: number }) => b.v - a.v || a.id - b.id;

  it('also with a comparison that never says equal (it must not hang)', () => {
    const items = Array.from({ length: 2_000 }, (_, id) => ({ v: id % 7, id }));
    const never = (a: { v: number; id: number }, b: { v: number; id: number }) => b.v - a.v || (a.id < b.id ? -1 : 1);
    expect(new LazyRanking([...items], never, 256).at(0)!.v).toBe(6);
  });

  it('gives every rank as a full sort would, read from the start or jumping past the head, with ties', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (const size of [0, 1, 5, 300, 513, 2_000, 10_000]) {
      for (const reads of [[0, 1, 2], [255, 256, 257], [size - 1], [...Array(size).keys()]]) {
        const items = Array.from({ length: size }, (_, id) => ({ v: Math.floor(random() * 50) / 50, id }));
        const expected = [...items].sort(compare);
        const ranking = new LazyRanking([...items], compare, 256);
        for (const index of reads) expect(ranking.at(index)).toEqual(expected[index]);
      }
    }
  });
});
