import { EntityManager } from 'typeorm';
import { Network } from '../domain/network';
import { NetworkMemberRecord, NetworkRecord } from './network.record';

/** Loads and stores the network aggregate (row + members), with a row lock for writers. */
export const networkRepository = {
  async load(manager: EntityManager, id: string, options: { forUpdate?: boolean } = {}): Promise<Network | undefined> {
    const record = await manager.getRepository(NetworkRecord).findOne({
      where: { id },
      ...(options.forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!record) return undefined;
    const members = await manager.getRepository(NetworkMemberRecord).find({ where: { networkId: id }, order: { partnerId: 'ASC' } });
    return Network.restore({
      id: record.id,
      version: record.version,
      name: record.name,
      ...(record.description ? { description: record.description } : {}),
      districtKeys: record.districtKeys,
      members: members.map((member) => ({ partnerId: member.partnerId, role: member.role })),
    });
  },

  async save(manager: EntityManager, network: Network): Promise<void> {
    const state = network.toState();
    await manager.getRepository(NetworkRecord).save({
      id: state.id,
      version: state.version,
      name: state.name,
      description: state.description ?? null,
      districtKeys: state.districtKeys,
    });
    const members = manager.getRepository(NetworkMemberRecord);
    await members.delete({ networkId: state.id });
    if (state.members.length) {
      await members.insert(state.members.map((member) => ({ networkId: state.id, partnerId: member.partnerId, role: member.role })));
    }
  },

  /** Networks in which the organisation is a coordinating member: where its coordinators act. */
  async coordinatedBy(manager: EntityManager, partnerId: string): Promise<string[]> {
    const rows = await manager.getRepository(NetworkMemberRecord).find({ where: { partnerId, role: 'coordinator' }, select: { networkId: true } });
    return rows.map((row) => row.networkId).sort();
  },
};
