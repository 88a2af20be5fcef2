/**
 * A fast path for validating the two records a map has thousands of: an element or link that
 * is already complete and valid is accepted by direct checks, anything else goes to the zod
 * schema (which fills defaults and names the problems). The result is always what the schema
 * would return: same keys in the same order, unknown keys dropped (property tested in
 * fast-parse.test.ts).
 *
 * Why: a browser page whose Content-Security-Policy forbids `eval` (ours does) runs zod
 * without its compiled parsers, and opening a 2,000-element map spent most of its time in
 * zod. The checks mirror schema.ts; a record they do not accept costs one extra look.
 */
import type { z } from 'zod';
import { ElementKind, MapElement, MapLink } from './schema.ts';

const ID = /^[A-Za-z0-9_.:-]+$/;
const KINDS: ReadonlySet<unknown> = new Set(ElementKind.options);

const isId = (v: unknown): v is string =>
  typeof v === 'string' && v.length >= 1 && v.length <= 64 && ID.test(v);
const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isAge = (v: unknown): v is number | null =>
  v === null || (typeof v === 'number' && v >= 0 && v <= 100);

function isTags(v: unknown): v is string[] {
  if (!Array.isArray(v) || v.length > 50) return false;
  for (const tag of v) if (!isText(tag, 60)) return false;
  return true;
}

/** The element if `raw` is a complete, valid element; otherwise undefined. */
export function fastElement(raw: unknown): MapElement | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  const { id, label, description, kind, fieldId, ageFrom, ageTo, x, y, tags, example } = r;
  if (
    !isId(id) ||
    !isText(label, 200) ||
    label.length === 0 ||
    !isText(description, 10_000) ||
    !KINDS.has(kind) ||
    !(fieldId === null || isId(fieldId)) ||
    !isAge(ageFrom) ||
    !isAge(ageTo) ||
    typeof x !== 'number' ||
    !Number.isFinite(x) ||
    typeof y !== 'number' ||
    !Number.isFinite(y) ||
    !isTags(tags) ||
    typeof example !== 'boolean'
  )
    return undefined;
  if (ageFrom !== null && ageTo !== null && ageTo < ageFrom) return undefined;
  return {
    id,
    label,
    description,
    kind: kind as MapElement['kind'],
    fieldId,
    ageFrom,
    ageTo,
    x,
    y,
    tags: [...tags],
    example,
  };
}

/** The link if `raw` is a complete, valid link; otherwise undefined. */
export function fastLink(raw: unknown): MapLink | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  const { id, from, to, polarity, delay, label, description, example } = r;
  if (
    !isId(id) ||
    !isId(from) ||
    !isId(to) ||
    !(polarity === '+' || polarity === '-' || polarity === '?') ||
    typeof delay !== 'boolean' ||
    !isText(label, 200) ||
    !isText(description, 10_000) ||
    typeof example !== 'boolean'
  )
    return undefined;
  return { id, from, to, polarity, delay, label, description, example };
}

const FAST = new Map<z.ZodType, (raw: unknown) => unknown>([
  [MapElement, fastElement],
  [MapLink, fastLink],
]);

/**
 * `schema.safeParse(raw)`, taking the fast path for elements and links when it applies.
 * Every other schema is parsed by zod as usual.
 */
export function safeParseRecord<S extends z.ZodType>(
  schema: S,
  raw: unknown,
): z.ZodSafeParseResult<z.infer<S>> {
  const fast = FAST.get(schema)?.(raw);
  if (fast !== undefined) return { success: true, data: fast as z.infer<S> };
  return schema.safeParse(raw);
}
