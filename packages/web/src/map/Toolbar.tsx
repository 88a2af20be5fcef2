/**
 * The canvas toolbar: new element, undo/redo, map structure (fields and axis), search and
 * the list of keyboard shortcuts, and the poster and picture of the map.
 */
import { useTranslation } from 'react-i18next';
import { Button } from '@digdir/designsystemet-react';
import type { UndoApi } from './useUndo.ts';
import { StructureDialog } from './StructureDialog.tsx';
import { SearchElements } from './SearchElements.tsx';
import { ShortcutsDialog } from './ShortcutsDialog.tsx';
import { PosterDialog } from './interchange/PosterDialog.tsx';

/** Props of {@link Toolbar}. */
export interface ToolbarProps {
  undo: UndoApi;
  onNewElement: () => void;
  /** False for viewers and commenters: only search stays. */
  canEdit: boolean;
  /** The map, for its poster's download address. */
  mapId: string;
}

/** Canvas toolbar. */
export function Toolbar({ undo, onNewElement, canEdit, mapId }: ToolbarProps) {
  const { t } = useTranslation();
  if (!canEdit)
    return (
      <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
        <SearchElements />
        <ShortcutsDialog />
        <PosterDialog mapId={mapId} />
      </div>
    );
  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <Button data-size="sm" onClick={onNewElement}>
        {t('map.newElement')}
      </Button>
      {(
        [
          ['toolbar.undo', !undo.canUndo, undo.undo, 'Control+Z'],
          ['toolbar.redo', !undo.canRedo, undo.redo, 'Control+Shift+Z Control+Y'],
        ] as const
      ).map(([label, disabled, onClick, keys]) => (
        <Button
          key={label}
          variant="secondary"
          data-size="sm"
          disabled={disabled}
          onClick={onClick}
          aria-keyshortcuts={keys}
        >
          {t(label)}
        </Button>
      ))}
      <StructureDialog />
      <SearchElements />
      <ShortcutsDialog />
      <PosterDialog mapId={mapId} />
    </div>
  );
}
