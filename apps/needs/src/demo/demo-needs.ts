import { NeedContent } from '../needs/domain/need-content';

/** Real ESCO URIs and KldB codes of the two demo themes. */
export const ESCO = {
  operateForklift: 'http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da',
  programCncController: 'http://data.europa.eu/esco/skill/bf942c60-8539-4951-83ee-63f770da1cb8',
  tendCncMillingMachine: 'http://data.europa.eu/esco/skill/4cb58ef4-67a9-4bea-a743-2c83ebd60e79',
  tendCncLathe: 'http://data.europa.eu/esco/skill/c4949dcf-bbcc-40f2-8584-6c6299beb7fb',
  cncOperator: 'http://data.europa.eu/esco/occupation/5c082067-ea18-4ccb-8c43-e70b18ad8120',
};

export interface DemoNeed {
  key: string;
  /** Which demo company (name as in the partners demo, without "(Demo)"). */
  company: string;
  postalCode: string;
  content: Omit<NeedContent, 'site'>;
}

const base: Pick<NeedContent, 'participantsByTargetGroup' | 'language' | 'jobSpecificGerman' | 'schedules' | 'fundingAdviceWanted' | 'staff' | 'nameVisibleToProviders'> = {
  participantsByTargetGroup: [],
  language: 'de',
  jobSpecificGerman: false,
  schedules: [],
  fundingAdviceWanted: true,
  staff: { participantsAged45Plus: 0, participantsSeverelyDisabled: 0 },
  nameVisibleToProviders: true,
};

/**
 * Waldeck-Frankenberg: a Korbach metal company needs CNC training and the forklift licence
 * (Staplerschein); a Frankenberg carpentry needs the forklift licence too – two small demands
 * in one district that only a pooled course serves (the story of the seed articles).
 */
export const DEMO_NEEDS: DemoNeed[] = [
  {
    key: 'metallbau-korbach:cnc',
    company: 'Metallbau Korbach',
    postalCode: '34497',
    content: {
      ...base,
      description: 'Drei Zerspaner sollen CNC-Fräsen und -Drehen lernen, inkl. Programmierung nach PAL (Heidenhain-Steuerung).',
      skillUris: [ESCO.programCncController, ESCO.tendCncMillingMachine, ESCO.tendCncLathe],
      occupationUri: ESCO.cncOperator,
      kldbCode: '24232',
      participants: 3,
      targetGroups: ['employees'],
      dqrLevel: 4,
      maxTravelKm: 50,
      formats: ['in_person', 'blended'],
      schedules: ['part_time', 'evenings'],
      earliestStart: '2027-02-01',
      latestEnd: '2027-09-30',
      budgetPerParticipantCents: 180000,
      staff: { participantsAged45Plus: 1, participantsSeverelyDisabled: 0 },
    },
  },
  {
    key: 'metallbau-korbach:stapler',
    company: 'Metallbau Korbach',
    postalCode: '34497',
    content: {
      ...base,
      description: 'Zwei Mitarbeitende im Lager und ein Azubi brauchen den Staplerschein (DGUV Grundsatz 308-001).',
      skillUris: [ESCO.operateForklift],
      kldbCode: '51312',
      participants: 3,
      targetGroups: ['employees', 'apprentices'],
      participantsByTargetGroup: [{ targetGroup: 'employees', count: 2 }, { targetGroup: 'apprentices', count: 1 }],
      dqrLevel: 2,
      maxTravelKm: 30,
      formats: ['in_person'],
      earliestStart: '2027-01-15',
      latestEnd: '2027-06-30',
      budgetPerParticipantCents: 40000,
    },
  },
  {
    key: 'holzbau-frankenberg:stapler',
    company: 'Holzbau Frankenberg',
    postalCode: '35066',
    content: {
      ...base,
      description: 'Staplerschein für zwei Mitarbeiter auf dem Holzplatz, gern zusammen mit anderen Betrieben.',
      skillUris: [ESCO.operateForklift],
      kldbCode: '51312',
      participants: 2,
      targetGroups: ['employees'],
      dqrLevel: 2,
      maxTravelKm: 40,
      formats: ['in_person'],
      earliestStart: '2027-01-15',
      latestEnd: '2027-07-31',
      budgetPerParticipantCents: 35000,
      nameVisibleToProviders: false,
    },
  },
];
