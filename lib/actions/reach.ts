import type { ActionResult } from './result';

export const NO_ANSWER =
  'The server did not answer (connection lost or server restarting). ' +
  'Check the connection; if you were saving, check whether the change was made before trying again.';

/**
 * Calls a server action from the browser. A failed request (no network, a server restarting, a body the
 * server refused) rejects instead of answering; this turns that into a failure the form shows like any other,
 * so nobody is left looking at a button that did nothing.
 */
export async function reach<T>(call: () => Promise<ActionResult<T>>, noAnswer = NO_ANSWER): Promise<ActionResult<T>> {
  try {
    return await call();
  } catch {
    return { ok: false, error: noAnswer, code: 'NO_ANSWER', fieldErrors: {} };
  }
}
