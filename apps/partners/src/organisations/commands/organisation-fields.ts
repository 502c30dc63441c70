import { JSONSchema } from 'class-validator-jsonschema';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

/** Request parts shared by registration and update. */
export class CompanyFactsRequest {
  @JSONSchema({ description: 'Beschäftigte (Köpfe) / head count; the size class is derived from it', examples: [42] })
  @IsInt() @Min(0) @Max(10_000_000) employees!: number;

  @JSONSchema({ description: 'WZ 2008 section or class', examples: ['25.62'] })
  @IsOptional() @IsString() @Matches(/^[A-U](\d{2}(\.\d{1,2})?)?$|^\d{2}(\.\d{1,2}){0,2}$/, { message: 'sector must be a WZ 2008 code such as C or 25.62' })
  sector?: string;
}

export class ProviderFactsRequest {
  @JSONSchema({ description: 'Trägerzulassung nach AZAV / carrier approval under AZAV' })
  @IsBoolean() azavApproved!: boolean;

  @JSONSchema({ description: 'Zulassung gültig bis / approval valid until (YYYY-MM-DD)', examples: ['2027-06-30'] })
  @IsOptional() @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'azavValidUntil must be a date YYYY-MM-DD' })
  azavValidUntil?: string;
}

export class SiteRequest {
  @JSONSchema({ description: 'Keep the id of an existing site when updating' })
  @IsOptional() @IsUUID() id?: string;

  @JSONSchema({ examples: ['Hauptsitz'] })
  @IsString() @Length(1, 200) label!: string;
  @JSONSchema({ examples: ['Industriestraße 4'] })
  @IsOptional() @IsString() @Length(1, 200) street?: string;

  @JSONSchema({ description: 'Postleitzahl; Koordinaten und Landkreis werden daraus bestimmt / coordinates and district are derived', examples: ['34497'] })
  @IsString() @Matches(/^\d{5}$/, { message: 'postalCode must be a 5-digit postal code' }) postalCode!: string;

  @JSONSchema({ examples: ['Korbach'] })
  @IsString() @Length(1, 120) city!: string;
}

export class ContactPersonRequest {
  @JSONSchema({ examples: ['Erika Mustermann'] })
  @IsString() @Length(1, 200) name!: string;
  @JSONSchema({ examples: ['Ausbildungsleitung'] })
  @IsOptional() @IsString() @Length(1, 200) role?: string;
  @JSONSchema({ examples: ['erika.mustermann@example.org'] })
  @IsOptional() @IsEmail() @Length(3, 254) email?: string;
  @JSONSchema({ examples: ['+49 5631 12345'] })
  @IsOptional() @Matches(/^\+?[0-9 ()/-]{3,40}$/, { message: 'phone must be a telephone number' }) phone?: string;
}

export const SITES_MAX = 50;
export const CONTACTS_MAX = 20;

/** Helpers to declare nested arrays once (whitelisting only reaches nested objects through @Type). */
export function nestedArray<T>(type: () => new () => T, max: number): PropertyDecorator {
  return (target, key) => {
    IsArray()(target, key);
    ArrayMaxSize(max)(target, key);
    ValidateNested({ each: true })(target, key);
    Type(type)(target, key);
  };
}

export function nestedObject<T>(type: () => new () => T): PropertyDecorator {
  return (target, key) => {
    ValidateNested()(target, key);
    Type(type)(target, key);
  };
}
