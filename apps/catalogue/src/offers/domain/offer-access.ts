import type { OfferState } from './offer-model';

/** Who calls, reduced to what offer access needs (no framework types in domain rules). */
export interface Caller {
  roles: readonly string[];
  partnerId: string;
}

export const isOperatorCaller = (caller: Caller | undefined): boolean => !!caller?.roles.includes('operator');

/** The offer's own provider (role provider, same organisation). */
export const isOwnProvider = (caller: Caller | undefined, offer: Pick<OfferState, 'providerId'>): boolean =>
  !!caller && caller.roles.includes('provider') && caller.partnerId === offer.providerId;

/** Operators and the offer's own provider manage it (edit, dates, withdraw, archive). */
export const mayManage = (caller: Caller | undefined, offer: Pick<OfferState, 'providerId'>): boolean => isOperatorCaller(caller) || isOwnProvider(caller, offer);

/** Published offers are public (the catalogue is a public good); the rest only for those who manage them. */
export const mayRead = (caller: Caller | undefined, offer: Pick<OfferState, 'providerId' | 'status'>): boolean => offer.status === 'published' || mayManage(caller, offer);
