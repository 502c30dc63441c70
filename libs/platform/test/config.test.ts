import { IsUrl } from 'class-validator';
import { ConfigError, loadConfig, ServiceConfig } from '../src';

const minimal = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres', NATS_URL: 'nats://127.0.0.1:4222' };

function failure(env: Record<string, string>): ConfigError {
  try {
    loadConfig(ServiceConfig, env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected loadConfig to refuse the environment');
}

describe('loadConfig', () => {
  it('applies defaults and converts types', () => {
    const config = loadConfig(ServiceConfig, { ...minimal, PORT: '8080', RATE_LIMIT_ENABLED: 'false', UNRELATED_SECRET: 'x' });
    expect(config).toBeInstanceOf(ServiceConfig);
    expect(config).toMatchObject({ PORT: 8080, LOG_LEVEL: 'info', HTTP_BODY_LIMIT: '256kb', AUTH_MODE: 'local', RATE_LIMIT_ENABLED: false });
    expect(config.AUTH_ROLES_CLAIM).toEqual(['roles', 'realm_access.roles']);
    expect(config).not.toHaveProperty('UNRELATED_SECRET');
  });

  it('names every missing or bad variable and what it expects', () => {
    const error = failure({ PORT: 'abc', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://root:hunter2@db/x' });
    expect(error.issues.map((issue) => issue.variable).sort()).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'NATS_URL', 'PORT']);
    expect(error.message).toContain('PORT (erhalten / got "abc"): PORT must be an integer between 0 and 65535');
    expect(error.message).toContain('NATS_URL (fehlt / missing): NATS_URL must be one or more comma-separated nats:// URLs');
    expect(error.message).toMatch(/LOG_LEVEL .*must be one of fatal, error/);
    // Secrets in connection strings never reach the log.
    expect(error.message).not.toContain('hunter2');
    expect(error.message).toContain('DATABASE_URL (Wert verborgen / value hidden)');
  });

  it('requires issuer and audience in OIDC mode', () => {
    const error = failure({ ...minimal, AUTH_MODE: 'oidc' });
    expect(error.issues.map((issue) => issue.variable).sort()).toEqual(['OIDC_AUDIENCE', 'OIDC_ISSUER_URL']);
    expect(() => loadConfig(ServiceConfig, { ...minimal, AUTH_MODE: 'oidc', OIDC_ISSUER_URL: 'https://id.example.de/realms/br', OIDC_AUDIENCE: 'needs' })).not.toThrow();
  });

  it('refuses development tokens in production', () => {
    const error = failure({ ...minimal, NODE_ENV: 'production' });
    expect(error.message).toContain('AUTH_MODE=local is not allowed when NODE_ENV=production');
  });

  it('refuses a short development secret without printing it', () => {
    const error = failure({ ...minimal, DEV_JWT_SECRET: 'short-secret' });
    expect(error.message).toContain('DEV_JWT_SECRET');
    expect(error.message).not.toContain('short-secret');
  });

  it('lets services extend the base class', () => {
    class NeedsConfig extends ServiceConfig {
      @IsUrl({ require_tld: false })
      PUBLIC_BASE_URL = 'http://localhost:3001';
    }
    expect(loadConfig(NeedsConfig, minimal).PUBLIC_BASE_URL).toBe('http://localhost:3001');
    expect(() => loadConfig(NeedsConfig, { ...minimal, PUBLIC_BASE_URL: 'not a url' })).toThrow(/PUBLIC_BASE_URL/);
  });
});
