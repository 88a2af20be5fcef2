/**
 * Shows who the local user appears as to others, and a dialog to change name and colour.
 */
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  Dialog,
  Heading,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { LocalUser, setLocalUser, useLocalUser } from './user.ts';
import { PresenceColours } from './PresenceColours.tsx';

/** Header button + dialog for the presence identity. */
export function ProfileButton() {
  const { t } = useTranslation();
  const user = useLocalUser();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [name, setName] = useState(user.name);
  const [color, setColor] = useState(user.color);
  const [error, setError] = useState<string | null>(null);

  const open = () => {
    setName(user.name);
    setColor(user.color);
    setError(null);
    dialogRef.current?.showModal();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = LocalUser.safeParse({ name, color });
    if (!parsed.success) {
      setError(t('profile.invalid'));
      return;
    }
    setLocalUser(parsed.data);
    dialogRef.current?.close();
  };

  return (
    <>
      <Button variant="secondary" data-size="sm" onClick={open}>
        <span className="swatch" style={{ background: user.color }} aria-hidden="true" />
        {t('profile.button', { name: user.name })}
      </Button>
      <Dialog ref={dialogRef} closeButton={t('common.close')} aria-labelledby="profile-title">
        <Dialog.Block>
          <Heading id="profile-title" level={2} data-size="sm">
            {t('profile.title')}
          </Heading>
        </Dialog.Block>
        <Dialog.Block>
          <form onSubmit={submit} className="stack">
            <Textfield
              label={t('profile.name')}
              description={t('profile.nameHelp')}
              value={name}
              maxLength={60}
              onChange={(e) => setName(e.target.value)}
            />
            <PresenceColours value={color} onChange={setColor} />
            {error && <ValidationMessage>{error}</ValidationMessage>}
            <Button type="submit">{t('common.save')}</Button>
          </form>
        </Dialog.Block>
      </Dialog>
    </>
  );
}
