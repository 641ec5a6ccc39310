import { invalidQuery } from '../problem';

/**
 * One condition of Zoho's criteria syntax, `(Field:operator:value)`, with `list` split on unescaped commas (for `in`).
 */
export type Condition = { field: string; op: string; value: string; list: string[] };
export type Criteria = Condition | { join: 'and' | 'or'; parts: Criteria[] };

export const MAX_CONDITIONS = 10;
const MAX_LENGTH = 2000;
const SYNTAX =
  'Write a condition as (Field:operator:value) and combine conditions as ((Code:starts_with:PHN)and(Active:equals:true)); ' +
  'escape ( ) , and \\ inside a value with a backslash.';

/**
 * Parses Zoho's search criteria: `(Code:equals:ACME-1)`, `((A:equals:1)and(B:starts_with:x))`,
 * nested groups, `and` / `or`. A value may contain colons (MAC addresses); parentheses and commas
 * inside a value are escaped with a backslash.
 */
export function parseCriteria(text: string): Criteria {
  const source = text.trim();
  if (source.length === 0) throw invalidQuery(`The criteria is empty. ${SYNTAX}`, { param: 'criteria' });
  if (source.length > MAX_LENGTH)
    throw invalidQuery(`The criteria can have at most ${MAX_LENGTH} characters.`, { param: 'criteria' });
  const parser = new Parser(source);
  const result = source.startsWith('(') ? parser.sequence() : parser.condition(source.length);
  if (parser.pos < source.length) throw parser.fail(`unexpected "${source.slice(parser.pos, parser.pos + 10)}"`);
  if (parser.conditions > MAX_CONDITIONS) {
    throw invalidQuery(`The criteria has ${parser.conditions} conditions; at most ${MAX_CONDITIONS} are allowed.`, {
      param: 'criteria',
    });
  }
  return result;
}

class Parser {
  pos = 0;
  conditions = 0;
  constructor(private readonly text: string) {}

  fail(what: string) {
    return invalidQuery(`The criteria is not valid: ${what} at position ${this.pos + 1}. ${SYNTAX}`, {
      param: 'criteria',
      position: this.pos + 1,
    });
  }

  /** group (and|or group)* — one joiner per level, so the grouping is never ambiguous. */
  sequence(): Criteria {
    const parts = [this.group()];
    let join: 'and' | 'or' | null = null;
    for (;;) {
      const word = /^(and|or)(?=\()/i.exec(this.text.slice(this.pos))?.[1].toLowerCase() as 'and' | 'or' | undefined;
      if (!word) break;
      if (join && join !== word)
        throw this.fail('"and" and "or" are mixed in one group; put parentheses around each part');
      join = word;
      this.pos += word.length;
      parts.push(this.group());
    }
    return join ? { join, parts } : parts[0];
  }

  group(): Criteria {
    if (this.text[this.pos] !== '(') throw this.fail('expected "("');
    this.pos += 1;
    const inner = this.text[this.pos] === '(' ? this.sequence() : this.condition(this.closingParen());
    if (this.text[this.pos] !== ')') throw this.fail('expected ")"');
    this.pos += 1;
    return inner;
  }

  /** Where this condition's unescaped ")" is. */
  private closingParen(): number {
    for (let i = this.pos; i < this.text.length; i++) {
      if (this.text[i] === '\\') i++;
      else if (this.text[i] === ')') return i;
      else if (this.text[i] === '(') break;
    }
    throw this.fail('a condition is not closed with ")" (escape parentheses inside a value as \\( and \\))');
  }

  condition(end: number): Condition {
    const raw = this.text.slice(this.pos, end);
    const [field, op, ...rest] = splitUnescaped(raw, ':');
    if (!field || !op || rest.length === 0) throw this.fail(`"${raw}" is not Field:operator:value`);
    this.pos = end;
    this.conditions += 1;
    const valueRaw = rest.join(':');
    return {
      field: unescape(field).trim(),
      op: unescape(op).trim().toLowerCase(),
      value: unescape(valueRaw),
      list: splitUnescaped(valueRaw, ',').map(unescape),
    };
  }
}

function splitUnescaped(text: string, separator: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === separator) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function unescape(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}
