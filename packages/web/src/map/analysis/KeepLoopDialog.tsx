/**
 * Keeps a found loop with a name and a narrative, or edits a kept loop's name and narrative.
 * Writes through the model's kept-loop functions into the map document, so everyone with
 * the map open sees it at once.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { keepLoop, narrateLoop, renameLoop, type FoundLoop, type KeptLoop } from '@helhet/model';
import { useMapEditor } from '../MapContext.ts';
import { FormDialog } from '../FormDialog.tsx';
import { ANALYSIS_NS } from './i18n.ts';
import { useAnalysis } from './AnalysisContext.ts';

/** What the dialog works on: a found loop to keep, or a kept loop to edit. */
export type KeepLoopTarget = { mode: 'keep'; loop: FoundLoop } | { mode: 'edit'; kept: KeptLoop };

const NAME_MAX = 200;
const NARRATIVE_MAX = 20_000;

/** Props of {@link KeepLoopDialog}. */
export interface KeepLoopDialogProps {
  target: KeepLoopTarget | null;
  onClose: () => void;
}

/** Keep / edit dialog. */
export function KeepLoopDialog({ target, onClose }: KeepLoopDialogProps) {
  const { t } = useTranslation(ANALYSIS_NS);
  const { doc, origin, announce } = useMapEditor();
  const { labelOf } = useAnalysis();
  const [name, setName] = useState('');
  const [narrative, setNarrative] = useState('');
  const [nameError, setNameError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!target) return;
    const trimmed = name.trim();
    if (trimmed === '' || trimmed.length > NAME_MAX) {
      setNameError(t('keep.nameInvalid', { max: NAME_MAX }));
      return;
    }
    try {
      if (target.mode === 'keep') {
        keepLoop(doc, { name: trimmed, linkIds: target.loop.links, narrative }, origin);
        announce(t('keep.kept', { name: trimmed }));
      } else {
        doc.transact(() => {
          renameLoop(doc, target.kept.id, trimmed, origin);
          narrateLoop(doc, target.kept.id, narrative, origin);
        }, origin);
        announce(t('keep.saved', { name: trimmed }));
      }
      onClose();
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
    }
  };

  const loopText =
    target?.mode === 'keep'
      ? [...target.loop.elements, target.loop.elements[0]!].map(labelOf).join(' → ')
      : null;

  return (
    <FormDialog
      target={target}
      prepare={(opened) => {
        setName(opened.mode === 'edit' ? opened.kept.name : '');
        setNarrative(opened.mode === 'edit' ? opened.kept.narrative : '');
        setNameError(undefined);
        setFailure(null);
      }}
      onClose={onClose}
      titleId="keep-loop-title"
      title={target?.mode === 'edit' ? t('keep.editTitle') : t('keep.title')}
      intro={loopText && <Paragraph data-size="sm">{loopText}</Paragraph>}
      onSubmit={submit}
      submitLabel={target?.mode === 'edit' ? t('keep.save') : t('keep.submit')}
    >
      <Textfield
        label={t('keep.name')}
        value={name}
        maxLength={NAME_MAX}
        error={nameError}
        onChange={(e) => setName(e.target.value)}
        autoFocus
      />
      <Textfield
        multiline
        rows={5}
        label={t('keep.narrative')}
        description={t('keep.narrativeHelp')}
        value={narrative}
        maxLength={NARRATIVE_MAX}
        onChange={(e) => setNarrative(e.target.value)}
      />
      {failure && <Alert data-color="danger">{failure}</Alert>}
    </FormDialog>
  );
}
