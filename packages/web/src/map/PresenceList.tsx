/**
 * Who is on this map right now: the local user first, then everyone else, each with their
 * cursor colour and name, and a button to follow their camera (a facilitator's tool: the
 * camera follows theirs until one pans or leaves).
 */
import { useTranslation } from 'react-i18next';
import { Button } from '@digdir/designsystemet-react';
import type { Peer } from '../collab/presence.ts';
import type { LocalUser } from '../app/user.ts';
import { VIEWS_NS } from './views/i18n.ts';

/** Props of {@link PresenceList}. */
export interface PresenceListProps {
  me: LocalUser;
  peers: readonly Peer[];
  /** The peer whose camera is followed, if any. */
  followed?: number | null;
  onFollow?: (clientId: number) => void;
}

/** Presence list. */
export function PresenceList({ me, peers, followed = null, onFollow }: PresenceListProps) {
  const { t } = useTranslation();
  const { t: tv } = useTranslation(VIEWS_NS);
  return (
    <section className="presence" aria-label={t('presence.label')}>
      <span className="presence__title">{t('presence.here', { count: peers.length + 1 })}</span>
      <ul>
        <li>
          <span className="swatch" style={{ background: me.color }} aria-hidden="true" />
          {t('presence.me', { name: me.name })}
        </li>
        {peers.map((p) => (
          <li key={p.clientId} data-testid="peer">
            <span className="swatch" style={{ background: p.user.color }} aria-hidden="true" />
            {p.user.name}
            {onFollow && p.camera && (
              <Button
                data-size="sm"
                variant="tertiary"
                className="presence__follow"
                aria-pressed={followed === p.clientId}
                aria-label={tv('follow.followNamed', { name: p.user.name })}
                onClick={() => onFollow(p.clientId)}
              >
                {followed === p.clientId ? tv('follow.label') : tv('follow.follow')}
              </Button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
