'use client';
import { useRef, useState } from 'react';
import { buttonClass } from '@/components/ui/button';

type CameraComponent = typeof import('./camera-scanner').CameraScanner;

/**
 * The "Scan with camera" button. The scanner (and through it the barcode decoder) is imported on the
 * first click, so pages that never use the camera never download it.
 */
export function CameraLauncher({
  onDetected,
  onLoadFailed,
}: {
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
  const loading = camera !== null && Scanner === null;
  return (
    <>
      <button
        ref={button}
        type="button"
        className={buttonClass('secondary', 'shrink-0 whitespace-nowrap')}
        onClick={() => void open()}
        aria-busy={loading}
      >
        Scan with camera
      </button>
      {/* Beside the scan box there is no room for a sentence: the status is for screen readers,
          the button shows it is busy. */}
      <span role="status" className="sr-only">
        {loading ? 'Loading the camera scanner…' : ''}
      </span>
      {Scanner && (
        <Scanner onClose={() => setCamera(null)} onDetected={onDetected} returnFocus={() => button.current?.focus()} />
      )}
    </>
  );
}
