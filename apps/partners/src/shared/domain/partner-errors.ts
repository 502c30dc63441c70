import { DomainError } from '@bildungsraum/domain-kernel';

export { forbidden } from '@bildungsraum/domain-kernel';

/** 404 for anything the caller may not see: the existence of foreign objects must not leak. */
export function notFound(what: 'organisation' | 'network' | 'contact'): DomainError {
  const label = { organisation: 'Organisation', network: 'Verbund / network', contact: 'Kontaktperson / contact person' }[what];
  return new DomainError('not_found', `${what}.not-found`, `${label} nicht gefunden / not found`);
}
