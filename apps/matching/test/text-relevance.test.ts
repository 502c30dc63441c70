import { MatchProposed } from '@bildungsraum/contracts';
import { Feed, freshSkills } from './support/feed';
import { MatchingHarness, startMatching } from './support/matching-harness';
import { matchEvents, nextMatchEvent } from './support/probes';

describe('text relevance: the offer’s own words against the need’s', () => {
  let h: MatchingHarness;
  let feed: Feed;
  let companyId: string;
  let providerId: string;

  beforeAll(async () => {
    h = await startMatching('matchtext');
    feed = new Feed(h);
    companyId = await feed.company({ employees: 30 });
    providerId = await feed.provider({ azav: true });
  });
  afterAll(() => h?.close());

  it('proposes a course sharing no skill whose title answers the need’s words, says so, and leaves an unrelated one out', async () => {
    const [craneSkill, otherSkill, needSkill] = freshSkills(3);
    const crane = await feed.publishOffer(
      feed.offer(providerId, { title: 'Kranführer und Anschläger (Hallenkran)', description: 'Bedienung von Hallen- und Brückenkranen, Lastaufnahme, Anschlagmittel.', skills: [craneSkill!] }),
    );
    const unrelated = await feed.publishOffer(feed.offer(providerId, { title: 'Excel Grundlagen', description: 'Formeln, Funktionen und Pivot-Tabellen.', skills: [otherSkill!] }));
    // Offers and needs arrive on separate streams: the need comes after both offers are in, so
    // this is the need's own match (a new offer reaching needs by their words is tested in
    // ranked-retrieval.test.ts and offer-insertion.test.ts).
    await feed.offerHandled(crane);
    await feed.offerHandled(unrelated);
    // The text was read as something no course teaches (needSkill): only the words can find the crane course.
    const need = await feed.submitNeed(
      feed.need(companyId, { skillUris: [needSkill!], description: 'Leute im Stahllager müssen Deckenkran bedienen und Lasten anschlagen.' }),
    );

    const proposed = await nextMatchEvent(h, MatchProposed.type, (m) => m.needId === need.id);
    expect(proposed.offerId).toBe(crane.id);
    expect(proposed.criteria.find((c) => c.criterion === 'skills')?.value).toBe(0);
    expect(proposed.criteria.find((c) => c.criterion === 'title')?.value).toBeGreaterThan(0.5);
    expect(proposed.explanation.de).toMatch(/^Titel passt zum Bedarf \(„.+“\) · /);
    expect(proposed.explanation.en).toMatch(/^title matches the need \(„.+“\) · /);
    expect(matchEvents(h, MatchProposed.type, (m) => m.needId === need.id && m.offerId === unrelated.id)).toEqual([]);
  });
});
