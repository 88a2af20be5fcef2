import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { addElement } from '@helhet/model';
import * as Y from 'yjs';
import { problemMessage } from './problemMessage.ts';

describe('problemMessage', () => {
  it('names every field a refused model write names, one per line', () => {
    let thrown: unknown;
    try {
      addElement(new Y.Doc(), { label: '', x: Number.NaN, y: 0 });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(z.ZodError);
    const lines = problemMessage(thrown).split('\n');
    expect(lines.some((l) => l.startsWith('label: '))).toBe(true);
    expect(lines.some((l) => l.startsWith('x: '))).toBe(true);
  });

  it("gives any other error's message, and a thrown non-error as text", () => {
    expect(problemMessage(new Error('the server is away'))).toBe('the server is away');
    expect(problemMessage('plain')).toBe('plain');
  });
});
