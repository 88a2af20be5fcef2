/**
 * Making a new map: its template (the gigamap with the life-line and four fields, a causal
 * diagram, an actor map or the iceberg model, each with a short guide to what it is for) and
 * its title. The template's own guide text is kept in the new map's description.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Fieldset, Radio } from '@digdir/designsystemet-react';
import { MAP_TEMPLATES, type MapTemplateId } from '@helhet/model';
import { CreateForm } from './CreateForm.tsx';

/** Props of {@link NewMapForm}. */
export interface NewMapFormProps {
  onCreate: (title: string, template: MapTemplateId) => Promise<unknown>;
}

/** Template choice and title of a new map. */
export function NewMapForm({ onCreate }: NewMapFormProps) {
  const { t } = useTranslation();
  const [template, setTemplate] = useState<MapTemplateId>('gigamap');
  return (
    <div className="stack">
      <Fieldset data-size="sm" className="template-choice">
        <Fieldset.Legend>{t('workspace.template')}</Fieldset.Legend>
        {MAP_TEMPLATES.map((id) => (
          <Radio
            key={id}
            name="map-template"
            value={id}
            label={t(`workspace.templates.${id}.name`)}
            description={t(`workspace.templates.${id}.guide`)}
            checked={template === id}
            onChange={() => setTemplate(id)}
          />
        ))}
      </Fieldset>
      <CreateForm
        label={t('workspace.mapTitleLabel')}
        submitLabel={t('workspace.createMapButton')}
        onCreate={(title) => onCreate(title, template)}
      />
    </div>
  );
}
