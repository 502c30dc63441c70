import { randomUUID } from 'node:crypto';
import { MatchSnapshotV1 } from '@bildungsraum/contracts';

/** A proposed match with matching's explanation in both languages. */
export function proposedMatch(companyId: string, providerId: string = randomUUID()): MatchSnapshotV1 {
  return {
    id: randomUUID(),
    version: 1,
    status: 'proposed',
    needId: randomUUID(),
    companyId,
    offerId: randomUUID(),
    courseDateId: randomUUID(),
    providerId,
    participants: 3,
    score: 0.87,
    criteria: [{ criterion: 'skills', value: 1, weight: 0.5, contribution: 0.5 }],
    explanation: { de: 'Deckt CNC-Fräsen ab, 12 km entfernt, Termin im Mai.', en: 'Covers CNC milling, 12 km away, date in May.' },
  };
}
