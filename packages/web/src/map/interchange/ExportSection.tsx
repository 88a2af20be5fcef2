/**
 * Exports the map in each interchange format as downloads: native JSON (everything), Kumu
 * JSON, GraphML, CSV (elements.csv and links.csv) and XMILE.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { SelectField } from '../../app/SelectField.tsx';
import { EXPORT_FORMATS, exportMap, type ExportFormat } from '@helhet/model';
import { useMapEditor } from '../MapContext.ts';
import { ANALYSIS_NS } from '../analysis/i18n.ts';
import { downloadText, fileStem } from './download.ts';

/** Export controls. */
export function ExportSection() {
  const { t } = useTranslation(ANALYSIS_NS);
  const { snapshot, announce } = useMapEditor();
  const [format, setFormat] = useState<ExportFormat>('native');

  const run = () => {
    const stem = fileStem(snapshot.meta.title);
    const files = exportMap(snapshot, format);
    for (const file of files) {
      // CSV keeps its fixed names (elements.csv, links.csv) behind the map's name.
      const name = file.name.startsWith('map.')
        ? `${stem}${file.name.slice(3)}`
        : `${stem}-${file.name}`;
      downloadText(file.text, name, file.mediaType);
    }
    announce(t('export.done', { count: files.length }));
  };

  return (
    <section aria-labelledby="export-title" className="stack">
      <Heading id="export-title" level={3} data-size="2xs">
        {t('export.title')}
      </Heading>
      <SelectField
        id="export-format"
        size="sm"
        label={t('export.format')}
        value={format}
        options={EXPORT_FORMATS.map((f) => ({ value: f, label: t(`formats.${f}`) }))}
        onChange={setFormat}
      />
      <Paragraph data-size="xs">{t(`formatHelp.${format}`)}</Paragraph>
      <Button data-size="sm" onClick={run}>
        {t('export.download')}
      </Button>
    </section>
  );
}
