import { EntityManager, In } from 'typeorm';
import { ContactPerson } from '../domain/contact-person';
import { DeactivationReasonCode, Organisation, OrganisationState } from '../domain/organisation';
import { ContactPersonRecord } from './contact-person.record';
import { OrganisationRecord } from './organisation.record';

/**
 * Loads and stores the organisation aggregate (row + contact persons). Writers load with
 * `forUpdate`, which takes a row lock for the rest of the transaction, so two concurrent
 * changes of one organisation are applied one after the other and versions never collide.
 */
export const organisationRepository = {
  async load(manager: EntityManager, id: string, options: { forUpdate?: boolean } = {}): Promise<Organisation | undefined> {
    const record = await manager.getRepository(OrganisationRecord).findOne({
      where: { id },
      ...(options.forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!record) return undefined;
    const contacts = await manager.getRepository(ContactPersonRecord).find({ where: { organisationId: id }, order: { createdAt: 'ASC', id: 'ASC' } });
    return Organisation.restore(toState(record, contacts));
  },

  async loadMany(manager: EntityManager, ids: string[]): Promise<Organisation[]> {
    if (ids.length === 0) return [];
    const records = await manager.getRepository(OrganisationRecord).find({ where: { id: In(ids) }, lock: { mode: 'pessimistic_write' }, order: { id: 'ASC' } });
    return records.map((record) => Organisation.restore(toState(record, [])));
  },

  async exists(manager: EntityManager, id: string): Promise<boolean> {
    return manager.getRepository(OrganisationRecord).exists({ where: { id } });
  },

  /** Writes the row and brings the contact persons in line (removed ones are deleted for good). */
  async save(manager: EntityManager, organisation: Organisation, options: { withContacts?: boolean } = { withContacts: true }): Promise<void> {
    const state = organisation.toState();
    const snapshot = organisation.snapshot();
    await manager.getRepository(OrganisationRecord).save({
      id: state.id,
      version: state.version,
      kind: state.kind,
      name: state.name,
      status: state.status,
      company: state.company ?? null,
      provider: state.provider ?? null,
      sites: state.sites,
      districtKeys: snapshot.districtKeys,
      networkIds: state.networkIds,
      rejectionReason: state.rejectionReason ?? null,
      deactivationReasonCode: state.deactivationReasonCode ?? null,
      deactivationReason: state.deactivationReason ?? null,
    });
    if (options.withContacts === false) return;
    const contacts = manager.getRepository(ContactPersonRecord);
    const stored = await contacts.find({ where: { organisationId: state.id }, select: { id: true } });
    const keep = new Set(state.contacts.map((contact) => contact.id));
    const gone = stored.filter((row) => !keep.has(row.id)).map((row) => row.id);
    if (gone.length) await contacts.delete({ id: In(gone) });
    const known = new Set(stored.map((row) => row.id));
    const added = state.contacts.filter((contact) => !known.has(contact.id));
    if (added.length) await contacts.insert(added.map((contact) => toContactRecord(state.id, contact)));
  },
};

export function toState(record: OrganisationRecord, contacts: ContactPersonRecord[]): OrganisationState {
  return {
    id: record.id,
    version: record.version,
    kind: record.kind,
    name: record.name,
    status: record.status,
    ...(record.company ? { company: record.company } : {}),
    ...(record.provider ? { provider: record.provider } : {}),
    sites: record.sites,
    contacts: contacts.map((row) => ({
      id: row.id,
      name: row.name,
      ...(row.role ? { role: row.role } : {}),
      ...(row.email ? { email: row.email } : {}),
      ...(row.phone ? { phone: row.phone } : {}),
    })),
    networkIds: [...record.networkIds].sort(),
    ...(record.rejectionReason ? { rejectionReason: record.rejectionReason } : {}),
    ...(record.deactivationReasonCode ? { deactivationReasonCode: record.deactivationReasonCode as DeactivationReasonCode } : {}),
    ...(record.deactivationReason ? { deactivationReason: record.deactivationReason } : {}),
  };
}

function toContactRecord(organisationId: string, contact: ContactPerson): Partial<ContactPersonRecord> {
  return { id: contact.id, organisationId, name: contact.name, role: contact.role ?? null, email: contact.email ?? null, phone: contact.phone ?? null };
}
