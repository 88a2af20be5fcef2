/**
 * The outline view: the map as two editable tables (elements, links). It is the accessible
 * alternative to the canvas: everything can be created and edited with the keyboard alone.
 */
import { ElementsTable } from './ElementsTable.tsx';
import { LinksTable } from './LinksTable.tsx';

/** Outline tab content. */
export function OutlineView() {
  return (
    <div className="outline">
      <ElementsTable />
      <LinksTable />
    </div>
  );
}
