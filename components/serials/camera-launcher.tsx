'use client';
import { useRef, useState } from 'react';
import { buttonClass } from '@/components/ui/button';

type CameraComponent = typeof import('./camera-scanner').CameraScanner;

/**
 * The "Scan with camera" button. The scanner (and through it the barcode decoder) is imported on the
 * first click, so pages that never use the camera never download it.
 */
export function CameraLauncher({ onDetected, onLoadFailed }: {
  onDetected: (codes: string[]) => void;
  onLoadFailed: (message: string) => void;
}) {
  // Wrapped in an object: a function given to a state setter would be called as an updater.
  const [camera, setCamera] = useState<{ Scanner: CameraComponent | null } | null>(null);
  const button = useRef<HTMLButtonElement>(null);

  async function open() {
    if (camera !== null) return;
    setCamera({ Scanner: null });
    try {
      const { CameraScanner } = await import('./camera-scanner');
      setCamera({ Scanner: CameraScanner });
    } catch {
      setCamera(null);
      onLoadFailed('The camera scanner could not be loaded. Check the connection and try again.');
    }
  }

  const Scanner = camera?.Scanner;
  return (
    <>
      <button ref={button} type="button" className={buttonClass('secondary')} onClick={() => void open()}
        aria-busy={camera !== null && Scanner === null}>
        Scan with camera
      </button>
      {camera !== null && Scanner === null && <span role="status" className="self-center text-sm text-slate-600">Loading the camera scanner…</span>}
      {Scanner && <Scanner onClose={() => setCamera(null)} onDetected={onDetected} returnFocus={() => button.current?.focus()} />}
    </>
  );
}
