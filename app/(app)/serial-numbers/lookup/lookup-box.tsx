'use client';
import { usePathname, useRouter } from 'next/navigation';
import { useState } from 'react';
import { CameraLauncher } from '@/components/serials/camera-launcher';
import { ScanInput } from '@/components/serials/scan-input';

/**
 * The lookup's scan box: a USB scanner types the serial and presses Enter, the camera reads a label, a
 * person types. Each opens this page for that text (a shareable address; Back returns to the previous
 * lookup), and the box keeps the focus for the next scan.
 */
export function LookupBox() {
  const router = useRouter();
  const pathname = usePathname();
  const [problem, setProblem] = useState('');
  const lookUp = (text: string) => {
    setProblem('');
    router.push(`${pathname}?q=${encodeURIComponent(text)}`);
  };
  return (
    <div className="space-y-1">
      <ScanInput
        id="serial-lookup"
        hintId="serial-lookup-hint"
        label="Serial number to look up"
        hint="Scan it, or type it and press Enter. It is found as it reads: case, width and look-alike letters aside; part of a serial finds those containing it."
        onSubmitText={lookUp}
        // A pasted list looks up its first line: a lookup is of one serial.
        onPasteList={(serials) => lookUp(serials[0])}
      >
        <CameraLauncher onDetected={(codes) => lookUp(codes[0])} onLoadFailed={setProblem} />
      </ScanInput>
      {problem && (
        <p role="alert" className="text-sm text-red-700">
          {problem}
        </p>
      )}
    </div>
  );
}
