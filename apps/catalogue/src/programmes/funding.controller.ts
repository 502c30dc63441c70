import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { bestCompanyCost, CostCombination, evaluateFunding, explainFunding, FundingResult } from '@bildungsraum/funding';
import { CurrentPrincipal, Principal } from '@bildungsraum/platform';
import { mayRead } from '../offers/domain/offer-access';
import { offerRepository } from '../offers/infra/offer.repository';
import { providerDirectory } from '../providers/provider-directory';
import { CatalogueStore } from '../shared/infra/catalogue-store';
import { notFound } from '../shared/domain/catalogue-errors';
import { courseFacts } from './programme-course-match';
import { FundingQuestionRequest } from './programme.requests';
import { programmeRecords } from './programme-records';

export interface FundingAnswer {
  offerId: string;
  courseDateId: string;
  result: FundingResult;
  /** The cheapest combination for the company and what it pays. */
  best: CostCombination;
  explanation: { de: string; en: string };
}

@ApiTags('funding')
@Controller('funding')
export class FundingController {
  constructor(private readonly store: CatalogueStore) {}

  @Post('evaluate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Welche Förderung greift und was zahlt der Betrieb? / which programmes apply and what the company pays' })
  async evaluate(@CurrentPrincipal() principal: Principal, @Body() body: FundingQuestionRequest): Promise<FundingAnswer> {
    return this.store.read(async (manager) => {
      const offerId = await offerRepository.offerIdOfDate(manager, body.courseDateId);
      const offer = offerId ? await offerRepository.load(manager, offerId) : undefined;
      const date = offer?.snapshot.dates.find((candidate) => candidate.id === body.courseDateId);
      if (!offer || !date || !mayRead(principal, offer.snapshot)) throw notFound('date');
      const provider = await providerDirectory.find(manager, offer.snapshot.providerId);
      const programmes = (await programmeRecords.all(manager, { activeOnly: true })).map((record) => record.programme);
      const result = evaluateFunding(programmes, {
        company: body.company,
        participants: body.participants,
        course: courseFacts(offer.snapshot, provider?.azavApproved ?? false, date.startDate),
        ...(body.on ? { on: body.on } : {}),
      });
      const best = bestCompanyCost(result);
      return { offerId: offer.snapshot.id, courseDateId: date.id, result, best, explanation: { de: explainFunding(best, 'de'), en: explainFunding(best, 'en') } };
    });
  }
}
