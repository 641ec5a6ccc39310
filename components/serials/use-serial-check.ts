'use client';
import { useEffect, useEffectEvent, useRef, useState } from 'react';

export type SerialProblem = { serial: string; message: string };
export type CheckSerials = (serials: string[]) => Promise<SerialProblem[]>;

const CHECK_DELAY_MS = 400;

/**
 * Asks the server about serials once each, 400 ms after the typing or scanning stops. Only serials not
 * yet checked are sent, so a 10,000-serial line costs one request, not one per scan. Answers are kept
 * for the life of the component: remount it (change its key) when the warehouse or item changes.
 */
export function useSerialCheck(serials: string[], checkSerials: CheckSerials | undefined) {
  const [problems, setProblems] = useState<ReadonlyMap<string, string[]>>(() => new Map());
  const [failed, setFailed] = useState(false);
  // Checked or in flight: never sent twice, even when new scans arrive during a request.
  const sent = useRef(new Set<string>());
  const hasCheck = checkSerials !== undefined;

  const runCheck = useEffectEvent(async (batch: string[]) => {
    if (!checkSerials) return;
    for (const serial of batch) sent.current.add(serial);
    try {
      const answer = await checkSerials(batch);
      setProblems((previous) => mergeAnswer(previous, batch, answer));
      setFailed(false);
    } catch {
      for (const serial of batch) sent.current.delete(serial);
      setFailed(true);
    }
  });

  useEffect(() => {
    if (!hasCheck) return;
    const timer = setTimeout(() => {
      const batch = [...new Set(serials)].filter((serial) => !sent.current.has(serial));
      if (batch.length > 0) void runCheck(batch);
    }, CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [serials, hasCheck]);

  return { problems, checkFailed: failed };
}

/** The answer replaces what we knew about the serials of the batch: a fixed problem disappears. */
function mergeAnswer(previous: ReadonlyMap<string, string[]>, batch: string[], answer: SerialProblem[]) {
  const next = new Map(previous);
  for (const serial of batch) next.delete(serial);
  for (const { serial, message } of answer) next.set(serial, [...(next.get(serial) ?? []), message]);
  return next;
}
