/**
 * How a source file names another file or package. Each kind can reach across a package
 * boundary: an import by path, or a file path built from `import.meta.url`.
 */
export type ReferenceKind =
  | 'import' // import ... from, export ... from, import '...'
  | 'dynamic-import' // import('...')
  | 'require' // require('...'), require.resolve('...')
  | 'resolve' // import.meta.resolve('...')
  | 'url' // new URL('...', import.meta.url)
  | 'vi-mock'; // vi.mock('...') and its siblings

/** One reference found in a source file. */
export interface SourceReference {
  kind: ReferenceKind;
  /** The specifier or path as written; of a template literal, the part before its first `${`. */
  specifier: string;
  /** 1-based line of the string. */
  line: number;
}

interface StringToken {
  value: string;
  /** Offset of the opening quote. */
  start: number;
  /** Offset just after the closing quote. */
  end: number;
}

// A `/` after one of these (or at the start) opens a regular expression, not a division.
const BEFORE_REGEX = new Set([...'(,=:[!&|?{};+-*%<>~^']);
const KEYWORDS_BEFORE_REGEX =
  /(?:^|[^\w$])(?:return|typeof|case|do|else|in|of|new|delete|void|throw|yield|await)$/;

/**
 * Splits TypeScript or JavaScript source into the code with comments blanked out (same offsets,
 * so lines still count) and its string literals. Not a parser: just enough lexing that a quote in
 * a comment or a regular expression does not start a string, and `${...}` inside a template
 * literal is read as code.
 */
export function lexStrings(source: string): { code: string; strings: StringToken[] } {
  const code = source.split('');
  const strings: StringToken[] = [];
  // Brace depth of each `${` we are inside, innermost last: its `}` resumes the template.
  const templateDepths: number[] = [];
  let depth = 0;
  let i = 0;
  let lastSignificant = '';

  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k += 1) if (code[k] !== '\n') code[k] = ' ';
  };

  // Of each template we are inside (innermost last), its token, so its end can be set when the
  // closing backtick comes after one or more `${...}`.
  const templates: StringToken[] = [];

  /** Reads template text from `from` (just after a backtick, or after the `}` of a `${`). */
  const readTemplate = (from: number, token: StringToken, firstPart: boolean): number => {
    let j = from;
    while (j < source.length) {
      const c = source[j];
      if (c === '\\') {
        if (firstPart) token.value += source.slice(j, j + 2);
        j += 2;
        continue;
      }
      if (c === '`') {
        token.end = j + 1;
        return j + 1;
      }
      if (c === '$' && source[j + 1] === '{') {
        // Only the part before the first `${` is known: that is the specifier.
        templates.push(token);
        templateDepths.push(depth);
        depth += 1;
        return j + 2;
      }
      if (firstPart) token.value += c;
      j += 1;
    }
    return j;
  };

  while (i < source.length) {
    const c = source[i] as string;
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      const end = source.indexOf('\n', i);
      const stop = end === -1 ? source.length : end;
      blank(i, stop);
      i = stop;
      continue;
    }
    if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : end + 2;
      blank(i, stop);
      i = stop;
      continue;
    }
    if (c === "'" || c === '"') {
      let j = i + 1;
      let value = '';
      while (j < source.length && source[j] !== c && source[j] !== '\n') {
        if (source[j] === '\\') {
          value += source.slice(j, j + 2);
          j += 2;
        } else {
          value += source[j];
          j += 1;
        }
      }
      strings.push({ value, start: i, end: j + 1 });
      i = j + 1;
      lastSignificant = c;
      continue;
    }
    if (c === '`') {
      const token: StringToken = { value: '', start: i, end: source.length };
      strings.push(token);
      i = readTemplate(i + 1, token, true);
      lastSignificant = '`';
      continue;
    }
    if (c === '{') depth += 1;
    if (c === '}') {
      depth -= 1;
      if (templateDepths.length > 0 && templateDepths[templateDepths.length - 1] === depth) {
        templateDepths.pop();
        i = readTemplate(i + 1, templates.pop() as StringToken, false);
        lastSignificant = '`';
        continue;
      }
    }
    if (c === '/') {
      const before = source.slice(Math.max(0, i - 12), i).trimEnd();
      const regex =
        lastSignificant === '' ||
        BEFORE_REGEX.has(lastSignificant) ||
        KEYWORDS_BEFORE_REGEX.test(before);
      if (regex) {
        let j = i + 1;
        let inClass = false;
        while (j < source.length && source[j] !== '\n') {
          const r = source[j];
          if (r === '\\') {
            j += 2;
            continue;
          }
          if (r === '[') inClass = true;
          else if (r === ']') inClass = false;
          else if (r === '/' && !inClass) break;
          j += 1;
        }
        blank(i, j + 1);
        i = j + 1;
        lastSignificant = '/';
        continue;
      }
    }
    if (!/\s/.test(c)) lastSignificant = c;
    i += 1;
  }
  return { code: code.join(''), strings };
}

// What precedes a string (comments already blanked) for it to be a reference of each kind.
const BEFORE: [ReferenceKind, RegExp][] = [
  ['resolve', /import\s*\.\s*meta\s*\.\s*resolve\s*\(\s*$/],
  ['dynamic-import', /(?:^|[^\w$.])import\s*\(\s*$/],
  ['import', /(?:^|[^\w$.])(?:from|import)\s*$/],
  ['require', /(?:^|[^\w$.])require(?:\s*\.\s*resolve)?\s*\(\s*$/],
  ['url', /(?:^|[^\w$.])new\s+URL\s*\(\s*$/],
  [
    'vi-mock',
    /(?:^|[^\w$.])vi\s*\.\s*(?:mock|doMock|unmock|doUnmock|importActual|importMock)\s*\(\s*$/,
  ],
];
const URL_BASE = /^\s*,\s*import\s*\.\s*meta\s*\.\s*url\b/;

/** Every import, require, resolve and `new URL(..., import.meta.url)` in `source`, in order. */
export function findReferences(source: string): SourceReference[] {
  const { code, strings } = lexStrings(source);
  const references: SourceReference[] = [];
  for (const token of strings) {
    const before = code.slice(Math.max(0, token.start - 80), token.start);
    const match = BEFORE.find(([, pattern]) => pattern.test(before));
    if (match === undefined) continue;
    const [kind] = match;
    if (kind === 'url' && !URL_BASE.test(code.slice(token.end, token.end + 40))) continue;
    const line = source.slice(0, token.start).split('\n').length;
    references.push({ kind, specifier: token.value, line });
  }
  return references;
}
