/**
 * Trigger conditions of response rules, e.g. `complaints_7d > 500 or attention.fridge > 6 and day >= 3`.
 *
 * A condition is parsed once with mathjs and its tree is checked against an allow-list before it is
 * compiled, so a scenario file can never reach `import`, `createUnit`, `evaluate`, assignments or units.
 * Allowed: numbers and booleans; the engine's known names; `object.key` (or `object["key-with-dash"]`)
 * for per-incident tables; comparisons (also chained, `1 < x < 3`); and, or, not, xor; + − * / ^ and unary
 * minus; `c ? a : b`; parentheses; and the functions abs, min, max, sqrt, log, exp, round, floor, ceil.
 * Unknown names are rejected at compile time with a did-you-mean.
 */
import {
  absDependencies,
  addDependencies,
  andDependencies,
  ceilDependencies,
  create,
  divideDependencies,
  equalDependencies,
  expDependencies,
  floorDependencies,
  largerDependencies,
  largerEqDependencies,
  logDependencies,
  type MathJsInstance,
  maxDependencies,
  minDependencies,
  multiplyDependencies,
  notDependencies,
  orDependencies,
  parseDependencies,
  powDependencies,
  roundDependencies,
  smallerDependencies,
  smallerEqDependencies,
  sqrtDependencies,
  subtractDependencies,
  unaryMinusDependencies,
  unaryPlusDependencies,
  unequalDependencies,
  xorDependencies,
} from 'mathjs/number';
import { didYouMean } from './didYouMean';

export interface ConditionSymbols {
  /** Plain names, e.g. `day`, `complaints_7d`. */
  names: string[];
  /** Tables keyed by id, e.g. `{ attention: ['fridge', 'su7'] }` allows `attention.fridge`. */
  objects: Record<string, string[]>;
}

export type CompiledCondition = {
  ok: true;
  /** True when the condition holds; a number counts as true when it is non-zero (NaN is false). */
  evaluate: (scope: Record<string, unknown>) => boolean;
  /** The names and `object.key` entries the condition reads, sorted. */
  symbols: string[];
};

export type ConditionError = {
  ok: false;
  message: string;
  /** 0-based index of the offending character in the expression. */
  offset: number;
  hint?: string;
};

export const ALLOWED_FUNCTIONS: readonly string[] = [
  'abs',
  'min',
  'max',
  'sqrt',
  'log',
  'exp',
  'round',
  'floor',
  'ceil',
];

const COMPARISONS = new Set(['==', '!=', '<', '>', '<=', '>=']);
const LOGICAL = new Set(['and', 'or', 'xor', 'not']);
const ARITHMETIC_BINARY = new Set(['+', '-', '*', '/', '^']);

/** Hints for operators people type from other languages. */
const OPERATOR_HINTS: Record<string, string> = {
  '!': 'use `not x` for negation (in mathjs `x!` is the factorial)',
  '&': 'use `and`',
  '|': 'use `or`',
  '%': 'the remainder is not available in conditions',
  mod: 'the remainder is not available in conditions',
  to: 'unit conversion is not available in conditions',
  in: 'unit conversion is not available in conditions',
  "'": 'transpose is not available; strings and quotes are not allowed',
};

const MAX_LENGTH = 2000;

let instance: MathJsInstance | undefined;

/**
 * A private, minimal mathjs instance: the parser plus exactly the operators and functions the allow-list
 * admits, so nothing a parsed string could use to escape (`import`, `evaluate`, `createUnit`, …) even exists
 * in it (defence in depth behind the allow-list). `predictable` keeps sqrt/log of negatives real (NaN).
 * Importing only these factories also lets the bundler leave the rest of mathjs out, which keeps start-up
 * (and every worker thread's) fast: `create(all)` costs about 0.3 s to load.
 */
function math(): MathJsInstance {
  if (instance) return instance;
  instance = create(
    {
      parseDependencies,
      // Operators (OperatorNode and RelationalNode compile to these by name).
      addDependencies,
      subtractDependencies,
      multiplyDependencies,
      divideDependencies,
      powDependencies,
      unaryMinusDependencies,
      unaryPlusDependencies,
      andDependencies,
      orDependencies,
      xorDependencies,
      notDependencies,
      equalDependencies,
      unequalDependencies,
      smallerDependencies,
      largerDependencies,
      smallerEqDependencies,
      largerEqDependencies,
      // ALLOWED_FUNCTIONS.
      absDependencies,
      minDependencies,
      maxDependencies,
      sqrtDependencies,
      logDependencies,
      expDependencies,
      roundDependencies,
      floorDependencies,
      ceilDependencies,
    },
    { predictable: true },
  );
  return instance;
}

