import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { GAP_STATUSES, GapStatus } from './gaps.query';

export class SkillLabelView {
  @ApiPropertyOptional() de?: string;
  @ApiPropertyOptional() en?: string;
}

/**
 * A gap: demand in one district and skill group that no reachable course date serves. Demand
 * figures are the open ones now (a closed gap has none left); needs and companies stay anonymous.
 */
export class GapView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: GAP_STATUSES }) status!: GapStatus;
  @ApiProperty({ description: 'Landkreis (AGS) des Bedarfsorts / district of the needs’ sites', example: '06635' }) districtKey!: string;
  @ApiPropertyOptional({ description: 'Name des Landkreises, sofern die Referenzdaten ihn kennen / district name where the reference data has it', example: 'Landkreis Waldeck-Frankenberg' }) districtName?: string;
  @ApiProperty({ description: 'Fähigkeitsgruppe: ESCO-Fähigkeitsgruppe (oder übergeordnete Fähigkeit) der Bedarfe, sonst die Fähigkeit selbst / skill group: the ESCO skill group (or broader skill) of the needs’ skills, else the skill itself' }) skillGroup!: string;
  @ApiProperty({ type: SkillLabelView, description: 'Bezeichnung aus ESCO, sofern importiert / ESCO label where imported' }) skillLabel!: SkillLabelView;
  @ApiProperty({ type: [String] }) targetGroups!: string[];
  @ApiProperty({ description: 'Teilnehmende ohne erreichbares Angebot / participants without a reachable offer' }) participants!: number;
  @ApiProperty({ description: 'Zahl der Unternehmen / number of companies' }) companies!: number;
  @ApiProperty({ description: 'Zahl der Bedarfe / number of needs' }) needs!: number;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class GapPageView {
  @ApiProperty({ type: [GapView] }) items!: GapView[];
  @ApiPropertyOptional({ description: 'Vorhanden, wenn weitere folgen; als `cursor` zurückgeben / present when more follow' }) nextCursor?: string;
}
