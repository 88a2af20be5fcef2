/**
 * The side panel: edits the selected element or link, or offers to delete a multi-selection.
 * It folds to a narrow rail to give the canvas the room (the choice is kept on this device).
 */
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useMapEditor } from './MapContext.ts';
import { ElementEditor } from './ElementEditor.tsx';
import { LinkEditor } from './LinkEditor.tsx';
import { ProcessInMap } from '../process/map/ProcessInMap.tsx';
import { setSidePanelOpen, useSidePanelOpen } from './canvas-room.ts';

/** Side panel for the current selection. */
export function SidePanel() {
  const { t } = useTranslation();
  const { snapshot, selection, canEdit, locked, requestDelete } = useMapEditor();
  const open = useSidePanelOpen();
  const count = selection.elements.length + selection.links.length;

  const element =
    selection.elements.length === 1 && selection.links.length === 0
      ? snapshot.elements.find((e) => e.id === selection.elements[0])
      : undefined;
  const link =
    selection.links.length === 1 && selection.elements.length === 0
      ? snapshot.links.find((l) => l.id === selection.links[0])
      : undefined;
  const lockedSelection =
    (element !== undefined && locked.elements.has(element.id)) ||
    (link !== undefined && locked.links.has(link.id));

  if (!open)
    return (
      <aside className="side-panel side-panel--rail" aria-label={t('panel.label')}>
        <Button
          variant="tertiary"
          data-size="sm"
          aria-expanded={false}
          className="side-panel__toggle"
          onClick={() => setSidePanelOpen(true)}
        >
          {count > 0 ? t('panel.showWithSelection', { count }) : t('panel.show')}
        </Button>
      </aside>
    );
  return (
    <aside className="side-panel" aria-labelledby="side-panel-title">
      <Button
        variant="tertiary"
        data-size="sm"
        aria-expanded={true}
        className="side-panel__toggle"
        onClick={() => setSidePanelOpen(false)}
      >
        {t('panel.hide')}
      </Button>
      {/* Read-only for viewers and commenters: a disabled fieldset disables every control. */}
      {lockedSelection && (
        <Alert data-color="warning" data-size="sm" data-testid="selection-locked">
          {t('facilitation.lock.selectionLocked')}
        </Alert>
      )}
      <fieldset disabled={!canEdit || lockedSelection} className="plain-fieldset">
        {element ? (
          <ElementEditor key={element.id} element={element} />
        ) : link ? (
          <LinkEditor key={link.id} link={link} />
        ) : (
          <>
            <Heading id="side-panel-title" level={2} data-size="xs">
              {count > 1 ? t('panel.selectedCount', { count }) : t('panel.title')}
            </Heading>
            {count > 1 && canEdit ? (
              <Button
                variant="secondary"
                data-color="danger"
                onClick={() => requestDelete(selection)}
              >
                {t('panel.deleteSelected', { count })}
              </Button>
            ) : (
              <Paragraph data-size="sm">{t('panel.help')}</Paragraph>
            )}
          </>
        )}
        <ProcessInMap />
      </fieldset>
    </aside>
  );
}
