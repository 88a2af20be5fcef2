/**
 * The editable form of an element (strings for text inputs) and its conversion back to a
 * validated record, with problems keyed by field for the form to show.
 */
import { ElementKind, MapElement, validate, type InputProblem } from '@helhet/model';
import { problemsByField } from '../problems-by-field.ts';

/** Form values of an element. */
export interface ElementDraft {
  label: string;
  description: string;
  kind: ElementKind;
  fieldId: string;
  ageFrom: string;
  ageTo: string;
  tags: string;
}

/** Kinds in the order the forms list them. */
export const ELEMENT_KINDS = ElementKind.options;

/** Draft from a record (or partial record for a new element). */
export function draftFromElement(e: Partial<MapElement>): ElementDraft {
  return {
    label: e.label ?? '',
    description: e.description ?? '',
    kind: e.kind ?? 'factor',
    fieldId: e.fieldId ?? '',
    ageFrom: e.ageFrom === null || e.ageFrom === undefined ? '' : String(e.ageFrom),
    ageTo: e.ageTo === null || e.ageTo === undefined ? '' : String(e.ageTo),
    tags: (e.tags ?? []).join(', '),
  };
}

function age(value: string): number | null | string {
  const trimmed = value.trim().replace(',', '.');
  if (trimmed === '') return null;
  const n = Number(trimmed);
  // Returned as the raw string when not a number, so the schema reports it on that field.
  return Number.isFinite(n) ? n : value;
}

/** The record properties a draft stands for (not yet validated). */
export function patchFromDraft(d: ElementDraft) {
  return {
    label: d.label.trim(),
    description: d.description,
    kind: d.kind,
    fieldId: d.fieldId === '' ? null : d.fieldId,
    ageFrom: age(d.ageFrom),
    ageTo: age(d.ageTo),
    tags: d.tags
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  };
}

/** Validates `base` with the draft applied; problems are keyed by property name. */
export function checkDraft(
  base: { id: string; x: number; y: number } & Partial<MapElement>,
  draft: ElementDraft,
):
  | { ok: true; value: MapElement }
  | { ok: false; byField: Record<string, string>; problems: InputProblem[] } {
  const result = validate(MapElement, { ...base, ...patchFromDraft(draft) });
  if (result.ok) return { ok: true, value: result.value };
  return { ok: false, byField: problemsByField(result.problems), problems: result.problems };
}
