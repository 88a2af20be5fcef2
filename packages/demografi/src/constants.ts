/** Oldest single-year age; SSB 07459 and SSB's projections use an open group 105+. */
export const MAX_AGE = 105;
/** Number of age groups 0, 1, …, 104, 105+. */
export const N_AGES = MAX_AGE + 1;
/** Number of sexes; index 0 is male, 1 is female (the order of SSB's `Kjonn` codes 1 and 2). */
export const N_SEXES = 2;
/** Sex labels by index, as used in the data files and CLI output. */
export const SEX_LABELS = ['male', 'female'] as const;
/** A sex label. */
export type SexLabel = (typeof SEX_LABELS)[number];
/** Index of a sex label; see {@link SEX_LABELS}. */
export function sexIndex(label: string): number {
  return label === 'male' ? 0 : label === 'female' ? 1 : -1;
}
/** Licence line SSB asks users to show wherever its data is used (NLOD 2.0 / CC BY 4.0). */
export const SSB_CREDIT = 'Kilde: Statistisk sentralbyrå (SSB)';
/** Citation of the two research databases used for national mortality and fertility. */
export const HMD_HFD_CREDIT =
  'Human Mortality Database and Human Fertility Database. Max Planck Institute for Demographic Research (Germany), University of California, Berkeley (USA), and French Institute for Demographic Studies (France). www.mortality.org, www.humanfertility.org (CC BY 4.0).';
