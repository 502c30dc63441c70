import { EntityManager } from 'typeorm';
import { Actor } from '../../shared/domain/actor';
import { notFound } from '../../shared/domain/partner-errors';
import { Network } from '../domain/network';
import { networkAccess } from '../domain/network-access';
import { networkRepository } from '../infra/network.repository';

/** Loads a network the caller may see (404 otherwise, so foreign networks stay invisible). */
export async function loadVisibleNetwork(manager: EntityManager, actor: Actor, id: string, options: { forUpdate?: boolean } = {}): Promise<Network> {
  const network = await networkRepository.load(manager, id, options);
  if (!network || !networkAccess.canRead(actor, scopeOf(network))) throw notFound('network');
  return network;
}

export function scopeOf(network: Network): { id: string; memberIds: string[] } {
  return { id: network.id, memberIds: network.members.map((member) => member.partnerId) };
}
