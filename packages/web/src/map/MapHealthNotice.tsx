/**
 * Tells the people looking at a map what it holds but cannot show: stored changes left out
 * because the document could only be opened at its last good state (`damage` from the map's
 * record), and records kept as stored that do not validate or point at something missing
 * (`snapshot.invalid`). Nothing is dropped silently: both stay stored and go with exports.
 */
import { useTranslation } from 'react-i18next';
import { Alert, Paragraph } from '@digdir/designsystemet-react';
import type { DocumentDamage, InvalidRecord } from '@helhet/model';

/** The notice, or nothing when the map is whole. */
export function MapHealthNotice({
  damage,
  invalid,
}: {
  damage: DocumentDamage | undefined;
  invalid: readonly InvalidRecord[] | undefined;
}) {
  const { t } = useTranslation();
  const kept = invalid?.length ?? 0;
  if (!damage && kept === 0) return null;
  return (
    <Alert data-color="warning" data-size="sm" className="map-health">
      {damage && (
        <Paragraph data-size="sm">
          {damage.snapshotUnreadable
            ? t('map.health.snapshotUnreadable', { count: damage.skippedUpdates })
            : t('map.health.damaged', { count: damage.skippedUpdates })}
        </Paragraph>
      )}
      {kept > 0 && <Paragraph data-size="sm">{t('map.health.invalid', { count: kept })}</Paragraph>}
    </Alert>
  );
}