function mathParse(expr: string): MathNode {
  return math().parse(expr) as unknown as MathNode;
}

/** The fields of mathjs nodes this module reads. */
interface MathNode {
  type: string;
  name?: string;
  op?: string;
  fn?: string | MathNode;
  implicit?: boolean;
  args?: MathNode[];
  value?: unknown;
  object?: MathNode;
  index?: MathNode;
  dimensions?: MathNode[];
  dotNotation?: boolean;
  content?: MathNode;
  condition?: MathNode;
  trueExpr?: MathNode;
  falseExpr?: MathNode;
  conditionals?: string[];
  params?: MathNode[];
  items?: MathNode[];
  properties?: Record<string, MathNode>;
  blocks?: { node: MathNode }[];
  start?: MathNode;
  end?: MathNode;
  step?: MathNode;
  expr?: MathNode;
  compile(): { evaluate(scope?: unknown): unknown };
}

// ---------------------------------------------------------------------------------------------------------
// A small lexer, only to find where a node of the tree sits in the source (mathjs nodes carry no positions).

type TokenKind = 'ident' | 'number' | 'string' | 'op';
interface Token {
  kind: TokenKind;
  text: string;
  offset: number;
}

const OPERATORS = [
  '>>>',
  '<<',
  '>>',
  '==',
  '!=',
  '<=',
  '>=',
  '.*',
  './',
  '.^',
  ".'",
  '^|',
  '&&',
  '||',
  '+',
  '-',
  '*',
  '/',
  '^',
  '%',
  '!',
  '&',
  '|',
  '~',
  "'",
  '=',
  ':',
  '?',
  '<',
  '>',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ',',
  ';',
  '.',
];

function isIdentStart(c: string): boolean {
  return /[\p{L}_$]/u.test(c);
}
function isIdentPart(c: string): boolean {
  return /[\p{L}\p{N}_$]/u.test(c);
}

export function lexCondition(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const valueBefore = () => {
    const t = tokens[tokens.length - 1];
    return !!t && (t.kind !== 'op' || t.text === ')' || t.text === ']' || t.text === "'");
  };
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '\n') {
      tokens.push({ kind: 'op', text: '\n', offset: i });
      i++;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^(0[xXbBoO][0-9a-fA-F]+|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)/.exec(src.slice(i, i + 400));
      const text = m ? m[0] : c;
      tokens.push({ kind: 'number', text, offset: i });
      i += text.length;
      continue;
    }
    if (isIdentStart(c)) {
      let j = i + 1;
      while (j < src.length && isIdentPart(src[j]!)) j++;
      tokens.push({ kind: 'ident', text: src.slice(i, j), offset: i });
      i = j;
      continue;
    }
    if (c === '"' || (c === "'" && !valueBefore())) {
      let j = i + 1;
      while (j < src.length && src[j] !== c) j += src[j] === '\\' ? 2 : 1;
      tokens.push({ kind: 'string', text: src.slice(i, j + 1), offset: i });
      i = j + 1;
      continue;
    }
    const op = OPERATORS.find((o) => src.startsWith(o, i));
    const text = op ?? c;
    tokens.push({ kind: 'op', text, offset: i });
    i += text.length;
  }
  return tokens;
}

/** What to look for in the token list for a node: a token kind, optionally with its exact text. */
interface Anchor {
  kind: TokenKind;
  text?: string;
  node: MathNode;
}

/** Owner of tokens that locate no node of their own (the dot of `object.key`). */
const PUNCTUATION = { type: 'Punctuation' } as MathNode;

