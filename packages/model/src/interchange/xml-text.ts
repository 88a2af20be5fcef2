/**
 * XML helpers: escaping for the writers (written by hand: the output is small and fixed),
 * and a parser set-up from fast-xml-parser (pure JavaScript, so it runs in a worker)
 * that reports malformed XML with its line.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ImportProblem } from './result.ts';

/** Escapes text for XML content or a quoted attribute, dropping characters XML forbids. */
export function escapeXml(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Parses XML text, or returns the problem with its line when it is not well-formed. */
export function parseXml(
  text: string,
  arrays: readonly string[],
): { ok: true; value: Record<string, unknown> } | { ok: false; problems: ImportProblem[] } {
  const valid = XMLValidator.validate(text);
  if (valid !== true)
    return {
      ok: false,
      problems: [
        { path: '', message: `not well-formed XML: ${valid.err.msg}`, line: valid.err.line },
      ],
    };
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    removeNSPrefix: true,
    isArray: (name) => arrays.includes(name),
  });
  try {
    return { ok: true, value: parser.parse(text) as Record<string, unknown> };
  } catch (e) {
    return {
      ok: false,
      problems: [{ path: '', message: `cannot read the XML: ${(e as Error).message}` }],
    };
  }
}

/** The text of a parsed element (`<a>text</a>` or `<a k="v">text</a>`), '' when empty. */
export function textOf(node: unknown): string {
  if (typeof node === 'string') return node;
  if (node && typeof node === 'object' && '#text' in node)
    return String((node as { '#text': unknown })['#text']);
  return '';
}
