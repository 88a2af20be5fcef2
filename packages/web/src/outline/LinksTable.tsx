/**
 * The outline's link table: from, polarity, to, delay and label per row, all editable from
 * the keyboard, and a form to add a link between two elements.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Table } from '@digdir/designsystemet-react';
import { addLink, Polarity, updateLink, type MapLink } from '@helhet/model';
import { useMapEditor } from '../map/MapContext.ts';
import { OutlineSection } from './OutlineSection.tsx';
import { DeleteCell, SelectCell, TextCell } from './cells.tsx';
import { tryWrite } from './modelErrors.ts';

function LinkRow({ link, names }: { link: MapLink; names: Map<string, string> }) {
  const { t } = useTranslation();
  const { doc, origin, requestDelete } = useMapEditor();
  const from = names.get(link.from) ?? link.from;
  const to = names.get(link.to) ?? link.to;
  const name = t('outline.linkName', { from, to });
  return (
    <Table.Row>
      <Table.Cell>{from}</Table.Cell>
      <Table.Cell>
        <SelectCell
          label={t('outline.polarityOf', { name })}
          value={link.polarity}
          options={Polarity.options.map((p) => ({ value: p, label: t(`polarity.${p}`) }))}
          onCommit={(v) =>
            tryWrite(() => updateLink(doc, link.id, { polarity: Polarity.parse(v) }, origin))
          }
        />
      </Table.Cell>
      <Table.Cell>{to}</Table.Cell>
      <Table.Cell>
        <input
          type="checkbox"
          className="cell-check"
          aria-label={t('outline.delayOf', { name })}
          checked={link.delay}
          onChange={(e) => updateLink(doc, link.id, { delay: e.target.checked }, origin)}
        />
      </Table.Cell>
      <Table.Cell>
        <TextCell
          label={t('outline.linkLabelOf', { name })}
          value={link.label}
          onCommit={(v) => tryWrite(() => updateLink(doc, link.id, { label: v }, origin))}
        />
      </Table.Cell>
      <DeleteCell
        label={t('outline.deleteLink', { name })}
        onDelete={() => requestDelete({ elements: [], links: [link.id] })}
      />
    </Table.Row>
  );
}

function NewLinkForm() {
  const { t } = useTranslation();
  const { doc, origin, snapshot, announce } = useMapEditor();
  const first = snapshot.elements[0]?.id ?? '';
  const [draft, setDraft] = useState({
    from: first,
    to: snapshot.elements[1]?.id ?? first,
    polarity: '+' as Polarity,
    delay: false,
  });
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.from === draft.to) {
      setError(t('outline.sameEnds'));
      return;
    }
    const problem = tryWrite(() => addLink(doc, draft, origin));
    setError(problem);
    if (!problem) announce(t('map.linkCreated'));
  };
  const options = snapshot.elements.map((e) => (
    <option key={e.id} value={e.id}>
      {e.label}
    </option>
  ));
  return (
    <form className="outline-form" onSubmit={submit} noValidate aria-labelledby="new-link-heading">
      <Heading id="new-link-heading" level={3} data-size="2xs">
        {t('outline.newLink')}
      </Heading>
      <label>
        {t('link.from')}
        <select
          className="cell-input"
          value={draft.from}
          onChange={(e) => setDraft({ ...draft, from: e.target.value })}
        >
          {options}
        </select>
      </label>
      <label>
        {t('link.polarity')}
        <select
          className="cell-input"
          value={draft.polarity}
          onChange={(e) => setDraft({ ...draft, polarity: Polarity.parse(e.target.value) })}
        >
          {Polarity.options.map((p) => (
            <option key={p} value={p}>
              {t(`polarity.${p}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('link.to')}
        <select
          className="cell-input"
          value={draft.to}
          onChange={(e) => setDraft({ ...draft, to: e.target.value })}
        >
          {options}
        </select>
      </label>
      <label className="check-label">
        <input
          type="checkbox"
          checked={draft.delay}
          onChange={(e) => setDraft({ ...draft, delay: e.target.checked })}
        />
        {t('link.delay')}
      </label>
      <Button type="submit" data-size="sm" disabled={snapshot.elements.length < 2}>
        {t('outline.addLink')}
      </Button>
      {error && (
        <p className="cell-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

/** Links table with add form. */
export function LinksTable() {
  const { t } = useTranslation();
  const { snapshot } = useMapEditor();
  const names = new Map(snapshot.elements.map((e) => [e.id, e.label]));
  return (
    <OutlineSection
      id="outline-links"
      title={t('outline.links', { count: snapshot.links.length })}
      columns={[
        t('link.from'),
        t('link.polarity'),
        t('link.to'),
        t('link.delay'),
        t('link.label'),
        t('common.actions'),
      ]}
      addForm={<NewLinkForm />}
    >
      {snapshot.links.map((l) => (
        <LinkRow key={l.id} link={l} names={names} />
      ))}
    </OutlineSection>
  );
}
