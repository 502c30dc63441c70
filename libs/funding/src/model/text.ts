/** Languages of user-facing text: German first, English second. */
export type Lang = 'de' | 'en';

/** A short user-facing text in both languages. */
export interface Text {
  de: string;
  en: string;
}

const numberFormats: Record<Lang, Intl.NumberFormat> = {
  de: new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }),
};

/** 2500 → "2.500" (de) / "2,500" (en). */
export function formatNumber(value: number, lang: Lang): string {
  return numberFormats[lang].format(value);
}

// Building an Intl formatter costs far more than using one: one per language and precision.
const euroFormat = (locale: string, digits: number) => new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
const euroFormats: Record<Lang, { whole: Intl.NumberFormat; cents: Intl.NumberFormat }> = {
  de: { whole: euroFormat('de-DE', 0), cents: euroFormat('de-DE', 2) },
  en: { whole: euroFormat('en-GB', 0), cents: euroFormat('en-GB', 2) },
};

/**
 * Euro cents as a coordinator reads them: whole euros without decimals ("1.250 €" / "€1,250"),
 * otherwise with two ("12,50 €" / "€12.50").
 */
export function formatEuro(cents: number, lang: Lang): string {
  const format = cents % 100 === 0 ? euroFormats[lang].whole : euroFormats[lang].cents;
  const amount = format.format(cents / 100);
  return lang === 'de' ? `${amount} €` : `€${amount}`;
}

/** The same template in both languages, filled per language. */
export function bilingual(build: (lang: Lang) => string): Text {
  return { de: build('de'), en: build('en') };
}
