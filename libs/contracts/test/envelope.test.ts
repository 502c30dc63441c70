import { CloudEventAttributes, createEvent, fromHeaders, NetworkCreated, NetworkCreatedV1, toHeaders } from '../src';

const network = (): NetworkCreatedV1 =>
  Object.assign(new NetworkCreatedV1(), {
    id: '6f1c3e0a-5a43-4b8e-9d8e-2f3f6b1d7c20',
    version: 1,
    name: 'Weiterbildungsverbund Nordhessen',
    districtKeys: ['06635', '06633'],
    members: [],
  });

describe('createEvent', () => {
  it('fills the CloudEvents attributes from the definition', () => {
    const now = new Date('2026-03-02T09:30:00.000Z');
    const event = createEvent(NetworkCreated, 'network-1', network(), {}, now);
    expect(event).toMatchObject({
      source: '/bildungsraum/partners',
      type: 'partners.network.created.v1',
      specversion: '1.0',
      time: '2026-03-02T09:30:00.000Z',
      subject: 'network-1',
      datacontenttype: 'application/json',
      data: network(),
    });
    expect(event.id).toMatch(/^[0-9a-f-]{36}$/);
    // The first event of a flow starts its correlation.
    expect(event.correlationid).toBe(event.id);
    expect(event).not.toHaveProperty('causationid');
    expect(event).not.toHaveProperty('traceparent');
  });

  it('carries correlation, causation and trace of its cause, and a fresh id each time', () => {
    const cause = { correlationId: 'corr-1', causationId: 'evt-0', traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' };
    const first = createEvent(NetworkCreated, 'network-1', network(), cause);
    const second = createEvent(NetworkCreated, 'network-1', network(), cause);
    expect(first).toMatchObject({ correlationid: 'corr-1', causationid: 'evt-0', traceparent: cause.traceparent });
    expect(first.id).not.toBe(second.id);
  });
});

describe('toHeaders / fromHeaders', () => {
  it('round-trips every attribute through ce-* headers and W3C traceparent', () => {
    const { data: _data, ...attributes } = createEvent(NetworkCreated, 'network-1', network(), {
      correlationId: 'corr-1',
      causationId: 'evt-0',
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    });
    const headers = toHeaders(attributes);
    expect(headers).toMatchObject({ 'ce-id': attributes.id, 'ce-type': 'partners.network.created.v1', traceparent: attributes.traceparent });
    expect(Object.keys(headers)).not.toContain('ce-traceparent');
    const back = fromHeaders((name) => headers[name]);
    expect(back).toEqual({ attributes, missing: [] });
  });

  it('omits absent optional attributes and reports missing required ones', () => {
    const attributes: CloudEventAttributes = {
      id: 'e1',
      source: '/bildungsraum/needs',
      type: 'needs.need.submitted.v1',
      specversion: '1.0',
      time: '2026-03-02T09:30:00.000Z',
      subject: 'need-1',
      datacontenttype: 'application/json',
    };
    const headers = toHeaders(attributes);
    expect(Object.keys(headers)).toHaveLength(7);
    const { 'ce-id': _id, 'ce-time': _time, ...partial } = headers;
    expect(fromHeaders((name) => partial[name]).missing).toEqual(['id', 'time']);
  });
});
