import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NEED_STATUSES, NeedStatus } from '@bildungsraum/contracts';
import { Need } from '../domain/need';
import { NeedContent } from '../domain/need-content';

/** A need as the API shows it to the company, its coordinators and operators. */
export class NeedView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: NEED_STATUSES }) status!: NeedStatus;
  @ApiProperty({ format: 'uuid' }) companyId!: string;
  @ApiProperty({ description: 'Größenklasse, Beschäftigte, Landkreis (aus partners) / size class, head count, district' }) company!: Record<string, unknown>;
  @ApiProperty({ description: 'Wer erfasst hat: Unternehmen, Koordination (im Auftrag) oder Betrieb / who captured it' })
  capturedBy!: { partnerId: string; role: string; subject: string };
  @ApiProperty({ description: 'Alle Felder des Bedarfs / every field of the need (see the create request)' }) content!: NeedContent;
  @ApiPropertyOptional() submittedAt?: string;
  @ApiPropertyOptional() fulfilledByMatchId?: string;
  @ApiPropertyOptional() withdrawal?: { reasonCode: string; reason?: string };
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export function toNeedView(need: Need): NeedView {
  const s = need.snapshot;
  return {
    id: s.id,
    version: s.version,
    status: s.status,
    companyId: s.companyId,
    company: { ...s.company },
    capturedBy: s.capturedBy,
    content: s.content,
    ...(s.submittedAt ? { submittedAt: s.submittedAt } : {}),
    ...(s.fulfilledByMatchId ? { fulfilledByMatchId: s.fulfilledByMatchId } : {}),
    ...(s.withdrawal ? { withdrawal: s.withdrawal } : {}),
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}
