import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BUNDLE_STATUSES, BundleStatusFilter } from './bundles.query';

/**
 * One company's need in a bundle, disclosed as far as the viewer may see it (domain/disclosure.ts):
 * need and company in full, the company's name only where it agreed, or participants and district.
 */
export class BundleMemberView {
  @ApiProperty({ enum: ['full', 'named', 'anonymous'] }) disclosure!: 'full' | 'named' | 'anonymous';
  @ApiPropertyOptional({ format: 'uuid' }) needId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) companyId?: string;
  @ApiPropertyOptional() companyName?: string;
  @ApiProperty() participants!: number;
  @ApiProperty({ example: '06635' }) districtKey!: string;
}

/** Needs of several companies one course date could serve together. */
export class BundleView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: BUNDLE_STATUSES, description: 'forming: zu wenige; viable: Mindestteilnehmerzahl erreicht / forming: too few; viable: minimum reached' })
  status!: BundleStatusFilter;
  @ApiProperty({ format: 'uuid' }) offerId!: string;
  @ApiPropertyOptional() offerTitle?: string;
  @ApiProperty({ format: 'uuid' }) courseDateId!: string;
  @ApiPropertyOptional({ example: '2026-03-02' }) startDate?: string;
  @ApiPropertyOptional({ example: '2026-06-30' }) endDate?: string;
  @ApiProperty({ format: 'uuid' }) providerId!: string;
  @ApiPropertyOptional() providerName?: string;
  @ApiProperty() minParticipants!: number;
  @ApiProperty() totalParticipants!: number;
  @ApiProperty({ description: 'Bis zur Mindestteilnehmerzahl fehlen / missing to the minimum' }) missingParticipants!: number;
  @ApiProperty({ description: 'Zahl der Unternehmen / number of companies' }) companies!: number;
  @ApiProperty({ type: [String] }) districtKeys!: string[];
  @ApiProperty({ type: [String] }) skillUris!: string[];
  @ApiProperty({ type: [BundleMemberView] }) members!: BundleMemberView[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class BundlePageView {
  @ApiProperty({ type: [BundleView] }) items!: BundleView[];
  @ApiPropertyOptional({ description: 'Vorhanden, wenn weitere folgen; als `cursor` zurückgeben / present when more follow' }) nextCursor?: string;
}
