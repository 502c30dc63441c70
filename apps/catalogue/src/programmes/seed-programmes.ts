import { DataSource } from 'typeorm';
import { FEDERAL_PROGRAMMES } from '@bildungsraum/funding';
import { appendToOutbox } from '@bildungsraum/persistence';
import { CATALOGUE_SCHEMA } from '../db/catalogue-data-source';
import { programmeEvent, programmeRecords } from './programme-records';

/**
 * Seeds the federal programmes (and the regional example) once: a programme that exists is left
 * as operators edited it. Each seeded programme is published through the outbox like any other.
 */
export async function seedProgrammes(dataSource: DataSource): Promise<string[]> {
  return dataSource.transaction(async (manager) => {
    const seeded: string[] = [];
    for (const programme of FEDERAL_PROGRAMMES) {
      if (await programmeRecords.find(manager, programme.id)) continue;
      const record = { id: programme.id, version: 1, status: 'active' as const, scope: programme.example ? 'example' : 'federal', seeded: true, programme };
      await programmeRecords.save(manager, record);
      await appendToOutbox(manager, CATALOGUE_SCHEMA, [programmeEvent(record, { correlationId: `seed-${programme.id}` })]);
      seeded.push(programme.id);
    }
    return seeded;
  });
}
