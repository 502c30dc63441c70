import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export class EmailChannelRequest {
  /** Personal data of this service: erased with DELETE. */
  @IsEmail({}, { message: 'address muss eine gültige E-Mail-Adresse sein / address must be a valid email address' })
  @MaxLength(254)
  address!: string;

  @IsOptional() @IsIn(['de', 'en']) language?: 'de' | 'en';

  /** Subscribe the channel to the role's defaults at once (default true). */
  @IsOptional() @IsBoolean() defaultSubscription?: boolean;
}

export class WebhookChannelRequest {
  /** http(s) URL of the receiver; must resolve to a public address unless the operator allows private ones. */
  @IsString() @MaxLength(2048) url!: string;

  @IsOptional() @IsIn(['de', 'en']) language?: 'de' | 'en';

  @IsOptional() @IsBoolean() defaultSubscription?: boolean;
}
