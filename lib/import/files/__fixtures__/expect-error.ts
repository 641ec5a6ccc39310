import { expect } from 'vitest';

/**
 * Matcher for a rejected ProtocolError: a string message must match exactly,
 * a RegExp is searched for in the message.
 */
export function fileError(code: string, message?: string | RegExp): ReturnType<typeof expect.objectContaining> {
  const messageMatcher =
    message === undefined ? {} : { message: typeof message === 'string' ? message : expect.stringMatching(message) };
  return expect.objectContaining({ name: 'ProtocolError', code, ...messageMatcher });
}
