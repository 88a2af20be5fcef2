/**
 * Keeps a found loop with a name and a narrative, or edits a kept loop's name and narrative.
 * Writes through the model's kept-loop functions into the map document, so everyone with
 * the map open sees it at once.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Dialog, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { keepLoop, narrateLoop, renameLoop, type FoundLoop, type KeptLoop } from '@helhet/model';
import { useMapEditor } from '../MapContext.ts';
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
  const ref = useRef<HTMLDialogElement>(null);
  const [name, setName] = useState('');
  const [narrative, setNarrative] = useState('');
  const [nameError, setNameError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (target) {
      setName(target.mode === 'edit' ? target.kept.name : '');
      setNarrative(target.mode === 'edit' ? target.kept.narrative : '');
      setNameError(undefined);
      setFailure(null);
      if (!dialog.open) dialog.showModal();
    } else if (dialog.open) dialog.close();
  }, [target]);

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
    <Dialog
      ref={ref}
      onClose={onClose}
      closeButton={t('common.close')}
      aria-labelledby="keep-loop-title"
    >
      <Dialog.Block>
        <Heading id="keep-loop-title" level={2} data-size="sm">
          {target?.mode === 'edit' ? t('keep.editTitle') : t('keep.title')}
        </Heading>
        {loopText && <Paragraph data-size="sm">{loopText}</Paragraph>}
      </Dialog.Block>
      <Dialog.Block>
        <form className="stack" onSubmit={submit} noValidate>
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
          <div className="row-actions">
            <Button type="submit">
              {target?.mode === 'edit' ? t('keep.save') : t('keep.submit')}
            </Button>
            <Button variant="secondary" onClick={onClose}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      </Dialog.Block>
    </Dialog>
  );
}
