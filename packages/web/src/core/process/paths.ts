/** URL paths of the process pages of a workspace: `/workspaces/:id/process[/section]`. */

/** The sections of the process, in the order of the method. */
export const PROCESS_SECTIONS = ['challenges', 'insight', 'innovation', 'portfolio'] as const;
/** One of {@link PROCESS_SECTIONS}. */
export type ProcessSection = (typeof PROCESS_SECTIONS)[number];

/** Path of the process home, or of one section. */
export function processPath(workspaceId: string, section?: ProcessSection): string {
  const base = `/workspaces/${encodeURIComponent(workspaceId)}/process`;
  return section ? `${base}/${section}` : base;
}

/** The section named by the path parts after `/process`, or null for the home page. */
export function parseSection(parts: readonly string[]): ProcessSection | null | 'notFound' {
  if (parts.length === 0) return null;
  const [first] = parts;
  return parts.length === 1 && (PROCESS_SECTIONS as readonly string[]).includes(first!)
    ? (first as ProcessSection)
    : 'notFound';
}
