import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { NeedSubmittedV1 } from '@bildungsraum/contracts';
import { eventually } from '@bildungsraum/testing';
import { createNeedsDataSource } from '../src/db/needs-data-source';
import { loadDemo } from '../src/demo/load-demo';
import { NeedsHarness, startNeeds } from './support/needs-harness';

describe('demo needs (Korbach: CNC and Staplerschein; Holzminden: injection moulding)', () => {
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
        { id: randomUUID(), name: 'Bildungscoaches Weserbergland (Demo)', role: 'coordinator', network: 'weserbergland' },
        { id: randomUUID(), name: 'Weser Kunststofftechnik GmbH (Demo)', role: 'company', network: 'weserbergland' },
      ],
    };
    const now = new Date('2026-11-21T10:00:00Z');
    expect(await loadDemo(dataSource, demo, now)).toEqual({ created: 4, skipped: 0 });
    expect(await loadDemo(dataSource, demo, now)).toEqual({ created: 0, skipped: 4 });
    const events = await eventually(async () => {
      const submitted = (await h.streamEvents()).filter((event) => event.type === 'needs.need.submitted.v1');
      if (submitted.length !== 4) throw new Error(`${submitted.length} events`);
      return submitted.map((event) => event.data as NeedSubmittedV1);
    });
    const korbach = events.filter((need) => need.company.id === demo.partners[1]?.id);
    expect(korbach.map((need) => need.kldbCode).sort()).toEqual(['24232', '51312']);
    expect(korbach.every((need) => need.site.districtKey === '06635')).toBe(true);
    expect(events.every((need) => need.capturedBy.role === 'coordinator')).toBe(true);
    // Each need was captured by its own network's coordinator.
    const holzminden = events.filter((need) => need.company.id === demo.partners[4]?.id);
    expect(holzminden.map((need) => [need.site.districtKey, need.capturedBy.partnerId])).toEqual([['03255', demo.partners[3]?.id]]);
    expect(korbach.every((need) => need.capturedBy.partnerId === demo.partners[0]?.id)).toBe(true);
    // Windows count from the load time, so they keep fitting the catalogue demo's relative dates.
    const stapler = korbach.find((need) => need.kldbCode === '51312');
    expect([stapler?.earliestStart, stapler?.latestEnd]).toEqual(['2026-12-05', '2027-04-20']);
  });
});
