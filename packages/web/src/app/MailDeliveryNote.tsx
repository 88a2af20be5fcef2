/**
 * Under a new link: "Sent by e-mail to …", or a warning that the e-mail could not be sent
 * and the link must be copied; nothing when no e-mail was asked for or none is configured.
 */
import { useTranslation } from 'react-i18next';
import { Alert, Paragraph } from '@digdir/designsystemet-react';
import type { MailDelivery } from '@helhet/model';
import { mailDeliveryText } from './mail-delivery.ts';

/** Props of {@link MailDeliveryNote}. */
export interface MailDeliveryNoteProps {
  delivery: MailDelivery | undefined;
  /** The address the link was mailed to. */
  to: string | null;
}

/** What became of the e-mail that carried a link. */
export function MailDeliveryNote({ delivery, to }: MailDeliveryNoteProps) {
  const { t } = useTranslation();
  const text = mailDeliveryText(t, delivery, to);
  if (!text) return null;
  return delivery === 'failed' ? (
    <Alert data-color="warning">
      <Paragraph>{text}</Paragraph>
    </Alert>
  ) : (
    <Paragraph data-size="sm">{text}</Paragraph>
  );
}
