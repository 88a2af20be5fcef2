/**
 * A reader for JSON-stat 2.0 datasets (https://json-stat.org/format/), the format SSB's
 * PxWebApi v2 returns with `outputFormat=json-stat2`. Only the `dataset` class is needed.
 */
import { DataError } from './errors.ts';

/** One dimension of a dataset: category codes in storage order, with labels. */
export interface JsonStatDimension {
  readonly id: string;
  readonly label: string;
  readonly codes: readonly string[];
  readonly labels: readonly string[];
}

/** A decoded dataset: dimensions in `id` order and a dense value array (null = missing). */
export interface JsonStatCube {
  readonly label: string;
  readonly dimensions: readonly JsonStatDimension[];
  readonly values: readonly (number | null)[];
  /** Value at the given category code for each dimension (by dimension id). */
  get(coords: Readonly<Record<string, string>>): number | null;
}

type Json = unknown;

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Decodes a JSON-stat 2.0 dataset. Checks what silently corrupts a table when wrong:
 * `size` must match each dimension's category count, and the value count must equal their
 * product. `value` may be an array or a sparse object keyed by flat index, as the spec allows.
 */
export function parseJsonStat(file: string, doc: Json): JsonStatCube {
  if (!isObject(doc)) throw new DataError(file, undefined, undefined, 'not a JSON object');
  if (doc.class !== undefined && doc.class !== 'dataset')
    throw new DataError(
      file,
      undefined,
      'class',
      `expected "dataset", found ${JSON.stringify(doc.class)}`,
    );
  if (doc.version !== undefined && doc.version !== '2.0')
    throw new DataError(
      file,
      undefined,
      'version',
      `expected "2.0", found ${JSON.stringify(doc.version)}`,
    );
  const ids = doc.id;
  const size = doc.size;
  if (!Array.isArray(ids) || !ids.every((x) => typeof x === 'string'))
    throw new DataError(file, undefined, 'id', 'expected an array of dimension ids');
  if (
    !Array.isArray(size) ||
    size.length !== ids.length ||
    !size.every((x) => Number.isInteger(x) && (x as number) >= 0)
  ) {
    throw new DataError(
      file,
      undefined,
      'size',
      'expected one non-negative integer per dimension id',
    );
  }
  const dimObj = doc.dimension;
  if (!isObject(dimObj))
    throw new DataError(file, undefined, 'dimension', 'missing dimension object');
  const dimensions: JsonStatDimension[] = (ids as string[]).map((id, k) => {
    const d = dimObj[id];
    if (!isObject(d) || !isObject(d.category))
      throw new DataError(file, undefined, `dimension.${id}`, 'missing category');
    const cat = d.category;
    let codes: string[];
    if (Array.isArray(cat.index)) {
      codes = cat.index.map(String);
    } else if (isObject(cat.index)) {
      const entries = Object.entries(cat.index);
      codes = new Array<string>(entries.length);
      for (const [code, pos] of entries) {
        if (
          typeof pos !== 'number' ||
          pos < 0 ||
          pos >= entries.length ||
          codes[pos] !== undefined
        ) {
          throw new DataError(
            file,
            undefined,
            `dimension.${id}.category.index`,
            `bad position for "${code}"`,
          );
        }
        codes[pos] = code;
      }
    } else if (isObject(cat.label) && Object.keys(cat.label).length === 1) {
      codes = Object.keys(cat.label);
    } else {
      throw new DataError(file, undefined, `dimension.${id}.category.index`, 'missing index');
    }
    if (codes.length !== size[k])
      throw new DataError(
        file,
        undefined,
        `dimension.${id}`,
        `has ${codes.length} categories but size says ${String(size[k])}`,
      );
    const labelObj = isObject(cat.label) ? cat.label : {};
    return {
      id,
      label: typeof d.label === 'string' ? d.label : id,
      codes,
      labels: codes.map((c) => (typeof labelObj[c] === 'string' ? (labelObj[c] as string) : c)),
    };
  });
  const total = (size as number[]).reduce((a, b) => a * b, 1);
  const values: (number | null)[] = new Array<number | null>(total).fill(null);
  const raw = doc.value;
  if (Array.isArray(raw)) {
    if (raw.length !== total)
      throw new DataError(
        file,
        undefined,
        'value',
        `has ${raw.length} values but the dimensions give ${total}`,
      );
    raw.forEach((v, i) => {
      if (v !== null && typeof v !== 'number')
        throw new DataError(file, undefined, `value[${i}]`, `not a number: ${JSON.stringify(v)}`);
      values[i] = v;
    });
  } else if (isObject(raw)) {
    for (const [k, v] of Object.entries(raw)) {
      const i = Number(k);
      if (!Number.isInteger(i) || i < 0 || i >= total)
        throw new DataError(file, undefined, `value[${k}]`, 'index out of range');
      if (v !== null && typeof v !== 'number')
        throw new DataError(file, undefined, `value[${k}]`, `not a number: ${JSON.stringify(v)}`);
      values[i] = v;
    }
  } else {
    throw new DataError(file, undefined, 'value', 'missing value array');
  }
  const lookups = dimensions.map((d) => new Map(d.codes.map((c, i) => [c, i])));
  const strides: number[] = new Array<number>(dimensions.length).fill(1);
  for (let k = dimensions.length - 2; k >= 0; k--)
    strides[k] = strides[k + 1]! * (size[k + 1] as number);
  return {
    label: typeof doc.label === 'string' ? doc.label : '',
    dimensions,
    values,
    get(coords) {
      let flat = 0;
      for (let k = 0; k < dimensions.length; k++) {
        const d = dimensions[k]!;
        const code = coords[d.id] ?? (d.codes.length === 1 ? d.codes[0]! : undefined);
        if (code === undefined)
          throw new DataError(file, undefined, d.id, 'no category given for this dimension');
        const pos = lookups[k]!.get(code);
        if (pos === undefined)
          throw new DataError(file, undefined, d.id, `unknown category "${code}"`);
        flat += pos * strides[k]!;
      }
      return values[flat] ?? null;
    },
  };
}