/** The tokens of a tree in source order (as far as the tree tells). */
function anchorsOf(root: MathNode): Anchor[] {
  const out: Anchor[] = [];
  const stack: (MathNode | Anchor)[] = [root];
  // Iterative, so a deeply nested expression cannot overflow the stack (mathjs' own parser limits it anyway).
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (!('type' in item)) {
      out.push(item);
      continue;
    }
    const n = item;
    const todo: (MathNode | Anchor)[] = [];
    const tok = (kind: TokenKind, text?: string): Anchor =>
      text === undefined ? { kind, node: n } : { kind, text, node: n };
    switch (n.type) {
      case 'SymbolNode':
        todo.push(tok('ident', n.name));
        break;
      case 'ConstantNode':
        if (typeof n.value === 'string') todo.push(tok('string'));
        else if (typeof n.value === 'number') todo.push(tok('number'));
        else if (n.value !== undefined) todo.push(tok('ident', String(n.value)));
        break;
      case 'OperatorNode': {
        const args = n.args ?? [];
        const text = n.op ?? '';
        if (args.length === 1) {
          if (text === '!' || text === "'") todo.push(args[0]!, tok('op', text));
          else todo.push(tok(/^[a-z]+$/.test(text) ? 'ident' : 'op', text), args[0]!);
        } else if (n.implicit) {
          todo.push(args[0]!, args[1]!);
        } else {
          args.forEach((a, k) => {
            if (k > 0) todo.push(tok(/^[a-z]+$/.test(text) ? 'ident' : 'op', text));
            todo.push(a);
          });
        }
        break;
      }
      case 'RelationalNode':
        (n.params ?? []).forEach((p, k) => {
          if (k > 0) todo.push(tok('op', relationalText(n.conditionals?.[k - 1])));
          todo.push(p);
        });
        break;
      case 'ParenthesisNode':
        todo.push(tok('op', '('), n.content!, tok('op', ')'));
        break;
      case 'ConditionalNode':
        todo.push(n.condition!, tok('op', '?'), n.trueExpr!, tok('op', ':'), n.falseExpr!);
        break;
      case 'FunctionNode': {
        const fn = n.fn as MathNode;
        if (fn && fn.type !== 'SymbolNode') todo.push(fn);
        else todo.push(tok('ident', fn?.name ?? n.name));
        todo.push(tok('op', '('));
        (n.args ?? []).forEach((a, k) => {
          if (k > 0) todo.push(tok('op', ','));
          todo.push(a);
        });
        todo.push(tok('op', ')'));
        break;
      }
      case 'AccessorNode': {
        todo.push(n.object!);
        const index = n.index;
        if (index?.dotNotation) todo.push({ kind: 'op', text: '.', node: PUNCTUATION }, tok('ident', n.name));
        else {
          todo.push(tok('op', '['));
          for (const d of index?.dimensions ?? []) todo.push(d);
          todo.push(tok('op', ']'));
        }
        break;
      }
      case 'IndexNode':
        for (const d of n.dimensions ?? []) todo.push(d);
        break;
      case 'AssignmentNode':
        todo.push(n.object!, tok('op', '='), n.value as MathNode);
        break;
      case 'FunctionAssignmentNode':
        todo.push(tok('ident', n.name), tok('op', '('), tok('op', ')'), tok('op', '='), n.expr!);
        break;
      case 'ArrayNode':
        todo.push(tok('op', '['), ...(n.items ?? []), tok('op', ']'));
        break;
      case 'ObjectNode':
        todo.push(tok('op', '{'), ...Object.values(n.properties ?? {}), tok('op', '}'));
        break;
      case 'RangeNode':
        todo.push(n.start!, tok('op', ':'));
        if (n.step) todo.push(n.step, tok('op', ':'));
        todo.push(n.end!);
        break;
      case 'BlockNode':
        (n.blocks ?? []).forEach((b, k) => {
          if (k > 0) todo.push(tok('op'));
          todo.push(b.node);
        });
        break;
      default:
        break;
    }
    for (let k = todo.length - 1; k >= 0; k--) {
      const t = todo[k];
      if (t) stack.push(t);
    }
  }
  return out;
}

function relationalText(fn: string | undefined): string {
  switch (fn) {
    case 'smaller':
      return '<';
    case 'larger':
      return '>';
    case 'smallerEq':
      return '<=';
    case 'largerEq':
      return '>=';
    case 'equal':
      return '==';
    case 'unequal':
      return '!=';
    default:
      return '';
  }
}

/** Offsets of nodes: greedy in-order matching of the tree's anchors against the tokens. */
function locateNodes(src: string, root: MathNode): Map<MathNode, number> {
  const tokens = lexCondition(src);
  const anchors = anchorsOf(root);
  const where = new Map<MathNode, number>();
  let cursor = 0;
  for (const a of anchors) {
    let k = cursor;
    while (k < tokens.length) {
      const t = tokens[k]!;
      if (t.kind === a.kind && (a.text === undefined || t.text === a.text)) break;
      k++;
    }
    if (k < tokens.length) {
      if (!where.has(a.node)) where.set(a.node, tokens[k]!.offset);
      cursor = k + 1;
    }
  }
  // Nodes without a token of their own (implicit multiplication) take their right operand's place.
  return where;
}

