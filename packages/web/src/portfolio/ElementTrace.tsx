/** Traceability from an element of a map to the projects that address it. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { compareNames, traceElement } from '@helhet/model';
import { useProcess } from '../process/ProcessContext.ts';
import { useMapChoice } from '../process/useMapChoice.ts';
import { SelectField } from '../app/SelectField.tsx';

/** "Which projects address this element?" */
export function ElementTrace() {
  const { t } = useTranslation('portfolio');
  const { content, maps } = useProcess();
  const [mapId, setMapId] = useMapChoice(maps);
  const [elementId, setElementId] = useState('');
  const map = maps.find((m) => m.id === mapId);
  const trace = map && elementId ? traceElement(content, maps, map.id, elementId) : null;
  return (
    <section className="stack" aria-labelledby="element-trace">
      <Heading id="element-trace" level={2} data-size="md">
        {t('elementTrace.title')}
      </Heading>
      <div className="inline-form">
        <SelectField
          label={t('elementTrace.map')}
          value={mapId}
          options={maps.map((m) => ({ value: m.id, label: m.title }))}
          onChange={(v) => {
            setMapId(v);
            setElementId('');
          }}
        />
        <SelectField
          label={t('elementTrace.element')}
          value={elementId}
          options={[
            { value: '', label: t('choose') },
            ...[...(map?.elements ?? [])]
              .sort((a, b) => compareNames(a.label, b.label))
              .map((e) => ({ value: e.id, label: e.label })),
          ]}
          onChange={setElementId}
        />
      </div>
      {trace && (
        <div role="status">
          <Paragraph>
            {trace.projects.length === 0
              ? t('elementTrace.noProjects')
              : t('elementTrace.projects', { names: trace.projects.map((p) => p.name).join(', ') })}
          </Paragraph>
          {trace.innovationAreas.length > 0 && (
            <Paragraph data-size="sm">
              {t('elementTrace.areas', {
                names: trace.innovationAreas
                  .map((a) => `${a.title} (${t(`elementTrace.via.${a.via}`)})`)
                  .join(', '),
              })}
            </Paragraph>
          )}
          {trace.insights.length > 0 && (
            <Paragraph data-size="sm">
              {t('elementTrace.insights', { names: trace.insights.map((i) => i.title).join(', ') })}
            </Paragraph>
          )}
        </div>
      )}
    </section>
  );
}
