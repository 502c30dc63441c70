import { IsBoolean, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { NeedFieldsRequest } from '../need-fields';

export class CreateNeedRequest extends NeedFieldsRequest {
  @JSONSchema({ description: 'In eigenen Worten / in the company’s own words' })
  @IsString() @Length(1, 4000) description!: string;
  @IsInt() @Min(1) @Max(10_000) participants!: number;

  @JSONSchema({ description: 'Für Koordination/Betrieb Pflicht; Unternehmen: das eigene / required for coordinators; companies: their own' })
  @IsOptional() @IsUUID() companyId?: string;

  @JSONSchema({ description: 'Sofort einreichen statt Entwurf / submit at once instead of keeping a draft' })
  @IsOptional() @IsBoolean() submit?: boolean;
}
