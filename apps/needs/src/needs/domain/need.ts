import { NeedStatus, NeedWithdrawalReason, SizeClass } from '@bildungsraum/contracts';
import { DomainError } from '@bildungsraum/domain-kernel';
import { assertValidContent, isoDay, NeedContent } from './need-content';

export interface CapturedBy {
  partnerId: string;
  role: 'company' | 'coordinator' | 'operator';
  /** The user (token subject); personal, therefore never in an event. */
  subject: string;
}

export interface CompanySnapshot {
  sizeClass?: SizeClass;
  employees?: number;
  districtKey?: string;
}

export interface NeedState {
  id: string;
  version: number;
  status: NeedStatus;
  companyId: string;
  company: CompanySnapshot;
  capturedBy: CapturedBy;
  content: NeedContent;
  submittedAt?: string;
  fulfilledByMatchId?: string;
  withdrawal?: { reasonCode: NeedWithdrawalReason; reason?: string };
  createdAt: string;
  updatedAt: string;
}

export type NeedChange =
  | { type: 'submitted' }
  | { type: 'updated'; changeKind: 'content' | 'status' }
  | { type: 'withdrawn'; reasonCode: NeedWithdrawalReason; reason?: string }
  | { type: 'fulfilled'; matchId: string }
  | { type: 'expired' };

/** Open = can still be changed, withdrawn, matched or expire. */
export const OPEN_STATUSES: readonly NeedStatus[] = ['draft', 'submitted', 'matched', 'pooled'];
/** Published and waiting for (or moving through) matching. */
export const ACTIVE_STATUSES: readonly NeedStatus[] = ['submitted', 'matched', 'pooled'];

/**
 * The need's lifecycle: draft → submitted → matched / pooled → fulfilled; withdrawn at any time
 * before fulfilled; expired when its latest end has passed. A draft is private: its changes
 * raise no events (matching knows a need from its submission on).
 */
export class Need {
  private changes: NeedChange[] = [];

  private constructor(private state: NeedState) {}

  static create(input: { id: string; companyId: string; company: CompanySnapshot; capturedBy: CapturedBy; content: NeedContent; now: Date }): Need {
    assertValidContent(input.content);
    const at = input.now.toISOString();
    return new Need({ id: input.id, version: 1, status: 'draft', companyId: input.companyId, company: input.company, capturedBy: input.capturedBy, content: input.content, createdAt: at, updatedAt: at });
  }

  static restore(state: NeedState): Need {
    return new Need(state);
  }

  get snapshot(): Readonly<NeedState> {
    return this.state;
  }

  get isPublished(): boolean {
    return this.state.submittedAt !== undefined;
  }

  pullChanges(): NeedChange[] {
    const changes = this.changes;
    this.changes = [];
    return changes;
  }

  update(content: NeedContent, now: Date): void {
    this.assertOpen('update');
    assertValidContent(content);
    if (canonical(content) === canonical(this.state.content)) return;
    if (this.isPublished) assertNotPast(content, now);
    this.bump({ content }, now, this.isPublished ? { type: 'updated', changeKind: 'content' } : undefined);
  }

  /** Only a verified company's need may be submitted (the caller checks the read model). */
  submit(companyVerified: boolean, company: CompanySnapshot, now: Date): void {
    if (this.state.status !== 'draft') throw new DomainError('conflict', 'need.not-draft', 'Nur Entwürfe können eingereicht werden / only drafts can be submitted');
    if (!companyVerified) throw new DomainError('invalid', 'company.not-verified', 'Das Unternehmen ist noch nicht geprüft / the company is not verified yet');
    assertNotPast(this.state.content, now);
    this.bump({ status: 'submitted', company, submittedAt: now.toISOString() }, now, { type: 'submitted' });
  }

  withdraw(reasonCode: NeedWithdrawalReason, reason: string | undefined, now: Date): void {
    this.assertOpen('withdraw');
    const published = this.isPublished;
    this.bump({ status: 'withdrawn', withdrawal: { reasonCode, ...(reason ? { reason } : {}) } }, now, published ? { type: 'withdrawn', reasonCode, ...(reason ? { reason } : {}) } : undefined);
  }

  /** True when the need is open and its latest end lies before today. */
  isDue(now: Date): boolean {
    return OPEN_STATUSES.includes(this.state.status) && !!this.state.content.latestEnd && this.state.content.latestEnd < isoDay(now);
  }

  expire(now: Date): boolean {
    if (!this.isDue(now)) return false;
    this.bump({ status: 'expired' }, now, this.isPublished ? { type: 'expired' } : undefined);
    return true;
  }

  /** Status as matching sees it (see need-matching-status.ts); ignored once the need is closed. */
  followMatching(target: { status: 'submitted' | 'matched' | 'pooled' } | { status: 'fulfilled'; matchId: string }, now: Date): void {
    if (!ACTIVE_STATUSES.includes(this.state.status) || this.state.status === target.status) return;
    if (target.status === 'fulfilled') {
      this.bump({ status: 'fulfilled', fulfilledByMatchId: target.matchId }, now, { type: 'fulfilled', matchId: target.matchId });
    } else {
      this.bump({ status: target.status }, now, { type: 'updated', changeKind: 'status' });
    }
  }

  private assertOpen(action: string): void {
    if (!OPEN_STATUSES.includes(this.state.status)) {
      throw new DomainError('conflict', 'need.closed', `Bedarf ist ${this.state.status} und kann nicht mehr geändert werden (${action}) / need is closed`);
    }
  }

  private bump(patch: Partial<NeedState>, now: Date, change?: NeedChange): void {
    this.state = { ...this.state, ...patch, version: this.state.version + 1, updatedAt: now.toISOString() };
    if (change) this.changes.push(change);
  }
}

function assertNotPast(content: NeedContent, now: Date): void {
  if (content.latestEnd && content.latestEnd < isoDay(now)) {
    throw new DomainError('invalid', 'need.latest-end-passed', 'Spätestes Ende liegt in der Vergangenheit / latest end has passed', [{ field: 'latestEnd', in: 'body', detail: 'must not be in the past' }]);
  }
}

/** JSON with sorted keys: stored content comes back from jsonb in another key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : inner,
  );
}
