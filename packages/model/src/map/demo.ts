/**
 * The demo map "Ungt utenforskap" (youth exclusion), laid out as the KS programme
 * "Partnerskap for radikal innovasjon" describes its gigamap: a life-line axis with ages
 * 0–30 in detail and 30–100 compressed, and four fields — blue: life conditions and
 * experiences; yellow: interplay of services; green: enablers; red: barriers.
 *
 * The elements and links are illustrative, not findings: every one is flagged `example`.
 */
import type { Field, LifeLineAxis, MapElement, MapLink, MapSnapshot } from './schema.ts';
import { ageToX, fieldBands } from './lifeline.ts';

/** The seed's life-line: 0–30 in detail (100 units a year), 30–100 compressed (20 a year). */
export const DEMO_AXIS: LifeLineAxis = {
  label: 'Livslinje (alder)',
  originX: 0,
  segments: [
    { fromAge: 0, toAge: 30, unitsPerYear: 100, label: '0–30 år' },
    { fromAge: 30, toAge: 100, unitsPerYear: 20, label: '30–100 år' },
  ],
};

/** The seed's four fields, top to bottom. */
export const DEMO_FIELDS: Field[] = [
  {
    id: 'felt-livsvilkar',
    name: 'Livsvilkår og opplevelser',
    role: 'conditions',
    color: '#2f6fb0',
    order: 0,
    height: 900,
    description: 'Psykologisk, nærmiljø og samfunn, utdanning/arbeid/økonomi.',
  },
  {
    id: 'felt-tjenester',
    name: 'Samspill mellom tjenester',
    role: 'services',
    color: '#c99a06',
    order: 1,
    height: 600,
    description: 'Hvordan tjenestene virker sammen rundt den unge.',
  },
  {
    id: 'felt-fremmere',
    name: 'Fremmere',
    role: 'enablers',
    color: '#2e8540',
    order: 2,
    height: 500,
    description: 'Det som hjelper.',
  },
  {
    id: 'felt-hemmere',
    name: 'Hemmere',
    role: 'barriers',
    color: '#c0392b',
    order: 3,
    height: 500,
    description: 'Arbeidsformer, praksis, strukturer, kultur og tankesett som står i veien.',
  },
];

type DemoElement = [
  id: string,
  label: string,
  fieldId: string,
  ageFrom: number,
  ageTo: number,
  kind: MapElement['kind'],
  row: number,
];

const ELEMENTS: DemoElement[] = [
  ['e-ensomhet', 'Ensomhet og lav mestring', 'felt-livsvilkar', 13, 19, 'experience', 0],
  ['e-fravaer', 'Høyt skolefravær', 'felt-livsvilkar', 14, 18, 'factor', 1],
  ['e-frafall', 'Frafall i videregående', 'felt-livsvilkar', 16, 20, 'event', 2],
  ['e-utenfor', 'Utenfor arbeid og utdanning', 'felt-livsvilkar', 18, 29, 'factor', 3],
  ['e-okonomi', 'Lav familieinntekt', 'felt-livsvilkar', 0, 18, 'factor', 4],
  ['e-overgang', 'Brudd i overgangen ungdomsskole–vgs', 'felt-tjenester', 15, 17, 'service', 0],
  ['e-ventetid', 'Ventetid i psykisk helsehjelp', 'felt-tjenester', 12, 25, 'service', 1],
  ['e-nav', 'Lite samordnet oppfølging fra NAV', 'felt-tjenester', 18, 29, 'service', 2],
  ['e-losperson', 'Fast losperson for den unge', 'felt-fremmere', 14, 25, 'service', 0],
  ['e-fritid', 'Fritidstilbud i nærmiljøet', 'felt-fremmere', 8, 20, 'factor', 1],
  ['e-silo', 'Silo-organisering og budsjetter', 'felt-hemmere', 0, 100, 'structure', 0],
  ['e-taushetsplikt', 'Usikkerhet om taushetsplikt', 'felt-hemmere', 12, 30, 'structure', 1],
];

type DemoLink = [
  id: string,
  from: string,
  to: string,
  polarity: MapLink['polarity'],
  delay: boolean,
];

/** Links chosen so the demo has reinforcing and balancing loops to find. */
const LINKS: DemoLink[] = [
  ['l-1', 'e-ensomhet', 'e-fravaer', '+', false],
  ['l-2', 'e-fravaer', 'e-frafall', '+', true],
  ['l-3', 'e-frafall', 'e-utenfor', '+', false],
  ['l-4', 'e-utenfor', 'e-ensomhet', '+', true],
  ['l-5', 'e-okonomi', 'e-fritid', '-', false],
  ['l-6', 'e-fritid', 'e-ensomhet', '-', false],
  ['l-7', 'e-ventetid', 'e-ensomhet', '+', true],
  ['l-8', 'e-overgang', 'e-frafall', '+', false],
  ['l-9', 'e-losperson', 'e-overgang', '-', false],
  ['l-10', 'e-losperson', 'e-nav', '-', false],
  ['l-11', 'e-nav', 'e-utenfor', '+', true],
  ['l-12', 'e-silo', 'e-nav', '+', false],
  ['l-13', 'e-silo', 'e-overgang', '+', false],
  ['l-14', 'e-taushetsplikt', 'e-ventetid', '+', false],
  ['l-15', 'e-utenfor', 'e-losperson', '+', true],
];

/** Builds the demo map "Ungt utenforskap" (a fresh copy each call). */
export function createDemoMap(): MapSnapshot {
  const bands = new Map(fieldBands(DEMO_FIELDS).map((b) => [b.field.id, b]));
  const elements: MapElement[] = ELEMENTS.map(([id, label, fieldId, ageFrom, ageTo, kind, row]) => {
    const band = bands.get(fieldId)!;
    return {
      id,
      label,
      description: 'Eksempel: illustrerer metoden, ikke et funn.',
      kind,
      fieldId,
      ageFrom,
      ageTo,
      x: ageToX(DEMO_AXIS, ageFrom),
      y: band.top + 60 + row * 160,
      tags: ['eksempel'],
      example: true,
    };
  });
  const links: MapLink[] = LINKS.map(([id, from, to, polarity, delay]) => ({
    id,
    from,
    to,
    polarity,
    delay,
    label: '',
    description: '',
    example: true,
  }));
  return {
    meta: {
      title: 'Ungt utenforskap',
      description:
        'Eksempelkart: livslinje 0–30 år i detalj og 30–100 år komprimert, med fire felt. Elementer og koblinger er eksempler.',
      example: true,
    },
    axis: structuredClone(DEMO_AXIS),
    fields: structuredClone(DEMO_FIELDS),
    elements,
    links,
    loops: [],
    views: [],
    presentations: [],
  };
}

/** Name of the demo workspace seeded on first start. */
export const DEMO_WORKSPACE_NAME = 'Partnerskap for radikal innovasjon (eksempel)';
