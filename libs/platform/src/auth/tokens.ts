/** Injection tokens of the auth part. */
export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');
