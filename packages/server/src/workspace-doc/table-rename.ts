/**
 * Lets the map document store (`stores/map-documents.ts`) keep workspace process documents
 * too, with the same durability (update stored before it is applied, group commit,
 * compaction), without a second copy of that code: a Kysely plugin that renames the map
 * tables and columns in every query to the workspace document tables of migration
 * `0002_workspace_documents`. Kysely's own `CamelCasePlugin` renames identifiers the same way
 * (an `OperationNodeTransformer` overriding `transformIdentifier`).
 */
import {
  IdentifierNode,
  OperationNodeTransformer,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryId,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';

/** Map tables and columns → workspace document tables and columns. */
export const WORKSPACE_DOCUMENT_NAMES: Readonly<Record<string, string>> = {
  maps: 'workspaces',
  map_id: 'workspace_id',
  map_updates: 'workspace_doc_updates',
  map_snapshots: 'workspace_doc_snapshots',
};

class RenameTransformer extends OperationNodeTransformer {
  readonly #names: Readonly<Record<string, string>>;
  constructor(names: Readonly<Record<string, string>>) {
    super();
    this.#names = names;
  }
  protected override transformIdentifier(node: IdentifierNode, queryId?: QueryId): IdentifierNode {
    const renamed = this.#names[node.name];
    return renamed ? IdentifierNode.create(renamed) : super.transformIdentifier(node, queryId);
  }
}

/** A plugin renaming identifiers in every query by `names` (results are left as they are). */
export function tableRenamePlugin(names: Readonly<Record<string, string>>): KyselyPlugin {
  const transformer = new RenameTransformer(names);
  return {
    transformQuery: (args: PluginTransformQueryArgs): RootOperationNode =>
      transformer.transformNode(args.node, args.queryId),
    transformResult: async (args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> =>
      args.result,
  };
}
