/**
 * Portfolios with their vision and main goals, their main projects, the coverage matrix, the
 * portfolio network with reinforcing loops, and traceability from elements to projects.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { Portfolio } from '@helhet/model';
import { compareNames } from '@helhet/model';
import { useProcess } from '../process/ProcessContext.ts';
import { PageIntro } from '../process/PageIntro.tsx';
import { CheckList, NewRecordForm, TextField } from '../process/fields.tsx';
import { SelectField } from '../app/SelectField.tsx';
import { ProjectCard } from './ProjectCard.tsx';
import { CoverageMatrix } from './CoverageMatrix.tsx';
import { PortfolioNetwork } from './PortfolioNetwork.tsx';
import { ElementTrace } from './ElementTrace.tsx';
import { RecordCard } from '../process/RecordCard.tsx';

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** Portfolio page. */
export default function PortfolioPage() {
  const { t } = useTranslation('portfolio');
  const { content } = useProcess();
  const portfolios = [...content.portfolios].sort((a, b) => compareNames(a.name, b.name));
  const loose = content.projects.filter(
    (p) => p.portfolioId === null || !content.portfolios.some((x) => x.id === p.portfolioId),
  );
  return (
    <>
      <PageIntro title={t('title')} intro={t('intro')} />
      {portfolios.map((p) => (
        <PortfolioSection key={p.id} portfolio={p} />
      ))}
      {loose.length > 0 && (
        <section className="stack" aria-labelledby="loose-projects">
          <Heading id="loose-projects" level={2} data-size="md">
            {t('looseProjects')}
          </Heading>
          {loose.map((p) => (
            <ProjectCard key={p.id} project={p} />
          ))}
        </section>
      )}
      <NewProject />
      <NewPortfolio />
      <CoverageMatrix />
      <PortfolioNetwork />
      <ElementTrace />
    </>
  );
}

function PortfolioSection({ portfolio }: { portfolio: Portfolio }) {
  const { t } = useTranslation('portfolio');
  const { content } = useProcess();
  const projects = content.projects
    .filter((p) => p.portfolioId === portfolio.id)
    .sort((a, b) => compareNames(a.name, b.name));
  return (
    <RecordCard
      section
      collection="portfolios"
      record={portfolio}
      name={portfolio.name}
      heading={t('portfolio', { name: portfolio.name })}
      size="md"
      testId="portfolio"
      fields={[
        { key: 'name', label: t('name') },
        { key: 'vision', label: t('vision'), multiline: true },
        { key: 'mainGoals', label: t('mainGoalsHelp'), lines: true },
      ]}
      deleteText={(key) => t(key, { name: portfolio.name })}
      below={
        <>
          {projects.length === 0 && <Paragraph>{t('noProjects')}</Paragraph>}
          {projects.map((p) => (
            <ProjectCard key={p.id} project={p} />
          ))}
        </>
      }
    >
      {portfolio.vision && (
        <Paragraph>
          <strong>{t('vision')}: </strong>
          {portfolio.vision}
        </Paragraph>
      )}
      {portfolio.mainGoals.length > 0 && (
        <>
          <Paragraph>
            <strong>{t('mainGoals')}:</strong>
          </Paragraph>
          <ul>
            {portfolio.mainGoals.map((g, i) => (
              <li key={i}>{g}</li>
            ))}
          </ul>
        </>
      )}
    </RecordCard>
  );
}

function NewProject() {
  const { t } = useTranslation('portfolio');
  const { content } = useProcess();
  const [name, setName] = useState('');
  const [portfolioId, setPortfolioId] = useState('');
  const [goals, setGoals] = useState('');
  const [areas, setAreas] = useState<string[]>([]);
  return (
    <NewRecordForm
      id="new-project"
      heading={t('project.new')}
      headingSize="md"
      submitLabel={t('project.create')}
      collection="projects"
      record={() => ({
        name,
        portfolioId: portfolioId || null,
        goals: lines(goals),
        innovationAreaIds: areas,
      })}
      created={t('project.created', { name })}
      onCreated={() => {
        setName('');
        setGoals('');
        setAreas([]);
      }}
    >
      <TextField label={t('project.name')} value={name} maxLength={200} onChange={setName} />
      <SelectField
        label={t('project.portfolio')}
        value={portfolioId}
        options={[
          { value: '', label: t('project.noPortfolio') },
          ...content.portfolios.map((p) => ({ value: p.id, label: p.name })),
        ]}
        onChange={setPortfolioId}
      />
      <TextField label={t('project.goalsHelp')} rows={3} value={goals} onChange={setGoals} />
      <CheckList
        legend={t('project.areas')}
        options={content.innovationAreas.map((a) => ({ value: a.id, label: a.title }))}
        selected={areas}
        onChange={setAreas}
        empty={t('project.noAreas')}
      />
    </NewRecordForm>
  );
}

function NewPortfolio() {
  const { t } = useTranslation('portfolio');
  const [name, setName] = useState('');
  const [vision, setVision] = useState('');
  const [goals, setGoals] = useState('');
  return (
    <NewRecordForm
      id="new-portfolio"
      heading={t('new')}
      headingSize="md"
      submitLabel={t('create')}
      collection="portfolios"
      record={() => ({ name, vision, mainGoals: lines(goals) })}
      created={t('created', { name })}
      onCreated={() => {
        setName('');
        setVision('');
        setGoals('');
      }}
    >
      <TextField label={t('name')} value={name} maxLength={200} onChange={setName} />
      <TextField label={t('vision')} rows={2} value={vision} onChange={setVision} />
      <TextField label={t('mainGoalsHelp')} rows={3} value={goals} onChange={setGoals} />
    </NewRecordForm>
  );
}
