'use client';
import { DeleteButton } from '@/components/ui/delete-button';
import { deletePartnerAction } from './actions';

export function DeletePartnerButton({ id, code }: { id: string; code: string }) {
  return (
    <DeleteButton
      label="Delete partner"
      title={`Delete partner ${code}?`}
      redirectTo="/partners"
      description="Only a partner no document names can be deleted."
      run={() => deletePartnerAction({ id })}
    />
  );
}
