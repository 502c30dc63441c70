/** A need that one course date could serve, as a member of that date's bundle. */
export interface BundleMember {
  needId: string;
  companyId: string;
  participants: number;
  districtKey: string;
}

export type BundleStatus = 'forming' | 'viable' | 'dissolved';

/**
 * Whether a course date can pool a need into its bundle: it has a minimum of participants and its
 * offer teaches one of the need's skills. A date that answers the need by its words alone
 * (criterion title) may be proposed, but a bundle stands for needs one course serves by their skills.
 */
export function poolsNeed(minParticipants: number, offerSkills: readonly string[], needSkills: readonly string[]): boolean {
  return minParticipants > 0 && needSkills.some((skill) => offerSkills.includes(skill));
}

/** A need fitting a course date, with its score for it: a candidate member of the date's bundle. */
export interface RankedFit extends BundleMember {
  score: number;
  /** Its participation in the course is confirmed by the provider: it has its seats. */
  booked: boolean;
}

/**
 * Who is in a course date's bundle: the needs booked into the course, then the needs it fits best
 * (score, then need id) as long as together they fit into the seats left – the date's maximum
 * minus the booked participants, and no more than its free seats (seats may go elsewhere; the
 * catalogue's free seats count a booking only once it has seen the confirmation, the maximum
 * never lags). A bundle is what the course can still seat: a popular date with hundreds of fitting
 * needs would otherwise carry them all in every event, and a bundle of twelve for a course with
 * five free seats promises what it cannot keep. A better-fitting need coming later never pushes
 * out one that holds its seats. `fits` holds every booked fit and the best others (at most
 * `seatsFree` of them are needed: every need brings at least one participant). Members are
 * returned by need id.
 */
export function bundleMembers(fits: readonly RankedFit[], seats: { maxParticipants: number; seatsFree: number }): BundleMember[] {
  const ranked = [...fits].sort((a, b) => Number(b.booked) - Number(a.booked) || b.score - a.score || byId(a, b));
  const booked = ranked.filter((fit) => fit.booked).reduce((sum, fit) => sum + fit.participants, 0);
  let left = Math.min(seats.maxParticipants - booked, seats.seatsFree);
  const members: BundleMember[] = [];
  for (const { score: _score, booked: isBooked, ...member } of ranked) {
    if (!isBooked) {
      if (member.participants > left) break;
      left -= member.participants;
    }
    members.push(member);
  }
  return members.sort(byId);
}

/** As Postgres orders uuids (their hex text, byte by byte): stored and published alike. */
const byId = (a: { needId: string }, b: { needId: string }) => (a.needId < b.needId ? -1 : a.needId > b.needId ? 1 : 0);

/**
 * A bundle exists while needs of at least two companies fit the same course date; it is viable
 * once together they reach the date's minimum participants (the course can run).
 */
export function bundleStatus(members: readonly BundleMember[], minParticipants: number): BundleStatus {
  const companies = new Set(members.map((member) => member.companyId));
  if (companies.size < 2) return 'dissolved';
  const total = members.reduce((sum, member) => sum + member.participants, 0);
  return total >= minParticipants ? 'viable' : 'forming';
}

const signature = (members: readonly BundleMember[]): string =>
  members
    .map((member) => `${member.needId}:${member.participants}`)
    .sort()
    .join(',');

/**
 * Which event a change of members means: `formed` when a bundle comes into being (or back),
 * `updated` when members or status change, `dissolved` when fewer than two companies remain.
 * A dissolved bundle whose members still change (the last one leaves) follows them `quietly`:
 * stored, no event, same version – so what is stored does not depend on whether two needs left
 * together (a new offer taking both) or one after the other.
 */
export function bundleChange(
  previous: { status: BundleStatus; members: readonly BundleMember[]; minParticipants?: number } | undefined,
  members: readonly BundleMember[],
  minParticipants: number,
): { event?: 'formed' | 'updated' | 'dissolved'; status: BundleStatus; quietly?: true } {
  const status = bundleStatus(members, minParticipants);
  const existed = previous !== undefined && previous.status !== 'dissolved';
  if (!existed) {
    if (status !== 'dissolved') return { event: 'formed', status };
    return previous && signature(members) !== signature(previous.members) ? { status, quietly: true } : { status };
  }
  if (status === 'dissolved') return { event: 'dissolved', status };
  // A new minimum is news too: "5 of 6" became "5 of 8" for the provider and the coordinators.
  const minChanged = previous.minParticipants !== undefined && previous.minParticipants !== minParticipants;
  if (status !== previous.status || minChanged || signature(members) !== signature(previous.members)) return { event: 'updated', status };
  return { status };
}

/** A gap opens with the first need that no reachable offer serves and closes with the last. */
export function gapChange(previous: 'open' | 'closed' | undefined, needsWithoutOffer: number): { event?: 'detected' | 'closed'; status: 'open' | 'closed' } {
  if (needsWithoutOffer > 0) return previous === 'open' ? { status: 'open' } : { event: 'detected', status: 'open' };
  return previous === 'open' ? { event: 'closed', status: 'closed' } : { status: previous ?? 'closed' };
}
