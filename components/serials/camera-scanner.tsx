'use client';
import { Dialog } from 'radix-ui';
import { useEffect, useEffectEvent, useRef, useState, type RefObject } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { createCodeDetector } from '@/lib/serials/barcode-detector';

const SCAN_INTERVAL_MS = 200;

type CameraState =
  | { phase: 'starting' }
  | { phase: 'scanning'; lastCode: string | null; count: number }
  | { phase: 'failed'; message: string };

/** Turns getUserMedia and decoder failures into what the user can do about them. */
export function cameraErrorMessage(error: unknown): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'Camera access was blocked. Allow the camera for this site in the browser settings, or scan with a USB scanner or type the serial numbers.';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'No camera was found on this device. Scan with a USB scanner or type the serial numbers.';
    case 'NotReadableError':
      return 'The camera is in use by another app. Close that app and try again.';
    case 'CameraUnsupported':
      return 'This browser cannot open the camera here: camera scanning needs a secure (https) connection and a recent browser.';
    default:
      return `The camera scanner could not start${error instanceof Error && error.message ? `: ${error.message}` : '.'}`;
  }
}

async function openBackCamera(): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getUserMedia) {
    throw Object.assign(new Error('getUserMedia is not available'), { name: 'CameraUnsupported' });
  }
  return navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
}

function stopTracks(stream: MediaStream): void {
  stream.getTracks().forEach((track) => track.stop());
}

/**
 * Runs the camera while mounted: opens the back camera, loads a detector, and reads frames a few
 * times a second. Each code is reported once per opening, however long it stays in view.
 */
function useCameraScan(onDetected: (codes: string[]) => void): {
  video: RefObject<HTMLVideoElement | null>;
  state: CameraState;
} {
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<CameraState>({ phase: 'starting' });
  const report = useEffectEvent(onDetected);

  useEffect(() => {
    let stopped = false;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const seen = new Set<string>();

    async function start() {
      const opened = await openBackCamera();
      const element = video.current;
      // Closed while the permission prompt was up (or React's dev double mount): release the camera at once.
      if (stopped || !element) return stopTracks(opened);
      stream = opened;
      element.srcObject = opened;
      await element.play();
      const detector = await createCodeDetector();
      if (stopped) return;
      setState({ phase: 'scanning', lastCode: null, count: 0 });
      const scanFrame = async () => {
        if (stopped) return;
        try {
          const found = (await detector.detect(element)).map((code) => code.rawValue);
          const fresh = [...new Set(found)].filter((code) => code && !seen.has(code));
          if (fresh.length > 0) {
            fresh.forEach((code) => seen.add(code));
            // One report per frame: two separate reports would each start from the same list and the first would be
            // lost.
            report(fresh);
            navigator.vibrate?.(60);
            setState({ phase: 'scanning', lastCode: fresh[fresh.length - 1], count: seen.size });
          }
        } catch {
          // A frame the decoder cannot use (camera still warming up): try the next one.
        }
        timer = setTimeout(scanFrame, SCAN_INTERVAL_MS);
      };
      void scanFrame();
    }

    start().catch((error: unknown) => {
      if (!stopped) setState({ phase: 'failed', message: cameraErrorMessage(error) });
    });
    return () => {
      stopped = true;
      clearTimeout(timer);
      if (stream) stopTracks(stream);
    };
  }, []);

  return { video, state };
}

function CameraView({ onDetected }: { onDetected: (codes: string[]) => void }) {
  const { video, state } = useCameraScan(onDetected);
  return (
    <div className="space-y-3">
      <video
        ref={video}
        muted
        playsInline
        aria-label="Camera view"
        className="aspect-video w-full rounded-md bg-slate-900 object-cover"
      />
      {state.phase === 'failed' ? (
        <Alert>{state.message}</Alert>
      ) : (
        <p role="status" aria-live="polite" className="text-sm text-slate-700">
          {state.phase === 'starting' && 'Starting the camera…'}
          {state.phase === 'scanning' &&
            (state.lastCode === null
              ? 'Point the camera at a barcode.'
              : `Scanned ${state.lastCode} (${state.count} this time).`)}
        </p>
      )}
    </div>
  );
}

/** A dialog with the back camera; loaded with a dynamic import only when the user asks for it. */
export function CameraScanner({
  onClose,
  onDetected,
  returnFocus,
}: {
  onClose: () => void;
  onDetected: (codes: string[]) => void;
  /** The dialog has no Radix trigger to return focus to, so the opener says where focus goes back. */
  returnFocus: () => void;
}) {
  return (
    <Dialog.Root
      open
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-slate-900/60" />
        <Dialog.Content
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            returnFocus();
          }}
          className="fixed left-1/2 top-1/2 z-50 w-[min(96vw,36rem)] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-4 shadow-xl sm:p-6"
        >
          <Dialog.Title className="text-lg font-semibold">Scan with camera</Dialog.Title>
          <Dialog.Description className="mb-3 mt-1 text-sm text-slate-600">
            Each barcode the camera reads is added once. Close when you are done.
          </Dialog.Description>
          <CameraView onDetected={onDetected} />
          <div className="mt-4 flex justify-end">
            <Dialog.Close asChild>
              <Button variant="secondary">Close</Button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
