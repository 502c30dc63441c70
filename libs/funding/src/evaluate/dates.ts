/** ISO calendar dates (YYYY-MM-DD) compare correctly as strings; these helpers keep them strings. */
export const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

/** The same calendar day N years earlier (29 Feb stays 29 Feb; as a string it still orders correctly). */
export function minusYears(isoDate: string, years: number): string {
  const year = Number(isoDate.slice(0, 4)) - years;
  return `${String(year).padStart(4, '0')}${isoDate.slice(4)}`;
}

/** A Date's calendar day in UTC, or an ISO date string as given. */
export function toIsoDate(value: string | Date): string {
  if (typeof value === 'string') {
    if (!isIsoDate(value.slice(0, 10))) throw new RangeError(`not an ISO date: ${value}`);
    return value.slice(0, 10);
  }
  return value.toISOString().slice(0, 10);
}
