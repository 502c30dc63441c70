import { EntityManager } from 'typeorm';
import { OfferState } from '../domain/offer-model';
import { SearchExtras } from './search-rows';
import { skillLabelsOf } from '../../skills/skill-labels';
import { programmesForCourse } from '../../programmes/programme-course-match';

/** Gathers what a search row needs beyond the offer: skill labels and matching programmes. */
export async function searchExtras(manager: EntityManager, state: OfferState): Promise<SearchExtras> {
  if (state.status !== 'published') return { skillLabels: [], programmeIds: [] };
  const [skillLabels, programmeIds] = [await skillLabelsOf(manager, state.skills), await programmesForCourse(manager, state)];
  return { skillLabels, programmeIds };
}
