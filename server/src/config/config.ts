import { createScanner, findNodeAtLocation, Node as JsonNode, parseTree, ParseError, printParseErrorCode, SyntaxKind } from 'jsonc-parser';
import { z } from 'zod';
import { Severity } from '../base/diagnostic';
import { nearest } from '../base/did-you-mean';
import { Span } from '../base/span';

/*
 * `.outcomelintrc.json`: which rules run, at what severity, with what options.
 *
 *   {
 *     "rules": {
 *       "monetisation/intangible-paid": "off",
 *       "perverse-incentive/prime-top-slice": { "severity": "error", "maximumFee": 10 }
 *     }
 *   }
 *
 * The file is data: parsed as JSON (comments allowed), checked with zod, never run.
 */

export type Level = Severity | 'off';

/** What settings need of a rule: its id, its summary (for the schema) and the schema of its options. */
export interface ConfigurableRule {
  readonly meta: { readonly id: string; readonly summary: string; readonly options?: z.ZodType<unknown> };
}

export const LEVELS = ['off', 'info', 'warning', 'error'] as const;

export interface RuleSetting {
  /** Undefined when the user set only options: the rule keeps its own severity. */
  readonly level: Level | undefined;
  readonly options: unknown;
}

export interface Config {
  /** Settings by rule id; a rule not listed runs at its default severity and options. */
  readonly rules: ReadonlyMap<string, RuleSetting>;
  /** Files and folders to leave out, as `.gitignore` patterns relative to the settings file's folder. */
  readonly ignores: readonly string[];
}

export const defaultConfig: Config = { rules: new Map(), ignores: [] };

export interface ConfigError {
  readonly message: string;
  /** Where in the config file's text. */
  readonly span: Span;
}

const level = z.enum(LEVELS, { error: (issue) => `\`${String(issue.input)}\` is not a severity: use off, info, warning or error` });

/** Whether a `.gitignore` pattern reaches above its folder (`../x`), where it could match nothing. */
export function reachesAbove(pattern: string): boolean {
  return /(^|\/)\.\.(\/|$)/.test(pattern.replace(/^!/, ''));
}

const extendsName = z.string().min(1, 'give a path such as "./base.json" or a package name');

/** A settings file named by `extends`, and where the name is in the text (for a message about it). */
export interface ExtendsName {
  readonly name: string;
  readonly span: Span;
}

/** A `.gitignore` pattern that stays inside the settings file's folder. */
const ignorePattern = z
  .string()
  .min(1, 'give a pattern, such as "drafts/"')
  .refine((p) => !reachesAbove(p), 'a pattern is relative to the folder of the settings file, and cannot reach above it with `..`');

/** The zod schema of the config file, built from the rules' own option schemas. */
export function configSchema(rules: readonly ConfigurableRule[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const rule of rules) {
    const options = rule.meta.options instanceof z.ZodObject ? rule.meta.options.shape : {};
    shape[rule.meta.id] = z
      .union([level, z.strictObject({ severity: level.optional(), ...options })])
      .describe(rule.meta.summary)
      .optional();
  }
  return z.strictObject({
    $schema: z.string().optional().describe('The JSON Schema of this file, for editors.'),
    rules: z.strictObject(shape).optional().describe('Rule ids, each with a severity or a setting object.'),
    extends: z
      .union([extendsName, z.array(extendsName)])
      .optional()
      .describe('Settings to start from: a JSON file by its path relative to this one (`./shared/base.json`), or a package in a node_modules folder by its name (`@acme/outcome-settings`, `@acme/outcome-settings/strict.json`). This file\'s settings apply over them.'),
    ignores: z
      .array(ignorePattern)
      .optional()
      .describe('Files and folders to leave out, as in a .gitignore (`drafts/`, `*.old.outcome`, `!keep.outcome`), relative to the folder of this file.'),
  });
}

function spanOf(node: JsonNode | undefined): Span {
  return node ? { start: node.offset, end: node.offset + node.length } : { start: 0, end: 0 };
}

