'use client';
import { useRouter } from 'next/navigation';
import { signOutAction } from '@/app/sign-in/actions';
import { Button } from '@/components/ui/button';

export function SignOutButton() {
  const router = useRouter();
  return (
    <Button variant="secondary" className="mt-2 w-full" onClick={async () => {
      await signOutAction();
      router.replace('/sign-in');
      router.refresh();
    }}>Sign out</Button>
  );
}
