import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { NeedSubmittedV1 } from '@bildungsraum/contracts';
import { eventually } from '@bildungsraum/testing';
import { createNeedsDataSource } from '../src/db/needs-data-source';
import { loadDemo } from '../src/demo/load-demo';
import { NeedsHarness, startNeeds } from './support/needs-harness';

describe('demo needs (Korbach: CNC and Staplerschein)', () => {
  let h: NeedsHarness;
  let dataSource: DataSource;

  beforeAll(async () => {
    h = await startNeeds('needsdemo');
    dataSource = await createNeedsDataSource(h.config.DATABASE_URL, { poolSize: 2 }).initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await h?.close();
  });

  it('loads the needs of the demo companies from the partners demo file, once, and publishes them through the outbox', async () => {
    const demo = {
      partners: [
        { id: randomUUID(), name: 'Wirtschaftsförderung Waldeck-Frankenberg (Demo)', role: 'coordinator', network: 'nordhessen' },
        { id: randomUUID(), name: 'Metallbau Korbach GmbH (Demo)', role: 'company', network: 'nordhessen' },
        { id: randomUUID(), name: 'Holzbau Frankenberg (Demo)', role: 'company', network: 'nordhessen' },
      ],
    };
    expect(await loadDemo(dataSource, demo)).toEqual({ created: 3, skipped: 0 });
    expect(await loadDemo(dataSource, demo)).toEqual({ created: 0, skipped: 3 });
    const events = await eventually(async () => {
      const submitted = (await h.streamEvents()).filter((event) => event.type === 'needs.need.submitted.v1');
      if (submitted.length !== 3) throw new Error(`${submitted.length} events`);
      return submitted.map((event) => event.data as NeedSubmittedV1);
    });
    const korbach = events.filter((need) => need.company.id === demo.partners[1]?.id);
    expect(korbach.map((need) => need.kldbCode).sort()).toEqual(['24232', '51312']);
    expect(korbach.every((need) => need.site.districtKey === '06635')).toBe(true);
    expect(events.every((need) => need.capturedBy.role === 'coordinator')).toBe(true);
  });
});
