import { describe, expect, it } from 'vitest';
import {
  loadViewport,
  minimapShown,
  saveMinimapShown,
  saveViewport,
  type KeyValueStore,
} from './view-memory.ts';

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
  };
}

describe('viewport memory', () => {
  it('gives back the last viewport of each map', () => {
    const store = memoryStore();
    saveViewport(store, 'a', { x: 1.23456, y: -2, zoom: 0.5 });
    saveViewport(store, 'b', { x: 9, y: 9, zoom: 1 });
    expect(loadViewport(store, 'a')).toEqual({ x: 1.235, y: -2, zoom: 0.5 });
    expect(loadViewport(store, 'c')).toBeNull();
  });

  it('ignores what it cannot use', () => {
    const store = memoryStore();
    for (const bad of ['{', '{"x":1,"y":2}', '{"x":1,"y":2,"zoom":0}', '"x"', 'null'])
      store.data.set('helhet.mapViewport.m', bad);
    expect(loadViewport(store, 'm')).toBeNull();
  });
});

describe('minimap preference', () => {
  it('defaults to hidden on narrow windows and remembers a choice', () => {
    const store = memoryStore();
    expect(minimapShown(store, 1280)).toBe(false);
    expect(minimapShown(store, 1920)).toBe(true);
    saveMinimapShown(store, true);
    expect(minimapShown(store, 1280)).toBe(true);
    saveMinimapShown(store, false);
    expect(minimapShown(store, 1920)).toBe(false);
  });
});
