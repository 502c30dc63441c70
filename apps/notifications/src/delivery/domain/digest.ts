/** Daily digests go out at 06:00 UTC (07:00 in German winter, 08:00 in summer). */
export const DIGEST_HOUR_UTC = 6;

export function nextDigestAt(now: Date): Date {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), DIGEST_HOUR_UTC));
  if (next.getTime() <= now.getTime()) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}
