/**
 * The toolbar's "Plakat og bilde" dialog: the whole map as a vector PDF poster on A0, A1, A3 or
 * A4, or as a PNG picture up to 8192 pixels wide, both laid out by the server (title, legend of
 * fields and polarities, date and attribution line) and downloaded as files. Viewers may use
 * it: printing a map is exporting it.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, Heading, Paragraph } from '@digdir/designsystemet-react';
import {
  MAX_POSTER_PNG_WIDTH,
  MIN_TEXT_PT,
  PAPER_MM,
  PAPER_SIZES,
  UiLanguage,
  type PaperSize,
} from '@helhet/model';
import { SelectField } from '../../app/SelectField.tsx';
import { posterUrl } from '../../core/map/poster-url.ts';

const WIDTHS = ['2048', '4096', String(MAX_POSTER_PNG_WIDTH)] as const;
type Width = (typeof WIDTHS)[number];

/** Toolbar button and dialog downloading the map's poster or picture. */
export function PosterDialog({ mapId }: { mapId: string }) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const [paper, setPaper] = useState<PaperSize>('A3');
  const [width, setWidth] = useState<Width>('4096');
  const lang = UiLanguage.safeParse(i18n.language).data ?? 'nb';
  return (
    <>
      <Button variant="tertiary" data-size="sm" onClick={() => ref.current?.showModal()}>
        {t('poster.open')}
      </Button>
      <Dialog
        ref={ref}
        closeButton={t('common.close')}
        aria-labelledby="poster-title"
        closedby="any"
        data-testid="poster-dialog"
      >
        <Dialog.Block>
          <Heading id="poster-title" level={2} data-size="sm">
            {t('poster.title')}
          </Heading>
        </Dialog.Block>
        <Dialog.Block className="stack">
          <Paragraph data-size="sm">{t('poster.intro')}</Paragraph>
          <SelectField
            id="poster-paper"
            size="sm"
            label={t('poster.paper')}
            value={paper}
            options={PAPER_SIZES.map((p) => ({
              value: p,
              label: t('poster.paperOption', {
                paper: p,
                width: PAPER_MM[p].height,
                height: PAPER_MM[p].width,
              }),
            }))}
            onChange={setPaper}
          />
          <Paragraph data-size="xs">
            {t('poster.minText', { paper, size: MIN_TEXT_PT[paper] })}
          </Paragraph>
          <Button asChild data-size="sm">
            <a href={posterUrl(mapId, { format: 'pdf', paper, lang })} download>
              {t('poster.pdf')}
            </a>
          </Button>
          <SelectField
            id="poster-width"
            size="sm"
            label={t('poster.width')}
            value={width}
            options={WIDTHS.map((w) => ({
              value: w,
              label: t('poster.pixels', { count: Number(w) }),
            }))}
            onChange={setWidth}
          />
          <Button asChild variant="secondary" data-size="sm">
            <a
              href={posterUrl(mapId, { format: 'png', paper, lang, width: Number(width) })}
              download
            >
              {t('poster.png')}
            </a>
          </Button>
        </Dialog.Block>
      </Dialog>
    </>
  );
}
