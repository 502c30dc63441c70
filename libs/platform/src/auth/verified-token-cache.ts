import { Principal } from './principal';

const MAX_ENTRIES = 10_000;
/** Also for tokens without `exp`: a verified token is checked again at least once a minute. */
const MAX_AGE_MS = 60_000;

/**
 * Principals of tokens whose signature and claims were verified, by the token string, until the
 * token expires (at most a minute). A client sends the same bearer token with every request, and
 * verifying it (HMAC or RSA, claim checks) cost about 4 % of a service's CPU per request
 * (bench/needs-intake). Only verified tokens are kept; a token never outlives its `exp` here.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, { principal: Principal; until: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  get(token: string): Principal | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    // A copy per request: no handler can change what the next request with this token sees.
    if (this.now() < entry.until) return { ...entry.principal, roles: [...entry.principal.roles] };
    this.entries.delete(token);
    return undefined;
  }

  /** `expiresAt`: the token's `exp` claim (seconds since the epoch), when it has one. */
  set(token: string, principal: Principal, expiresAt: number | undefined): void {
    const now = this.now();
    const until = Math.min(now + MAX_AGE_MS, expiresAt === undefined ? Infinity : expiresAt * 1000);
    if (until <= now) return;
    // Oldest first out (Map keeps insertion order): bounded memory under many distinct tokens.
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(token, { principal: { ...principal, roles: [...principal.roles] }, until });
  }
}
