/**
 * Municipality size classes by population at the base year, used to report backtest errors
 * and to look up projection intervals. Small municipalities have far larger relative errors,
 * so a single national error band would be too wide for cities and too narrow for villages.
 */
export const SIZE_CLASSES: readonly {
  readonly label: string;
  readonly min: number;
  readonly max: number;
}[] = [
  { label: '< 2 000', min: 0, max: 2000 },
  { label: '2 000–4 999', min: 2000, max: 5000 },
  { label: '5 000–19 999', min: 5000, max: 20000 },
  { label: '20 000–49 999', min: 20000, max: 50000 },
  { label: '≥ 50 000', min: 50000, max: Infinity },
];

/** Index in {@link SIZE_CLASSES} of a municipality with `population` inhabitants. */
export function sizeClassOf(population: number): number {
  for (let k = 0; k < SIZE_CLASSES.length; k++) if (population < SIZE_CLASSES[k]!.max) return k;
  return SIZE_CLASSES.length - 1;
}
