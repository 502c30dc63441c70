import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { NeedFieldsRequest } from '../need-fields';

/** PATCH: only the fields sent change. */
export class UpdateNeedRequest extends NeedFieldsRequest {
  @IsOptional() @IsString() @Length(1, 4000) description?: string;
  @IsOptional() @IsInt() @Min(1) @Max(10_000) participants?: number;
}

export class WithdrawNeedRequest {
  @IsOptional() @IsString() @Length(1, 2000) reason?: string;
}
