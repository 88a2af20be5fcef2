/**
 * Chart colours: Designsystemet's accent blue and neutrals plus an orange and a green
 * chosen so that each pair differs in lightness as well (readable in greyscale and for
 * common colour-vision deficiencies); each has at least 3:1 contrast on white (WCAG 1.4.11).
 */
export const COLORS = {
  helhet: '#0062ba',
  ssb: '#9b3b00',
  band: '#0062ba',
  third: '#1d6e3a',
  threshold: '#b3261e',
  male: '#2e6ea6',
  female: '#b4467a',
  grid: '#d0d4da',
  axis: '#44474f',
} as const;
