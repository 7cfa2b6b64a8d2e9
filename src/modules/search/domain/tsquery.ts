/**
 * The text form of a PostgreSQL tsquery (as tsquery::text prints it, and as buildTsQuery joins
 * those texts), parsed into a tree, and evaluated over sets of document numbers. Pure.
 *
 * Evaluation is exact for lexemes, AND, OR and NOT. A phrase (<-> or <N>) needs word positions,
 * which the sets do not hold: unless its documents are given (found by the database once, see
 * term-match.ts), it evaluates to a superset (the documents holding every word of the phrase),
 * marked inexact.
 */
import { Bits } from './bits.js';

export type TsNode =
  | { op: 'lexeme'; lexeme: string; prefix: boolean; weights: string }
  | { op: 'not'; arg: TsNode }
  | { op: 'and' | 'or'; left: TsNode; right: TsNode }
  | { op: 'phrase'; distance: number; left: TsNode; right: TsNode };

/** Binding strength of the binary operators (PostgreSQL: <-> above & above |). */
const PRIORITY = { or: 1, and: 2, phrase: 3 } as const;

/**
 * Parse tsquery text. Throws on text PostgreSQL would not print (the caller then lets the
 * database do the whole match).
 */
export function parseTsQuery(text: string): TsNode {
  let i = 0;
  const skip = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const fail = (what: string): never => {
    throw new Error(`tsquery: ${what} at ${i}`);
  };

  const operand = (): TsNode => {
    skip();
    const c = text[i];
    if (c === '!') {
      i++;
      return { op: 'not', arg: operand() };
    }
    if (c === '(') {
      i++;
      const inner = expression(0);
      skip();
      if (text[i] !== ')') fail('expected )');
      i++;
      return inner;
    }
    if (c !== "'") fail('expected a quoted lexeme');
    i++;
    let lexeme = '';
    for (;;) {
      if (i >= text.length) fail('unterminated lexeme');
      const ch = text[i]!;
      if (ch === '\\' && i + 1 < text.length) {
        lexeme += text[i + 1]!;
        i += 2;
      } else if (ch === "'") {
        if (text[i + 1] === "'") {
          lexeme += "'";
          i += 2;
        } else {
          i++;
          break;
        }
      } else {
        lexeme += ch;
        i++;
      }
    }
    let prefix = false;
    let weights = '';
    if (text[i] === ':') {
      i++;
      while (i < text.length && /[*a-dA-D]/.test(text[i]!)) {
        if (text[i] === '*') prefix = true;
        else weights += text[i]!.toUpperCase();
        i++;
      }
    }
    return { op: 'lexeme', lexeme, prefix, weights };
  };

  /** Binary operator at the current position, without consuming it. */
  const peekOperator = (): { kind: 'and' | 'or' | 'phrase'; distance: number; length: number } | undefined => {
    skip();
    const c = text[i];
    if (c === '&') return { kind: 'and', distance: 0, length: 1 };
    if (c === '|') return { kind: 'or', distance: 0, length: 1 };
    if (c === '<') {
      const m = /^<(-|\d+)>/.exec(text.slice(i, i + 8));
      if (!m) fail('malformed phrase operator');
      return { kind: 'phrase', distance: m![1] === '-' ? 1 : Number(m![1]), length: m![0].length };
    }
    return undefined;
  };

  const expression = (minPriority: number): TsNode => {
    let left = operand();
    for (;;) {
      const op = peekOperator();
      if (!op || PRIORITY[op.kind] < minPriority) return left;
      i += op.length;
      // Left-associative: the right side binds only stronger operators.
      const right = expression(PRIORITY[op.kind] + 1);
      left = op.kind === 'phrase' ? { op: 'phrase', distance: op.distance, left, right } : { op: op.kind, left, right };
    }
  };

  const tree = expression(0);
  skip();
  if (i < text.length) fail('unexpected text');
  return tree;
}

/** The distinct plain lexemes of a tree (no prefix or weight restriction), in order of appearance. */
export function lexemesOf(node: TsNode): string[] {
  const out = new Set<string>();
  const walk = (n: TsNode) => {
    if (n.op === 'lexeme') out.add(n.lexeme);
    else if (n.op === 'not') walk(n.arg);
    else {
      walk(n.left);
      walk(n.right);
    }
  };
  walk(node);
  return [...out];
}

/** True when every lexeme of the tree is plain (a prefix or weight restriction needs the database). */
export function onlyPlainLexemes(node: TsNode): boolean {
  if (node.op === 'lexeme') return !node.prefix && !node.weights;
  if (node.op === 'not') return onlyPlainLexemes(node.arg);
  return onlyPlainLexemes(node.left) && onlyPlainLexemes(node.right);
}

/** The outermost phrases of a tree (those not inside another phrase), in order of appearance. */
export function phrasesOf(node: TsNode): TsNode[] {
  if (node.op === 'phrase') return [node];
  if (node.op === 'lexeme') return [];
  if (node.op === 'not') return phrasesOf(node.arg);
  return [...phrasesOf(node.left), ...phrasesOf(node.right)];
}

/** A tree as tsquery text (every binary node parenthesised); parseTsQuery reads it back. */
export function printTsQuery(n: TsNode): string {
  switch (n.op) {
    case 'lexeme':
      return quoteLexeme(n.lexeme) + (n.prefix || n.weights ? `:${n.prefix ? '*' : ''}${n.weights}` : '');
    case 'not':
      return `!${printTsQuery(n.arg)}`;
    case 'phrase':
      return `(${printTsQuery(n.left)} ${n.distance === 1 ? '<->' : `<${n.distance}>`} ${printTsQuery(n.right)})`;
    default:
      return `(${printTsQuery(n.left)} ${n.op === 'and' ? '&' : '|'} ${printTsQuery(n.right)})`;
  }
}

/** A lexeme as a tsquery operand (the inverse of the parser's unquoting). */
export function quoteLexeme(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/**
 * The documents matching the tree, given the documents of each lexeme, every document
 * (`universe`) and the documents of outermost phrases where known (`phrases`). `exact` is false
 * when a phrase not given made it a superset.
 */
export function evaluate(
  node: TsNode,
  postings: (lexeme: string) => Bits,
  universe: Bits,
  inPhrase = false,
  phrases?: ReadonlyMap<TsNode, Bits>,
): { bits: Bits; exact: boolean } {
  const known = inPhrase ? undefined : phrases?.get(node);
  if (known) return { bits: known, exact: true };
  switch (node.op) {
    case 'lexeme':
      return { bits: postings(node.lexeme), exact: true };
    case 'not': {
      // In a phrase, "!a <-> b" matches a document holding a elsewhere; and the complement of a
      // superset is no superset of the complement: in both cases anything may match.
      if (inPhrase) return { bits: universe, exact: false };
      const arg = evaluate(node.arg, postings, universe, false, phrases);
      return arg.exact ? { bits: universe.andNot(arg.bits), exact: true } : { bits: universe, exact: false };
    }
    case 'and':
    case 'phrase': {
      const nested = inPhrase || node.op === 'phrase';
      const a = evaluate(node.left, postings, universe, nested, phrases);
      const b = evaluate(node.right, postings, universe, nested, phrases);
      return { bits: a.bits.and(b.bits), exact: !nested && a.exact && b.exact };
    }
    case 'or': {
      const a = evaluate(node.left, postings, universe, inPhrase, phrases);
      const b = evaluate(node.right, postings, universe, inPhrase, phrases);
      return { bits: a.bits.or(b.bits), exact: !inPhrase && a.exact && b.exact };
    }
  }
}
