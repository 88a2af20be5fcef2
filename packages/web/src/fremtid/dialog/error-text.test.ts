import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import nb from '../i18n/nb.json';
import { DialogueApiError } from './api.ts';
import { dialogueErrorText } from './error-text.ts';

describe('dialogueErrorText', () => {
  it('says a refusal for going too fast in the page language, with the seconds to wait', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'nb', ns: ['fremtid'], resources: { nb: { fremtid: nb } } });
    const t = i18n.getFixedT('nb', 'fremtid');
    const refused = new DialogueApiError(429, 'Too many joins', 'rate-limited', 42);
    expect(dialogueErrorText(t, refused)).toBe(
      'Det har kommet for mange forsøk på kort tid. Prøv igjen om 42 sekunder.',
    );
    expect(dialogueErrorText(t, new DialogueApiError(429, 'x', 'rate-limited', 1))).toMatch(
      /om 1 sekund\.$/,
    );
    // Other failures keep the server's message.
    expect(dialogueErrorText(t, new DialogueApiError(403, 'Only the facilitator'))).toBe(
      'Only the facilitator',
    );
  });
});
