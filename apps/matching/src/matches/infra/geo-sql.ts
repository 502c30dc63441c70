/**
 * Distances as matching measures them, as SQL over two geography points: on the sphere, not the
 * spheroid (PostGIS' default for geography). Every reach test and every kilometre a score or an
 * explanation shows goes through these two, so retrieval (need → dates) and the offer reach
 * (date → needs) cannot disagree about a date at the edge of a radius.
 *
 * Why the sphere: the spheroid's distance is an iterative computation; at 100,000 offers a need
 * with a common skill tests ~25,000 venue dates against its radius, which took 45–70 ms of its
 * retrieval against 26–33 ms on the sphere (bench/matching/README, session 7). The two differ by
 * at most ~0.5 % (250 m at a 50 km radius) – far below what a travel radius means, and straight
 * lines are no road distances either.
 */

/** `a` and `b` are at most `metres` apart. Index-supported (GiST on either side). */
export const withinSql = (a: string, b: string, metres: string): string => `public.ST_DWithin(${a}, ${b}, ${metres}, false)`;

/** Kilometres from `a` to `b` (float8). */
export const kmSql = (a: string, b: string): string => `public.ST_Distance(${a}, ${b}, false) / 1000`;
