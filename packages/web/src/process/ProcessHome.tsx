/**
 * The process home: the method's three steps, what exists in each and what is missing (a
 * loop no innovation area addresses, an innovation area with no project, an insight linked
 * to nothing), each gap linking to where it is fixed.
 */
import { useTranslation } from 'react-i18next';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { processGaps } from '@helhet/model';
import { AppLink } from '../app/AppLink.tsx';
import { workspacePath } from '../app/router.ts';
import { processPath } from '../core/process/paths.ts';
import { useProcess } from './ProcessContext.ts';
import { ExportWorkspaceButton } from './WorkspaceTransfer.tsx';
import { PageIntro } from './PageIntro.tsx';

/** A list of gaps, or nothing when there are none. */
function GapList({ title, items, testId }: { title: string; items: string[]; testId: string }) {
  if (items.length === 0) return null;
  return (
    <div data-testid={testId}>
      <Paragraph data-size="sm" className="process-gap">
        {title}
      </Paragraph>
      <ul>
        {items.map((item, i) => (
          <li key={`${i}-${item}`}>{item}</li>
        ))}
      </ul>
    </div>
  );
}

/** Process home page. */
export function ProcessHome() {
  const { t } = useTranslation('process');
  const { content, maps, workspaceId, workspaceName } = useProcess();
  const gaps = processGaps(content, maps);
  const u = gaps.understanding;
  const r = gaps.relationships;
  const c = gaps.change;
  return (
    <>
      <PageIntro title={t('home.title', { name: workspaceName })} intro={t('home.intro')} />
      <ol className="process-steps">
        <li className="process-card" data-testid="step-understanding">
          <Heading level={2} data-size="sm">
            {t('home.step1')}
          </Heading>
          <ul>
            <li>{t('home.challenges', { count: u.challenges })}</li>
            <li>{t('home.focusAreas', { count: u.focusAreas })}</li>
            <li>{t('home.insights', { count: u.insights, blind: u.blindSpots })}</li>
            <li>{t('home.maps', { count: u.maps })}</li>
          </ul>
          <GapList
            testId="gap-sdg"
            title={t('home.challengesWithoutSdg')}
            items={u.challengesWithoutSdg.map((x) => x.title)}
          />
          <GapList
            testId="gap-insights"
            title={t('home.unlinkedInsights')}
            items={u.unlinkedInsights.map((x) => x.title)}
          />
          <Paragraph data-size="sm">
            <AppLink to={processPath(workspaceId, 'challenges')}>{t('nav.challenges')}</AppLink>
            {' · '}
            <AppLink to={processPath(workspaceId, 'insight')}>{t('nav.insight')}</AppLink>
          </Paragraph>
        </li>
        <li className="process-card" data-testid="step-relationships">
          <Heading level={2} data-size="sm">
            {t('home.step2')}
          </Heading>
          <ul>
            <li>{t('home.keptLoops', { count: r.keptLoops })}</li>
          </ul>
          <GapList
            testId="gap-loops"
            title={t('home.loopsWithoutArea')}
            items={r.loopsWithoutArea.map((x) => x.name)}
          />
          <Paragraph data-size="sm">
            <AppLink to={workspacePath(workspaceId)}>{t('home.toMaps')}</AppLink>
          </Paragraph>
        </li>
        <li className="process-card" data-testid="step-change">
          <Heading level={2} data-size="sm">
            {t('home.step3')}
          </Heading>
          <ul>
            <li>{t('home.innovationAreas', { count: c.innovationAreas })}</li>
            <li>{t('home.portfolios', { count: c.portfolios })}</li>
            <li>{t('home.projects', { count: c.projects })}</li>
          </ul>
          <GapList
            testId="gap-areas"
            title={t('home.areasWithoutProject')}
            items={c.areasWithoutProject.map((x) => x.title)}
          />
          <GapList
            testId="gap-broken"
            title={t('home.brokenAreas')}
            items={c.areasWithBrokenReferences.map((x) => x.title)}
          />
          <GapList
            testId="gap-projects"
            title={t('home.projectsWithoutArea')}
            items={c.projectsWithoutArea.map((x) => x.name)}
          />
          <Paragraph data-size="sm">
            <AppLink to={processPath(workspaceId, 'innovation')}>{t('nav.innovation')}</AppLink>
            {' · '}
            <AppLink to={processPath(workspaceId, 'portfolio')}>{t('nav.portfolio')}</AppLink>
          </Paragraph>
        </li>
      </ol>
      <ExportWorkspaceButton workspaceId={workspaceId} name={workspaceName} />
    </>
  );
}
