import { bestCompanyCost, type CostCombination } from '../evaluate/best-company-cost';
import type { FundingResult, ProgrammeEvaluation } from '../model/query';
import { formatEuro, type Lang, type Text } from '../model/text';

const TO_VERIFY: Text = { de: ' (Voraussetzungen zu prüfen)', en: ' (conditions to be checked)' };

function list(bases: Text[], lang: Lang): string {
  return bases.map((b) => b[lang]).join(lang === 'de' ? ' und ' : ' and ');
}

function explainCombination(c: CostCombination, lang: Lang): string {
  const amount = formatEuro(c.companyPaysCents, lang);
  const suffix = c.toVerify ? TO_VERIFY[lang] : '';
  if (c.programmeIds.length === 0) return lang === 'de' ? `Keine Förderung der Lehrgangskosten: Eigenanteil ${amount}` : `No course fee funding: company pays ${amount}`;
  return lang === 'de' ? `Eigenanteil ${amount} nach ${list(c.legalBases, lang)}${suffix}` : `Company pays ${amount} under ${list(c.legalBases, lang)}${suffix}`;
}

function explainProgramme(p: ProgrammeEvaluation, lang: Lang): string {
  const basis = p.legalBasis[lang];
  if (!p.applies) {
    const why = p.reasons.find((r) => r.status === 'unmet')?.text[lang];
    const tail = why ? `: ${why}` : '';
    return lang === 'de' ? `${basis} nicht anwendbar${tail}` : `${basis} does not apply${tail}`;
  }
  const suffix = p.toVerify ? TO_VERIFY[lang] : '';
  // Leave or wage replacement pays nothing towards the fee: name what it gives instead.
  if (p.totals.programmePaysCents === 0 && p.otherBenefits[0]) return `${basis}: ${p.otherBenefits[0][lang]}${suffix}`;
  const amount = formatEuro(p.totals.companyPaysCents, lang);
  const extra = p.otherBenefits[0] ? `; ${p.otherBenefits[0][lang]}` : '';
  return lang === 'de' ? `Eigenanteil ${amount} nach ${basis}${extra}${suffix}` : `Company pays ${amount} under ${basis}${extra}${suffix}`;
}

function isCombination(x: FundingResult | ProgrammeEvaluation | CostCombination): x is CostCombination {
  return 'shares' in x;
}

/**
 * One line for a coordinator: "Eigenanteil 0 € nach § 82 SGB III" / "Company pays €0 under
 * § 82 SGB III". A whole result is summed up by its cheapest combination (bestCompanyCost).
 */
export function explainFunding(result: FundingResult | ProgrammeEvaluation | CostCombination, lang: Lang): string {
  if (isCombination(result)) return explainCombination(result, lang);
  if ('programmes' in result) return explainCombination(bestCompanyCost(result), lang);
  return explainProgramme(result, lang);
}
