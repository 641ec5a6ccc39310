'use client';
import { DeleteButton } from '@/components/ui/delete-button';
import { deleteItemAction } from './actions';

export function DeleteItemButton({ id, code }: { id: string; code: string }) {
  return (
    <DeleteButton
      label="Delete item"
      title={`Delete item ${code}?`}
      redirectTo="/items"
      description="Only an item no document, serial number or stock refers to can be deleted. To retire a used item, untick Active."
      run={() => deleteItemAction({ id })}
    />
  );
}
