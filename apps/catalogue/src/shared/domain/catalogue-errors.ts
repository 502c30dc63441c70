import { DomainError } from '@bildungsraum/domain-kernel';

/** 404 for anything the caller may not see: the existence of drafts and foreign objects must not leak. */
export function notFound(what: 'offer' | 'date' | 'programme'): DomainError {
  const label = { offer: 'Angebot / offer', date: 'Termin / course date', programme: 'Förderprogramm / funding programme' }[what];
  return new DomainError('not_found', `${what}.not-found`, `${label} nicht gefunden / not found`);
}
