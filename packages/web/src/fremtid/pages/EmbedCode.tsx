/** The copyable `<iframe>` code that embeds a region's key chart on another site. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Paragraph, Textarea, Field, Label } from '@digdir/designsystemet-react';
import { embedPath } from '../../core/fremtid/routes.ts';
import { FremtidSection } from '../FremtidRegion.tsx';

/** The iframe snippet for `code` (user text never enters it: only the number and a title). */
export function embedSnippet(origin: string, code: string, title: string): string {
  const safeTitle = title.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<iframe src="${origin}${embedPath(code)}" title="${safeTitle}" width="100%" height="760" style="border:0" loading="lazy"></iframe>`;
}

/** The section. */
export function EmbedCode({ code, name }: { readonly code: string; readonly name: string }) {
  const { t } = useTranslation('fremtid');
  const [copied, setCopied] = useState(false);
  const snippet = embedSnippet(location.origin, code, t('embed.title', { name }));
  return (
    <FremtidSection
      name="embed-code"
      className="fremtid-section fremtid-narrow"
      size="xs"
      title={t('embed.codeTitle')}
    >
      <Paragraph data-size="sm">{t('embed.codeIntro')}</Paragraph>
      <Field>
        <Label htmlFor="embed-code">{t('embed.codeLabel')}</Label>
        <Textarea id="embed-code" readOnly rows={3} value={snippet} data-testid="embed-code" />
      </Field>
      <Button
        variant="secondary"
        data-size="sm"
        onClick={() =>
          void navigator.clipboard?.writeText(snippet).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        {t('embed.copy')}
      </Button>
      <span role="status" className="fremtid-hint">
        {copied ? t('embed.copied') : ''}
      </span>
    </FremtidSection>
  );
}
