/**
 * The municipality map of Norway (© Kartverket boundaries, compact TopoJSON from
 * `helhet data geo`), coloured by an indicator in a chosen year, with year slider, play
 * button, legend and a table alternative; all controls are native and keyboard-operable.
 * Clicking a municipality opens Min kommune (keyboard users reach it through the table or
 * the search). Drawn with d3-geo in a transverse Mercator projection centred on 15° E (UTM
 * zone 33, the projection Kartverket uses for national maps).
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { SelectField } from '../../app/SelectField.tsx';
import { geoArea, geoPath, geoTransverseMercator } from 'd3-geo';
import { scaleThreshold } from 'd3-scale';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { navigate } from '../../app/router.ts';
import { useFormat, type Formatters } from '../format.ts';
import { kommunePath } from '../../core/fremtid/routes.ts';
import { fetchMap } from '../worker/client.ts';
import {
  MAP_INDICATORS,
  type FremtidMeta,
  type MapIndicator,
  type MapValues,
} from '@helhet/demografi';
import { useYearPlayback, YearPlayer } from './YearPlayer.tsx';
import { ChartFrame } from './ChartFrame.tsx';

/** Where the server serves the boundaries. */
export const TOPOLOGY_URL = '/api/fremtid/kommuner.topojson';
const W = 520;
const H = 640;
/** ColorBrewer RdYlBu (colour-blind safe), red = the demanding end of each indicator. */
const RDYLBU = [
  '#d73027',
  '#f46d43',
  '#fdae61',
  '#fee090',
  '#e0f3f8',
  '#abd9e9',
  '#74add1',
  '#4575b4',
];
const NO_DATA = '#c8cbd0';

/** Class breaks per indicator; `worseHigh` puts red at the high end. */
const CLASSES: Record<
  MapIndicator,
  { breaks: number[]; worseHigh: boolean; kind: 'dec' | 'pct' | 'change' }
> = {
  aldersbaereevne: { breaks: [1.5, 2, 2.5, 3, 3.5, 4, 4.5], worseHigh: false, kind: 'dec' },
  change: { breaks: [-0.2, -0.1, -0.05, 0, 0.05, 0.1, 0.2], worseHigh: false, kind: 'change' },
  andel80: { breaks: [0.04, 0.06, 0.08, 0.1, 0.12, 0.14, 0.16], worseHigh: true, kind: 'pct' },
  careShare: {
    breaks: [0.01, 0.015, 0.02, 0.025, 0.03, 0.035, 0.04],
    worseHigh: true,
    kind: 'pct',
  },
};

function show(kind: 'dec' | 'pct' | 'change', f: Formatters, v: number): string {
  return kind === 'dec' ? f.dec(v, 1) : kind === 'pct' ? f.pct(v, 1) : f.change(v, 0);
}

/**
 * d3-geo works on the sphere and takes a ring's winding as which side is inside; the
 * boundaries follow GeoJSON's (RFC 7946) counter-clockwise rule, the opposite, so a
 * municipality would be drawn as the whole world minus itself. A feature whose area is
 * more than half the sphere has its rings reversed.
 */
function rewind<P>(f: Feature<Geometry, P>): Feature<Geometry, P> {
  if (geoArea(f as Feature<Geometry>) <= 2 * Math.PI) return f;
  const g = f.geometry;
  if (g.type === 'Polygon')
    return { ...f, geometry: { ...g, coordinates: g.coordinates.map((r) => [...r].reverse()) } };
  if (g.type === 'MultiPolygon')
    return {
      ...f,
      geometry: { ...g, coordinates: g.coordinates.map((p) => p.map((r) => [...r].reverse())) },
    };
  return f;
}

type Shapes = { code: string; d: string }[];
let shapes: Promise<Shapes> | null = null;

/** Loads the topology once and turns it into SVG path strings (357 of them). */
function loadShapes(): Promise<Shapes> {
  shapes ??= fetch(TOPOLOGY_URL)
    .then((r) => {
      if (!r.ok) throw new Error(`boundaries: HTTP ${r.status}`);
      return r.json() as Promise<
        Topology<{ kommuner: GeometryCollection<{ kommunenummer: string }> }>
      >;
    })
    .then((topology) => {
      const fc = feature(topology, topology.objects.kommuner) as FeatureCollection<
        Geometry,
        { kommunenummer: string }
      >;
      fc.features = fc.features.map(rewind);
      const projection = geoTransverseMercator().rotate([-15, 0]).fitSize([W, H], fc);
      const path = geoPath(projection);
      return fc.features.map((ft) => ({ code: ft.properties.kommunenummer, d: path(ft) ?? '' }));
    });
  shapes.catch(() => {
    shapes = null;
  });
  return shapes;
}

