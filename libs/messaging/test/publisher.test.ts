import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { NatsConnection } from '@nats-io/nats-core';
import { createEvent, PartnerRegistered, PartnerRegisteredV1 } from '@bildungsraum/contracts';
import { provisionTestInfrastructure, TestInfrastructure } from '@bildungsraum/testing';
import { connectNats, drainNats, ensureServiceStream, JetStreamPublisher } from '../src';

describe('JetStreamPublisher', () => {
  let infra: TestInfrastructure;
  let nc: NatsConnection;

  beforeAll(async () => {
    infra = await provisionTestInfrastructure('publisher');
    nc = await connectNats({ url: infra.natsUrl, name: 'publisher-test' });
  });
  afterAll(async () => {
    await drainNats(nc);
    await infra.dispose();
  });

  it('stores an event once even when it is published twice with the same id', async () => {
    const jsm = await jetstreamManager(nc);
    const stream = await ensureServiceStream(jsm, 'partners', infra.subjectPrefix);
    await ensureServiceStream(jsm, 'partners', infra.subjectPrefix); // idempotent provisioning
    const publisher = new JetStreamPublisher(jetstream(nc), infra.subjectPrefix);
    const data = Object.assign(new PartnerRegisteredV1(), {
      id: '5b4c3f8e-1f0a-4c1e-9a55-0c1d2e3f4a5b',
      version: 1,
      kind: 'company',
      name: 'Metallbau Korbach GmbH',
      status: 'pending',
      sites: [],
      districtKeys: ['06635'],
      networkIds: [],
    });
    const event = createEvent(PartnerRegistered, data.id, data);

    const first = await publisher.publish(event);
    const second = await publisher.publish(event);

    expect(first.duplicate).toBe(false);
    expect(second.duplicate).toBe(true);
    const info = await jsm.streams.info(stream);
    expect(info.state.messages).toBe(1);
    const stored = await jsm.streams.getMessage(stream, { seq: first.seq });
    expect(stored?.header.get('ce-type')).toBe('partners.partner.registered.v1');
    expect(stored?.json<{ name: string }>().name).toBe('Metallbau Korbach GmbH');
    await jsm.streams.delete(stream);
  });
});
