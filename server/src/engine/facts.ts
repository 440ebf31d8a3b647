import * as ast from '../syntax/ast';
import { LineIndex } from '../base/line-index';
import { isSpan, Span } from '../base/span';
import { FileAccess } from '../model/file-access';
import { maximumPayment, MaximumPayment } from '../model/max-payment';
import { Definition, SpecModel } from '../model/model';
import { Edits } from './kit/edits';

/*
 * What rules ask of a spec, worked out once: its blocks, which outcomes are paid, whom
 * each outcome is for. Rules read facts; they do not walk the tree for the same
 * things again.
 */

/** A cohort an outcome is for, with the segment when `for` names one, and the file it is defined in. */
export interface CohortOf {
  readonly cohort: ast.CohortBlock;
  readonly segment?: ast.SegmentBlock;
  readonly uri: string;
}

export class SpecFacts {
  readonly file: ast.FileNode;
  readonly spec: ast.SpecBlock | undefined;
  readonly payment: ast.PaymentBlock | undefined;
  readonly subcontracting: ast.SubcontractingBlock | undefined;
  readonly contingency: ast.ContingencyBlock | undefined;
  readonly finance: ast.FinanceBlock | undefined;
  readonly cohorts: readonly ast.CohortBlock[];
  readonly outcomes: readonly ast.OutcomeBlock[];
  readonly lines: LineIndex;
  /*
   * Worked out once, when a rule first asks. None of these reads a string's value: a
   * fact that did could not be shared, as the engine must know which rule read what.
   */
  private maximum: MaximumPayment | undefined;
  private paysByOutcome: Map<string, ast.PayLine[]> | undefined;
  private readonly cohortsByOutcome = new Map<ast.OutcomeBlock, readonly CohortOf[]>();
  private edit: Edits | undefined;
  private allStrings: readonly PlacedString[] | undefined;

  constructor(
    readonly model: SpecModel,
    readonly text: string,
    readonly access: FileAccess,
  ) {
    this.file = model.file;
    this.spec = this.first('spec');
    this.payment = this.first('payment');
    this.subcontracting = this.first('subcontracting');
    this.contingency = this.first('contingency');
    this.finance = this.first('finance');
    this.cohorts = this.all('cohort');
    this.outcomes = this.all('outcome');
    this.lines = new LineIndex(text);
  }

  /** The first item of a kind (a second is `structure/duplicate-block`'s finding). */
  first<K extends ast.TopLevelItem['kind']>(kind: K): Extract<ast.TopLevelItem, { kind: K }> | undefined {
    return this.file.items.find((i) => i.kind === kind) as Extract<ast.TopLevelItem, { kind: K }> | undefined;
  }

  all<K extends ast.TopLevelItem['kind']>(kind: K): Extract<ast.TopLevelItem, { kind: K }>[] {
    return this.file.items.filter((i) => i.kind === kind) as Extract<ast.TopLevelItem, { kind: K }>[];
  }

  /** `requirement`, `standard`, `involve` and `monitor` lines. */
  textItems(kind: ast.TextItem['kind']): ast.TextItem[] {
    return this.file.items.filter((i): i is ast.TextItem => i.kind === kind);
  }

  /**
   * The payment model: as written, or `results` for a payment block with `pay` lines
   * and no `model` (language.md).
   */
  get paymentModel(): ast.PaymentModel | undefined {
    const written = this.payment?.model?.value?.value;
    if (written) return written;
    return this.payment && this.payment.pays.length > 0 ? 'results' : undefined;
  }

  /** Investors fund delivery: the `finance` block names at least one. */
  get investorsFund(): boolean {
    return (this.finance?.investors.length ?? 0) > 0;
  }

  /** Paid on results, wholly or in part. */
  get paysOnResults(): boolean {
    return this.paymentModel === 'results' || this.paymentModel === 'mixed';
  }

  /** The `pay` lines that name an outcome. */
  paysFor(outcome: ast.OutcomeBlock): ast.PayLine[] {
    const name = outcome.name?.text;
    return name === undefined ? [] : this.paysOf(name);
  }

  /** The `pay` lines that name an outcome id (whether or not one is defined). */
  paysOf(id: string): ast.PayLine[] {
    // Grouped once: rules ask for every outcome, and a scan each time would be quadratic.
    this.paysByOutcome ??= groupPays(this.payment);
    return this.paysByOutcome.get(id) ?? [];
  }

  isPaid(outcome: ast.OutcomeBlock): boolean {
    return this.paysFor(outcome).length > 0;
  }

  /** The outcomes of this file that some `pay` line names. */
  get paidOutcomes(): ast.OutcomeBlock[] {
    return this.outcomes.filter((o) => this.isPaid(o));
  }

  definition(name: ast.Name | undefined): Definition | undefined {
    return name && this.model.definitions.get(name.text);
  }

  /**
   * The cohorts an outcome is for, each with the segment named when `for` names one.
   * Cohorts from used files count too.
   */
  cohortsOf(outcome: ast.OutcomeBlock): readonly CohortOf[] {
    let known = this.cohortsByOutcome.get(outcome);
    if (!known) this.cohortsByOutcome.set(outcome, (known = this.findCohortsOf(outcome)));
    return known;
  }

