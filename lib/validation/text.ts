import { z } from 'zod';

/**
 * The one rule for free text arriving at any door (a form, a query parameter, a criteria value, an API
 * record): no control characters and no broken UTF-16. PostgreSQL refuses NUL in text outright (the
 * request would fail inside the database instead of being answered), and the other controls only ever
 * come from a hostile or broken client; they would end up in CSV exports, labels and logs. Tab, line feed
 * and carriage return stay allowed: notes and descriptions have several lines.
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Why `label` cannot take this text, or null when it can. */
export function textProblem(text: string, label: string): string | null {
  const control = CONTROL.exec(text);
  if (control)
    return `${label} contains a control character (${codePoint(control[0])}) at position ${control.index + 1}; remove it.`;
  const lone = LONE_SURROGATE.exec(text);
  if (lone)
    return `${label} contains a broken character (an unpaired UTF-16 surrogate, ${codePoint(lone[0])}) at position ${lone.index + 1}.`;
  return null;
}

/** The rule as a zod check, for schemas: `z.string().check(cleanText('Name'))`. */
export function cleanText(label: string) {
  return z.superRefine<string>((text, ctx) => {
    const problem = textProblem(text, label);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}

export type TextProblemAt = { path: (string | number)[]; message: string };

/**
 * The first string anywhere inside a decoded JSON value (a record, an action's payload) that breaks the
 * rule, with its path; object keys count too. Depth is bounded so a hostile, deeply nested body cannot
 * exhaust the stack; what lies deeper is refused as well, since no input of ours nests that far.
 */
export function findTextProblem(
  value: unknown,
  label: (path: (string | number)[]) => string,
  path: (string | number)[] = [],
  depth = 0,
): TextProblemAt | null {
  if (depth > 32) return { path, message: `${label(path)} is nested too deeply.` };
  if (typeof value === 'string') {
    const message = textProblem(value, label(path));
    return message ? { path, message } : null;
  }
  if (Array.isArray(value)) {
    for (const [index, inner] of value.entries()) {
      const found = findTextProblem(inner, label, [...path, index], depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (value === null || typeof value !== 'object') return null;
  for (const [key, inner] of Object.entries(value)) {
    const keyProblem = textProblem(key, `A field name in ${label(path)}`);
    if (keyProblem) return { path, message: keyProblem };
    const found = findTextProblem(inner, label, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}
