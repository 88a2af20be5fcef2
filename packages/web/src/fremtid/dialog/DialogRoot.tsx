/** Fremtidsdialog's sub-pages: start, participant, projector and facilitator views. */
import { useTranslation } from 'react-i18next';
import { Paragraph } from '@digdir/designsystemet-react';
import { parseDialogRoute } from '../../core/fremtid/routes.ts';
import { type FremtidMeta } from '@helhet/demografi';
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
  const route = parseDialogRoute(rest);
  switch (route.page) {
    case 'home':
      return meta ? <DialogHome meta={meta} /> : null;
    case 'participant':
      return <ParticipantView key={route.code} code={route.code} />;
    case 'projector':
      return <ProjectorView key={route.code} code={route.code} />;
    case 'facilitator':
      return <FacilitatorView key={route.code} code={route.code} />;
    case 'notFound':
      return <Paragraph>{t('notFound')}</Paragraph>;
  }
}
