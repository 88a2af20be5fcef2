import { MAX_AGE, N_AGES, N_SEXES } from '../constants.ts';
import { DataError } from '../parse/errors.ts';
import { parseJsonStat } from '../parse/jsonstat.ts';

/** Base URL of SSB's PxWebApi v2 (https://www.ssb.no/api/api-mot-statistikkbanken--brukerveiledning). */
export const PXWEB_BASE = 'https://data.ssb.no/api/pxwebapi/v2';

/**
 * SSB's limit per request is 800 000 cells (and 30 requests a minute per IP address);
 * one year of 07459 for 357 municipalities is 357 × 2 × 106 = 75 684 cells, so ten years
 * fit in one request with room to spare.
 */
export const PXWEB_MAX_CELLS = 800_000;

/** The part of `fetch` the client uses, so tests and other runtimes can inject their own. */
export type FetchLike = (
  url: string,
  init?: { headers?: Record<string, string> },
) => Promise<{
  ok: boolean;
  status: number;
  statusText: string;
  json(): Promise<unknown>;
}>;

/** URL of a table's data as JSON-stat 2.0, with one `valueCodes[dimension]` per selection. */
export function pxwebDataUrl(
  table: string,
  selection: Readonly<Record<string, readonly string[]>>,
  lang = 'no',
): string {
  const params = [`lang=${lang}`, 'outputFormat=json-stat2'];
  for (const [dim, codes] of Object.entries(selection))
    params.push(`valueCodes[${dim}]=${codes.map(encodeURIComponent).join(',')}`);
  return `${PXWEB_BASE}/tables/${table}/data?${params.join('&')}`;
}

/** URL of a table's metadata (dimensions and their codes) as JSON-stat 2.0. */
export function pxwebMetadataUrl(table: string, lang = 'no'): string {
  return `${PXWEB_BASE}/tables/${table}/metadata?lang=${lang}&outputFormat=json-stat2`;
}

async function getJson(fetchFn: FetchLike, url: string): Promise<unknown> {
  let res: Awaited<ReturnType<FetchLike>>;
  try {
    res = await fetchFn(url, { headers: { accept: 'application/json' } });
  } catch (e) {
    throw new Error(
      `cannot reach SSB (${url}): ${(e as Error).message}. Are you offline? The current snapshot is kept.`,
      { cause: e },
    );
  }
  if (!res.ok) throw new Error(`SSB answered ${res.status} ${res.statusText} for ${url}`);
  return res.json();
}

/** Category codes of one dimension in a table's metadata. */
export async function fetchDimensionCodes(
  fetchFn: FetchLike,
  table: string,
  dimension: string,
): Promise<string[]> {
  const url = pxwebMetadataUrl(table);
  const doc = await getJson(fetchFn, url);
  const dims = (doc as { dimension?: Record<string, { category?: { index?: unknown } }> })
    .dimension;
  const index = dims?.[dimension]?.category?.index;
  if (Array.isArray(index)) return index.map(String);
  if (index && typeof index === 'object')
    return Object.entries(index as Record<string, number>)
      .sort((a, b) => a[1] - b[1])
      .map(([c]) => c);
  throw new DataError(`SSB ${table} metadata`, undefined, dimension, 'dimension not found');
}

/** 07459 age codes: `000` … `104` and `105+`. */
export const AGE_CODES_07459: readonly string[] = Array.from({ length: N_AGES }, (_, a) =>
  a === MAX_AGE ? '105+' : String(a).padStart(3, '0'),
);

/**
 * Fetches population by municipality, sex and single-year age (SSB 07459, content code
 * `Personer1`) for `years`, batched under the cell limit. Returns counts in the snapshot
 * layout `((y * nM + m) * 2 + s) * 106 + a` (sex 0 = male = SSB `Kjonn` 1). Every cell must be
 * present and non-negative; a missing municipality, age or year is an error naming the URL
 * and dimension, because a silent gap would be projected as an empty cohort.
 */
export async function fetchPopulation07459(
  fetchFn: FetchLike,
  codes: readonly string[],
  years: readonly number[],
): Promise<Float64Array> {
  const nM = codes.length;
  const cell = N_SEXES * N_AGES;
  const out = new Float64Array(years.length * nM * cell);
  const perYear = nM * cell;
  const batch = Math.max(1, Math.floor(PXWEB_MAX_CELLS / perYear));
  for (let start = 0; start < years.length; start += batch) {
    const ys = years.slice(start, start + batch).map(String);
    const url = pxwebDataUrl('07459', {
      Region: codes,
      Kjonn: ['1', '2'],
      Alder: AGE_CODES_07459,
      ContentsCode: ['Personer1'],
      Tid: ys,
    });
    const cube = parseJsonStat(url, await getJson(fetchFn, url));
    for (const dim of ['Region', 'Kjonn', 'Alder', 'Tid']) {
      if (!cube.dimensions.some((d) => d.id === dim))
        throw new DataError(url, undefined, dim, 'dimension missing from the answer');
    }
    ys.forEach((y, k) => {
      const yi = start + k;
      for (let m = 0; m < nM; m++) {
        for (let s = 0; s < N_SEXES; s++) {
          for (let a = 0; a < N_AGES; a++) {
            const v = cube.get({
              Region: codes[m]!,
              Kjonn: s === 0 ? '1' : '2',
              Alder: AGE_CODES_07459[a]!,
              Tid: y,
              ContentsCode: 'Personer1',
            });
            if (v === null)
              throw new DataError(
                url,
                undefined,
                'value',
                `missing value for ${codes[m]}, ${y}, Kjonn ${s + 1}, Alder ${AGE_CODES_07459[a]}`,
              );
            if (v < 0)
              throw new DataError(
                url,
                undefined,
                'value',
                `negative count ${v} for ${codes[m]}, ${y}`,
              );
            out[((yi * nM + m) * N_SEXES + s) * N_AGES + a] = v;
          }
        }
      }
    });
  }
  return out;
}
