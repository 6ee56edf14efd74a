// What the search bar suggests: Sentry's built-in issue search keys, fixed values for some of
// them, and how the token under the caret is found and replaced.

export const BUILT_IN_KEYS = [
  'is',
  'assigned',
  'bookmarks',
  'level',
  'release',
  'environment',
  'first-seen',
  'last-seen',
  'times-seen',
  'user.email',
];

/** Keys whose values are a fixed list instead of the project's tag values. */
export const FIXED_VALUES: Record<string, string[]> = {
  is: ['unresolved', 'resolved', 'ignored', 'assigned', 'unassigned', 'bookmarked'],
  assigned: ['me'],
  bookmarks: ['me'],
  'first-seen': ['-1h', '-24h', '-7d', '-14d'],
  'last-seen': ['-1h', '-24h', '-7d', '+14d'],
  'times-seen': ['>10', '>100', '<5'],
};

export interface Token {
  /** Start of the token in the text. */
  start: number;
  /** End (the caret). */
  end: number;
  negated: boolean;
  /** The key when the token has a colon, else undefined. */
  key?: string;
  /** The text after the colon, or the whole token without `!`. */
  text: string;
}

/** The token that ends at the caret: `level:err` → key level, text err; `lev` → text lev. */
export function tokenAt(input: string, caret: number): Token {
  const before = input.slice(0, caret);
  let start = 0;
  let quoted = false;
  for (let i = 0; i < before.length; i++) {
    if (before[i] === '"') {
      quoted = !quoted;
    } else if (before[i] === ' ' && !quoted) {
      start = i + 1;
    }
  }
  let raw = before.slice(start);
  const negated = raw.startsWith('!');
  if (negated) {
    raw = raw.slice(1);
  }
  const colon = raw.indexOf(':');
  if (colon < 0) {
    return { start, end: caret, negated, text: raw };
  }
  return { start, end: caret, negated, key: raw.slice(0, colon), text: raw.slice(colon + 1).replace(/^"/, '') };
}

export function quoteValue(value: string): string {
  return /[\s"]/.test(value) ? `"${value.replace(/"/g, '\\"')}"` : value;
}

/** Replaces the token with `replacement`, returning the new text and caret. */
export function replaceToken(input: string, token: Token, replacement: string): { text: string; caret: number } {
  const head = input.slice(0, token.start) + (token.negated ? '!' : '') + replacement;
  return { text: head + input.slice(token.end), caret: head.length };
}
