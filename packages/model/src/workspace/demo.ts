/**
 * The demo programme of the seed workspace: KS' "Partnerskap for radikal innovasjon" as the
 * talk in `seed/000_f428bf324bdaa036.txt` describes it. Names, challenge descriptions and
 * the goals of "En offentlig sektor for vår tid" and "2040 begynner nå!" are quoted from the
 * talk (Norwegian, as said). Everything the talk does not state (focus areas, insights,
 * innovation areas, partners, relations, periods, SDG choices) is invented to show the
 * method and flagged `example: true`, with "Eksempel" in its text.
 */
import type { KeptLoop, MapSnapshot } from '../map/schema.ts';
import { createDemoMap } from '../map/demo.ts';
import type {
  Challenge,
  FocusArea,
  InnovationArea,
  Insight,
  Portfolio,
  Project,
  WorkspaceContent,
} from './schema.ts';

/** A kept loop on the demo map: the reinforcing core of youth exclusion (example). */
export const DEMO_KEPT_LOOP: KeptLoop = {
  id: 'k-utenforskap',
  name: 'Utenforskap forsterker seg selv (eksempel)',
  linkIds: ['l-1', 'l-2', 'l-3', 'l-4'],
  narrative:
    'Eksempel: ensomhet gir fravær, fravær gir frafall, frafall gir utenforskap, og utenforskap gir mer ensomhet.',
};

/** The demo map with the example kept loop, so innovation areas have a loop to point at. */
export function createDemoProgrammeMap(): MapSnapshot {
  const map = createDemoMap();
  map.loops = [structuredClone(DEMO_KEPT_LOOP)];
  return map;
}

const EX = 'Eksempel: ';

const challenges: Challenge[] = [
  {
    id: 'c-ungt-utenforskap',
    title: 'Ungt utenforskap',
    description:
      '«Sammensatt problem, både menneskelig og samfunnsøkonomisk» – «Redusert tilgang på arbeidskraft, økte velferdsutgifter og synkende skatteinntekter» – «Vår manglende evne til å skape et samfunn med plass til alle». (Fra KS’ presentasjon av programmet. Valget av bærekraftsmål er et eksempel.)',
    sdgs: [4, 8, 10],
    sdgTargets: ['8.6'],
    example: false,
  },
  {
    id: 'c-demografi',
    title: 'Den demografiske utviklingen',
    description:
      '«Svekker aldersbæreevnen gjennom aldrende befolkning og sentralisering» – «Utfordrer sosial og økonomisk bærekraft» – «Legger press på tjenesteproduksjon, arbeidskraft og dynamikken i lokalsamfunnet». (Fra KS’ presentasjon av programmet. Valget av bærekraftsmål er et eksempel.)',
    sdgs: [3, 11, 17],
    sdgTargets: [],
    example: false,
  },
];

const focusAreas: FocusArea[] = [
  ['fa-overganger', 'c-ungt-utenforskap', 'Overgangen fra ungdomsskole til videregående'],
  ['fa-psykisk-helse', 'c-ungt-utenforskap', 'Tidlig hjelp for psykisk helse'],
  ['fa-arbeid', 'c-ungt-utenforskap', 'Vei inn i arbeid for unge voksne'],
  ['fa-bevissthet', 'c-demografi', 'Bevissthet om demografien lokalt'],
  ['fa-frivillighet', 'c-demografi', 'Mobilisere ressursene i lokalsamfunnet'],
].map(([id, challengeId, title]) => ({
  id: id!,
  challengeId: challengeId!,
  title: title!,
  description: `${EX}fokusområde laget for å vise prioritering med prikkstemmer.`,
  example: true,
}));

const insight = (
  id: string,
  title: string,
  theme: Insight['theme'],
  kind: Insight['source']['kind'],
  evidence: [string, 'element' | 'link'][],
  mapId: string,
  extra: Partial<Insight> = {},
): Insight => ({
  id,
  title,
  text: `${EX}innsikt laget for å vise innsiktsbiblioteket, ikke et funn.`,
  theme,
  customTheme: '',
  source: { kind, citation: 'Eksempel', url: '', date: '' },
  confidence: 'medium',
  blindSpot: false,
  evidenceFor: evidence.map(([ref, refKind]) => ({ mapId, kind: refKind, id: ref })),
  challengeIds: ['c-ungt-utenforskap'],
  example: true,
  ...extra,
});

