/**
 * Items in the order of `compare`, sorted only as far as they are read: the best `head` first
 * (chosen by quickselect, then sorted), the rest when a reader goes past them. A need's retrieval
 * usually reads one page of 40 from a few thousand dates in reach, so sorting them all was most
 * of the ranking's time (session 8: 1.8 of ~10 ms per need at 100,000 offers).
 */
export class LazyRanking<T> {
  private sorted: number;

  /** Without `compare`, the items' own order. */
  constructor(
    private readonly items: T[],
    private readonly compare?: (a: T, b: T) => number,
    private readonly head = 256,
  ) {
    this.sorted = compare ? 0 : items.length;
  }

  get length(): number {
    return this.items.length;
  }

  /** The item at rank `index` (undefined past the end). */
  at(index: number): T | undefined {
    if (index >= this.sorted) this.sortFrom(index);
    return this.items[index];
  }

  private sortFrom(index: number): void {
    const { items } = this;
    const compare = this.compare!;
    if (this.sorted === 0 && index < this.head && items.length > this.head * 2) {
      select(items, this.head, compare);
      const best = items.slice(0, this.head).sort(compare);
      for (let at = 0; at < best.length; at += 1) items[at] = best[at]!;
      this.sorted = this.head;
      return;
    }
    const rest = items.slice(this.sorted).sort(compare);
    for (let at = 0; at < rest.length; at += 1) items[this.sorted + at] = rest[at]!;
    this.sorted = items.length;
  }
}

/** Moves the `k` first items in the order of `compare` to the front (in any order): Hoare's quickselect. */
function select<T>(items: T[], k: number, compare: (a: T, b: T) => number): void {
  let [low, high] = [0, items.length - 1];
  while (low < high) {
    const pivot = items[(low + high) >>> 1]!;
    let [i, j] = [low, high];
    while (i <= j) {
      // `compare` must say 0 for an item and itself, or these walk off the range.
      while (i < high && compare(items[i]!, pivot) < 0) i += 1;
      while (j > low && compare(items[j]!, pivot) > 0) j -= 1;
      if (i <= j) {
        [items[i], items[j]] = [items[j]!, items[i]!];
        i += 1;
        j -= 1;
      }
    }
    if (k - 1 <= j) high = j;
    else if (k - 1 >= i) low = i;
    else return;
  }
}
