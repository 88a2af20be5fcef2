/**
 * Deletes a process record after the person confirms, and says so (or why not) through the
 * page's action runner, the same on every process page.
 */
import { removeWorkspaceRecord, type WorkspaceCollection } from '@helhet/model';
import { DeleteButton } from '../app/DeleteButton.tsx';
import { useProcess } from './ProcessContext.ts';

/** The three texts of a delete button, by their conventional catalogue keys. */
export type DeleteTextKey = 'delete' | 'confirmDelete' | 'deleted';

/**
 * A delete button (on a line of its own) for the record `id` in `collection`. `text` gives
 * the button's label (`delete`), the question asked first (`confirmDelete`) and what is
 * announced afterwards (`deleted`), each naming the record.
 */
export function DeleteRecordButton({
  collection,
  id,
  text,
}: {
  collection: WorkspaceCollection;
  id: string;
  text: (key: DeleteTextKey) => string;
}) {
  const { doc, origin, change } = useProcess();
  return (
    <div>
      <DeleteButton
        confirmText={text('confirmDelete')}
        onConfirm={() =>
          change(() => removeWorkspaceRecord(doc, collection, id, origin), text('deleted'))
        }
      >
        {text('delete')}
      </DeleteButton>
    </div>
  );
}
