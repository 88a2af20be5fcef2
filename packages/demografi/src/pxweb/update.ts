import type { Snapshot } from '../snapshot/schema.ts';
import { fetchDimensionCodes, fetchPopulation07459, PXWEB_BASE, type FetchLike } from './client.ts';

/**
 * Refreshes the population grid of a snapshot from SSB 07459 through PxWebApi v2: every
 * year from the snapshot's first year to the latest year SSB publishes. Other parts (HMD,
 * HFD, KOSTRA, the 14288 totals) are kept, because they come from other sources or tables
 * whose municipal structure would need mapping. Municipalities must exist in 07459 under
 * their 2024 numbers; an unknown number is an error, not a silent zero.
 * Returns a new snapshot; the caller writes it only after this resolves.
 */
export async function updateSnapshotFromSsb(
  snapshot: Snapshot,
  fetchFn: FetchLike,
  builtAt: string,
): Promise<Snapshot> {
  const codes = snapshot.municipalities.map((m) => m.code);
  const available = (await fetchDimensionCodes(fetchFn, '07459', 'Tid'))
    .map(Number)
    .filter(Number.isInteger);
  const first = snapshot.population.years[0]!;
  const years = available.filter((y) => y >= first).sort((a, b) => a - b);
  for (let k = 0; k < years.length; k++) {
    if (years[k] !== first + k)
      throw new Error(`SSB 07459 has no year ${first + k}; cannot build a consecutive grid`);
  }
  if (years.length === 0) throw new Error(`SSB 07459 lists no years from ${first}`);
  const counts = await fetchPopulation07459(fetchFn, codes, years);
  return {
    ...snapshot,
    provenance: {
      ...snapshot.provenance,
      builtAt,
      sources: snapshot.provenance.sources.map((s) =>
        s.id === 'SSB 07459' ? { ...s, from: `${PXWEB_BASE}/tables/07459/data` } : s,
      ),
      notes: [
        ...snapshot.provenance.notes,
        `Population ${years[0]}–${years[years.length - 1]} fetched from SSB PxWebApi v2 on ${builtAt}.`,
      ],
    },
    population: { years, counts },
    // Error bands were measured on the old grid; the CLI re-measures them after an update.
    errorBands: null,
  };
}
