/**
 * Who is on this map right now: the local user first, then everyone else, each with their
 * cursor colour and name.
 */
import { useTranslation } from 'react-i18next';
import type { Peer } from '../collab/presence.ts';
import type { LocalUser } from '../app/user.ts';

/** Presence list. */
export function PresenceList({ me, peers }: { me: LocalUser; peers: readonly Peer[] }) {
  const { t } = useTranslation();
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
          </li>
        ))}
      </ul>
    </section>
  );
}
