import { conflict, DomainError, FieldFault, invalid } from '@bildungsraum/domain-kernel';
import { CourseDate, lastEndDate, OfferChange, OfferContent, OfferState, today } from './offer-model';

export type CourseDateInput = Omit<CourseDate, 'id' | 'seatsTaken'> & { id: string; seatsTaken?: number };

/**
 * The Angebot aggregate: content, course dates and lifecycle draft → published → withdrawn /
 * archived. Drafts are private, so only changes of a published (or once published) offer are
 * recorded as changes that become events. Every visible change raises the version by one.
 */
export class Offer {
  private changes: OfferChange[] = [];

  private constructor(private state: OfferState) {}

  static draft(input: { id: string; providerId: string; providerName: string; content: OfferContent; dates: CourseDateInput[] }): Offer {
    checkContent(input.content);
    const dates = input.dates.map((date, index) => completeDate(date, `dates.${index}`));
    return new Offer({ id: input.id, version: 1, providerId: input.providerId, providerName: input.providerName, status: 'draft', ...input.content, dates });
  }

  static restore(state: OfferState): Offer {
    return new Offer(state);
  }

  get snapshot(): Readonly<OfferState> {
    return this.state;
  }

  pullChanges(): OfferChange[] {
    const changes = this.changes;
    this.changes = [];
    return changes;
  }

  updateContent(patch: Partial<OfferContent>, providerName?: string): void {
    this.assertEditable();
    const next = { ...this.state, ...stripUndefined(patch), ...(providerName ? { providerName } : {}) };
    checkContent(next);
    this.apply(next);
  }

  addDate(input: CourseDateInput): void {
    this.assertEditable();
    this.apply({ ...this.state, dates: [...this.state.dates, completeDate(input, 'body')] });
  }

  /** Edits a date; seats taken may be corrected by the provider (bookings made elsewhere). */
  updateDate(dateId: string, patch: Partial<Omit<CourseDate, 'id'>>): void {
    this.assertEditable();
    const current = this.findDate(dateId);
    const updated = completeDate({ ...current, ...stripUndefined(patch) }, 'body');
    if (updated.seatsTaken > updated.maxParticipants) {
      throw invalid('date.overbooked', 'Mehr belegte Plätze als Höchstteilnehmerzahl / more seats taken than maximum participants', [
        { field: 'maxParticipants', in: 'body', detail: `seatsTaken ${updated.seatsTaken} > maxParticipants ${updated.maxParticipants}` },
      ]);
    }
    this.apply({ ...this.state, dates: this.state.dates.map((date) => (date.id === dateId ? updated : date)) });
  }

  removeDate(dateId: string): void {
    this.assertEditable();
    const date = this.findDate(dateId);
    if (date.seatsTaken > 0) throw conflict('date.has-participants', 'Termin hat bereits Teilnehmende / course date already has participants');
    this.apply({ ...this.state, dates: this.state.dates.filter((candidate) => candidate.id !== dateId) });
  }

  /**
   * Seats held by a confirmed match. A confirmation is a fact decided by the provider in
   * matching, so it is recorded even when it overbooks the date (free seats stay at 0).
   */
  holdSeats(dateId: string, participants: number): void {
    const date = this.findDate(dateId);
    this.apply({ ...this.state, dates: this.state.dates.map((candidate) => (candidate.id === dateId ? { ...date, seatsTaken: date.seatsTaken + participants } : candidate)) });
  }

  hasDate(dateId: string): boolean {
    return this.state.dates.some((date) => date.id === dateId);
  }

  /** Only a verified provider publishes, and only offers with a date still to come. */
  publish(providerVerified: boolean, now: Date = new Date()): void {
    if (this.state.status !== 'draft' && this.state.status !== 'withdrawn') {
      throw conflict('offer.not-publishable', `Angebot ist ${this.state.status} / offer is ${this.state.status}`);
    }
    if (!providerVerified) {
      throw new DomainError('forbidden', 'provider.not-verified', 'Nur geprüfte Bildungsträger veröffentlichen / only verified providers publish');
    }
    const last = lastEndDate(this.state.dates);
    if (!last || last < today(now)) {
      throw invalid('offer.no-upcoming-date', 'Angebot braucht einen künftigen Termin / offer needs a course date that has not passed', [
        { field: 'dates', in: 'body', detail: 'no course date ends today or later' },
      ]);
    }
    this.state = { ...this.state, status: 'published', version: this.state.version + 1, publishedAt: now.toISOString() };
    this.changes.push({ type: 'published' });
  }

  withdraw(reason?: string): void {
    if (this.state.status !== 'published') throw conflict('offer.not-published', 'Nur veröffentlichte Angebote werden zurückgezogen / only published offers can be withdrawn');
    this.state = { ...this.state, status: 'withdrawn', version: this.state.version + 1 };
    this.changes.push({ type: 'withdrawn', ...(reason ? { reason } : {}) });
  }

  archive(): void {
    if (this.state.status === 'archived') throw conflict('offer.archived', 'Angebot ist bereits archiviert / offer is archived');
    const wasPublic = this.state.publishedAt !== undefined;
    this.state = { ...this.state, status: 'archived', version: this.state.version + 1 };
    if (wasPublic) this.changes.push({ type: 'archived' });
  }

  private apply(next: OfferState): void {
    if (JSON.stringify(next) === JSON.stringify(this.state)) return; // a no-op raises nothing
    this.state = { ...next, version: this.state.version + 1 };
    if (this.state.status === 'published') this.changes.push({ type: 'updated' });
  }

  private assertEditable(): void {
    if (this.state.status === 'archived') throw conflict('offer.archived', 'Archivierte Angebote sind unveränderlich / archived offers cannot change');
  }

  private findDate(dateId: string): CourseDate {
    const date = this.state.dates.find((candidate) => candidate.id === dateId);
    if (!date) throw new DomainError('not_found', 'date.not-found', 'Termin nicht gefunden / course date not found');
    return date;
  }
}

function checkContent(content: OfferContent): void {
  const faults: FieldFault[] = [];
  if (content.measureNumber && !content.azavApproved) faults.push({ field: 'measureNumber', in: 'body', detail: 'a Maßnahmenummer needs azavApproved = true' });
  if (content.formats.length === 0) faults.push({ field: 'formats', in: 'body', detail: 'at least one format' });
  if (faults.length) throw invalid('offer.inconsistent', 'Angaben widersprechen sich / inconsistent offer', faults);
}

function completeDate(input: CourseDateInput, prefix: string): CourseDate {
  const at = (field: string) => (prefix === 'body' ? field : `${prefix}.${field}`);
  const faults: FieldFault[] = [];
  if (input.endDate < input.startDate) faults.push({ field: at('endDate'), in: 'body', detail: 'endDate before startDate' });
  if (input.registrationDeadline && input.registrationDeadline > input.startDate) {
    faults.push({ field: at('registrationDeadline'), in: 'body', detail: 'registration deadline after the start' });
  }
  if (input.minParticipants > input.maxParticipants) faults.push({ field: at('minParticipants'), in: 'body', detail: 'minParticipants > maxParticipants' });
  if (input.online && input.venue) faults.push({ field: at('venue'), in: 'body', detail: 'an online date has no venue' });
  if (!input.online && !input.venue) faults.push({ field: at('venue'), in: 'body', detail: 'a date on site needs a venue' });
  if (faults.length) throw invalid('date.inconsistent', 'Termin widerspricht sich / inconsistent course date', faults);
  return stripUndefined({ ...input, seatsTaken: input.seatsTaken ?? 0 }) as CourseDate;
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
