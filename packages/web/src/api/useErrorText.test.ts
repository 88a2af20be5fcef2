import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { ErrorBody } from '@helhet/model';
import nb from '../i18n/nb.json' with { type: 'json' };
import nn from '../i18n/nn.json' with { type: 'json' };
import en from '../i18n/en.json' with { type: 'json' };
import { ApiError } from './client.ts';
import { errorTextWith } from './useErrorText.ts';

/** Every code the HTTP contract lets the server answer with. */
const codes = ErrorBody.shape.error.shape.code.unwrap().options;
/** The codes answered with `Retry-After`. */
const WAITS = new Set<string>(['rate-limited', 'busy']);

describe('the text of a failed call', () => {
  it('says every coded answer in nb, nn and en, with the wait the server asked for', async () => {
    for (const [lng, catalogue] of Object.entries({ nb, nn, en })) {
      const i18n = i18next.createInstance();
      await i18n.init({ lng, resources: { [lng]: { translation: catalogue } } });
      for (const code of codes) {
        const text = errorTextWith(
          i18n.t.bind(i18n),
          new ApiError(429, 'Too many', [], { code, retryAfter: 17 }),
        );
        expect(text, `${lng} ${code}`).not.toContain('api.error');
        // Answers that ask the client to wait say how long.
        if (WAITS.has(code)) expect(text, `${lng} ${code}`).toContain('17');
      }
    }
  });

  it('names the problems of any other failure', () => {
    const error = new ApiError(400, 'Invalid map', [
      { path: 'title', message: 'must not be empty' },
    ]);
    expect(errorTextWith(() => 'translated', error)).toContain('title: must not be empty');
  });

  it('says plainly that a refused request (403) needs access the person does not have', async () => {
    const texts = {
      nb: 'Du har ikke tilgang til dette.',
      nn: 'Du har ikkje tilgang til dette.',
      en: 'You do not have access to this.',
    };
    for (const [lng, catalogue] of Object.entries({ nb, nn, en })) {
      const i18n = i18next.createInstance();
      await i18n.init({ lng, resources: { [lng]: { translation: catalogue } } });
      const text = errorTextWith(
        i18n.t.bind(i18n),
        new ApiError(403, 'Forbidden: role editor needed'),
      );
      expect(text).toBe(texts[lng as keyof typeof texts]);
    }
  });
});
