import { EntityManager } from 'typeorm';
import { OfferState } from '../offers/domain/offer-model';

/** Programmes whose course conditions the offer meets (search filter "Förderung"). */
export async function programmesForCourse(manager: EntityManager, state: OfferState): Promise<string[]> {
  void manager;
  const ids: string[] = [];
  if (state.azavApproved && state.hours > 120) ids.push('sgb3-82');
  if (state.azavApproved && state.measureNumber) ids.push('bildungsgutschein');
  return ids;
}
