import { createEvent, MatchProposed, MatchWithdrawn, NeedSubmitted, NeedUpdated, OfferPublished, OfferUpdated } from '@bildungsraum/contracts';
import { eventually } from '@bildungsraum/testing';
import { dayFromNow, Feed, freshSkills, SKILLS } from './support/feed';
import { MatchingHarness, startMatching } from './support/matching-harness';
import { matchEvents, nextMatchEvent } from './support/probes';
import { publishAgain } from './support/redeliver';

describe('matching from real events', () => {
  let h: MatchingHarness;
  let feed: Feed;
  let companyId: string;
  let providerId: string;

  beforeAll(async () => {
    h = await startMatching('matchflow');
    feed = new Feed(h);
    companyId = await feed.company({ employees: 30 });
    providerId = await feed.provider({ azav: true });
  });
  afterAll(() => h?.close());

  it('proposes a reachable course date with the score broken down per criterion, and retracts it when the offer is withdrawn', async () => {
    const offer = await feed.publishOffer(feed.offer(providerId));
    const need = await feed.submitNeed(feed.need(companyId));

    const proposed = await nextMatchEvent(h, MatchProposed.type, (m) => m.needId === need.id);
    expect(proposed).toMatchObject({ status: 'proposed', version: 1, companyId, offerId: offer.id, courseDateId: offer.dates[0].id, providerId, participants: 2 });
    expect(proposed.criteria.map((c) => c.criterion)).toEqual(['skills', 'level', 'dates', 'distance', 'format', 'schedule', 'language', 'target_group', 'price', 'title']);
    expect(proposed.criteria.find((c) => c.criterion === 'skills')?.value).toBe(0.75);
    const sum = proposed.criteria.reduce((total, c) => total + c.contribution, 0);
    expect(Math.abs(sum - proposed.score)).toBeLessThan(0.001);
    // Korbach → Frankenberg is 24 km; 30 staff, AZAV course of 160 h: § 82 SGB III pays it all.
    expect(proposed.explanation.de).toMatch(/^3 von 4 Fähigkeiten abgedeckt · 2\d km · Start im gewünschten Zeitraum · Eigenanteil 0 € nach § 82 SGB III/);
    expect(proposed.explanation.en).toMatch(/^3 of 4 skills covered · 2\d km · starts in the requested period · Company pays €0 under § 82 SGB III/);
    expect(proposed.companyCostPerParticipantCents).toBe(0);
    expect(proposed.fundingProgrammeIds).toContain('sgb3-82');

    await feed.withdrawOffer(offer);
    const withdrawn = await nextMatchEvent(h, MatchWithdrawn.type, (m) => m.id === proposed.id);
    expect(withdrawn).toMatchObject({ status: 'withdrawn', version: 2, reasonCode: 'offer_withdrawn' });
  });

  it('takes the company size from partners when the need does not carry it, and re-matches when it changes', async () => {
    const skills = freshSkills(2);
    const company = await feed.company({ employees: 30 });
    const offer = await feed.publishOffer(feed.offer(providerId, { skills }, 'korbach'));
    await feed.offerHandled(offer);
    const base = feed.need(company, { skillUris: skills });
    const need = await feed.submitNeed({ ...base, company: { id: company, districtKey: '06635', nameVisibleToProviders: false } });
    const proposed = await nextMatchEvent(h, MatchProposed.type, (m) => m.needId === need.id);
    // 30 staff, AZAV course of 160 h: § 82 SGB III pays it all – known from partners alone.
    expect(proposed.explanation.de).toMatch(/Eigenanteil 0 € nach § 82 SGB III/);
    expect(proposed.companyCostPerParticipantCents).toBe(0);

    // The company grows to 5,000 staff: § 82 pays a smaller share, and the proposal follows.
    await feed.partner({ id: company, version: 0, kind: 'company', name: `Betrieb ${company.slice(0, 6)}`, status: 'verified', company: { employees: 5000, sizeClass: 'large' }, sites: [], districtKeys: ['06635'], networkIds: [] });
    const token = `Bearer ${await h.token('company', company)}`;
    const cost = await eventually(async () => {
      const view = (await h.http().get(`/needs/${need.id}/matches`).set('Authorization', token)).body as { matches: Array<{ id: string; companyCostPerParticipantCents?: number }> };
      const cents = view.matches.find((match) => match.id === proposed.id)?.companyCostPerParticipantCents;
      return cents !== undefined && cents > 0 ? cents : undefined;
    });
    expect(cost).toBeGreaterThan(0);
  });

  it('matches a new offer against needs already open, and leaves out unreachable, full and refused dates', async () => {
    const skills = freshSkills(2);
    const need = await feed.submitNeed(feed.need(companyId, { skillUris: skills }));
    await eventually(async () => ((await h.query(`SELECT 1 FROM need_view WHERE id = $1`, [need.id])) as unknown[]).length === 1);
    const far = feed.offer(providerId, { skills }, 'holzminden');
    const full = feed.offer(providerId, { skills });
    full.dates[0].seatsFree = 1;
    const online = feed.offer(providerId, { skills, formats: ['online_live'] });
    online.dates[0] = { ...online.dates[0], online: true, venue: undefined };
    const good = feed.offer(providerId, { skills }, 'korbach');
    for (const offer of [far, full, online, good]) await feed.publishOffer(offer);

    await nextMatchEvent(h, MatchProposed.type, (m) => m.needId === need.id && m.offerId === good.id);
    // The good offer is the last one published: the others were handled (and refused) before it.
    expect(matchEvents(h, MatchProposed.type, (m) => m.needId === need.id).map((m) => m.offerId)).toEqual([good.id]);
  });

  it('takes a duplicate delivery and an out-of-order older version once', async () => {
    const skills = freshSkills(2);
    const offer = feed.offer(providerId, { skills }, 'korbach');
    const v1 = await feed.publishOffer(offer);
    const need = await feed.submitNeed(feed.need(companyId, { skillUris: skills }));
    await nextMatchEvent(h, MatchProposed.type, (m) => m.needId === need.id);

    // The same need event again (new Nats-Msg-Id, same event id): the inbox skips it.
    const again = createEvent(NeedSubmitted, need.id, need);
    await h.publisher.publish(again);
    await publishAgain(h, again);
    // v2 then a late v1 of the offer: v2 has no seats left → retracted; the late v1 changes nothing.
    const v2 = { ...v1, version: 2, dates: [{ ...v1.dates[0], seatsFree: 0, seatsTaken: 12 }] };
    await h.publisher.publish(createEvent(OfferUpdated, offer.id, v2));
    const withdrawn = await nextMatchEvent(h, MatchWithdrawn.type, (m) => m.needId === need.id);
    expect(withdrawn.reasonCode).toBe('no_longer_fits');
    const late = createEvent(OfferPublished, offer.id, { ...v1 });
    await h.publisher.publish(late);
    await eventually(async () => ((await h.query(`SELECT 1 FROM inbox WHERE event_id = $1`, [late.id])) as unknown[]).length === 1);

    expect(await h.query(`SELECT count(*)::int AS n FROM inbox WHERE event_id = $1`, [again.id])).toEqual([{ n: 1 }]);
    expect(matchEvents(h, MatchProposed.type, (m) => m.needId === need.id)).toHaveLength(1);
    expect(matchEvents(h, MatchWithdrawn.type, (m) => m.needId === need.id)).toHaveLength(1);
    expect(await h.query(`SELECT version, status FROM matches WHERE need_id = $1`, [need.id])).toEqual([{ version: 2, status: 'withdrawn' }]);
    expect(await h.query(`SELECT version FROM offer_view WHERE id = $1`, [offer.id])).toEqual([{ version: 2 }]);
  });

  it('re-matches a changed need and withdraws its proposals when it is withdrawn', async () => {
    const [safety, milling] = freshSkills(2);
    await feed.publishOffer(feed.offer(providerId, { skills: [safety] }, 'korbach'));
    const millingOffer = await feed.publishOffer(feed.offer(providerId, { skills: [milling] }, 'korbach'));
    const need = await feed.submitNeed(feed.need(companyId, { skillUris: [safety], earliestStart: dayFromNow(1) }));
    const first = await nextMatchEvent(h, MatchProposed.type, (m) => m.needId === need.id);
    const changed = await feed.updateNeed({ ...need, skillUris: [milling, SKILLS.cnc] });
    const outdated = await nextMatchEvent(h, MatchWithdrawn.type, (m) => m.id === first.id);
    expect(outdated.reasonCode).toBe('no_longer_fits');
    const second = await nextMatchEvent(h, MatchProposed.type, (m) => m.needId === need.id && m.offerId === millingOffer.id);
    expect(second.explanation.de).toMatch(/^1 von 2 Fähigkeiten abgedeckt/);
    await feed.withdrawNeed(changed);
    const retracted = await nextMatchEvent(h, MatchWithdrawn.type, (m) => m.id === second.id);
    expect(retracted.reasonCode).toBe('need_closed');
  });
  it('stores a version that only moves the status on (submitted → matched) without reading or re-matching anything', async () => {
    const retrievals = async (): Promise<number> => {
      const metrics = (await h.http().get('/metrics')).text;
      const line = metrics.split('\n').find((row) => row.startsWith('matching_rematch_step_seconds_count{') && row.includes('step="retrieval"'));
      return Number(line?.split(' ').pop() ?? 0);
    };
    const skills = freshSkills(1);
    await feed.publishOffer(feed.offer(providerId, { skills }, 'korbach'));
    const need = await feed.submitNeed(feed.need(companyId, { skillUris: skills }));
    await nextMatchEvent(h, MatchProposed.type, (m) => m.needId === need.id);
    const before = await retrievals();
    const proposalsBefore = matchEvents(h, MatchProposed.type, (m) => m.needId === need.id).length;

    const matched = { ...need, status: 'matched' as const, version: need.version + 1, changeKind: 'status' as const };
    await h.publisher.publish(createEvent(NeedUpdated, need.id, matched));
    await eventually(async () => ((await h.query(`SELECT version, status FROM need_view WHERE id = $1`, [need.id])) as Array<{ version: number; status: string }>)[0]?.status === 'matched');
    expect(await retrievals()).toBe(before);

    // The probe does see a change that matters: more participants re-match the need.
    await h.publisher.publish(createEvent(NeedUpdated, need.id, { ...matched, version: matched.version + 1, changeKind: 'content' as const, participants: matched.participants + 1 }));
    await eventually(async () => (await retrievals()) > before);
    expect(matchEvents(h, MatchProposed.type, (m) => m.needId === need.id).length).toBeGreaterThanOrEqual(proposalsBefore);
  });
});
