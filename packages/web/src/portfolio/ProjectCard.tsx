/**
 * One project: goals, status, period, partners by sector, sub-activities, innovation areas,
 * "reinforces" / "depends on" relations with their reason, and its traceability back to
 * innovation areas, loops, elements and insight.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Details, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import {
  newId,
  PartnerSector,
  ProjectStatus,
  traceProject,
  updateWorkspaceRecord,
  type Project,
} from '@helhet/model';
import { useProcess } from '../process/ProcessContext.ts';
import { CheckList, InlineForm, RemovableList } from '../process/fields.tsx';
import { SelectField } from '../app/SelectField.tsx';
import { RecordCard } from '../process/RecordCard.tsx';

/** A project card. */
export function ProjectCard({ project }: { project: Project }) {
  const { t } = useTranslation('portfolio');
  return (
    <RecordCard
      collection="projects"
      record={project}
      name={project.name}
      level={3}
      testId="project"
      fields={[
        { key: 'name', label: t('project.name') },
        { key: 'tagline', label: t('project.tagline') },
        { key: 'description', label: t('project.description'), multiline: true },
        { key: 'goals', label: t('project.goalsHelp'), lines: true },
      ]}
      deleteText={(key) => t(`project.${key}`, { name: project.name })}
      below={<ProjectDetails project={project} />}
    >
      {project.tagline && (
        <Paragraph>
          <em>{project.tagline}</em>
        </Paragraph>
      )}
      {project.description && <Paragraph className="pre-line">{project.description}</Paragraph>}
      {project.goals.length > 0 && (
        <>
          <Heading level={4} data-size="2xs">
            {t('project.goals')}
          </Heading>
          <ul>
            {project.goals.map((g, i) => (
              <li key={i}>{g}</li>
            ))}
          </ul>
        </>
      )}
    </RecordCard>
  );
}

