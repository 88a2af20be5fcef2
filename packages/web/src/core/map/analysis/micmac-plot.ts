/**
 * Geometry of the MICMAC chart: dependence along x, influence up the y axis (Godet's
 * orientation), the two mean lines that split the four sectors, and each element's point.
 * Direct values use the direct means and sectors; indirect values the model's.
 */
import type { MicmacQuadrant, MicmacResult } from '@helhet/model';

/** One point of the chart. */
export interface MicmacPoint {
  id: string;
  influence: number;
  dependence: number;
  quadrant: MicmacQuadrant;
  x: number;
  y: number;
}

/** The whole chart in a `width` × `height` box with `margin` around the plot area. */
export interface MicmacPlot {
  width: number;
  height: number;
  margin: number;
  /** Pixel position of the mean lines. */
  meanX: number;
  meanY: number;
  maxInfluence: number;
  maxDependence: number;
  points: MicmacPoint[];
}

function sector(highInfluence: boolean, highDependence: boolean): MicmacQuadrant {
  if (highInfluence) return highDependence ? 'relay' : 'influential';
  return highDependence ? 'dependent' : 'autonomous';
}

/** Lays out `result` as `direct` or indirect values. */
export function micmacPlot(
  result: MicmacResult,
  direct: boolean,
  size: { width: number; height: number; margin: number } = { width: 420, height: 360, margin: 48 },
): MicmacPlot {
  const values = result.elements.map((e) => ({
    id: e.id,
    influence: direct ? e.directInfluence : e.indirectInfluence,
    dependence: direct ? e.directDependence : e.indirectDependence,
    quadrant: e.quadrant,
  }));
  const n = values.length;
  const meanInfluence = direct
    ? n
      ? values.reduce((s, v) => s + v.influence, 0) / n
      : 0
    : result.meanInfluence;
  const meanDependence = direct
    ? n
      ? values.reduce((s, v) => s + v.dependence, 0) / n
      : 0
    : result.meanDependence;
  const maxInfluence = Math.max(1e-9, ...values.map((v) => v.influence), meanInfluence) * 1.05;
  const maxDependence = Math.max(1e-9, ...values.map((v) => v.dependence), meanDependence) * 1.05;
  const { width, height, margin } = size;
  const plotW = width - 2 * margin;
  const plotH = height - 2 * margin;
  const px = (d: number) => Math.round((margin + (d / maxDependence) * plotW) * 10) / 10;
  const py = (i: number) => Math.round((height - margin - (i / maxInfluence) * plotH) * 10) / 10;
  return {
    width,
    height,
    margin,
    meanX: px(meanDependence),
    meanY: py(meanInfluence),
    maxInfluence,
    maxDependence,
    points: values.map((v) => ({
      ...v,
      quadrant: direct
        ? sector(v.influence > meanInfluence, v.dependence > meanDependence)
        : v.quadrant,
      x: px(v.dependence),
      y: py(v.influence),
    })),
  };
}
