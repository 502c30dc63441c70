import { bilingual, formatNumber, type Text } from '../model/text';

/** "unter 50 Beschäftigte" / "50–499 Beschäftigte" / "ab 500 Beschäftigte" (bounds inclusive). */
export function headCountBandText(min: number | undefined, max: number | undefined): Text {
  return bilingual((lang) => {
    const staff = lang === 'de' ? 'Beschäftigte' : 'staff';
    const n = (value: number) => formatNumber(value, lang);
    const from = min ?? 0;
    if (max === undefined) return from === 0 ? (lang === 'de' ? 'jeder Größe' : 'of any size') : `${lang === 'de' ? 'ab' : 'from'} ${n(from)} ${staff}`;
    if (from === 0) return `${lang === 'de' ? 'unter' : 'under'} ${n(max + 1)} ${staff}`;
    return `${n(from)}–${n(max)} ${staff}`;
  });
}

export function inBand(headCount: number, min: number | undefined, max: number | undefined): boolean {
  return headCount >= (min ?? 0) && (max === undefined || headCount <= max);
}