/** Status, period, areas, partners, sub-activities, relations and trace of a project. */
function ProjectDetails({ project }: { project: Project }) {
  const { t } = useTranslation('portfolio');
  const { content, maps, doc, origin, change } = useProcess();
  const [partner, setPartner] = useState({ name: '', sector: 'municipality' });
  const [activity, setActivity] = useState('');
  const [relation, setRelation] = useState({ kind: 'reinforces', projectId: '', reason: '' });
  const update = (patch: Partial<Project>, done?: string) =>
    change(() => updateWorkspaceRecord(doc, 'projects', project.id, patch, origin), done);
  const others = content.projects.filter((p) => p.id !== project.id);
  const nameOf = (id: string) => content.projects.find((p) => p.id === id)?.name ?? id;
  const trace = traceProject(content, maps, project.id);
  return (
    <>
      <div className="process-grid">
        <SelectField
          label={t('project.statusOf', { name: project.name })}
          value={project.status}
          options={ProjectStatus.options.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          onChange={(v) => update({ status: v as Project['status'] })}
        />
        <Textfield
          label={t('project.from')}
          placeholder="2024-09"
          value={project.period.from}
          onChange={(e) => update({ period: { ...project.period, from: e.target.value } })}
        />
        <Textfield
          label={t('project.to')}
          placeholder="2027"
          value={project.period.to}
          onChange={(e) => update({ period: { ...project.period, to: e.target.value } })}
        />
      </div>
      <CheckList
        legend={t('project.areasOf', { name: project.name })}
        options={content.innovationAreas.map((a) => ({ value: a.id, label: a.title }))}
        selected={project.innovationAreaIds}
        onChange={(ids) => update({ innovationAreaIds: ids }, t('project.areasChanged'))}
        empty={t('project.noAreas')}
      />
      <Heading level={4} data-size="2xs">
        {t('project.partners')}
      </Heading>
      <RemovableList
        items={project.partners}
        itemKey={(p, i) => `${i}-${p.name}`}
        render={(p) => `${p.name} (${t(`sectors.${p.sector}`)})`}
        removeLabel={(p) => t('remove', { name: p.name })}
        onRemove={(partners) => update({ partners })}
        empty={t('project.noPartners')}
      />
      <InlineForm
        submitLabel={t('project.addPartner')}
        onSubmit={() => {
          if (update({ partners: [...project.partners, partner as Project['partners'][number]] }))
            setPartner({ ...partner, name: '' });
        }}
      >
        <Textfield
          label={t('project.partnerName')}
          value={partner.name}
          onChange={(e) => setPartner({ ...partner, name: e.target.value })}
        />
        <SelectField
          label={t('project.sector')}
          value={partner.sector}
          options={PartnerSector.options.map((s) => ({ value: s, label: t(`sectors.${s}`) }))}
          onChange={(v) => setPartner({ ...partner, sector: v })}
        />
      </InlineForm>
      <Heading level={4} data-size="2xs">
        {t('project.subActivities')}
      </Heading>
      {project.subActivities.length > 0 && (
        <ul>
          {project.subActivities.map((a) => (
            <li key={a.id}>
              {a.title} – {t(`status.${a.status}`)}
            </li>
          ))}
        </ul>
      )}
      <InlineForm
        submitLabel={t('project.addActivity')}
        onSubmit={() => {
          if (
            update({
              subActivities: [
                ...project.subActivities,
                { id: newId('sa'), title: activity, status: 'planned' },
              ],
            })
          )
            setActivity('');
        }}
      >
        <Textfield
          label={t('project.newActivity', { name: project.name })}
          value={activity}
          onChange={(e) => setActivity(e.target.value)}
        />
      </InlineForm>
      <Heading level={4} data-size="2xs">
        {t('project.relations')}
      </Heading>
      <RemovableList
        items={project.relations}
        itemKey={(r) => `${r.kind}-${r.projectId}`}
        render={(r) => (
          <>
            {t(`relation.${r.kind}`, { name: nameOf(r.projectId) })}
            {r.reason && `: ${r.reason}`}
          </>
        )}
        removeLabel={(r) => t('remove', { name: nameOf(r.projectId) })}
        onRemove={(relations) => update({ relations })}
      />
      {others.length > 0 && (
        <InlineForm
          submitLabel={t('relation.add')}
          onSubmit={() => {
            if (!relation.projectId) return;
            if (
              update(
                { relations: [...project.relations, relation as Project['relations'][number]] },
                t('relation.added'),
              )
            )
              setRelation({ ...relation, projectId: '', reason: '' });
          }}
        >
          <SelectField
            label={t('relation.kind')}
            value={relation.kind}
            options={[
              { value: 'reinforces', label: t('relation.kindReinforces') },
              { value: 'dependsOn', label: t('relation.kindDependsOn') },
            ]}
            onChange={(v) => setRelation({ ...relation, kind: v })}
          />
          <SelectField
            label={t('relation.project')}
            value={relation.projectId}
            options={[
              { value: '', label: t('choose') },
              ...others.map((p) => ({ value: p.id, label: p.name })),
            ]}
            onChange={(v) => setRelation({ ...relation, projectId: v })}
          />
          <Textfield
            label={t('relation.reason')}
            value={relation.reason}
            onChange={(e) => setRelation({ ...relation, reason: e.target.value })}
          />
        </InlineForm>
      )}
      {trace && (
        <Details>
          <Details.Summary>{t('trace.title', { name: project.name })}</Details.Summary>
          <Details.Content>
            <Paragraph data-size="sm">
              {t('trace.areas')}: {trace.innovationAreas.map((a) => a.title).join(', ') || '–'}
            </Paragraph>
            <Paragraph data-size="sm">
              {t('trace.loops')}:{' '}
              {trace.loops.map((l) => l.name ?? t('trace.deleted')).join(', ') || '–'}
            </Paragraph>
            <Paragraph data-size="sm">
              {t('trace.elements')}:{' '}
              {trace.elements.map((e) => e.label ?? t('trace.deleted')).join(', ') || '–'}
            </Paragraph>
            <Paragraph data-size="sm">
              {t('trace.insights')}: {trace.insights.map((i) => i.title).join(', ') || '–'}
            </Paragraph>
          </Details.Content>
        </Details>
      )}
    </>
  );
}
