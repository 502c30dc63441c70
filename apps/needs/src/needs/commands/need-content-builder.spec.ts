import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage } from 'class-validator';
import { NeedSite } from '../domain/need-content';
import { mergeContent, newContent } from './need-content-builder';
import { NeedFieldsRequest } from './need-fields';

const korbach: NeedSite = { postalCode: '34497', city: 'Korbach', location: { lat: 51.2754, lon: 8.8718 }, districtKey: '06635' };
const frankenberg: NeedSite = { postalCode: '35066', city: 'Frankenberg', location: { lat: 51.06, lon: 8.8 }, districtKey: '06635' };

describe('need content builder', () => {
  it('fills in the documented defaults for what a new need leaves out', () => {
    expect(newContent({ description: 'Staplerschein', participants: 3 }, korbach)).toEqual({
      description: 'Staplerschein',
      skillUris: [],
      participants: 3,
      targetGroups: ['employees'],
      participantsByTargetGroup: [],
      language: 'de',
      jobSpecificGerman: false,
      site: korbach,
      formats: [],
      schedules: [],
      fundingAdviceWanted: false,
      staff: { participantsAged45Plus: 0, participantsSeverelyDisabled: 0 },
      nameVisibleToProviders: false,
    });
  });

  it('replaces what a change sends and keeps the rest (PATCH), from a validated request instance', () => {
    const current = newContent({ description: 'Staplerschein', participants: 3, kldbCode: '51312', dqrLevel: 2, staff: { participantsAged45Plus: 1 } }, korbach);
    const request = plainToInstance(NeedFieldsRequest, {
      skillUris: ['http://data.europa.eu/esco/skill/x'],
      dqrLevel: 3,
      participantsByTargetGroup: [{ targetGroup: 'employees', count: 2 }],
      staff: { participantsSeverelyDisabled: 1 },
      site: { postalCode: '35066' },
    });
    const merged = mergeContent(current, request, frankenberg);
    expect(merged).toEqual({
      ...current,
      skillUris: ['http://data.europa.eu/esco/skill/x'],
      dqrLevel: 3,
      participantsByTargetGroup: [{ targetGroup: 'employees', count: 2 }],
      staff: { participantsAged45Plus: 1, participantsSeverelyDisabled: 1 },
      site: frankenberg,
    });
    // plain objects, not the request's class instances, and the current content is untouched
    expect(Object.getPrototypeOf(merged.participantsByTargetGroup[0])).toBe(Object.prototype);
    expect(current.dqrLevel).toBe(2);
    expect(current.site).toBe(korbach);
  });

  it('ignores fields sent as undefined and fields that are not content', () => {
    const current = newContent({ description: 'Staplerschein', participants: 3, maxTravelKm: 30 }, korbach);
    const merged = mergeContent(current, Object.assign(new NeedFieldsRequest(), { maxTravelKm: undefined, submit: true } as object), korbach);
    expect(merged).toEqual(current);
    expect(merged).not.toHaveProperty('submit');
  });

  it('carries every field a request can send into the content (none forgotten in the field list)', () => {
    const fields = new Set(getMetadataStorage().getTargetValidationMetadatas(NeedFieldsRequest, '', false, false).map((metadata) => metadata.propertyName));
    fields.delete('site'); // resolved to a NeedSite by the handler, passed in separately
    const current = newContent({ description: 'Staplerschein', participants: 3 }, korbach);
    for (const field of fields) {
      const sent = field === 'participantsByTargetGroup' ? [{ targetGroup: 'employees', count: 1 }] : field === 'staff' ? { participantsAged45Plus: 2, participantsSeverelyDisabled: 1 } : `sent:${field}`;
      const merged = mergeContent(current, Object.assign(new NeedFieldsRequest(), { [field]: sent }), korbach) as unknown as Record<string, unknown>;
      expect({ field, value: merged[field] }).toEqual({ field, value: sent });
    }
    expect(fields.size).toBeGreaterThan(15);
  });
});
