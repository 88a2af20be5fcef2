import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { addElement, ModelInputError } from '@helhet/model';
import * as Y from 'yjs';
import { problemMessage } from './problem-message.ts';

describe('problemMessage', () => {
  it('names every field a refused model write names, one per line', () => {
    let thrown: unknown;
    try {
      addElement(new Y.Doc(), { label: '', x: Number.NaN, y: 0 });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ModelInputError);
    const lines = problemMessage(thrown).split('\n');
    expect(lines.some((l) => l.startsWith('label: '))).toBe(true);
    expect(lines.some((l) => l.startsWith('x: '))).toBe(true);
  });

  it('names the fields of a zod error too', () => {
    const result = z.object({ title: z.string() }).safeParse({ title: 1 });
    expect(problemMessage(result.error).startsWith('title: ')).toBe(true);
  });

  it("gives any other error's message, and a thrown non-error as text", () => {
    expect(problemMessage(new Error('the server is away'))).toBe('the server is away');
    expect(problemMessage('plain')).toBe('plain');
  });
});