/** Reads a config file's text. Every problem comes back with its place in the text. */
export function parseConfig(text: string, rules: readonly ConfigurableRule[]): { config: Config; extends: ExtendsName[] } | { errors: ConfigError[] } {
  if (text.trim().length === 0) {
    return { errors: [{ message: 'the file is empty: it should hold a JSON object such as { "rules": {} }', span: { start: 0, end: 0 } }] };
  }
  const deep = tooDeep(text);
  if (deep) {
    return { errors: [{ message: `this is nested more than ${MAX_NESTING} deep: a settings file needs no more than four levels of \`{\` and \`[\``, span: deep }] };
  }
  const syntaxErrors: ParseError[] = [];
  const tree = parseTree(text, syntaxErrors, { allowTrailingComma: true, disallowComments: false });
  if (syntaxErrors.length > 0 || !tree) {
    // The first syntax error explains the rest, which follow from it.
    const errors = syntaxErrors.slice(0, 1).map((e) => ({
      message: `this is not valid JSON: ${jsonProblem(printParseErrorCode(e.error))}`,
      span: { start: e.offset, end: e.offset + Math.max(1, e.length) },
    }));
    return { errors };
  }
  const value: unknown = JSON.parse(JSON.stringify(nodeValue(tree)));
  const result = configSchema(rules).safeParse(value);
  if (!result.success) {
    const known = rules.map((r) => r.meta.id);
    return {
      errors: result.error.issues.flatMap((issue) => unwrapUnion(issue, value)).map((issue) => {
        const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
        if (issue.code === 'unrecognized_keys') {
          const key = issue.keys[0];
          const node = findNodeAtLocation(tree, path)?.children?.find((c) => c.children?.[0]?.value === key)?.children?.[0];
          const where = path.length === 0 ? 'the top level' : `\`${path.join('.')}\``;
          const hint = path[0] === 'rules' && path.length === 1 ? ruleHint(key, known) : '';
          return { message: `\`${key}\` is not a setting of ${where}${hint}`, span: spanOf(node) };
        }
        const node = findNodeAtLocation(tree, path);
        return { message: `${path.length > 0 ? `\`${path.join('.')}\`: ` : ''}${issue.message}`, span: spanOf(node) };
      }),
    };
  }
  const names = result.data.extends === undefined ? [] : typeof result.data.extends === 'string' ? [result.data.extends] : result.data.extends;
  const at = (i: number): Span => spanOf(findNodeAtLocation(tree, typeof result.data.extends === 'string' ? ['extends'] : ['extends', i]));
  return {
    config: { rules: ruleSettings(result.data.rules ?? {}, rules), ignores: result.data.ignores ?? [] },
    extends: names.map((name, i) => ({ name, span: at(i) })),
  };
}

/**
 * A rule's setting is a severity or an object; when it is neither, zod reports that no
 * branch fitted. Report instead what is wrong with the branch the user meant: the
 * severity when they wrote a string, the object's fields when they wrote an object.
 */
function unwrapUnion(issue: z.core.$ZodIssue, root: unknown): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union' || issue.errors.length !== 2) return [issue];
  const input = issue.path.reduce<unknown>((v, key) => (v as Record<PropertyKey, unknown>)?.[key as PropertyKey], root);
  const branch = typeof input === 'string' ? issue.errors[0] : typeof input === 'object' && input !== null ? issue.errors[1] : undefined;
  if (!branch) return [{ ...issue, message: 'give a severity (off, info, warning or error) or an object such as { "severity": "warning" }' }];
  return branch.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }));
}

/**
 * The deepest that `{` and `[` may nest. A settings file is four deep at most
 * (`{ "rules": { "id": { "option": [ … ] } } }`); thousands deep would overflow the stack
 * of the JSON parser and of the checks, so such a text is refused before it is parsed.
 */
const MAX_NESTING = 64;

/** Where `{` and `[` first nest deeper than MAX_NESTING (found by the scanner, which does not recurse); undefined when they never do. */
function tooDeep(text: string): Span | undefined {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) {
      if (++depth > MAX_NESTING) return { start: scanner.getTokenOffset(), end: scanner.getTokenOffset() + 1 };
    } else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) {
      depth--;
    }
  }
  return undefined;
}

function nodeValue(node: JsonNode): unknown {
  switch (node.type) {
    case 'object':
      return Object.fromEntries((node.children ?? []).map((p) => [p.children![0].value as string, p.children![1] ? nodeValue(p.children![1]) : undefined]));
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}

function ruleHint(key: string, known: readonly string[]): string {
  const near = nearestRuleId(key, known);
  return near ? `; did you mean \`${near}\`?` : '; `outcome-lint --list-rules` lists the rules';
}

/**
 * The rule id someone most likely meant by `key`: a few letters from a rule's id, or from
 * the name after its family (`creaming` for `perverse-incentive/creaming`).
 */
export function nearestRuleId(key: string, ids: readonly string[]): string | undefined {
  const name = (id: string): string => id.split('/').pop() ?? id;
  const limit = (): number => 3;
  return (nearest(key, ids, { name: (id) => id, limit }) ?? nearest(name(key), ids, { name, limit }))?.candidate;
}

function jsonProblem(code: string): string {
  const words: Record<string, string> = {
    InvalidSymbol: 'a character that JSON does not allow',
    InvalidNumberFormat: 'a number JSON cannot read',
    PropertyNameExpected: 'a name in double quotes was expected',
    ValueExpected: 'a value was expected',
    ColonExpected: 'a `:` was expected',
    CommaExpected: 'a `,` was expected',
    CloseBraceExpected: 'a `}` was expected',
    CloseBracketExpected: 'a `]` was expected',
    EndOfFileExpected: 'the file should end after its closing `}`',
    UnexpectedEndOfString: 'a string is not closed',
    UnexpectedEndOfComment: 'a comment is not closed',
  };
  return words[code] ?? code;
}

function ruleSettings(settings: Record<string, unknown>, rules: readonly ConfigurableRule[]): Map<string, RuleSetting> {
  const map = new Map<string, RuleSetting>();
  for (const rule of rules) {
    const setting = settings[rule.meta.id];
    if (setting === undefined) continue;
    if (typeof setting === 'string') {
      map.set(rule.meta.id, { level: setting as Level, options: undefined });
    } else {
      const { severity, ...options } = setting as { severity?: Level };
      map.set(rule.meta.id, { level: severity, options });
    }
  }
  return map;
}

/**
 * A rule's settings over those it `extends`: a severity alone keeps the options under it,
 * and options are merged with those under them, one by one.
 */
export function settingsOver(base: ReadonlyMap<string, RuleSetting>, over: ReadonlyMap<string, RuleSetting>): Map<string, RuleSetting> {
  const merged = new Map(base);
  for (const [id, setting] of over) {
    const under = base.get(id);
    const options = under?.options === undefined ? setting.options : { ...(under.options as object), ...(setting.options as object | undefined) };
    merged.set(id, { level: setting.level ?? under?.level, options });
  }
  return merged;
}

/** A rule's options: the user's, completed with the rule's defaults. */
export function optionsFor(rule: ConfigurableRule, setting: RuleSetting | undefined): unknown {
  if (!rule.meta.options) return undefined;
  return rule.meta.options.parse(setting?.options ?? {});
}
