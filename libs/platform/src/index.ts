// Config
export * from './config/load-config';
export * from './config/auth-settings';
export * from './config/service-config';
export * from './config/transforms';
// Request context and logging
export * from './context/request-context';
export * from './context/correlation';
export * from './logging/logger';
export * from './logging/pino-logger.service';
export * from './logging/tokens';
// Errors
export * from './errors/problem-details';
export * from './errors/problems';
export * from './errors/problem-details.filter';
export * from './errors/validation.pipe';
// Auth
export * from './auth/principal';
export * from './auth/policy';
export * from './auth/decorators';
export * from './auth/claims';
export * from './auth/token-verifier';
export * from './auth/tokens';
export * from './auth/jwt-auth.guard';
export * from './auth/roles.guard';
export * from './auth/dev-token';
// Health, metrics, HTTP pipeline, OpenAPI
export * from './health/health-check';
export * from './health/health.controller';
export * from './health/health.module';
export * from './metrics/metrics';
export * from './metrics/metrics.controller';
export * from './http/public-rate-limit.guard';
export * from './http/request-context.middleware';
export * from './http/json-body.middleware';
export * from './http/raw-body-route';
export * from './http/keyset-cursor';
export * from './http/access-log.middleware';
export * from './openapi/openapi';
export * from './openapi/raw-request-body';
// Bootstrap
export * from './bootstrap/tokens';
export * from './bootstrap/platform.module';
export * from './bootstrap/bootstrap-service';
export * from './bootstrap/load-config-or-exit';
export * from './errors/domain-error.interceptor';
export * from './openapi/write-service-openapi';
