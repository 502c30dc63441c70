import { Mailbox } from './mailbox';
import { Party } from './region';

/** German email subjects of notifications' templates, one per event type the story touches. */
export const GERMAN_SUBJECTS: Record<string, string> = {
  'matching.match.proposed.v1': 'Passender Kurstermin für Ihren Bedarf',
  'matching.match.accepted.v1': 'Ein Unternehmen möchte an Ihrem Kurs teilnehmen',
  'matching.match.declined.v1': 'Vorschlag abgelehnt',
  'matching.match.confirmed.v1': 'Teilnahme bestätigt',
  'matching.match.rejected.v1': 'Teilnahme abgelehnt',
  'matching.match.withdrawn.v1': 'Vorschlag zurückgezogen',
  'matching.bundle.formed.v1': 'Neues Bündel: gemeinsamer Kurs möglich',
  'matching.bundle.updated.v1': 'Bündel geändert',
  'matching.bundle.dissolved.v1': 'Bündel aufgelöst',
  'matching.gap.detected.v1': 'Angebotslücke in Ihrer Region',
  'matching.gap.closed.v1': 'Angebotslücke geschlossen',
  'needs.need.submitted.v1': 'Neuer Qualifizierungsbedarf in Ihrem Verbund',
  'needs.need.withdrawn.v1': 'Bedarf zurückgezogen',
  'needs.need.fulfilled.v1': 'Bedarf erfüllt',
  'needs.need.expired.v1': 'Bedarf abgelaufen',
  'partners.partner.registered.v1': 'Neue Registrierung zu prüfen',
  'partners.partner.verified.v1': 'Ihre Organisation ist freigeschaltet',
  'partners.network.updated.v1': 'Verbund geändert',
  'catalogue.offer.published.v1': 'Neues Angebot in Ihrer Region',
};

const TYPE_OF_SUBJECT = new Map(Object.entries(GERMAN_SUBJECTS).map(([type, title]) => [`[Bildungsraum] ${title}`, type]));

export type Counts = Record<string, number>;

function count(types: string[]): Counts {
  const counts: Counts = {};
  for (const type of types) counts[type] = (counts[type] ?? 0) + 1;
  return counts;
}

/** A party's emails by event type, told apart by their German subject (an unknown subject counts as such). */
export function emailsByType(mailbox: Mailbox, party: Party): Counts {
  return count(mailbox.to(party.email).map((mail) => TYPE_OF_SUBJECT.get(mail.subject) ?? `unbekannter Betreff: ${mail.subject}`));
}

export function webhooksByType(party: Party): Counts {
  return count(party.webhook.received.map((hook) => hook.payload.type));
}

/** Drops zero entries so `{}` means "nothing". */
export function nonZero(counts: Counts): Counts {
  return Object.fromEntries(Object.entries(counts).filter(([, value]) => value > 0));
}
