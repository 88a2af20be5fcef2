/**
 * The portfolio map: projects as a network of "reinforces" and "depends on" relations, with
 * the reinforcing loops among them (found by the model's loop engine) highlighted. The
 * drawing is decorative for assistive technology; the same facts are listed as text below it.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { compareNames, portfolioNetwork } from '@helhet/model';
import { useProcess } from '../process/ProcessContext.ts';
import { SelectField } from '../app/SelectField.tsx';
import { circleLayout, edgeSegment } from '../core/portfolio/layout.ts';

const SIZE = 520;
const R = 34;
/** Arrowheads: one for links, one coloured for links that are part of a loop. */
const ARROWS = [
  { id: 'arrow', fill: '#444' },
  { id: 'arrow-loop', fill: '#a4237b' },
] as const;

/** Portfolio network section. */
export function PortfolioNetwork() {
  const { t } = useTranslation('portfolio');
  const { content } = useProcess();
  const [portfolioId, setPortfolioId] = useState('');
  const projects = [...content.projects]
    .filter((p) => !portfolioId || p.portfolioId === portfolioId)
    .sort((a, b) => compareNames(a.name, b.name));
  const network = portfolioNetwork(projects);
  // Room for the labels (up to 34 characters) beside the circle.
  const points = circleLayout(projects.length, SIZE / 2, SIZE / 2, SIZE / 2 - R - 90);
  const at = new Map(projects.map((p, i) => [p.id, points[i]!]));
  const name = new Map(projects.map((p) => [p.id, p.name]));
  const inLoop = new Set(network.loops.flatMap((l) => l.edgeIds));
  return (
    <section className="stack process-network" aria-labelledby="network-heading">
      <Heading id="network-heading" level={2} data-size="md">
        {t('network.title')}
      </Heading>
      <SelectField
        label={t('network.portfolio')}
        value={portfolioId}
        options={[
          { value: '', label: t('network.all') },
          ...content.portfolios.map((p) => ({ value: p.id, label: p.name })),
        ]}
        onChange={setPortfolioId}
      />
      {projects.length > 0 && (
        <svg
          viewBox={`0 0 ${SIZE} ${SIZE}`}
          width={SIZE}
          height={SIZE}
          aria-hidden="true"
          focusable="false"
        >
          <defs>
            {ARROWS.map(({ id, fill }) => (
              <marker
                key={id}
                id={id}
                viewBox="0 0 10 10"
                refX="8"
                refY="5"
                markerWidth="7"
                markerHeight="7"
                orient="auto-start-reverse"
              >
                <path d="M 0 0 L 10 5 L 0 10 z" fill={fill} />
              </marker>
            ))}
          </defs>
          {network.edges.map((e) => {
            // Two projects relating both ways get two parallel lines, not one on top of the other.
            const both = network.edges.some((o) => o.from === e.to && o.to === e.from);
            const { from, to } = edgeSegment(at.get(e.from)!, at.get(e.to)!, R, both ? 5 : 0);
            const loop = inLoop.has(e.id);
            return (
              <line
                key={e.id}
                x1={from.x}
                y1={from.y}
                x2={to.x}
                y2={to.y}
                stroke={loop ? '#a4237b' : '#444'}
                strokeWidth={loop ? 4 : 1.5}
                strokeDasharray={e.kind === 'dependsOn' ? '6 4' : undefined}
                markerEnd={loop ? 'url(#arrow-loop)' : 'url(#arrow)'}
              />
            );
          })}
          {projects.map((p) => {
            const point = at.get(p.id)!;
            return (
              <g key={p.id}>
                <circle
                  cx={point.x}
                  cy={point.y}
                  r={R}
                  fill="#e8f0fa"
                  stroke="#0062ba"
                  strokeWidth={2}
                />
                <text
                  x={point.x}
                  y={point.y + R + 16}
                  textAnchor="middle"
                  fontSize="13"
                  fill="#1a1a1a"
                >
                  {p.name.length > 34 ? `${p.name.slice(0, 32)}…` : p.name}
                </text>
              </g>
            );
          })}
        </svg>
      )}
      <Paragraph data-size="sm">{t('network.legend')}</Paragraph>
      <Heading level={3} data-size="xs">
        {t('network.loops')}
      </Heading>
      {network.loops.length === 0 ? (
        <Paragraph data-testid="network-loops">{t('network.noLoops')}</Paragraph>
      ) : (
        <ul data-testid="network-loops">
          {network.loops.map((l) => (
            <li key={l.edgeIds.join('|')}>
              {[...l.projectIds, l.projectIds[0]!].map((id) => name.get(id)).join(' → ')}
            </li>
          ))}
        </ul>
      )}
      {network.truncated && <Paragraph>{t('network.truncated')}</Paragraph>}
    </section>
  );
}
