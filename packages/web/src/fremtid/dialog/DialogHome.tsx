/**
 * Fremtidsdialog's start: join with a code, or create a dialogue for a municipality with
 * statements written from its figures (plus one's own, one per line), optionally requiring
 * each participant to sign in with ID-porten (offered only when the instance has it).
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Paragraph,
  Textarea,
  Textfield,
  Field,
  Label,
} from '@digdir/designsystemet-react';
import { navigate } from '../../app/router.ts';
import { dialogueErrorText } from './error-text.ts';
import { useFormat } from '../format.ts';
import { RegionSearch } from '../pages/RegionSearch.tsx';
import { DIALOG_PATH } from '../../core/fremtid/routes.ts';
import { fetchRegion } from '../worker/client.ts';
import { MAIN_SCENARIO } from '../../core/fremtid/params.ts';
import { type FremtidMeta, type RegionReport } from '@helhet/demografi';
import { createDialogue, idportenAvailable } from './api.ts';
import { suggestStatements } from './suggestions.ts';
import { FremtidPage, FremtidSection } from '../FremtidRegion.tsx';

/** The page. */
export function DialogHome({ meta }: { readonly meta: FremtidMeta }) {
  const { t } = useTranslation('fremtid');
  const f = useFormat();
  const [code, setCode] = useState('');
  const [title, setTitle] = useState('');
  const [region, setRegion] = useState<RegionReport | null>(null);
  const [picked, setPicked] = useState<Set<number>>(new Set([0, 1, 2, 3]));
  const [own, setOwn] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ownId = useId();
  const [regionCode, setRegionCode] = useState<string | null>(null);
  const [canRequireIdporten, setCanRequireIdporten] = useState(false);
  const [requireIdporten, setRequireIdporten] = useState(false);
  // A sign-in for a dialogue that no longer exists ends here, with its code.
  const [startError] = useState(() => new URLSearchParams(location.search).get('error'));
  useEffect(() => {
    let live = true;
    void idportenAvailable().then((yes) => live && setCanRequireIdporten(yes));
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    if (!regionCode) return;
    let live = true;
    void fetchRegion(regionCode, MAIN_SCENARIO).then((r) => live && setRegion(r));
    return () => {
      live = false;
    };
  }, [regionCode]);
  const suggestions = region ? suggestStatements(region, t, f) : [];

  const create = async () => {
    if (!region) return setError(t('dialog.needRegion'));
    setBusy(true);
    setError(null);
    try {
      const statements = [
        ...suggestions
          .filter((_, i) => picked.has(i))
          .map((s) => ({ text: s.text, figure: s.figure })),
        ...own
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean)
          .map((text) => ({ text, figure: null })),
      ];
      const d = await createDialogue({
        title: title.trim() || region.name,
        regionCode: region.code,
        statements,
        verification: canRequireIdporten && requireIdporten ? 'idporten' : 'none',
      });
      navigate(`${DIALOG_PATH}/${d.code}/fasilitator`);
    } catch (e) {
      setError(dialogueErrorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <FremtidPage name="dialog" title={t('dialog.title')}>
      <Paragraph>{t('dialog.intro')}</Paragraph>
      {startError && (
        <Alert data-color="danger">
          <Paragraph>{t('dialog.verificationError.dialogue-not-found')}</Paragraph>
        </Alert>
      )}
      <FremtidSection name="join" title={t('dialog.joinTitle')}>
        <form
          className="fremtid-save"
          onSubmit={(e) => {
            e.preventDefault();
            const c = code.trim().toUpperCase();
            if (/^[A-Z0-9]{6}$/.test(c)) navigate(`${DIALOG_PATH}/${c}`);
          }}
        >
          <Textfield
            label={t('dialog.code')}
            value={code}
            maxLength={6}
            autoComplete="off"
            onChange={(e) => setCode(e.target.value)}
          />
          <Button type="submit" data-size="sm">
            {t('dialog.join')}
          </Button>
        </form>
      </FremtidSection>
      <FremtidSection name="create" title={t('dialog.createTitle')}>
        <Paragraph data-size="sm">{t('dialog.createIntro')}</Paragraph>
        <RegionSearch
          meta={meta}
          onSelect={setRegionCode}
          label={t('dialog.region')}
          id="dialog-region"
        />
        {region && (
          <Paragraph data-size="sm" data-testid="dialog-region">
            {t('dialog.regionChosen', { name: region.name })}
          </Paragraph>
        )}
        <Textfield
          label={t('dialog.titleField')}
          value={title}
          maxLength={120}
          onChange={(e) => setTitle(e.target.value)}
        />
        {suggestions.length > 0 && (
          <Fieldset>
            <Fieldset.Legend>{t('dialog.suggested')}</Fieldset.Legend>
            {suggestions.map((s, i) => (
              <Checkbox
                key={s.figure}
                label={s.text}
                checked={picked.has(i)}
                onChange={(e) => {
                  const next = new Set(picked);
                  if (e.target.checked) next.add(i);
                  else next.delete(i);
                  setPicked(next);
                }}
              />
            ))}
          </Fieldset>
        )}
        <Field>
          <Label htmlFor={ownId}>{t('dialog.own')}</Label>
          <Textarea id={ownId} rows={3} value={own} onChange={(e) => setOwn(e.target.value)} />
        </Field>
        {canRequireIdporten && (
          <Checkbox
            label={t('dialog.requireIdporten')}
            description={t('dialog.requireIdportenHelp')}
            checked={requireIdporten}
            onChange={(e) => setRequireIdporten(e.target.checked)}
          />
        )}
        {error && (
          <Alert data-color="danger">
            <Paragraph>{error}</Paragraph>
          </Alert>
        )}
        <Button onClick={() => void create()} disabled={busy || !region}>
          {t('dialog.create')}
        </Button>
      </FremtidSection>
    </FremtidPage>
  );
}
