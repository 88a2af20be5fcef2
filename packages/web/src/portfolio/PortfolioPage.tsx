/**
 * Portfolios with their vision and main goals, their main projects, the coverage matrix, the
 * portfolio network with reinforcing loops, and traceability from elements to projects.
 */
import { useState, type FormEvent } from 'react';
import { DeleteButton } from '../app/DeleteButton.tsx';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { addWorkspaceRecord, removeWorkspaceRecord, type Portfolio } from '@helhet/model';
import { useProcess } from '../process/ProcessContext.ts';
import { CheckList, SelectField } from '../process/fields.tsx';
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
  const { content, doc, origin, change } = useProcess();
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
      <div>
        <DeleteButton
          confirmText={t('confirmDelete', { name: portfolio.name })}
          onConfirm={() =>
            change(
              () => removeWorkspaceRecord(doc, 'portfolios', portfolio.id, origin),
              t('deleted', { name: portfolio.name }),
            )
          }
        >
          {t('delete', { name: portfolio.name })}
        </DeleteButton>
      </div>
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
    <section className="stack" aria-labelledby="new-project">
      <Heading id="new-project" level={2} data-size="md">
        {t('project.new')}
      </Heading>
      <form className="stack" onSubmit={submit} noValidate>
        <Textfield
          label={t('project.name')}
          value={name}
          maxLength={200}
          onChange={(e) => setName(e.target.value)}
        />
        <SelectField
          label={t('project.portfolio')}
          value={portfolioId}
          options={[
            { value: '', label: t('project.noPortfolio') },
            ...content.portfolios.map((p) => ({ value: p.id, label: p.name })),
          ]}
          onChange={setPortfolioId}
        />
        <Textfield
          label={t('project.goalsHelp')}
          multiline
          rows={3}
          value={goals}
          onChange={(e) => setGoals(e.target.value)}
        />
        <CheckList
          legend={t('project.areas')}
          options={content.innovationAreas.map((a) => ({ value: a.id, label: a.title }))}
          selected={areas}
          onChange={setAreas}
          empty={t('project.noAreas')}
        />
        <div>
          <Button type="submit">{t('project.create')}</Button>
        </div>
      </form>
    </section>
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
    <section className="stack" aria-labelledby="new-portfolio">
      <Heading id="new-portfolio" level={2} data-size="md">
        {t('new')}
      </Heading>
      <form className="stack" onSubmit={submit} noValidate>
        <Textfield
          label={t('name')}
          value={name}
          maxLength={200}
          onChange={(e) => setName(e.target.value)}
        />
        <Textfield
          label={t('vision')}
          multiline
          rows={2}
          value={vision}
          onChange={(e) => setVision(e.target.value)}
        />
        <Textfield
          label={t('mainGoalsHelp')}
          multiline
          rows={3}
          value={goals}
          onChange={(e) => setGoals(e.target.value)}
        />
        <div>
          <Button type="submit">{t('create')}</Button>
        </div>
      </form>
    </section>
  );
}
