/** Fremtidsdialog's sub-pages: start, participant, projector and facilitator views. */
import { useTranslation } from 'react-i18next';
import { Paragraph } from '@digdir/designsystemet-react';
import type { FremtidMeta } from '../worker/protocol.ts';
import { DialogHome } from './DialogHome.tsx';
import { FacilitatorView } from './FacilitatorView.tsx';
import { ParticipantView } from './ParticipantView.tsx';
import { ProjectorView } from './ProjectorView.tsx';

/** Props: the path segments after `/fremtid/dialog`; `meta` is only needed by the start page. */
export default function DialogRoot({
  rest,
  meta,
}: {
  readonly rest: readonly string[];
  readonly meta: FremtidMeta | null;
}) {
  const { t } = useTranslation('fremtid');
  const [code, view] = rest;
  if (code === undefined) return meta ? <DialogHome meta={meta} /> : null;
  const c = code.toUpperCase();
  if (!/^[A-Z0-9]{6}$/.test(c) || rest.length > 2) return <Paragraph>{t('notFound')}</Paragraph>;
  if (view === undefined) return <ParticipantView key={c} code={c} />;
  if (view === 'skjerm') return <ProjectorView key={c} code={c} />;
  if (view === 'fasilitator') return <FacilitatorView key={c} code={c} />;
  return <Paragraph>{t('notFound')}</Paragraph>;
}
