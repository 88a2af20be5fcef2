/**
 * Loop enumeration and map metrics on generated sparse maps.
 *
 * 1. 500 elements / 1,500 links, every loop up to 8 links: Helhet against networkx's
 *    `simple_cycles(G, length_bound=8)` (Debian `python3-networkx`) on the same graph,
 *    written to a temporary file, timed side by side. Target: at least 5× faster.
 * 2. 5,000 elements / 15,000 links with budgets: time to the first 1,000 loops (target
 *    under 200 ms) and a time-budgeted run.
 * 3. Metrics (degree, betweenness, harmonic closeness, PageRank, MICMAC, communities) on graph 1.
 *
 * Graphs come from a seeded PRNG (mulberry32), so every run measures the same graphs.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildCausalGraph,
  enumerateLoops,
  findLoops,
  elementMetrics,
  micmac,
  communities,
  seededRandom,
  type GraphLinkInput,
} from '@helhet/model';

/** A simple random digraph: `m` distinct links between distinct elements (no self-links). */
function sparseGraph(n: number, m: number, seed: number) {
  const random = seededRandom(seed);
  const elements = Array.from({ length: n }, (_, i) => ({ id: `e${i}` }));
  const seen = new Set<number>();
  const links: GraphLinkInput[] = [];
  while (links.length < m) {
    const from = Math.floor(random() * n);
    const to = Math.floor(random() * n);
    if (from === to || seen.has(from * n + to)) continue;
    seen.add(from * n + to);
    links.push({
      id: `l${links.length}`,
      from: `e${from}`,
      to: `e${to}`,
      polarity: random() < 0.5 ? '+' : '-',
    });
  }
  return { elements, links };
}

function time<T>(run: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = run();
  return { ms: performance.now() - start, value };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

// ── 1. Full loop set up to length 8, against networkx ─────────────────────────────────
const small = sparseGraph(500, 1500, 42);
const smallGraph = buildCausalGraph(small.elements, small.links);
findLoops(smallGraph, { maxLength: 8 }); // warm-up (JIT)
const runs = Array.from({ length: 5 }, () => time(() => findLoops(smallGraph, { maxLength: 8 })));
const ours = median(runs.map((r) => r.ms));
const ourResult = runs[0]!.value;
console.log(
  `500 elements / 1,500 links, loops up to 8 links: ${ourResult.loops.length} loops` +
    ` (truncated: ${ourResult.truncated}) in ${fmt(ours)} (median of 5, incl. sorting)`,
);

const python = String.raw`
import sys, time
import networkx as nx
G = nx.DiGraph()
with open(sys.argv[1]) as f:
    for line in f:
        a, b = line.split()
        G.add_edge(a, b)
best = None
for _ in range(3):
    t = time.perf_counter()
    count = sum(1 for _ in nx.simple_cycles(G, length_bound=8))
    ms = (time.perf_counter() - t) * 1000
    best = ms if best is None or ms < best else best
print(nx.__version__, count, best)
`;
const dir = mkdtempSync(join(tmpdir(), 'helhet-bench-'));
try {
  const edgeFile = join(dir, 'edges.txt');
  writeFileSync(edgeFile, small.links.map((l) => `${l.from} ${l.to}`).join('\n'));
  const nx = spawnSync('python3', ['-c', python, edgeFile], { encoding: 'utf8' });
  if (nx.status !== 0) {
    console.log(
      `networkx comparison not run: python3 with networkx is not available` +
        ` (install the Debian package python3-networkx). ${(nx.stderr || String(nx.error ?? '')).trim().split('\n').pop() ?? ''}`,
    );
  } else {
    const [version, count, ms] = nx.stdout.trim().split(/\s+/);
    const theirs = Number(ms);
    console.log(
      `networkx ${version} simple_cycles(length_bound=8): ${count} loops in ${fmt(theirs)} (best of 3)`,
    );
    if (Number(count) !== ourResult.loops.length)
      console.log(`  MISMATCH: networkx found ${count} loops, Helhet ${ourResult.loops.length}`);
    const ratio = theirs / ours;
    console.log(
      `  Helhet is ${ratio.toFixed(1)}× faster (target ≥ 5×): ${ratio >= 5 ? 'met' : 'NOT met'}`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// ── 2. Large map with budgets ─────────────────────────────────────────────────────────
const large = sparseGraph(5000, 15000, 7);
const build = time(() => buildCausalGraph(large.elements, large.links));
console.log(`\n5,000 elements / 15,000 links: graph built in ${fmt(build.ms)}`);
const firstThousand = () => {
  let count = 0;
  const iterator = enumerateLoops(build.value, { maxLength: 8 });
  for (let step = iterator.next(); !step.done && count < 1000; step = iterator.next()) count++;
  return count;
};
firstThousand(); // warm-up
const first = Array.from({ length: 5 }, () => time(firstThousand));
const firstMs = median(first.map((r) => r.ms));
console.log(
  `  first ${first[0]!.value} loops (up to 8 links), streamed: ${fmt(firstMs)} (median of 5; target < 200 ms): ${firstMs < 200 ? 'met' : 'NOT met'}`,
);
const budgeted = time(() => findLoops(build.value, { maxLength: 8, maxLoops: 1000 }));
console.log(
  `  findLoops with maxLoops 1,000: ${budgeted.value.loops.length} loops, truncated ${budgeted.value.truncated} (${budgeted.value.reason}) in ${fmt(budgeted.ms)}`,
);
const bounded12 = time(() => findLoops(build.value, { maxLength: 12 }));
console.log(
  `  every loop up to 12 links: ${bounded12.value.loops.length} loops (search ${fmt(bounded12.value.elapsedMs)}, with sorting ${fmt(bounded12.ms)}), truncated ${bounded12.value.truncated} (${bounded12.value.reason})`,
);
const timed = time(() => findLoops(build.value, { timeMs: 500 }));
console.log(
  `  no length limit, 500 ms budget: ${timed.value.loops.length} loops, truncated ${timed.value.truncated} (${timed.value.reason}); search ${fmt(timed.value.elapsedMs)}, with sorting ${fmt(timed.ms)}`,
);

// ── 3. Metrics on the 500-element map ─────────────────────────────────────────────────
console.log('\nMetrics on 500 elements / 1,500 links:');
const metrics = time(() => elementMetrics(smallGraph, { loops: ourResult.loops }));
console.log(`  degree, betweenness, harmonic closeness, PageRank, loop counts: ${fmt(metrics.ms)}`);
const mic = time(() => micmac(smallGraph));
console.log(`  MICMAC (direct and indirect, matrix powers to ${mic.value.power}): ${fmt(mic.ms)}`);
const comm = time(() => communities(smallGraph));
console.log(`  communities (Louvain): ${comm.value.count} communities in ${fmt(comm.ms)}`);
