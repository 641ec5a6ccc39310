import { expect } from 'vitest';

/**
 * Matcher for a rejected ImportFileError: a string message must match exactly,
 * a RegExp is searched for in the message.
 */
export function fileError(code: string, message?: string | RegExp): ReturnType<typeof expect.objectContaining> {
  const messageMatcher = message === undefined ? {} : { message: typeof message === 'string' ? message : expect.stringMatching(message) };
  return expect.objectContaining({ name: 'ImportFileError', code, ...messageMatcher });
}