  private findCohortsOf(outcome: ast.OutcomeBlock): CohortOf[] {
    const result: CohortOf[] = [];
    for (const line of outcome.for) {
      for (const name of line.value ?? []) {
        const d = this.definition(name);
        if (d?.kind === 'cohort') result.push({ cohort: d.node as ast.CohortBlock, uri: d.uri });
        else if (d?.kind === 'segment' && d.cohort) result.push({ cohort: d.cohort, segment: d.node as ast.SegmentBlock, uri: d.uri });
      }
    }
    return result;
  }

  /** The most the spec can pay (computed once). */
  get maximumPayment(): MaximumPayment {
    this.maximum ??= maximumPayment(this.model);
    return this.maximum;
  }

  /**
   * Every string of the file, in text order, each with the field it fills as written
   * (`evidence`, `step in`, `title`…), worked out from the tree's shape: no value read.
   */
  get strings(): readonly PlacedString[] {
    this.allStrings ??= placedStrings(this.file, this.text);
    return this.allStrings;
  }

  /** Where quick fixes put what they add, laid out as this file is. */
  get edits(): Edits {
    this.edit ??= new Edits(this.text, this.lines);
    return this.edit;
  }

  /**
   * The words of a span as written, each run of spaces and line breaks as one space: a
   * figure, a keyword, a duration (`upfront 0%`, `5 years from 2026-04-01`). Never a
   * string of the spec: a rule reads those with its context's `read`, which notes the
   * read, so that an edit to the string lints the rule again (engine/reuse.ts). A span
   * over a string is a mistake in the rule, and throws.
   */
  written(span: Span): string {
    const strings = this.strings;
    // The strings are in text order and do not overlap: find the first that ends after the span starts.
    let low = 0;
    let high = strings.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (strings[mid].text.span.end <= span.start) low = mid + 1;
      else high = mid;
    }
    const string = strings[low];
    if (string && string.text.span.start < span.end) throw new Error(`a rule asked for the words of ${span.start}–${span.end} as written, over a string: read strings with read()`);
    return this.text.slice(span.start, span.end).replace(/\s+/g, ' ');
  }

  /** 1-based line of an offset, for messages that point elsewhere ("defined on line 3"). */
  lineOf(offset: number): number {
    return this.lines.lineColumn(offset).line;
  }
}

/** A string of the spec and the field it fills. */
export interface PlacedString {
  readonly text: ast.Text;
  /** The field's words as written (`evidence`, `warning signs`), or `title`. */
  readonly field: string;
}

/**
 * The strings of each top-level item, kept with the item: a keystroke parses one item
 * again and keeps the others (syntax/reparse.ts), whose strings are then not looked for
 * again. (Walking a 10,000-line tree for them on every keystroke cost 8 ms of each.)
 */
const stringsOfItem = new WeakMap<ast.TopLevelItem, PlacedString[]>();

/**
 * The strings under a tree, in text order, found by shape: a node with a `span` and a
 * text `value` and nothing else. (A chosen word such as `results` has that shape too,
 * and is found with them; no chosen word is ever a gap to fill, which is what this is
 * for.)
 */
function placedStrings(file: ast.FileNode, text: string): PlacedString[] {
  return file.items.flatMap((item) => {
    let found = stringsOfItem.get(item);
    if (!found) stringsOfItem.set(item, (found = itemStrings(item, text)));
    return found;
  });
}

function itemStrings(item: ast.TopLevelItem, text: string): PlacedString[] {
  const found: PlacedString[] = [];
  // By shape alone: the value is never read here, so no rule is noted as reading it.
  const visit = (value: unknown, field: string): void => {
    if (typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) {
      for (const part of value) visit(part, field);
      return;
    }
    if (ast.isTextNode(value)) {
      found.push({ text: value, field });
      return;
    }
    const node = value as Record<string, unknown>;
    // A field names what it holds by its keyword, as written: `warning signs "…"`.
    const keyword = node.keyword;
    const own = typeof keyword === 'object' && keyword !== null && isSpan(keyword) ? text.slice(keyword.start, keyword.end).replace(/\s+/g, ' ') : field;
    // `for … in`, not Object.entries: this walks every node of every spec linted, and the
    // pairs Object.entries makes for each were a twentieth of linting 1,000 small specs.
    for (const key in node) if (key !== 'span' && key !== 'keyword') visit(node[key], key === 'title' ? 'title' : key === 'source' ? `${own} source` : own);
  };
  visit(item, 'text');
  return found.sort((a, b) => a.text.span.start - b.text.span.start);
}

/** The `pay` lines that name an outcome, by outcome id. */
function groupPays(payment: ast.PaymentBlock | undefined): Map<string, ast.PayLine[]> {
  const byOutcome = new Map<string, ast.PayLine[]>();
  for (const pay of payment?.pays ?? []) {
    const id = pay.outcome?.text;
    if (id === undefined) continue;
    const list = byOutcome.get(id);
    if (list) list.push(pay);
    else byOutcome.set(id, [pay]);
  }
  return byOutcome;
}
