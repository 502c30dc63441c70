import { CandidateFacts, NeedFacts } from './match-facts';
import { textRelevance } from './text-relevance';

export interface Explanation {
  de: string;
  en: string;
}

const germanDate = (iso: string): string => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/**
 * One line per match in a coordinator's words, German and English:
 * "3 von 4 Fähigkeiten abgedeckt · 18 km · Start im gewünschten Zeitraum · Eigenanteil 0 € nach § 82 SGB III".
 */
export function explain(need: NeedFacts, candidate: CandidateFacts, skills: { covered: number; total: number }): Explanation {
  const de: string[] = [];
  const en: string[] = [];
  if (skills.covered > 0 || !need.words.length) {
    de.push(`${skills.covered} von ${skills.total} ${skills.total === 1 ? 'Fähigkeit' : 'Fähigkeiten'} abgedeckt`);
    en.push(`${skills.covered} of ${skills.total} ${skills.total === 1 ? 'skill' : 'skills'} covered`);
  } else {
    // Found through the offer's own words alone (criterion title): say which of the need's words.
    const words = textRelevance(need.words, candidate.text).matched.slice(0, 3).map((word) => `„${word}“`).join(', ');
    de.push(`Titel passt zum Bedarf (${words})`);
    en.push(`title matches the need (${words})`);
  }
  if (candidate.online || candidate.distanceKm === undefined) {
    de.push('online');
    en.push('online');
  } else {
    const km = Math.round(candidate.distanceKm);
    de.push(`${km} km`);
    en.push(`${km} km`);
  }
  if (need.earliestStart || need.latestEnd) {
    de.push('Start im gewünschten Zeitraum');
    en.push('starts in the requested period');
  } else {
    de.push(`Start am ${germanDate(candidate.startDate)}`);
    en.push(`starts ${candidate.startDate}`);
  }
  if (need.language !== candidate.language) {
    de.push(`Unterrichtssprache ${candidate.language}`);
    en.push(`taught in ${candidate.language}`);
  }
  de.push(candidate.costNote.de);
  en.push(candidate.costNote.en);
  return { de: de.join(' · '), en: en.join(' · ') };
}
