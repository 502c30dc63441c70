import { BeforeApplicationShutdown, Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Response } from 'express';
import { Public } from '../auth/decorators';
import { CheckResult, HealthCheck, runCheck } from './health-check';

export const HEALTH_CHECKS = Symbol('HEALTH_CHECKS');

export interface ReadinessReport {
  status: 'up' | 'down';
  checks: Record<string, CheckResult>;
}

/** Kubernetes probes: liveness says "the process works", readiness "send me traffic". */
@ApiTags('health')
@Public()
@SkipThrottle()
@Controller('health')
export class HealthController implements BeforeApplicationShutdown {
  private shuttingDown = false;

  constructor(@Inject(HEALTH_CHECKS) private readonly checks: HealthCheck[]) {}

  /** On SIGTERM report not-ready at once, so the load balancer stops routing while we drain. */
  beforeApplicationShutdown(): void {
    this.shuttingDown = true;
  }

  @Get('live')
  @ApiOperation({ summary: 'Lebt der Prozess? / Is the process alive?' })
  @ApiOkResponse({ description: 'Prozess läuft / process is up' })
  live(): { status: 'up' } {
    return { status: 'up' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Bereit für Anfragen? / Ready for traffic?' })
  @ApiOkResponse({ description: 'Alle Abhängigkeiten erreichbar / all dependencies reachable' })
  @ApiServiceUnavailableResponse({ description: 'Mindestens eine Prüfung schlägt fehl / at least one check fails' })
  async ready(@Res({ passthrough: true }) response: Response): Promise<ReadinessReport> {
    const results = await Promise.all(this.checks.map(async (check) => [check.name, await runCheck(check)] as const));
    const checks: Record<string, CheckResult> = Object.fromEntries(results);
    if (this.shuttingDown) checks.shutdown = { status: 'down', durationMs: 0, error: 'shutting down' };
    const status = Object.values(checks).every((result) => result.status === 'up') ? 'up' : 'down';
    response.status(status === 'up' ? 200 : 503);
    return { status, checks };
  }
}
