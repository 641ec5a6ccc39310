'use client';
import { useRouter } from 'next/navigation';
import { signOutAction } from '@/app/sign-in/actions';
import { removeAllDrafts } from '@/components/forms/draft-storage';
import { requestLeave } from '@/components/forms/leave-guard';
import { Button } from '@/components/ui/button';

/** Signing out leaves no draft of anyone on the device; a form with unsaved changes asks first. */
export function SignOutButton() {
  const router = useRouter();
  const signOut = async () => {
    removeAllDrafts();
    await signOutAction();
    router.replace('/sign-in');
    router.refresh();
  };
  return (
    <Button
      variant="secondary"
      className="mt-2 w-full"
      onClick={() =>
        requestLeave(
          () => void signOut(),
          'Signing out discards the changes on this page, and the drafts this browser keeps.',
        )
      }
    >
      Sign out
    </Button>
  );
}
