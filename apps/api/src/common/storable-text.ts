import type { FieldProblem } from './errors';

/**
 * The one rule for text that comes in from outside (every GraphQL argument, every query parameter
 * of the HTTP routes): it must be storable, and read back the same, on SQLite and on PostgreSQL.
 *
 * - NUL (U+0000) is refused: PostgreSQL's text and jsonb cannot hold it, and the statement fails.
 * - Unpaired UTF-16 surrogates are refused: they are not Unicode text; the PostgreSQL driver
 *   would silently store U+FFFD instead, so what was sent and what is read back would differ.
 * - The other C0 control characters and DEL are refused too, except TAB, LF and CR (multi-line
 *   descriptions, reasons and pasted claim values keep them). Nothing legitimate in a name, an id
 *   or a comment needs a BEL or an ESC, and they would reach terminals and spreadsheets through
 *   logs and the CSV export.
 * Everything else — right-to-left text, emoji, combining marks, C1 and bidi controls — is stored as
 * sent: refusing real scripts is not ours to do.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is this rule's purpose
const UNSTORABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Deepest nesting of one argument value (input objects, lists, JSON such as group metadata). */
export const MAX_INPUT_DEPTH = 20;

/**
 * Longest list in one argument. Every list the API takes has a smaller limit of its own (500 bulk
 * checks, 100 members at a time, …) or none that a person would reach; this one bounds the rest,
 * so no list becomes a statement with more parameters than a database takes, or an error message
 * that repeats ten thousand ids.
 */
export const MAX_LIST_ITEMS = 1_000;

function codePoint(char: string): string {
  return `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A JSON key as a path segment: short, and without the characters it may be refused for. */
function pathSegment(key: string): string {
  const clean = key.replace(new RegExp(UNSTORABLE.source, 'g'), '?');
  return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
}

/** Why `text` cannot be stored (a sentence naming `label`), or null when it can. */
export function unstorableText(text: string, label: string): string | null {
  const found = UNSTORABLE.exec(text);
  if (!found) return null;
  const char = found[0];
  const code = char.charCodeAt(0);
  if (code >= 0xd800 && code <= 0xdfff) {
    return `${label} contains an unpaired surrogate (${codePoint(char)} at position ${found.index}), which is not valid Unicode text.`;
  }
  return `${label} contains the control character ${codePoint(char)} at position ${found.index}, which cannot be stored; remove it.`;
}

/**
 * Every problem with one incoming value: unstorable text in any string or object key, nesting
 * deeper than MAX_INPUT_DEPTH, lists longer than MAX_LIST_ITEMS, and numbers JSON cannot carry (Infinity from `1e999` in a JSON
 * scalar). Walks with an explicit stack: a value nested thousands deep cannot overflow it.
 * `path` names the value (`filter.search`, `checks.3.resourceId`) in each problem; '' names an
 * object by its fields alone (`description`).
 */
export function inputProblems(value: unknown, path: string, problems: FieldProblem[] = []): FieldProblem[] {
  // `anchor` is what a too-deep value is reported as: the argument or its field (input.metadata),
  // not a path thousands of segments long.
  const stack: { value: unknown; path: string; depth: number; anchor: string }[] = [{ value, path, depth: 0, anchor: path }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    const v = item.value;
    if (typeof v === 'string') {
      const message = unstorableText(v, item.path);
      if (message) problems.push({ field: item.path, message });
    } else if (typeof v === 'number') {
      if (!Number.isFinite(v)) problems.push({ field: item.path, message: `${item.path} must be a finite number.` });
    } else if (v !== null && typeof v === 'object' && !(v instanceof Date)) {
      if (item.depth >= MAX_INPUT_DEPTH) {
        problems.push({ field: item.anchor, message: `${item.anchor} is nested more than ${MAX_INPUT_DEPTH} levels deep.` });
        continue;
      }
      const child = (key: string | number, childValue: unknown) => {
        const segment = typeof key === 'number' ? String(key) : pathSegment(key);
        const childPath = item.path ? `${item.path}.${segment}` : segment;
        stack.push({ value: childValue, path: childPath, depth: item.depth + 1, anchor: item.depth < 1 ? childPath : item.anchor });
      };
      if (Array.isArray(v)) {
        if (v.length > MAX_LIST_ITEMS) {
          problems.push({ field: item.path, message: `${item.path} has ${v.length} items; at most ${MAX_LIST_ITEMS.toLocaleString('en')} are taken in one call.` });
          continue;
        }
        for (let i = v.length - 1; i >= 0; i--) child(i, v[i]);
      } else {
        const entries = Object.entries(v as Record<string, unknown>);
        for (let i = entries.length - 1; i >= 0; i--) {
          const [key, childValue] = entries[i]!;
          const keyProblem = unstorableText(key, `A key in ${item.path}`);
          if (keyProblem) problems.push({ field: item.path, message: keyProblem });
          child(key, childValue);
        }
      }
    }
    // One message per kind of mistake is enough for a person; a 10,000-item list of bad values
    // must not become a 10,000-item error.
    if (problems.length >= 20) break;
  }
  return problems;
}

/**
 * `text` cut to at most `max` UTF-16 units (so at most `max` characters in a varchar(max) column)
 * without splitting a surrogate pair: half an emoji would be an unpaired surrogate, stored as U+FFFD.
 */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}