// ---------------------------------------------------------------------------------------------------------

interface TreeProblem {
  node: MathNode;
  message: string;
  hint?: string;
  /** Locate at this node instead (e.g. the right operand of an implicit multiplication). */
  at?: MathNode;
}

function firstLeaf(n: MathNode): MathNode {
  let cur = n;
  for (let guard = 0; guard < 10_000; guard++) {
    if (cur.type === 'OperatorNode' && cur.args && cur.args.length === 2) cur = cur.args[0]!;
    else if (cur.type === 'AccessorNode' && cur.object) cur = cur.object;
    else if (cur.type === 'ConditionalNode' && cur.condition) cur = cur.condition;
    else if (cur.type === 'RelationalNode' && cur.params?.[0]) cur = cur.params[0];
    else break;
  }
  return cur;
}

/** Push so that the leftmost node is checked first: the first problem reported is the first in the text. */
function pushInOrder(stack: MathNode[], nodes: MathNode[]): void {
  for (let k = nodes.length - 1; k >= 0; k--) stack.push(nodes[k]!);
}

function checkTree(root: MathNode, known: ConditionSymbols, used: Set<string>): TreeProblem | undefined {
  const names = new Set(known.names);
  const objectNames = Object.keys(known.objects);
  const qualified = objectNames.flatMap((o) => (known.objects[o] ?? []).map((k) => `${o}.${k}`));
  const allCandidates = [...known.names, ...qualified];

  const stack: MathNode[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    switch (n.type) {
      case 'ConstantNode': {
        const v = n.value;
        if (typeof v === 'number') {
          if (!Number.isFinite(v)) return { node: n, message: 'numbers must be finite' };
        } else if (typeof v === 'boolean') {
          // fine
        } else if (typeof v === 'string') {
          return {
            node: n,
            message: 'strings are not allowed in a condition',
            hint: 'compare numbers, e.g. `complaints_7d > 500`',
          };
        } else if (v === undefined) {
          return { node: n, message: 'the condition is empty', hint: 'e.g. `complaints_7d > 500`' };
        } else {
          return { node: n, message: `${String(v)} is not allowed in a condition` };
        }
        break;
      }
      case 'SymbolNode': {
        const name = n.name ?? '';
        if (names.has(name)) {
          used.add(name);
          break;
        }
        if (Object.hasOwn(known.objects, name)) {
          const keys = known.objects[name] ?? [];
          return {
            node: n,
            message: `\`${name}\` is a table by id; pick an entry`,
            hint:
              keys.length > 0
                ? `write \`${name}.${keys[0]}\``
                : `there are no ids for \`${name}\` in this scenario`,
          };
        }
        return unknownSymbol(n, name, known, allCandidates);
      }
      case 'AccessorNode': {
        const obj = n.object!;
        const index = n.index;
        const dims = index?.dimensions ?? [];
        const key = dims.length === 1 && dims[0]!.type === 'ConstantNode' ? dims[0]!.value : undefined;
        if (obj.type !== 'SymbolNode' || typeof key !== 'string') {
          if (obj.type !== 'SymbolNode') {
            return {
              node: n,
              message: 'only one level of `object.key` is allowed',
              hint: 'e.g. `attention.fridge`',
            };
          }
          return {
            node: n,
            message: 'index with a name: `object.key` or `object["key"]`',
            hint: 'numeric indices and ranges are not allowed',
          };
        }
        const objName = obj.name ?? '';
        const keys = known.objects[objName];
        if (!keys) {
          if (names.has(objName)) {
            return {
              node: obj,
              message: `\`${objName}\` is a number, not a table by id`,
              hint: `write \`${objName}\``,
            };
          }
          const full = `${objName}.${key}`;
          const guess = didYouMean(full, [...qualified, ...objectNames.map((o) => `${o}.${key}`)]);
          return {
            node: obj,
            message: `unknown table \`${objName}\``,
            hint: guess
              ? `did you mean \`${guess}\`?`
              : `tables: ${objectNames.map((o) => `${o}.<id>`).join(', ') || '(none)'}`,
          };
        }
        if (!keys.includes(key)) {
          const dashed = keys.find((k) => k.startsWith(`${key}-`));
          if (dashed) {
            return {
              node: n,
              message: `unknown id "${key}" in \`${objName}\``,
              hint: `ids with "-" need brackets: write \`${objName}["${dashed}"]\``,
            };
          }
          const guess = didYouMean(key, keys);
          return {
            node: n,
            message: `unknown id "${key}" in \`${objName}\``,
            hint: guess
              ? `did you mean \`${accessText(objName, guess)}\`?`
              : keys.length > 0
                ? `ids: ${keys.join(', ')}`
                : 'the scenario defines no incidents',
          };
        }
        used.add(`${objName}.${key}`);
        break;
      }
      case 'OperatorNode': {
        const op = n.op ?? '';
        const args = n.args ?? [];
        if (n.implicit) {
          return {
            node: n,
            at: firstLeaf(args[1]!),
            message: 'missing operator between two values',
            hint: 'write `a * b`, or check for a stray word or a unit',
          };
        }
        const ok =
          COMPARISONS.has(op) ||
          LOGICAL.has(op) ||
          (ARITHMETIC_BINARY.has(op) && args.length === 2) ||
          (op === '-' && args.length === 1) ||
          (op === '+' && args.length === 1);
        if (!ok) {
          return {
            node: n,
            message: `operator \`${op}\` is not allowed in a condition`,
            hint: OPERATOR_HINTS[op],
          };
        }
        pushInOrder(stack, args);
        break;
      }
      case 'RelationalNode':
        pushInOrder(stack, n.params ?? []);
        break;
      case 'ParenthesisNode':
        stack.push(n.content!);
        break;
      case 'ConditionalNode':
        pushInOrder(stack, [n.condition!, n.trueExpr!, n.falseExpr!]);
        break;
      case 'FunctionNode': {
        const fn = n.fn as MathNode | undefined;
        const name = fn?.type === 'SymbolNode' ? (fn.name ?? '') : '';
        if (!ALLOWED_FUNCTIONS.includes(name)) {
          const guess = name ? didYouMean(name, ALLOWED_FUNCTIONS) : undefined;
          return {
            node: fn?.type === 'SymbolNode' ? fn : n,
            message: name
              ? `function \`${name}\` is not allowed in a condition`
              : 'only named functions can be called',
            hint: guess ? `did you mean \`${guess}\`?` : `allowed functions: ${ALLOWED_FUNCTIONS.join(', ')}`,
          };
        }
        if ((n.args ?? []).length === 0) {
          return { node: fn ?? n, message: `\`${name}()\` needs an argument` };
        }
        pushInOrder(stack, n.args ?? []);
        break;
      }
      case 'AssignmentNode':
        return { node: n, message: 'assignment is not allowed in a condition', hint: 'use `==` to compare' };
      case 'FunctionAssignmentNode':
        return { node: n, message: 'function definitions are not allowed in a condition' };
      case 'ArrayNode':
        return { node: n, message: 'matrices and lists are not allowed in a condition' };
      case 'ObjectNode':
        return { node: n, message: 'objects are not allowed in a condition' };
      case 'RangeNode':
        return { node: n, message: 'ranges (`a:b`) are not allowed in a condition' };
      case 'BlockNode':
        return {
          node: n,
          message: 'a condition is a single expression',
          hint: 'join parts with `and` / `or` instead of `;` or a new line',
        };
      default:
        return { node: n, message: `${n.type} is not allowed in a condition` };
    }
  }
  return undefined;
}

