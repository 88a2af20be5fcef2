/**
 * Edits one link: polarity (+, −, ?), delay mark and label. Polarity and delay apply at once
 * (one click, one undo step); the label is saved on Enter or when leaving the field.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  Heading,
  Paragraph,
  Switch,
  Textfield,
  ToggleGroup,
} from '@digdir/designsystemet-react';
import { Polarity, removeLinks, updateLink, type MapLink } from '@helhet/model';
import { useMapEditor } from './MapContext.ts';

/** Link editor of the side panel. */
export function LinkEditor({ link }: { link: MapLink }) {
  const { t } = useTranslation();
  const { doc, origin, snapshot, select, announce } = useMapEditor();
  const [label, setLabel] = useState(link.label);
  useEffect(() => setLabel(link.label), [link.label]);
  const name = (id: string) => snapshot.elements.find((e) => e.id === id)?.label ?? id;

  const saveLabel = () => {
    if (label !== link.label) updateLink(doc, link.id, { label: label.slice(0, 200) }, origin);
  };

  return (
    <div className="stack">
      <Heading id="side-panel-title" level={2} data-size="xs">
        {t('panel.link')}
      </Heading>
      <Paragraph data-size="sm">
        {t('panel.linkFromTo', { from: name(link.from), to: name(link.to) })}
      </Paragraph>
      <div>
        <Paragraph data-size="sm" id="polarity-label">
          {t('link.polarity')}
        </Paragraph>
        <ToggleGroup
          aria-labelledby="polarity-label"
          data-size="sm"
          value={link.polarity}
          onChange={(value) => {
            const parsed = Polarity.safeParse(value);
            if (parsed.success) {
              updateLink(doc, link.id, { polarity: parsed.data }, origin);
              announce(t('link.polaritySet', { polarity: t(`polarity.${parsed.data}`) }));
            }
          }}
        >
          {Polarity.options.map((p) => (
            <ToggleGroup.Item key={p} value={p} aria-label={t(`polarity.${p}`)}>
              {p === '-' ? '−' : p}
            </ToggleGroup.Item>
          ))}
        </ToggleGroup>
      </div>
      <Switch
        label={t('link.delay')}
        checked={link.delay}
        onChange={(e) => updateLink(doc, link.id, { delay: e.target.checked }, origin)}
      />
      <Textfield
        label={t('link.label')}
        value={label}
        maxLength={200}
        onChange={(e) => setLabel(e.target.value)}
        onBlur={saveLabel}
        onKeyDown={(e) => e.key === 'Enter' && saveLabel()}
      />
      <Button
        variant="tertiary"
        data-color="danger"
        data-size="sm"
        onClick={() => {
          removeLinks(doc, [link.id], origin);
          select({ elements: [], links: [] });
          announce(t('map.deleted', { count: 1 }));
        }}
      >
        {t('link.delete')}
      </Button>
    </div>
  );
}
