/**
 * The 17 UN Sustainable Development Goals with their official short names.
 *
 * Sources: Norwegian names as used by FN-sambandet (https://www.fn.no/om-fn/fns-baerekraftsmaal)
 * and the Norwegian government (regjeringen.no, "Bærekraftsmålene"); English names from the
 * United Nations (https://sdgs.un.org/goals). Targets (e.g. "4.1") are optional on a
 * challenge and checked only for their form `goal.target`, since the target list changes.
 */

/** One Sustainable Development Goal. */
export interface Sdg {
  /** 1–17. */
  number: number;
  /** Official Norwegian (bokmål) name. */
  nb: string;
  /** Official English name. */
  en: string;
}

/** The 17 goals, in order. */
export const SDGS: readonly Sdg[] = [
  { number: 1, nb: 'Utrydde fattigdom', en: 'No poverty' },
  { number: 2, nb: 'Utrydde sult', en: 'Zero hunger' },
  { number: 3, nb: 'God helse og livskvalitet', en: 'Good health and well-being' },
  { number: 4, nb: 'God utdanning', en: 'Quality education' },
  { number: 5, nb: 'Likestilling mellom kjønnene', en: 'Gender equality' },
  { number: 6, nb: 'Rent vann og gode sanitærforhold', en: 'Clean water and sanitation' },
  { number: 7, nb: 'Ren energi for alle', en: 'Affordable and clean energy' },
  { number: 8, nb: 'Anstendig arbeid og økonomisk vekst', en: 'Decent work and economic growth' },
  {
    number: 9,
    nb: 'Industri, innovasjon og infrastruktur',
    en: 'Industry, innovation and infrastructure',
  },
  { number: 10, nb: 'Mindre ulikhet', en: 'Reduced inequalities' },
  { number: 11, nb: 'Bærekraftige byer og lokalsamfunn', en: 'Sustainable cities and communities' },
  {
    number: 12,
    nb: 'Ansvarlig forbruk og produksjon',
    en: 'Responsible consumption and production',
  },
  { number: 13, nb: 'Stoppe klimaendringene', en: 'Climate action' },
  { number: 14, nb: 'Livet i havet', en: 'Life below water' },
  { number: 15, nb: 'Livet på land', en: 'Life on land' },
  {
    number: 16,
    nb: 'Fred, rettferdighet og velfungerende institusjoner',
    en: 'Peace, justice and strong institutions',
  },
  { number: 17, nb: 'Samarbeid for å nå målene', en: 'Partnerships for the goals' },
];

/** The goal with this number, or undefined. */
export function sdg(number: number): Sdg | undefined {
  return SDGS[number - 1];
}
