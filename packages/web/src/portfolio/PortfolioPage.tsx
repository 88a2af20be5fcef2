/**
 * Portfolios with their vision and main goals, their main projects, the coverage matrix, the
 * portfolio network with reinforcing loops, and traceability from elements to projects.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { addWorkspaceRecord, type Portfolio } from '@helhet/model';
import { DeleteRecordButton } from '../process/DeleteRecordButton.tsx';
import { useProcess } from '../process/ProcessContext.ts';
import { CheckList, NewRecordForm, TextField } from '../process/fields.tsx';
import { SelectField } from '../app/SelectField.tsx';
import { ProjectCard } from './ProjectCard.tsx';
import { CoverageMatrix } from './CoverageMatrix.tsx';
import { PortfolioNetwork } from './PortfolioNetwork.tsx';
import { ElementTrace } from './ElementTrace.tsx';
import { RecordEditor } from '../process/RecordEditor.tsx';

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** Portfolio page. */
export default function PortfolioPage() {
  const { t } = useTranslation('portfolio');
  const { content } = useProcess();
  const portfolios = [...content.portfolios].sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  const loose = content.projects.filter(
    (p) => p.portfolioId === null || !content.portfolios.some((x) => x.id === p.portfolioId),
  );
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('title')}
      </Heading>
      <Paragraph>{t('intro')}</Paragraph>
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
    .sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  const headingId = `portfolio-${portfolio.id}`;
  return (
    <section className="stack" aria-labelledby={headingId} data-testid="portfolio">
      <Heading id={headingId} level={2} data-size="md">
        {t('portfolio', { name: portfolio.name })}
        {portfolio.example && ` (${t('example')})`}
      </Heading>
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
      <RecordEditor
        collection="portfolios"
        id={portfolio.id}
        name={portfolio.name}
        values={portfolio}
        fields={[
          { key: 'name', label: t('name') },
          { key: 'vision', label: t('vision'), multiline: true },
          { key: 'mainGoals', label: t('mainGoalsHelp'), lines: true },
        ]}
      />
      {projects.length === 0 && <Paragraph>{t('noProjects')}</Paragraph>}
      {projects.map((p) => (
        <ProjectCard key={p.id} project={p} />
      ))}
      <DeleteRecordButton
        collection="portfolios"
        id={portfolio.id}
        text={(key) => t(key, { name: portfolio.name })}
      />
    </section>
  );
}

function NewProject() {
  const { t } = useTranslation('portfolio');
  const { content, doc, origin, change } = useProcess();
  const [name, setName] = useState('');
  const [portfolioId, setPortfolioId] = useState('');
  const [goals, setGoals] = useState('');
  const [areas, setAreas] = useState<string[]>([]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const ok = change(
      () =>
        addWorkspaceRecord(
          doc,
          'projects',
          { name, portfolioId: portfolioId || null, goals: lines(goals), innovationAreaIds: areas },
          origin,
        ),
      t('project.created', { name }),
    );
    if (ok) {
      setName('');
      setGoals('');
      setAreas([]);
    }
  };
  return (
    <NewRecordForm
      id="new-project"
      heading={t('project.new')}
      headingSize="md"
      submitLabel={t('project.create')}
      onSubmit={submit}
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
  const { doc, origin, change } = useProcess();
  const [name, setName] = useState('');
  const [vision, setVision] = useState('');
  const [goals, setGoals] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (
      change(
        () =>
          addWorkspaceRecord(doc, 'portfolios', { name, vision, mainGoals: lines(goals) }, origin),
        t('created', { name }),
      )
    ) {
      setName('');
      setVision('');
      setGoals('');
    }
  };
  return (
    <NewRecordForm
      id="new-portfolio"
      heading={t('new')}
      headingSize="md"
      submitLabel={t('create')}
      onSubmit={submit}
    >
      <TextField label={t('name')} value={name} maxLength={200} onChange={setName} />
      <TextField label={t('vision')} rows={2} value={vision} onChange={setVision} />
      <TextField label={t('mainGoalsHelp')} rows={3} value={goals} onChange={setGoals} />
    </NewRecordForm>
  );
}
