/**
 * The portfolio map: projects as a network of "reinforces" and "depends on" relations, and
 * the places where projects form reinforcing loops ("de ulike prosjektene påvirker og
 * forsterker hverandre og skaper en helhet", the seed).
 *
 * The loops come from the model's loop engine (`analysis/loops.ts`): projects become
 * elements, relations become links. "A reinforces B" is a + link A → B; "A depends on B"
 * means B's progress helps A, a + link B → A. Every loop is therefore reinforcing (R).
 */
import { buildCausalGraph } from '../analysis/graph.ts';
import { findLoops } from '../analysis/loops.ts';
import type { Project } from './schema.ts';

/** One edge of the project network. */
export interface ProjectEdge {
  /** Stable id: `<from project>><to project>:<kind of the relation>`. */
  id: string;
  /** The project whose relation this is. */
  projectId: string;
  kind: 'reinforces' | 'dependsOn';
  /** Direction of influence (see the module comment). */
  from: string;
  to: string;
  reason: string;
}

/** A reinforcing loop among projects. */
export interface ProjectLoop {
  projectIds: string[];
  edgeIds: string[];
}

/** The project network with its reinforcing loops. */
export interface PortfolioNetwork {
  edges: ProjectEdge[];
  loops: ProjectLoop[];
  /** True when the loop search stopped at its budget (then more loops exist). */
  truncated: boolean;
}

/** Budgets of the loop search: a portfolio has tens of projects, this bounds the worst case. */
const BUDGETS = { maxLoops: 200, maxLength: 12, timeMs: 500 };

/**
 * The network of `projects` (relations to projects not in the list are left out, so one
 * portfolio's map shows only its projects).
 */
export function portfolioNetwork(projects: readonly Project[]): PortfolioNetwork {
  const ids = new Set(projects.map((p) => p.id));
  const edges: ProjectEdge[] = [];
  const seen = new Set<string>();
  for (const project of projects) {
    for (const relation of project.relations) {
      if (!ids.has(relation.projectId) || relation.projectId === project.id) continue;
      const [from, to] =
        relation.kind === 'reinforces'
          ? [project.id, relation.projectId]
          : [relation.projectId, project.id];
      const id = `${from}>${to}:${relation.kind}`;
      if (seen.has(id)) continue;
      seen.add(id);
      edges.push({
        id,
        projectId: project.id,
        kind: relation.kind,
        from,
        to,
        reason: relation.reason,
      });
    }
  }
  const graph = buildCausalGraph(
    projects.map((p) => ({ id: p.id })),
    edges.map((e) => ({ id: e.id, from: e.from, to: e.to, polarity: '+' as const })),
  );
  const result = findLoops(graph, BUDGETS);
  return {
    edges,
    loops: result.loops.map((loop) => ({ projectIds: loop.elements, edgeIds: loop.links })),
    truncated: result.truncated,
  };
}
