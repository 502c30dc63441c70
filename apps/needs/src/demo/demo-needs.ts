import { NeedContent } from '../needs/domain/need-content';

/** Real ESCO URIs and KldB codes of the two demo themes. */
export const ESCO = {
  operateForklift: 'http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da',
  programCncController: 'http://data.europa.eu/esco/skill/bf942c60-8539-4951-83ee-63f770da1cb8',
  tendCncMillingMachine: 'http://data.europa.eu/esco/skill/4cb58ef4-67a9-4bea-a743-2c83ebd60e79',
  tendCncLathe: 'http://data.europa.eu/esco/skill/c4949dcf-bbcc-40f2-8584-6c6299beb7fb',
  cncOperator: 'http://data.europa.eu/esco/occupation/5c082067-ea18-4ccb-8c43-e70b18ad8120',
  tendInjectionMouldingMachine: 'http://data.europa.eu/esco/skill/861f3a02-8c0d-45fa-8827-04995649afc5',
  operatePlasticMachinery: 'http://data.europa.eu/esco/skill/988871ab-dcad-4217-87d0-4c33307f0981',
};

export interface DemoNeed {
  key: string;
  /** Which demo company (name as in the partners demo, without "(Demo)"). */
  company: string;
  /** The network whose coordinator captured it (Bildungscoach visit). */
  network: 'nordhessen' | 'weserbergland';
  postalCode: string;
  /**
   * Time window in days from loading, like the demo offers' dates (catalogue demo), so the two
   * keep fitting whenever the demo is loaded; fixed dates would drift out of the offers' range.
   */
  window: { earliestStartInDays: number; latestEndInDays: number };
  content: Omit<NeedContent, 'site' | 'earliestStart' | 'latestEnd'>;
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
 * in one district that only a pooled course serves (the story of the seed articles): together
 * 3 + 3 participants reach the minimum of 6 of the Saturday forklift course in Korbach (catalogue
 * demo `stapler-korbach`, 28 days out). The CNC need matches the CNC milling dates in Homberg and
 * Kassel. Holzminden: a plastics company needs injection moulding training that no provider in
 * reach offers – an open gap for the Höxter–Holzminden network.
 */
export const DEMO_NEEDS: DemoNeed[] = [
  {
    key: 'metallbau-korbach:cnc',
    company: 'Metallbau Korbach',
    network: 'nordhessen',
    postalCode: '34497',
    window: { earliestStartInDays: 21, latestEndInDays: 240 },
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
      budgetPerParticipantCents: 180000,
      staff: { participantsAged45Plus: 1, participantsSeverelyDisabled: 0 },
    },
  },
  {
    key: 'metallbau-korbach:stapler',
    company: 'Metallbau Korbach',
    network: 'nordhessen',
    postalCode: '34497',
    window: { earliestStartInDays: 14, latestEndInDays: 150 },
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
      budgetPerParticipantCents: 40000,
    },
  },
  {
    key: 'holzbau-frankenberg:stapler',
    company: 'Holzbau Frankenberg',
    network: 'nordhessen',
    postalCode: '35066',
    window: { earliestStartInDays: 14, latestEndInDays: 180 },
    content: {
      ...base,
      description: 'Staplerschein für drei Mitarbeiter auf dem Holzplatz, gern zusammen mit anderen Betrieben.',
      skillUris: [ESCO.operateForklift],
      kldbCode: '51312',
      participants: 3,
      targetGroups: ['employees'],
      dqrLevel: 2,
      maxTravelKm: 40,
      formats: ['in_person'],
      budgetPerParticipantCents: 35000,
      nameVisibleToProviders: false,
    },
  },
  {
    key: 'kunststoff-holzminden:spritzguss',
    company: 'Weser Kunststofftechnik',
    network: 'weserbergland',
    postalCode: '37603',
    window: { earliestStartInDays: 30, latestEndInDays: 270 },
    content: {
      ...base,
      description: 'Vier Maschinenbediener sollen Spritzgießmaschinen selbst einrichten und Werkzeuge wechseln können (Kunststoff- und Kautschuktechnik).',
      skillUris: [ESCO.tendInjectionMouldingMachine, ESCO.operatePlasticMachinery],
      kldbCode: '22102',
      participants: 4,
      targetGroups: ['employees'],
      dqrLevel: 3,
      maxTravelKm: 60,
      formats: ['in_person', 'blended'],
      budgetPerParticipantCents: 250000,
    },
  },
];
