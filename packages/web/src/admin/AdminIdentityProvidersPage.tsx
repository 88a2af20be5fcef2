/**
 * The administration's sign-in services page (`/admin/identity-providers`): the OpenID
 * Connect providers people sign in through, with the redirect URI to register with each.
 * An administrator adds one from a preset per kind (Entra ID of one tenant, ID-porten and
 * Ansattporten with PAR, Feide, any OpenID Connect), changes and removes it. The client
 * secret is write-only: the form says one is stored and offers to replace it, never shows
 * it. Providers of the server's configuration file are listed read-only.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  Checkbox,
  Heading,
  Paragraph,
  Table,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import {
  IDENTITY_PROVIDER_KINDS,
  KINDS_REQUIRING_PAR,
  type IdentityProviderKind,
  type IdentityProviderView,
  type InputProblem,
} from '@helhet/model';
import { ApiError } from '../api/client.ts';
import { useAsync } from '../api/useAsync.ts';
import { useErrorText } from '../api/useErrorText.ts';
import { ActionFeedback } from '../app/ActionFeedback.tsx';
import { CopyField } from '../app/CopyField.tsx';
import { DeleteButton } from '../app/DeleteButton.tsx';
import { SelectField } from '../app/SelectField.tsx';
import { useActionRunner } from '../app/useActionRunner.ts';
import { FormError } from '../auth/form-fields.tsx';
import { LoadState } from '../workspaces/LoadState.tsx';
import { AdminGate } from './AdminGate.tsx';
import { adminApi } from './admin-api.ts';
import {
  fieldsShown,
  formOf,
  inputOf,
  newForm,
  placeProblems,
  problemKeyOf,
  withKind,
  withTenant,
  type ProviderForm,
} from './identity-provider-form.ts';

/** Route component for `/admin/identity-providers`. */
export function AdminIdentityProvidersPage() {
  const { t } = useTranslation('admin');
  return (
    <AdminGate title={t('identityProviders.title')}>
      <ProviderAdmin />
    </AdminGate>
  );
}

/** What the form is open for: a new provider, or a stored one. */
type Editing = { provider: IdentityProviderView | null } | null;

function ProviderAdmin() {
  const { t } = useTranslation('admin');
  const { state, reload } = useAsync(() => adminApi.identityProviders(), []);
  const runner = useActionRunner(reload);
  const [editing, setEditing] = useState<Editing>(null);
  const addButton = useRef<HTMLButtonElement>(null);

  const close = () => {
    setEditing(null);
    // Back where the form was opened from, so the keyboard does not start over at the top.
    requestAnimationFrame(() => addButton.current?.focus());
  };
  const saved = (view: IdentityProviderView, added: boolean) => {
    close();
    runner.announce(
      t(added ? 'identityProviders.added' : 'identityProviders.changed', {
        name: view.displayName,
      }),
    );
    reload();
  };

  return (
    <>
      <Paragraph>{t('identityProviders.intro')}</Paragraph>
      {state.status === 'ready' && (
        <CopyField
          label={t('identityProviders.redirectUri')}
          description={t('identityProviders.redirectUriHelp')}
          value={state.value.redirectUri}
        />
      )}
      <ActionFeedback runner={runner} />
      <LoadState state={state} retry={reload} />
      {state.status === 'ready' &&
        (state.value.providers.length === 0 ? (
          <Paragraph>{t('identityProviders.none')}</Paragraph>
        ) : (
          <ProviderTable
            providers={state.value.providers}
            onEdit={(provider) => setEditing({ provider })}
            onRemove={(provider) =>
              void runner.performAsync(
                () => adminApi.removeIdentityProvider(provider.id),
                t('identityProviders.removed', { name: provider.displayName }),
              )
            }
          />
        ))}
      {editing ? (
        <ProviderFormSection
          key={editing.provider?.id ?? 'new'}
          provider={editing.provider}
          onSaved={saved}
          onCancel={close}
        />
      ) : (
        <div>
          <Button ref={addButton} onClick={() => setEditing({ provider: null })}>
            {t('identityProviders.add')}
          </Button>
        </div>
      )}
    </>
  );
}

