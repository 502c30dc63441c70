import { DataSource } from 'typeorm';
import { provisionTestInfrastructure, TestInfrastructure } from '@bildungsraum/testing';
import { migratePartners } from '../src/db/migrate-partners';
import { createPartnersDataSource } from '../src/db/partners-data-source';
import { demoId, loadDemo } from '../src/demo/load-demo';

describe('demo loader', () => {
  let infra: TestInfrastructure;
  let dataSource: DataSource;

  beforeAll(async () => {
    infra = await provisionTestInfrastructure('partnersdemo');
    await migratePartners(infra.databaseUrl);
    dataSource = await createPartnersDataSource(infra.databaseUrl).initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await infra?.dispose();
  });

  it('loads both seed networks across state borders, idempotently, through the outbox', async () => {
    const first = await loadDemo(dataSource);
    const count = async (table: string) => Number((await dataSource.query(`SELECT count(*) AS n FROM partners.${table}`))[0].n);
    const after = { organisations: await count('organisations'), members: await count('network_members'), outbox: await count('outbox') };
    const second = await loadDemo(dataSource);
    expect(second).toEqual(first);
    expect({ organisations: await count('organisations'), members: await count('network_members'), outbox: await count('outbox') }).toEqual(after);

    expect(first.networks.weserbergland.districtKeys).toEqual(['05762', '03255']);
    expect(first.partners.filter((partner) => partner.role === 'coordinator')).toHaveLength(4);
    expect(first.partners.filter((partner) => partner.role === 'operator')).toEqual([expect.objectContaining({ id: demoId('operator') })]);
    const [holzminden] = await dataSource.query(`SELECT district_keys, network_ids, status FROM partners.organisations WHERE id = $1`, [demoId('kunststoff-holzminden')]);
    expect(holzminden).toEqual({ district_keys: ['03255'], network_ids: [demoId('weserbergland')], status: 'verified' });
    const coordinators = await dataSource.query(`SELECT partner_id FROM partners.network_members WHERE network_id = $1 AND role = 'coordinator' ORDER BY partner_id`, [demoId('nordhessen')]);
    expect(coordinators.map((row: { partner_id: string }) => row.partner_id)).toEqual([demoId('wf-agency'), demoId('se-coaches')].sort());
  });
});
