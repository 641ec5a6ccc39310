'use client';
import { DeleteButton } from '@/components/ui/delete-button';
import { deleteWarehouseAction } from './actions';

export function DeleteWarehouseButton({ id, code }: { id: string; code: string }) {
  return (
    <DeleteButton
      label={`Delete ${code}`}
      title={`Delete warehouse ${code}?`}
      description="Only a warehouse without documents, stock and serial numbers can be deleted."
      run={() => deleteWarehouseAction({ id })}
    />
  );
}
