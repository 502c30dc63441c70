import { DomainError } from '@bildungsraum/domain-kernel';

/** 404 for anything the caller may not see: the existence of foreign objects must not leak. */
export function notFound(what: 'need' | 'company' | 'import' | 'network'): DomainError {
  const label = { need: 'Bedarf / need', company: 'Unternehmen / company', import: 'Import', network: 'Verbund / network' }[what];
  return new DomainError('not_found', `${what}.not-found`, `${label} nicht gefunden / not found`);
}
