import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProgrammeSnapshotV1 } from '@bildungsraum/contracts';
import { FundingProgramme, validateProgramme } from '@bildungsraum/funding';
import { currentCause, OptionalPrincipal, Principal, Public, Roles } from '@bildungsraum/platform';
import { conflict, DomainError, invalid } from '@bildungsraum/domain-kernel';
import { CatalogueStore } from '../shared/infra/catalogue-store';
import { notFound } from '../shared/domain/catalogue-errors';
import { forgetProgrammes } from './programme-course-match';
import { ProgrammeRequest } from './programme.requests';
import { programmeEvent, ProgrammeRecord, programmeRecords, programmeSnapshot } from './programme-records';

@ApiTags('programmes')
@Controller('programmes')
export class ProgrammesController {
  constructor(private readonly store: CatalogueStore) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Förderprogramme mit Regelwerk (Betrieb: auch ausgelaufene) / funding programmes (operators: also retired)' })
  async list(@OptionalPrincipal() principal: Principal | undefined): Promise<{ items: ProgrammeSnapshotV1[] }> {
    const operator = !!principal?.roles.includes('operator');
    const records = await this.store.read((manager) => programmeRecords.all(manager, { activeOnly: !operator }));
    return { items: records.map(programmeSnapshot) };
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'Ein Förderprogramm / one funding programme' })
  async get(@Param('id') id: string): Promise<ProgrammeSnapshotV1> {
    const record = await this.store.read((manager) => programmeRecords.find(manager, id));
    if (!record) throw notFound('programme');
    return programmeSnapshot(record);
  }

  @Post()
  @Roles('operator')
  @ApiOperation({ summary: 'Förderprogramm anlegen (Betrieb) / create a funding programme (operators)' })
  create(@Body() body: ProgrammeRequest): Promise<ProgrammeSnapshotV1> {
    const programme = checked(body.programme);
    return this.store.change(async (manager) => {
      if (await programmeRecords.find(manager, programme.id)) throw conflict('programme.exists', `Programm ${programme.id} gibt es schon / programme exists`);
      const record: ProgrammeRecord = { id: programme.id, version: 1, status: body.status ?? 'active', scope: body.scope ?? 'regional', seeded: false, programme };
      await programmeRecords.save(manager, record);
      forgetProgrammes();
      return { result: programmeSnapshot(record), events: [programmeEvent(record, currentCause())] };
    });
  }

  @Put(':id')
  @Roles('operator')
  @ApiOperation({ summary: 'Förderprogramm ersetzen (neue Fassung, Status) / replace a programme (new rule version, status)' })
  replace(@Param('id') id: string, @Body() body: ProgrammeRequest): Promise<ProgrammeSnapshotV1> {
    const programme = checked(body.programme);
    if (programme.id !== id) throw invalid('programme.id-mismatch', 'ID im Pfad und im Regelwerk verschieden / ids differ', [{ field: 'programme.id', in: 'body', detail: `must be ${id}` }]);
    return this.store.change(async (manager) => {
      const current = await programmeRecords.find(manager, id, { lock: true });
      if (!current) throw notFound('programme');
      const next: ProgrammeRecord = { ...current, programme, status: body.status ?? current.status, scope: body.scope ?? current.scope };
      if (JSON.stringify(next) === JSON.stringify(current)) return { result: programmeSnapshot(current), events: [] };
      const record = { ...next, version: current.version + 1 };
      await programmeRecords.save(manager, record);
      forgetProgrammes();
      return { result: programmeSnapshot(record), events: [programmeEvent(record, currentCause())] };
    });
  }
}

/** Operators' JSON through the funding library's validator: 422 naming every faulty path. */
function checked(json: Record<string, unknown>): FundingProgramme {
  const validation = validateProgramme(json);
  if (validation.valid) return validation.programme;
  throw new DomainError(
    'invalid',
    'programme.invalid',
    'Regelwerk ungültig / invalid rule set',
    validation.errors.slice(0, 50).map((error) => ({ field: `programme.${error.path}`, in: 'body' as const, detail: error.message })),
  );
}
