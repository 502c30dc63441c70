import { DEACTIVATION_REASONS, PartnerKind, PartnerSnapshotV1, PartnerStatus } from '@bildungsraum/contracts';
import { DomainError } from '@bildungsraum/domain-kernel';
import { ContactPerson } from './contact-person';
import { CompanyFacts, CompanyFactsInput, companyFactsFor, ProviderFacts, providerFactsFor } from './organisation-facts';
import { Site } from './site';

export type DeactivationReasonCode = (typeof DEACTIVATION_REASONS)[number];

/** What happened to an organisation; each change maps to one integration event. */
export type OrganisationChange =
  | { type: 'registered' }
  | { type: 'updated' }
  | { type: 'verified' }
  | { type: 'rejected'; reason: string }
  | { type: 'deactivated'; reasonCode: DeactivationReasonCode; reason?: string };

/** A change together with the public view right after it (each event carries its own version). */
export type RecordedOrganisationChange = OrganisationChange & { snapshot: PartnerSnapshotV1 };

export interface OrganisationState {
  id: string;
  version: number;
  kind: PartnerKind;
  name: string;
  status: PartnerStatus;
  company?: CompanyFacts;
  provider?: ProviderFacts;
  sites: Site[];
  contacts: ContactPerson[];
  networkIds: string[];
  rejectionReason?: string;
  deactivationReasonCode?: DeactivationReasonCode;
  deactivationReason?: string;
}

export interface RegisterOrganisation {
  id: string;
  kind: PartnerKind;
  name: string;
  company?: CompanyFactsInput;
  provider?: ProviderFacts;
  sites: Site[];
  contacts?: ContactPerson[];
  /** Operators may create organisations they have checked themselves. */
  verified?: boolean;
}

export interface UpdateOrganisation {
  name?: string;
  company?: CompanyFactsInput;
  provider?: ProviderFacts;
  sites?: Site[];
}

/**
 * An organisation taking part in Bildungsraum. Lifecycle: pending → verified | rejected(reason);
 * a rejected registration may still be verified after correction; any state → deactivated
 * (final). Every change that consumers see raises the version by one.
 */
export class Organisation {
  private readonly pending: RecordedOrganisationChange[] = [];

  private constructor(private state: OrganisationState) {}

  static register(input: RegisterOrganisation): Organisation {
    const organisation = new Organisation({
      id: input.id,
      version: 1,
      kind: input.kind,
      name: cleanName(input.name),
      status: input.verified ? 'verified' : 'pending',
      company: companyFactsFor(input.kind, input.company),
      provider: providerFactsFor(input.kind, input.provider),
      sites: checkSites(input.sites),
      contacts: input.contacts ?? [],
      networkIds: [],
    });
    organisation.pending.push({ type: 'registered', snapshot: organisation.snapshot() });
    return organisation;
  }

  static restore(state: OrganisationState): Organisation {
    return new Organisation({ ...state });
  }

  get id(): string {
    return this.state.id;
  }
  get version(): number {
    return this.state.version;
  }
  get status(): PartnerStatus {
    return this.state.status;
  }
  get networkIds(): readonly string[] {
    return this.state.networkIds;
  }
  get contacts(): readonly ContactPerson[] {
    return this.state.contacts;
  }

  /** Changes since loading, oldest first; the caller turns them into events in the same transaction. */
  pullChanges(): RecordedOrganisationChange[] {
    return this.pending.splice(0, this.pending.length);
  }

  update(patch: UpdateOrganisation): void {
    this.assertActive();
    const before = JSON.stringify(this.snapshot());
    const kind = this.state.kind;
    const next: OrganisationState = {
      ...this.state,
      ...(patch.name !== undefined ? { name: cleanName(patch.name) } : {}),
      ...(patch.company !== undefined ? { company: companyFactsFor(kind, patch.company) } : {}),
      ...(patch.provider !== undefined ? { provider: providerFactsFor(kind, patch.provider) } : {}),
      ...(patch.sites !== undefined ? { sites: checkSites(patch.sites) } : {}),
    };
    this.state = next;
    if (JSON.stringify(this.snapshot()) !== before) this.bump({ type: 'updated' });
  }