function ProviderTable({
  providers,
  onEdit,
  onRemove,
}: {
  providers: readonly IdentityProviderView[];
  onEdit: (p: IdentityProviderView) => void;
  onRemove: (p: IdentityProviderView) => void;
}) {
  const { t } = useTranslation('admin');
  const { t: tApp } = useTranslation();
  const col = {
    name: tApp('common.name'),
    kind: t('identityProviders.kind'),
    issuer: t('identityProviders.issuer'),
    domains: t('identityProviders.emailDomains'),
    newUsers: t('identityProviders.newUsers'),
    actions: tApp('common.actions'),
  };
  return (
    <div className="table-scroll">
      <Table zebra border className="idp-table">
        <caption className="visually-hidden">{t('identityProviders.table')}</caption>
        <Table.Head>
          <Table.Row>
            {Object.values(col).map((name) => (
              <Table.HeaderCell key={name}>{name}</Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {providers.map((p) => (
            <Table.Row key={p.id}>
              <Table.Cell data-label={col.name}>
                {p.displayName}
                {p.secretUnreadable && (
                  <ValidationMessage data-size="sm">
                    {t('identityProviders.secretUnreadable')}
                  </ValidationMessage>
                )}
              </Table.Cell>
              <Table.Cell data-label={col.kind}>
                {t(`identityProviders.kinds.${p.kind}`)}
              </Table.Cell>
              <Table.Cell data-label={col.issuer} className="idp-table__issuer">
                {p.issuer}
              </Table.Cell>
              <Table.Cell data-label={col.domains}>
                {p.emailDomains.length
                  ? p.emailDomains.join(', ')
                  : t('identityProviders.anyDomain')}
              </Table.Cell>
              <Table.Cell data-label={col.newUsers}>
                {t(
                  p.allowNewUsers
                    ? 'identityProviders.newUsersYes'
                    : 'identityProviders.newUsersNo',
                )}
                {p.requiredGroups.length > 0 && (
                  <Paragraph data-size="sm">
                    {t('identityProviders.onlyGroups', { groups: p.requiredGroups.join(', ') })}
                  </Paragraph>
                )}
              </Table.Cell>
              <Table.Cell data-label={col.actions}>
                {p.source === 'file' ? (
                  <>
                    <strong>{t('identityProviders.fromFile')}</strong>
                    <Paragraph data-size="sm">{t('identityProviders.fromFileHelp')}</Paragraph>
                  </>
                ) : (
                  <div className="row-actions">
                    <Button
                      variant="secondary"
                      data-size="sm"
                      aria-label={t('identityProviders.editNamed', { name: p.displayName })}
                      onClick={() => onEdit(p)}
                    >
                      {t('identityProviders.edit')}
                    </Button>
                    <DeleteButton
                      confirmText={t('identityProviders.removeConfirm', { name: p.displayName })}
                      aria-label={t('identityProviders.removeNamed', { name: p.displayName })}
                      onConfirm={() => onRemove(p)}
                    >
                      {t('identityProviders.remove')}
                    </DeleteButton>
                  </div>
                )}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

function ProviderFormSection({
  provider,
  onSaved,
  onCancel,
}: {
  /** The provider to change; `null` adds a new one. */
  provider: IdentityProviderView | null;
  onSaved: (view: IdentityProviderView, added: boolean) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('admin');
  const { t: tApp } = useTranslation();
  const errorText = useErrorText();
  const [form, setForm] = useState<ProviderForm>(() =>
    provider ? formOf(provider) : newForm('entra'),
  );
  const [problems, setProblems] = useState<readonly InputProblem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const editing = provider !== null;
  const shown = fieldsShown(form.kind);
  const placed = placeProblems(form.kind, problems);
  const said = (message: string | undefined) => {
    const key = message === undefined ? null : problemKeyOf(message);
    return key ? t(`identityProviders.problem.${key}`) : message;
  };
  const text = (key: keyof ProviderForm) => ({
    value: form[key] as string,
    error: said(placed.byField[key]),
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }),
  });
  const kindOptions = IDENTITY_PROVIDER_KINDS.map((kind) => ({
    value: kind,
    label: t(`identityProviders.kinds.${kind}`),
  }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblems([]);
    setError(null);
    try {
      const body = inputOf(form, editing);
      const view = provider
        ? await adminApi.changeIdentityProvider(provider.id, body)
        : await adminApi.addIdentityProvider(body);
      onSaved(view, !editing);
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && e.problems.length) setProblems(e.problems);
      else setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const other = placed.other.length
    ? `${t('identityProviders.form.problems')}\n${placed.other.join('\n')}`
    : null;
  const entra = form.kind === 'entra';

  return (
    <section className="stack idp-form" aria-labelledby="idp-form-title">
      <Heading id="idp-form-title" level={2} data-size="sm" tabIndex={-1} ref={heading}>
        {provider
          ? t('identityProviders.form.editTitle', { name: provider.displayName })
          : t('identityProviders.form.addTitle')}
      </Heading>
      <form className="stack" onSubmit={(e) => void submit(e)}>
        {editing ? (
          <Paragraph>
            {t('identityProviders.kind')}: {t(`identityProviders.kinds.${form.kind}`)}
          </Paragraph>
        ) : (
          <SelectField<IdentityProviderKind>
            label={t('identityProviders.kind')}
            value={form.kind}
            options={kindOptions}
            onChange={(kind) => (setForm(withKind(form, kind)), setProblems([]))}
          />
        )}
        <Textfield
          label={t('identityProviders.form.displayName')}
          description={t('identityProviders.form.displayNameHelp')}
          required
          maxLength={80}
          {...text('displayName')}
        />
        {entra && (
          <Textfield
            label={t('identityProviders.form.tenantEntra')}
            description={t('identityProviders.form.tenantEntraHelp')}
            required
            {...text('tenant')}
            onChange={(e) => setForm(withTenant(form, e.target.value))}
          />
        )}
        <Textfield
          label={t('identityProviders.issuer')}
          description={t(
            entra ? 'identityProviders.form.issuerEntraHelp' : 'identityProviders.form.issuerHelp',
          )}
          type="url"
          required
          {...text('issuer')}
        />
        <Textfield
          label={t('identityProviders.form.clientId')}
          required
          autoComplete="off"
          {...text('clientId')}
        />
        {provider?.secretUnreadable ? (
          <Textfield
            label={t('identityProviders.form.newSecret')}
            description={t('identityProviders.form.secretUnreadable')}
            type="password"
            autoComplete="new-password"
            required
            {...text('clientSecret')}
          />
        ) : provider?.hasClientSecret ? (
          <Textfield
            label={t('identityProviders.form.newSecret')}
            description={t('identityProviders.form.secretStored')}
            type="password"
            autoComplete="new-password"
            {...text('clientSecret')}
          />
        ) : (
          <Textfield
            label={t('identityProviders.form.clientSecret')}
            type="password"
            autoComplete="new-password"
            required
            {...text('clientSecret')}
          />
        )}
        {!entra && (
          <div className="idp-form__pair">
            <Textfield
              label={t('identityProviders.form.tenant')}
              description={t('identityProviders.form.tenantHelp')}
              {...text('tenant')}
            />
            {shown.has('tenantClaim') && (
              <Textfield
                label={t('identityProviders.form.tenantClaim')}
                description={t('identityProviders.form.tenantClaimHelp')}
                {...text('tenantClaim')}
              />
            )}
          </div>
        )}
        <Textfield
          label={t('identityProviders.emailDomains')}
          description={t('identityProviders.form.emailDomainsHelp')}
          {...text('emailDomains')}
        />
        {shown.has('requiredGroups') && (
          <Textfield
            label={t('identityProviders.form.requiredGroups')}
            description={t('identityProviders.form.requiredGroupsHelp')}
            {...text('requiredGroups')}
          />
        )}
        <div className="stack">
          <Checkbox
            label={t('identityProviders.form.allowNewUsers')}
            description={t('identityProviders.form.allowNewUsersHelp')}
            checked={form.allowNewUsers}
            onChange={(e) => setForm({ ...form, allowNewUsers: e.target.checked })}
          />
          {shown.has('usePar') ? (
            <Checkbox
              label={t('identityProviders.form.usePar')}
              checked={form.usePar}
              onChange={(e) => setForm({ ...form, usePar: e.target.checked })}
            />
          ) : (
            KINDS_REQUIRING_PAR.has(form.kind) && (
              <Paragraph data-size="sm">{t('identityProviders.form.parRequired')}</Paragraph>
            )
          )}
        </div>
        <Textfield
          label={t('identityProviders.form.scopes')}
          description={t('identityProviders.form.scopesHelp')}
          {...text('scopes')}
        />
        <FormError error={other ?? error} />
        <div className="row-actions">
          <Button type="submit" disabled={busy}>
            {editing ? t('identityProviders.form.save') : t('identityProviders.form.create')}
          </Button>
          <Button type="button" variant="secondary" onClick={onCancel}>
            {tApp('common.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}