function accessText(obj: string, key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `${obj}.${key}` : `${obj}["${key}"]`;
}

function unknownSymbol(
  n: MathNode,
  name: string,
  known: ConditionSymbols,
  candidates: string[],
): TreeProblem {
  // `attention.fridge-recall` parses as `attention.fridge - recall`: ids with "-" need brackets.
  for (const [obj, keys] of Object.entries(known.objects)) {
    const dashed = keys.find((k) => k.includes('-') && k.endsWith(`-${name}`));
    if (dashed) {
      return {
        node: n,
        message: `unknown name \`${name}\``,
        hint: `ids with "-" need brackets: write \`${obj}["${dashed}"]\``,
      };
    }
  }
  const guess = didYouMean(name, candidates);
  return {
    node: n,
    message: `unknown name \`${name}\``,
    hint: guess
      ? `did you mean \`${guess}\`?`
      : `known names: ${known.names.join(', ')}${
          Object.keys(known.objects).length
            ? `; tables: ${Object.keys(known.objects)
                .map((o) => `${o}.<id>`)
                .join(', ')}`
            : ''
        }`,
  };
}

function parseErrorHint(expr: string, offset: number): string | undefined {
  if (/[\u201c\u201d\u2018\u2019]/.test(expr)) {
    return 'curly quotes “ ” ‘ ’ are not allowed: to quote the whole trigger in YAML, use straight quotes "…"';
  }
  const around = expr.slice(Math.max(0, offset - 2), offset + 2);
  if (around.includes('&&') || expr.includes('&&')) return 'use `and` instead of `&&`';
  if (around.includes('||') || expr.includes('||')) return 'use `or` instead of `||`';
  if (/(^|[^=!<>])!(?!=)/.test(expr)) return 'use `not x` for negation';
  if (/(^|[^=!<>])=>/.test(expr)) return 'use `>=`';
  if (/=</.test(expr)) return 'use `<=`';
  return undefined;
}