  verify(): void {
    if (this.state.status !== 'pending' && this.state.status !== 'rejected') {
      throw new DomainError('conflict', 'partner.not-verifiable', `Nur offene oder abgelehnte Registrierungen können geprüft werden / only pending or rejected organisations can be verified (status ${this.state.status})`);
    }
    this.state = { ...this.state, status: 'verified', rejectionReason: undefined };
    this.bump({ type: 'verified' });
  }

  reject(reason: string): void {
    if (this.state.status !== 'pending') {
      throw new DomainError('conflict', 'partner.not-pending', `Nur offene Registrierungen können abgelehnt werden / only pending organisations can be rejected (status ${this.state.status})`);
    }
    const trimmed = reason.trim();
    if (!trimmed) throw new DomainError('invalid', 'partner.reason-required', 'Eine Ablehnung braucht eine Begründung / a rejection needs a reason');
    this.state = { ...this.state, status: 'rejected', rejectionReason: trimmed };
    this.bump({ type: 'rejected', reason: trimmed });
  }

  deactivate(reasonCode: DeactivationReasonCode, reason?: string): void {
    this.assertActive();
    this.state = { ...this.state, status: 'deactivated', deactivationReasonCode: reasonCode, deactivationReason: reason };
    this.bump({ type: 'deactivated', reasonCode, ...(reason ? { reason } : {}) });
  }

  /** Network membership is part of the snapshot (`networkIds`), so joining or leaving is an update. */
  setNetworkMembership(networkId: string, member: boolean): void {
    const has = this.state.networkIds.includes(networkId);
    if (has === member) return;
    const networkIds = member ? [...this.state.networkIds, networkId].sort() : this.state.networkIds.filter((id) => id !== networkId);
    this.state = { ...this.state, networkIds };
    this.bump({ type: 'updated' });
  }

  /** Contact persons never reach an event, so they change neither the version nor the snapshot. */
  addContact(contact: ContactPerson): void {
    this.assertActive();
    this.state = { ...this.state, contacts: [...this.state.contacts, contact] };
  }

  /** Erases a contact person's data for good; returns false when there was no such contact. */
  eraseContact(contactId: string): boolean {
    const contacts = this.state.contacts.filter((contact) => contact.id !== contactId);
    if (contacts.length === this.state.contacts.length) return false;
    this.state = { ...this.state, contacts };
    return true;
  }

  toState(): OrganisationState {
    return { ...this.state, sites: [...this.state.sites], contacts: [...this.state.contacts], networkIds: [...this.state.networkIds] };
  }

  /** The public view for events: no contact persons, no personal data. */
  snapshot(): PartnerSnapshotV1 {
    const { id, version, kind, name, status, company, provider, sites, networkIds } = this.state;
    return {
      id,
      version,
      kind,
      name,
      status,
      ...(company ? { company: { ...company } } : {}),
      ...(provider ? { provider: { ...provider } } : {}),
      sites: sites.map((site) => ({ ...site })),
      districtKeys: districtKeysOf(sites),
      networkIds: [...networkIds],
    };
  }

  private assertActive(): void {
    if (this.state.status === 'deactivated') {
      throw new DomainError('conflict', 'partner.deactivated', 'Die Organisation ist deaktiviert / the organisation is deactivated');
    }
  }

  private bump(change: OrganisationChange): void {
    this.state = { ...this.state, version: this.state.version + 1 };
    this.pending.push({ ...change, snapshot: this.snapshot() });
  }
}

export function districtKeysOf(sites: readonly Site[]): string[] {
  return [...new Set(sites.flatMap((site) => (site.districtKey ? [site.districtKey] : [])))].sort();
}

function cleanName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 300) {
    throw new DomainError('invalid', 'partner.name-invalid', 'Der Name muss 1–300 Zeichen lang sein / name must be 1–300 characters');
  }
  return trimmed;
}

function checkSites(sites: Site[]): Site[] {
  const ids = new Set(sites.map((site) => site.id));
  if (ids.size !== sites.length) throw new DomainError('invalid', 'partner.duplicate-site', 'Standorte doppelt / duplicate site ids');
  return sites.map((site) => ({ ...site }));
}
