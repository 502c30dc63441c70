import { IndexedDate } from './indexed-date';
import { dayNumber, unitVector } from './memory-ceiling';

/** Codes for a few distinct strings (schedules, languages): a column holds the code, -1 for none. */
export class StringCodes {
  private readonly codes = new Map<string, number>();
  readonly names: string[] = [];

  code(name: string | null): number {
    if (name === null) return -1;
    let code = this.codes.get(name);
    if (code === undefined) {
      code = this.names.length;
      this.codes.set(name, code);
      this.names.push(name);
    }
    return code;
  }

  /** The code of `name` if any date has it (lookup only). */
  find(name: string): number | undefined {
    return this.codes.get(name);
  }
}

/**
 * The numbers retrieval filters and ranks by, one typed array per field, indexed by the date's
 * slot. Why not the date objects: at 100,000 offers a need with a common skill tests ~30,000
 * dates, and objects scattered over a 200 MB heap cost a cache miss per field read – 15 ms for
 * the window test alone (session 8). Arrays of 200,000 numbers stay in the processor's caches.
 * A slot freed by a removed date is reused.
 */
export class DateColumns {
  capacity = 0;
  startDay = new Int32Array(0);
  endDay = new Int32Array(0);
  seatsFree = new Int32Array(0);
  online = new Uint8Array(0);
  lat = new Float64Array(0);
  lon = new Float64Array(0);
  /** The venue as a unit vector (NaN without one): a dot product tests reach without trigonometry. */
  x = new Float64Array(0);
  y = new Float64Array(0);
  z = new Float64Array(0);
  /** DQR level 1–8, 0 for none. */
  dqrLevel = new Uint8Array(0);
  groupMask = new Uint16Array(0);
  schedule = new Int16Array(0);
  language = new Int16Array(0);
  /** The offer's number (OfferFactsPool): its dates share their text. */
  offer = new Int32Array(0);
  /** Scratch of a gathering (synchronous): the last one that met the slot, and what it noted there. */
  visit = new Int32Array(0);
  note = new Int32Array(0);
  readonly dates: Array<IndexedDate | undefined> = [];
  readonly schedules = new StringCodes();
  readonly languages = new StringCodes();
  private readonly free: number[] = [];

  /** Holds `date` in a slot (a free one, or a new one); returns the slot. */
  add(date: IndexedDate, offer: number): number {
    const slot = this.free.pop() ?? this.dates.length;
    if (slot >= this.capacity) this.grow(Math.max(1024, this.capacity * 2));
    this.dates[slot] = date;
    this.startDay[slot] = date.startDay;
    this.endDay[slot] = dayNumber(date.endDate);
    this.seatsFree[slot] = date.seatsFree;
    this.online[slot] = date.online ? 1 : 0;
    this.lat[slot] = date.lat;
    this.lon[slot] = date.lon;
    [this.x[slot], this.y[slot], this.z[slot]] = unitVector(date.lon, date.lat);
    this.dqrLevel[slot] = date.dqrLevel ?? 0;
    this.groupMask[slot] = date.groupMask;
    this.schedule[slot] = this.schedules.code(date.schedule);
    this.language[slot] = this.languages.code(date.language);
    this.offer[slot] = offer;
    return slot;
  }

  remove(slot: number): void {
    this.dates[slot] = undefined;
    this.free.push(slot);
  }

  clear(): void {
    this.dates.length = 0;
    this.free.length = 0;
  }

  private grow(capacity: number): void {
    const grown = <T extends Int32Array | Uint8Array | Uint16Array | Int16Array | Float64Array>(old: T, make: new (size: number) => T): T => {
      const fresh = new make(capacity);
      fresh.set(old);
      return fresh;
    };
    this.startDay = grown(this.startDay, Int32Array);
    this.endDay = grown(this.endDay, Int32Array);
    this.seatsFree = grown(this.seatsFree, Int32Array);
    this.online = grown(this.online, Uint8Array);
    this.lat = grown(this.lat, Float64Array);
    this.lon = grown(this.lon, Float64Array);
    this.x = grown(this.x, Float64Array);
    this.y = grown(this.y, Float64Array);
    this.z = grown(this.z, Float64Array);
    this.dqrLevel = grown(this.dqrLevel, Uint8Array);
    this.groupMask = grown(this.groupMask, Uint16Array);
    this.schedule = grown(this.schedule, Int16Array);
    this.language = grown(this.language, Int16Array);
    this.offer = grown(this.offer, Int32Array);
    this.visit = grown(this.visit, Int32Array);
    this.note = grown(this.note, Int32Array);
    this.capacity = capacity;
  }
}
