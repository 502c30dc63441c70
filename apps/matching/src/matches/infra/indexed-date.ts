import type { OfferFacts } from './candidates';
import { CeilingDate, dayNumber } from './memory-ceiling';

/** A published course date as the course date index holds it: what retrieval filters, ranks and returns. */
export interface IndexedDate extends CeilingDate {
  id: string;
  offerId: string;
  online: boolean;
  /** Venue in degrees; NaN when the date has none (online, or a venue without coordinates: never in reach). */
  lon: number;
  lat: number;
  startDate: string;
  endDate: string;
  seatsFree: number;
  minParticipants: number;
  /** The offer's skills (shared with LightCandidates: not to be modified). */
  skillUris: string[];
  /** Shared by the dates of one offer (one object per offer and version of its facts). */
  facts: OfferFacts;
  providerId: string;
}

/** The columns of course_date_view the index reads (alias `d`); IndexedRow is what they give. */
export const INDEXED_COLUMNS = `d.id, d.offer_id, d.published, d.online,
  public.ST_X(d.location::public.geometry) AS lon, public.ST_Y(d.location::public.geometry) AS lat,
  d.start_date::text AS start_date, d.end_date::text AS end_date, d.seats_free, d.min_participants, d.schedule, d.skill_uris,
  d.offer_facts::text AS offer_facts, d.offer_title_folded, d.offer_text_folded, d.dqr_level, d.offer_language, d.target_group_mask`;

export interface IndexedRow {
  id: string;
  offer_id: string;
  published: boolean;
  online: boolean;
  lon: number | null;
  lat: number | null;
  start_date: string;
  end_date: string;
  seats_free: number;
  min_participants: number;
  schedule: string;
  skill_uris: string[];
  /** As text: equal texts share one parsed object (OfferFactsPool). */
  offer_facts: string;
  offer_title_folded: string;
  offer_text_folded: string;
  dqr_level: number | null;
  offer_language: string | null;
  target_group_mask: number;
}

/**
 * The offers' facts, one parsed object per offer and text, counted by the dates holding it: an
 * offer's dates share it (most offers have several), and it is let go with the last of them.
 */
export class OfferFactsPool {
  private readonly byOffer = new Map<string, { text: string; facts: OfferFacts; holders: number }>();

  take(offerId: string, text: string): OfferFacts {
    const held = this.byOffer.get(offerId);
    if (held && held.text === text) {
      held.holders += 1;
      return held.facts;
    }
    // A new version of the offer's facts: the dates still holding the old one keep their object.
    const fresh = { text, facts: JSON.parse(text) as OfferFacts, holders: 1 + (held?.holders ?? 0) };
    this.byOffer.set(offerId, fresh);
    return fresh.facts;
  }

  release(offerId: string): void {
    const held = this.byOffer.get(offerId);
    if (held && --held.holders <= 0) this.byOffer.delete(offerId);
  }

  clear(): void {
    this.byOffer.clear();
  }
}

export function toIndexed(row: IndexedRow, facts: OfferFacts): IndexedDate {
  return {
    id: row.id,
    offerId: row.offer_id,
    online: row.online,
    lon: row.lon ?? Number.NaN,
    lat: row.lat ?? Number.NaN,
    startDate: row.start_date,
    endDate: row.end_date,
    startDay: dayNumber(row.start_date),
    seatsFree: row.seats_free,
    minParticipants: row.min_participants,
    schedule: row.schedule,
    skillUris: row.skill_uris,
    facts,
    providerId: facts.providerId,
    titleFolded: row.offer_title_folded,
    textFolded: row.offer_text_folded,
    dqrLevel: row.dqr_level,
    language: row.offer_language,
    groupMask: row.target_group_mask,
  };
}
