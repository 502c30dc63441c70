import { NetworkMemberRole, NetworkSnapshotV1 } from '@bildungsraum/contracts';
import { DomainError } from '@bildungsraum/domain-kernel';

export interface NetworkMember {
  partnerId: string;
  role: NetworkMemberRole;
}

export interface NetworkState {
  id: string;
  version: number;
  name: string;
  description?: string;
  districtKeys: string[];
  members: NetworkMember[];
}

export type NetworkChange = { type: 'created' | 'updated'; snapshot: NetworkSnapshotV1 };

/** Outcome of a membership change, so the caller knows whether the member's snapshot moved too. */
export type MembershipOutcome = 'joined' | 'role-changed' | 'left' | 'unchanged';

const DISTRICT_KEY = /^\d{5}$/;

/**
 * A Weiterbildungsverbund / Qualifizierungsnetzwerk: one or more districts (5-digit AGS; several
 * states are fine, e.g. Höxter 05762 with Holzminden 03255) and member organisations, some of
 * which coordinate it. Every change raises the version by one.
 */
export class Network {
  private readonly pending: NetworkChange[] = [];

  private constructor(private state: NetworkState) {}

  static create(input: { id: string; name: string; description?: string; districtKeys: string[] }): Network {
    const network = new Network({
      id: input.id,
      version: 1,
      name: cleanName(input.name),
      ...(input.description ? { description: input.description } : {}),
      districtKeys: checkDistricts(input.districtKeys),
      members: [],
    });
    network.pending.push({ type: 'created', snapshot: network.snapshot() });
    return network;
  }

  static restore(state: NetworkState): Network {
    return new Network({ ...state, members: [...state.members] });
  }

  get id(): string {
    return this.state.id;
  }
  get version(): number {
    return this.state.version;
  }
  get members(): readonly NetworkMember[] {
    return this.state.members;
  }

  pullChanges(): NetworkChange[] {
    return this.pending.splice(0, this.pending.length);
  }

  roleOf(partnerId: string): NetworkMemberRole | undefined {
    return this.state.members.find((member) => member.partnerId === partnerId)?.role;
  }

  update(patch: { name?: string; description?: string | null; districtKeys?: string[] }): void {
    const before = JSON.stringify(this.snapshot());
    const { description: _old, ...rest } = this.state;
    const description = patch.description === undefined ? this.state.description : patch.description ?? undefined;
    this.state = {
      ...rest,
      ...(description ? { description } : {}),
      ...(patch.name !== undefined ? { name: cleanName(patch.name) } : {}),
      ...(patch.districtKeys !== undefined ? { districtKeys: checkDistricts(patch.districtKeys) } : {}),
    };
    if (JSON.stringify(this.snapshot()) !== before) this.bump();
  }

  /** Adds a member or changes its role. */
  setMember(partnerId: string, role: NetworkMemberRole): MembershipOutcome {
    const current = this.roleOf(partnerId);
    if (current === role) return 'unchanged';
    const others = this.state.members.filter((member) => member.partnerId !== partnerId);
    this.state = { ...this.state, members: sortMembers([...others, { partnerId, role }]) };
    this.bump();
    return current ? 'role-changed' : 'joined';
  }

  removeMember(partnerId: string): MembershipOutcome {
    if (!this.roleOf(partnerId)) return 'unchanged';
    this.state = { ...this.state, members: this.state.members.filter((member) => member.partnerId !== partnerId) };
    this.bump();
    return 'left';
  }

  toState(): NetworkState {
    return { ...this.state, districtKeys: [...this.state.districtKeys], members: [...this.state.members] };
  }

  snapshot(): NetworkSnapshotV1 {
    const { id, version, name, description, districtKeys, members } = this.state;
    return {
      id,
      version,
      name,
      ...(description ? { description } : {}),
      districtKeys: [...districtKeys],
      members: members.map((member) => ({ ...member })),
    };
  }

  private bump(): void {
    this.state = { ...this.state, version: this.state.version + 1 };
    this.pending.push({ type: 'updated', snapshot: this.snapshot() });
  }
}

function cleanName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 300) {
    throw new DomainError('invalid', 'network.name-invalid', 'Der Name muss 1–300 Zeichen lang sein / name must be 1–300 characters');
  }
  return trimmed;
}

function checkDistricts(keys: string[]): string[] {
  if (keys.length === 0) throw new DomainError('invalid', 'network.districts-required', 'Ein Verbund umfasst mindestens einen Landkreis / a network covers at least one district');
  const bad = keys.filter((key) => !DISTRICT_KEY.test(key));
  if (bad.length) throw new DomainError('invalid', 'network.district-key-invalid', `Ungültige Kreisschlüssel / invalid district keys: ${bad.join(', ')}`);
  return [...new Set(keys)].sort();
}

function sortMembers(members: NetworkMember[]): NetworkMember[] {
  return members.sort((a, b) => a.partnerId.localeCompare(b.partnerId));
}