/** The map with its controls. */
export function NorgeMap({ meta }: { readonly meta: FremtidMeta }) {
  const { t } = useTranslation('fremtid');
  const f = useFormat();
  const [indicator, setIndicator] = useState<MapIndicator>('aldersbaereevne');
  const playback = useYearPlayback(meta.firstYear, meta.toYear, 2040);
  const { year } = playback;
  const [paths, setPaths] = useState<Shapes | null>(null);
  const [values, setValues] = useState<MapValues | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    loadShapes().then(setPaths, (e: Error) => setError(e.message));
  }, []);
  useEffect(() => {
    let live = true;
    fetchMap(indicator).then(
      (v) => live && setValues(v),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [indicator]);

  const spec = CLASSES[indicator];
  const colors = spec.worseHigh ? [...RDYLBU].reverse() : RDYLBU;
  const scale = useMemo(
    () => scaleThreshold<number, string>().domain(spec.breaks).range(colors),
    [spec, colors],
  );
  const byCode = useMemo(() => {
    const m = new Map<string, number>();
    if (!values) return m;
    const yi = values.years.indexOf(year);
    meta.municipalities.forEach((mu, i) =>
      m.set(mu.code, values.values[i * values.years.length + yi]!),
    );
    return m;
  }, [values, year, meta]);
  const name = new Map(meta.municipalities.map((m) => [m.code, m.name]));
  const label = t(`map.indicator.${indicator}`);
  const finite = [...byCode.values()].filter(Number.isFinite);
  const summary = finite.length
    ? t('map.summary', {
        indicator: label,
        year,
        min: show(spec.kind, f, Math.min(...finite)),
        max: show(spec.kind, f, Math.max(...finite)),
      })
    : t('map.noData', { indicator: label, year });
  const legend = colors.map((c, i) => {
    const lo = spec.breaks[i - 1];
    const hi = spec.breaks[i];
    const text =
      lo === undefined
        ? t('map.below', { value: show(spec.kind, f, hi!) })
        : hi === undefined
          ? t('map.above', { value: show(spec.kind, f, lo) })
          : `${show(spec.kind, f, lo)} – ${show(spec.kind, f, hi)}`;
    return { c, text };
  });
  return (
    <ChartFrame
      title={t('map.title', { indicator: label, year })}
      summary={summary}
      filename={`kart-${indicator}-${year}`}
      kartverket
      level={2}
      table={{
        columns: [t('map.municipality'), t('map.number'), label],
        rows: meta.municipalities.map((m) => [
          m.name,
          m.code,
          Number((byCode.get(m.code) ?? Number.NaN).toFixed(4)),
        ]),
      }}
      controls={
        <div className="fremtid-controls">
          <SelectField
            className="fremtid-inline-field"
            width="auto"
            label={t('map.choose')}
            value={indicator}
            options={MAP_INDICATORS.map((k) => ({ value: k, label: t(`map.indicator.${k}`) }))}
            onChange={setIndicator}
          />
          <YearPlayer playback={playback} />
        </div>
      }
      notes={
        <ul className="fremtid-legend fremtid-map-legend" aria-label={t('map.legend')}>
          {legend.map((l) => (
            <li key={l.c}>
              <svg width="18" height="14" aria-hidden="true">
                <rect width="18" height="14" fill={l.c} />
              </svg>
              {l.text}
            </li>
          ))}
          <li>
            <svg width="18" height="14" aria-hidden="true">
              <rect width="18" height="14" fill={NO_DATA} />
            </svg>
            {t('map.missing')}
          </li>
        </ul>
      }
    >
      {error ? (
        <p>{error}</p>
      ) : (
        <svg
          viewBox={`0 0 ${W} ${H}`}
          role="img"
          aria-label={summary}
          className="fremtid-svg fremtid-map"
          data-testid="norge-map"
        >
          <title>{summary}</title>
          <rect width={W} height={H} fill="#ffffff" />
          {paths?.map((p) => {
            const v = byCode.get(p.code) ?? Number.NaN;
            return (
              <path
                key={p.code}
                d={p.d}
                fill={Number.isFinite(v) ? scale(v) : NO_DATA}
                stroke="#ffffff"
                strokeWidth={0.3}
                onClick={() => navigate(kommunePath(p.code))}
              >
                <title>{`${name.get(p.code) ?? p.code}: ${show(spec.kind, f, v)}`}</title>
              </path>
            );
          })}
          <text x={W - 8} y={H - 8} textAnchor="end" fontSize={11} fill="#44474f">
            © Kartverket
          </text>
        </svg>
      )}
    </ChartFrame>
  );
}