/** Parse and check a condition against the known symbols, then compile it once. Never throws. */
export function compileCondition(
  expr: string,
  knownSymbols: ConditionSymbols,
): CompiledCondition | ConditionError {
  if (typeof expr !== 'string') return { ok: false, message: 'a condition must be a string', offset: 0 };
  if (expr.length > MAX_LENGTH) {
    return {
      ok: false,
      message: `the condition is too long (${expr.length} characters; at most ${MAX_LENGTH})`,
      offset: MAX_LENGTH,
    };
  }
  // Line breaks are spaces (triggers may span lines in a YAML block scalar); comments end at the line's
  // end. Both keep every character's offset.
  const source = expr.replace(/#[^\n]*/g, (m) => ' '.repeat(m.length)).replace(/[\r\n]/g, ' ');
  let root: MathNode;
  try {
    root = mathParse(source);
  } catch (e) {
    const raw = e instanceof Error ? e.message : String(e);
    const m = /\(char (\d+)\)/.exec(raw);
    let offset = m ? Math.max(0, Math.min(expr.length, Number(m[1]) - 1)) : 0;
    // mathjs reads `&&` as two bitwise ands and stops at the second: point at the pair.
    const pair = expr.slice(Math.max(0, offset - 1), offset + 1);
    if ((pair === '&&' || pair === '||') && offset > 0) offset -= 1;
    const message = raw.replace(/\s*\(char \d+\)/, '').trim() || 'syntax error';
    return {
      ok: false,
      message: `syntax error: ${lowerFirst(message)}`,
      offset,
      hint: parseErrorHint(expr, offset),
    };
  }
  const used = new Set<string>();
  let problem: TreeProblem | undefined;
  try {
    problem = checkTree(root, knownSymbols, used);
  } catch (e) {
    problem = {
      node: root,
      message: `cannot check the condition: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
  if (problem) {
    const where = locateNodes(source, root);
    const target = problem.at ?? problem.node;
    const offset = where.get(target) ?? where.get(problem.node) ?? firstNonSpace(source);
    return problem.hint
      ? { ok: false, message: problem.message, offset, hint: problem.hint }
      : { ok: false, message: problem.message, offset };
  }
  let code: { evaluate(scope?: unknown): unknown };
  try {
    code = root.compile();
  } catch (e) {
    return { ok: false, message: `cannot compile: ${e instanceof Error ? e.message : String(e)}`, offset: 0 };
  }
  const evaluate = (scope: Record<string, unknown>): boolean => {
    let v: unknown;
    try {
      v = code.evaluate(scope);
    } catch (e) {
      throw new Error(`trigger "${expr}": ${e instanceof Error ? e.message : String(e)}`);
    }
    if (typeof v === 'boolean') return v;
    if (typeof v === 'number') return v !== 0 && !Number.isNaN(v);
    throw new Error(`trigger "${expr}" did not give true/false or a number`);
  };
  return { ok: true, evaluate, symbols: [...used].sort() };
}

function firstNonSpace(s: string): number {
  const m = /\S/.exec(s);
  return m ? m.index : 0;
}

function lowerFirst(s: string): string {
  return s.length > 0 ? s[0]!.toLowerCase() + s.slice(1) : s;
}
