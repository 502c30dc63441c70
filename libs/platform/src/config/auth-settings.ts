import { ArrayNotEmpty, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUrl, Max, Min, MinLength, ValidateIf } from 'class-validator';
import { ToInteger, ToList } from './transforms';
import { NotInProduction } from './not-in-production';

export type AuthMode = 'oidc' | 'local';

/**
 * Only for development and tests: lets `npm start` and `npm run token` agree on a key without any
 * set-up. Local mode is refused when NODE_ENV=production, so this can never guard real data.
 */
export const DEFAULT_DEV_JWT_SECRET = 'bildungsraum-local-development-secret-not-for-production';

/** How bearer tokens are verified and how their claims map onto a Principal (ARCHITECTURE.md §6). */
export class AuthSettings {
  @IsOptional()
  @IsString()
  NODE_ENV?: string;

  /** `oidc`: tokens from an OIDC provider (Keycloak et al.); `local`: self-minted development tokens. */
  @IsIn(['oidc', 'local'], { message: "AUTH_MODE must be 'oidc' or 'local'" })
  @NotInProduction('local')
  AUTH_MODE: AuthMode = 'local';

  /** The `iss` of accepted tokens; also where discovery (`/.well-known/openid-configuration`) is fetched. */
  @ValidateIf((config: AuthSettings) => config.AUTH_MODE === 'oidc')
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] }, { message: 'OIDC_ISSUER_URL must be the http(s) URL of the OIDC issuer (required when AUTH_MODE=oidc)' })
  OIDC_ISSUER_URL?: string;

  /** Skips discovery when set. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] }, { message: 'OIDC_JWKS_URL must be an http(s) URL' })
  OIDC_JWKS_URL?: string;

  /** The `aud` this service accepts; with Keycloak add an audience mapper to the client. */
  @ValidateIf((config: AuthSettings) => config.AUTH_MODE === 'oidc')
  @IsNotEmpty({ message: 'OIDC_AUDIENCE is required when AUTH_MODE=oidc' })
  @IsString()
  OIDC_AUDIENCE?: string;

  @ToInteger()
  @IsInt()
  @Min(0)
  @Max(300)
  AUTH_CLOCK_TOLERANCE_SECONDS = 30;

  @ValidateIf((config: AuthSettings) => config.AUTH_MODE === 'local')
  @IsString()
  @MinLength(32, { message: 'DEV_JWT_SECRET must be at least 32 characters (HS256 key)' })
  DEV_JWT_SECRET: string = DEFAULT_DEV_JWT_SECRET;

  @IsString()
  @IsNotEmpty()
  DEV_JWT_ISSUER = 'bildungsraum-dev';

  @IsString()
  @IsNotEmpty()
  DEV_JWT_AUDIENCE = 'bildungsraum';

  /**
   * Claim paths (dot-separated, comma-separated list) whose values are merged into the roles;
   * Keycloak puts realm roles under `realm_access.roles`. Unknown role names are ignored.
   */
  @ToList()
  @ArrayNotEmpty()
  @IsString({ each: true })
  AUTH_ROLES_CLAIM: string[] = ['roles', 'realm_access.roles'];

  /** Claim path of the user's partner organisation id. */
  @IsString()
  @IsNotEmpty()
  AUTH_PARTNER_CLAIM = 'partner_id';
}
