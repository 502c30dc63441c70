import type { Benefit, CourseFeeCoverageBenefit, CourseFeeShareBenefit, HeadCountBand } from '../model/programme';
import type { Reason } from '../model/query';
import { bilingual, formatEuro, formatNumber, type Lang, type Text } from '../model/text';
import { checkAll } from './check-condition';
import type { CheckContext } from './context';
import { headCountBandText, inBand } from './head-count-band';
import { percentOfCents } from './money';

type FeeBenefit = CourseFeeShareBenefit | CourseFeeCoverageBenefit;

export function feeBenefitOf(benefits: Benefit[]): FeeBenefit | undefined {
  return benefits.find((b): b is FeeBenefit => b.type === 'courseFeeShare' || b.type === 'courseFeeCoverage');
}

export function bandFor(bands: HeadCountBand[], headCount: number): HeadCountBand | undefined {
  return bands.find((b) => inBand(headCount, b.minHeadCount, b.maxHeadCount));
}

const pct = (value: number, l: Lang) => `${formatNumber(value, l)} %`;

/** The programme's share by company size alone, with the company-level reason. */
export function companyFeeShare(benefit: FeeBenefit, headCount: number): { percent: number; reason: Reason } {
  if (benefit.type === 'courseFeeCoverage') {
    return { percent: benefit.percent, reason: { status: 'met', text: bilingual((l) => (l === 'de' ? `Lehrgangskosten zu ${pct(benefit.percent, l)} übernommen` : `${pct(benefit.percent, l)} of the course fee covered`)) } };
  }
  const band = bandFor(benefit.bands, headCount);
  if (!band) {
    return { percent: 0, reason: { status: 'unmet', text: bilingual((l) => (l === 'de' ? `Keine Förderstufe für ${formatNumber(headCount, l)} Beschäftigte` : `No funding band for ${formatNumber(headCount, l)} staff`)) } };
  }
  const programme = benefit.share === 'programme' ? band.percent : 100 - band.percent;
  const size = headCountBandText(band.minHeadCount, band.maxHeadCount);
  const text = bilingual((l) => {
    const own = l === 'de' ? `Eigenanteil ${pct(100 - programme, l)}` : `own share ${pct(100 - programme, l)}`;
    const funded = benefit.share === 'programme' ? (l === 'de' ? `Förderung ${pct(programme, l)}, ` : `funding ${pct(programme, l)}, `) : '';
    return `${l === 'de' ? 'Betrieb' : 'Company'} ${size[l]}: ${funded}${own}`;
  });
  return { percent: programme, reason: { status: 'met', text } };
}

/**
 * A participant group's share: the company band, unless a waiver applies in full. A waiver that
 * can only be "to be checked" is reported but not counted: the money stays on the safe side.
 */
export function groupFeeShare(benefit: FeeBenefit, basePercent: number, ctx: CheckContext, group: number): { percent: number; reasons: Reason[] } {
  if (benefit.type !== 'courseFeeShare' || !benefit.waivers?.length || basePercent >= 100) return { percent: basePercent, reasons: [] };
  const reasons: Reason[] = [];
  for (const waiver of benefit.waivers) {
    const check = checkAll(waiver.when, ctx);
    if (check.status === 'met') {
      return { percent: 100, reasons: [{ status: 'met', group, text: bilingual((l) => `${waiver.label[l]}: ${l === 'de' ? 'Eigenanteil' : 'own share'} ${pct(0, l)} (${check.text[l]})`) }] };
    }
    if (check.status === 'unknown') {
      reasons.push({ status: 'unknown', group, text: bilingual((l) => `${waiver.label[l]}: ${l === 'de' ? 'zu prüfen' : 'to be checked'} (${check.text[l]})`) });
    }
  }
  return { percent: basePercent, reasons };
}

/** Benefits that do not change the course fee, in words. */
export function otherBenefitTexts(benefits: Benefit[], headCount: number): Text[] {
  const texts: Text[] = [];
  for (const b of benefits) {
    if (b.type === 'wageSubsidy') {
      const band = b.bands ? bandFor(b.bands, headCount) : undefined;
      texts.push(
        band
          ? bilingual((l) => (l === 'de' ? `Zuschuss zum Arbeitsentgelt: ${pct(band.percent, l)}` : `Wage subsidy: ${pct(band.percent, l)}`))
          : { de: 'Zuschuss zum Arbeitsentgelt möglich; Satz nicht hinterlegt (vom Betreiber zu pflegen)', en: 'Wage subsidy possible; rate not on file (to be maintained by the operator)' },
      );
    } else if (b.type === 'wageReplacement') {
      texts.push(bilingual((l) => (l === 'de' ? `${pct(b.percentOfLostNetPay, l)} (mit Kind ${pct(b.percentWithChild, l)}) des ausgefallenen Nettoentgelts` : `${pct(b.percentOfLostNetPay, l)} (with a child ${pct(b.percentWithChild, l)}) of lost net pay`)));
    } else if (b.type === 'leaveEntitlement') {
      texts.push(bilingual((l) => (l === 'de' ? `${formatNumber(b.daysPerYear, l)} Tage bezahlte Freistellung im Jahr` : `${formatNumber(b.daysPerYear, l)} days of paid leave a year`)));
    }
    if ((b.type === 'wageSubsidy' || b.type === 'leaveEntitlement') && b.note) texts.push(b.note);
  }
  return texts;
}

/** Qualifizierungsgeld per month for a participant whose lost net pay is known. */
export function wageReplacementFor(benefits: Benefit[], lostNetPayCents: number | undefined, hasChild: boolean | undefined): number | undefined {
  const b = benefits.find((x) => x.type === 'wageReplacement');
  if (!b || lostNetPayCents === undefined) return undefined;
  return percentOfCents(lostNetPayCents, hasChild ? b.percentWithChild : b.percentOfLostNetPay);
}

export function capText(cap: number): Text {
  return bilingual((l) => (l === 'de' ? `höchstens ${formatEuro(cap, l)} je Teilnehmende/n` : `at most ${formatEuro(cap, l)} per participant`));
}
