'use client';
import { useRef, useState } from 'react';
import { CameraLauncher } from '@/components/serials/camera-launcher';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';

/**
 * The picker's search box on a new return's page: a document number, a serial number (typed, scanned into the box
 * by a hand scanner, or read by the phone's camera) or the partner's code or name. A plain GET form (`?q=`), so the
 * search is in the URL and works without JavaScript; the camera fills the box and sends it.
 */
export function ReturnOriginSearch({
  action,
  partnerLabel,
  query,
}: {
  action: string;
  partnerLabel: string;
  query: string;
}) {
  const form = useRef<HTMLFormElement>(null);
  const box = useRef<HTMLInputElement>(null);
  const [cameraProblem, setCameraProblem] = useState<string | null>(null);
  const label = `Document number, serial number or ${partnerLabel}`;
  return (
    <form ref={form} action={action} method="get" role="search" aria-label="Find the document" className="space-y-2">
      <label htmlFor="return-origin-q" className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <div className="flex flex-wrap gap-2">
        <Input
          ref={box}
          id="return-origin-q"
          name="q"
          type="search"
          required
          maxLength={100}
          defaultValue={query}
          autoComplete="off"
          spellCheck={false}
          enterKeyHint="search"
          aria-describedby="return-origin-hint"
          className="min-w-0 basis-full sm:basis-0 sm:flex-1"
        />
        <CameraLauncher
          onDetected={([code]) => {
            if (!code || !box.current) return;
            box.current.value = code;
            form.current?.requestSubmit();
          }}
          onLoadFailed={setCameraProblem}
        />
        <Button type="submit">Find document</Button>
      </div>
      <p id="return-origin-hint" className="text-xs text-slate-500">
        The whole document number (SI-2026-00012), a serial number that moved with it, or part of the {partnerLabel}
        &apos;s code or name.
      </p>
      {cameraProblem && (
        <p role="alert" className="text-sm text-red-700">
          {cameraProblem}
        </p>
      )}
    </form>
  );
}