/** Builds the demo programme; `mapId` is the id the demo map got in this installation. */
export function createDemoWorkspaceContent(mapId: string): WorkspaceContent {
  const insights: Insight[] = [
    insight(
      'i-ensomhet',
      'Unge forteller om ensomhet før fraværet starter',
      'experiences',
      'interview',
      [
        ['e-ensomhet', 'element'],
        ['l-1', 'link'],
      ],
      mapId,
    ),
    insight(
      'i-tjenester',
      'Tjenestene møter den unge én og én',
      'publicMachinery',
      'workshop',
      [
        ['e-nav', 'element'],
        ['e-silo', 'element'],
      ],
      mapId,
    ),
    insight(
      'i-frafall',
      'Frafall i videregående skole',
      'keyFigures',
      'statistics',
      [['e-frafall', 'element']],
      mapId,
      { confidence: 'high' },
    ),
    insight(
      'i-budsjett',
      'Budsjetter belønner reparasjon fremfor forebygging',
      'policy',
      'policyDocument',
      [['e-silo', 'element']],
      mapId,
    ),
    insight('i-begrep', 'Hva mener vi med «utenfor»?', 'concepts', 'research', [], mapId),
    insight(
      'i-blindsone',
      'Unge som aldri møter noen tjeneste',
      'experiences',
      'workshop',
      [['e-utenfor', 'element']],
      mapId,
      { blindSpot: true, confidence: 'low' },
    ),
  ];
  const innovationAreas: InnovationArea[] = [
    {
      id: 'ia-helhetlig-velferd',
      title: 'Helhetlige insentiver rundt barn og unge',
      description: `${EX}innovasjonsområde beskrevet ut fra systemutfordringen «utenforskap forsterker seg selv».`,
      rationale:
        'Innsiktsarbeidet har vist at offentlig sektor, slik den er organisert i dag, ikke er laget med utgangspunkt i barn og unges behov. (Fra KS’ presentasjon.)',
      expectedEffect: `${EX}færre brudd i overganger og mindre frafall.`,
      status: 'mainProject',
      mapId,
      elementIds: ['e-silo', 'e-nav'],
      loopIds: [DEMO_KEPT_LOOP.id],
      challengeIds: ['c-ungt-utenforskap'],
      insightIds: ['i-tjenester', 'i-budsjett'],
      scores: { impact: 5, feasibility: 2, urgency: 4 },
      example: true,
    },
    {
      id: 'ia-los',
      title: 'Fast losperson i overgangene',
      description: `${EX}kandidat til innovasjonsområde.`,
      rationale: '',
      expectedEffect: '',
      status: 'candidate',
      mapId,
      elementIds: ['e-losperson', 'e-overgang'],
      loopIds: [],
      challengeIds: ['c-ungt-utenforskap'],
      insightIds: [],
      scores: { impact: 3, feasibility: 4, urgency: 3 },
      example: true,
    },
    {
      id: 'ia-demografi-kunnskap',
      title: 'Kunnskap om demografien som mobiliserer',
      description:
        'Bevisstheten om den demografiske utviklingen er lav mange steder, og materialet evner ikke å mobilisere til handling. (Fra KS’ presentasjon.)',
      rationale: '',
      expectedEffect: '',
      status: 'mainProject',
      mapId: null,
      elementIds: [],
      loopIds: [],
      challengeIds: ['c-demografi'],
      insightIds: [],
      scores: { impact: null, feasibility: null, urgency: null },
      example: true,
    },
  ];
  const portfolios: Portfolio[] = [
    {
      id: 'pf-ungt-utenforskap',
      name: 'Ungt utenforskap',
      vision: `${EX}et samfunn med plass til alle unge.`,
      mainGoals: [`${EX}flere unge fullfører utdanning og kommer i arbeid.`],
      challengeIds: ['c-ungt-utenforskap'],
      example: true,
    },
    {
      id: 'pf-demografi',
      name: 'Den demografiske utviklingen',
      vision: `${EX}å unngå «den kommunale kollaps».`,
      mainGoals: [`${EX}kommunene planlegger for befolkningen de faktisk får.`],
      challengeIds: ['c-demografi'],
      example: true,
    },
  ];
  const project = (p: Partial<Project> & Pick<Project, 'id' | 'name'>): Project => ({
    tagline: '',
    description: '',
    portfolioId: null,
    goals: [],
    status: 'active',
    period: { from: '', to: '' },
    partners: [],
    subActivities: [],
    innovationAreaIds: [],
    relations: [],
    example: false,
    ...p,
  });
  const projects: Project[] = [
    project({
      id: 'p-offentlig-sektor',
      name: 'En offentlig sektor for vår tid',
      tagline: 'Et helhetlig velferdssystem med barn og unge i sentrum',
      description:
        '«Dette er et langsiktig innovasjonsarbeid som retter seg mot systemene, insentivene, rammebetingelsene i offentlig sektor.» (Fra KS’ presentasjon.)',
      portfolioId: 'pf-ungt-utenforskap',
      goals: [
        'Utviklet insentiver og strukturer som bidrar til helhet og langsiktighet.',
        'Offentlig sektor bygger på likeverd og empati, og legger til grunn at det lønner seg å investere i mennesker.',
        'Nye strukturer og systemer ruster alle unge til utdanning og deltakelse i arbeidslivet.',
      ],
      partners: [
        { name: 'KS', sector: 'municipality' },
        { name: 'Eksempel: et departement', sector: 'state' },
      ],
      subActivities: [
        {
          id: 'sa-budsjett',
          title: 'Eksempel: forsøk med felles budsjett for unge',
          status: 'planned',
        },
      ],
      innovationAreaIds: ['ia-helhetlig-velferd'],
      relations: [
        {
          kind: 'reinforces',
          projectId: 'p-frakobling',
          reason: `${EX}helhetlige insentiver gjør det lettere å holde kontakten med unge som er i ferd med å falle ut.`,
        },
      ],
    }),
    project({
      id: 'p-frakobling',
      name: 'Frakoblingsprosessen',
      description:
        'Hovedprosjekt i porteføljen Ungt utenforskap. Målene er ikke gjengitt i kilden.',
      portfolioId: 'pf-ungt-utenforskap',
      innovationAreaIds: ['ia-los'],
      relations: [
        {
          kind: 'reinforces',
          projectId: 'p-offentlig-sektor',
          reason: `${EX}erfaringer fra frakoblingen viser hvilke strukturer som må endres.`,
        },
      ],
    }),
    project({
      id: 'p-2040',
      name: '2040 begynner nå!',
      tagline: 'Kunsten å unngå den kommunale kollaps!',
      description:
        '«Målet med prosjektet er å øke bevisstheten om den den demografiske utviklingen og sørge for at kommunene har tilstrekkelig oppmerksomhet, kunnskap og verktøy til å legge fremtidsrettede planer og at innbyggerne forstår hvorfor.» (Fra KS’ presentasjon.)',
      portfolioId: 'pf-demografi',
      goals: [
        'Skape engasjement ved å samle inn, fremstille og tilgjengeliggjøre kunnskap om den demografiske utviklingen på nye måter.',
        'Gjøre det enklere for kommunene å planlegge og gjennomføre nødvendige endringer.',
        'Mobilisere til endring gjennom diskusjon og debatt nasjonalt, regionalt og lokalt.',
      ],
      innovationAreaIds: ['ia-demografi-kunnskap'],
      relations: [
        {
          kind: 'reinforces',
          projectId: 'p-velferd',
          reason: `${EX}kunnskap om demografien gjør det lettere å mobilisere lokalsamfunnet.`,
        },
      ],
    }),
    project({
      id: 'p-velferd',
      name: 'Velferd er en felles oppgave',
      description:
        'Hovedprosjekt i porteføljen Den demografiske utviklingen. Målene er ikke gjengitt i kilden.',
      portfolioId: 'pf-demografi',
      relations: [
        {
          kind: 'dependsOn',
          projectId: 'p-2040',
          reason: `${EX}bygger på kunnskapsgrunnlaget fra 2040 begynner nå!`,
        },
      ],
    }),
  ];
  return {
    settings: { dotsPerParticipant: 5 },
    challenges: structuredClone(challenges),
    focusAreas: structuredClone(focusAreas),
    votes: [],
    insights,
    innovationAreas,
    portfolios,
    projects,
  };
}
