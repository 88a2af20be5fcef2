/**
 * The region numbers a dialogue may be about: the snapshot's municipalities, their
 * counties and `0` for Norway. Read once, lazily, from the committed snapshot's list of
 * municipalities (no projection is needed for that).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { SNAPSHOT_DIR } from './data-routes.ts';

let codes: Map<string, string> | null = null;

/** Region number → name (municipalities, counties and Norway). */
export function knownRegions(dir: string = SNAPSHOT_DIR): Map<string, string> {
  if (codes) return codes;
  const encoded = JSON.parse(
    gunzipSync(readFileSync(`${dir}/demografi.json.gz`)).toString('utf8'),
  ) as {
    municipalities?: { code: string; name: string; countyCode: string; countyName: string }[];
  };
  const map = new Map<string, string>([['0', 'Norge']]);
  for (const m of encoded.municipalities ?? []) {
    map.set(m.code, m.name);
    map.set(m.countyCode, m.countyName);
  }
  codes = map;
  return map;
}
