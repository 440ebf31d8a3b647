import * as path from 'node:path';
import { Document, isMap, isScalar } from 'yaml';
import {
  CohortBlock,
  Criterion,
  DurationValue,
  FileNode,
  MoneyValue,
  NumberValue,
  OutcomeBlock,
  PaymentBlock,
  PercentValue,
  Rate,
  SegmentBlock,
  Text,
  TopLevelItem,
} from '../server/src/syntax/ast';
import { parse } from '../server/src/syntax/parse';

/*
 * The same specification as YAML, for comparing outcome-lint's server with
 * yaml-language-server on equal content (bench/lsp-latency.bench.ts).
 *
 * The spec's AST (server/src/syntax/ast.ts) becomes plain data grouped by kind
 * (`spec`, `cohorts`, `outcomes`, `payment`, …), every value written as the writer
 * wrote it (money as `"£9,500"`, dates as `"2030-03-31"`, rates as `"12%"`,
 * durations as `"30 weeks"`), and is printed with every string in double quotes, so
 * that an edit inside a string is the same keystroke in both files. Comments before a
 * top-level item are kept before that item; comments inside blocks are dropped.
 * bench/spec.schema.json is the JSON Schema for this shape (types, required fields,
 * enums, patterns, no unknown keys); yaml-language-server validates against it.
 */

/** bench/spec.schema.json, from the compiled out/bench/ or from bench/. */
export const SCHEMA_PATH = path.resolve(__dirname, __dirname.includes(`${path.sep}out${path.sep}`) ? '../../bench' : '.', 'spec.schema.json');

type Data = { [key: string]: unknown };

const text = (t: Text | undefined): string | undefined => t?.value;
const money = (m: MoneyValue | undefined): string | undefined => m?.source;
const percent = (p: PercentValue | undefined): string | undefined => p?.source;
const integer = (n: NumberValue | undefined): number | undefined => n?.value;
const rate = (r: Rate | undefined): string | number | undefined => (r === undefined ? undefined : r.source.endsWith('%') ? r.source : r.value);
const duration = (d: DurationValue | undefined): string | undefined => d && `${d.amount} ${d.unit}${d.amount === 1 ? '' : 's'}`;

/** Drops undefined values and empty lists, so that absent parts are absent keys. */
function compact(data: Data): Data {
  const out: Data = {};
  for (const [key, value] of Object.entries(data)) {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    out[key] = value;
  }
  return out;
}

function criterion(c: Criterion): Data {
  switch (c.kind) {
    case 'age':
      return { age: compact({ from: integer(c.from), to: integer(c.to) }) };
    case 'resident':
      return compact({ resident: text(c.place) });
    case 'criterion':
      return compact({ criterion: text(c.text) });
  }
}

function segment(s: SegmentBlock): Data {
  return compact({ id: s.name?.text, title: text(s.title), criteria: s.criteria.map(criterion), size: integer(s.size?.value) });
}

function cohort(c: CohortBlock): Data {
  return compact({
    id: c.name?.text,
    title: text(c.title),
    eligibility: c.eligibility?.criteria.map(criterion),
    size: integer(c.size?.value),
    referral: c.referrals.map((r) => compact({ route: r.route?.value, referrers: r.referrers.map((t) => t.value) })),
    segments: c.segments.map(segment),
    exclude: c.excludes.map((e) => text(e.value)).filter((v) => v !== undefined),
  });
}

function outcome(o: OutcomeBlock): Data {
  return compact({
    id: o.name?.text,
    title: text(o.title),
    for: o.for.flatMap((f) => f.value?.map((n) => n.text) ?? []),
    measure: text(o.measure?.value),
    instruments: o.instruments.map((i) => text(i.value)).filter((v) => v !== undefined),
    evidence: text(o.evidence?.value),
    baseline: o.baseline && compact({ rate: rate(o.baseline.value), source: text(o.baseline.source) }),
    target: o.target && compact({ rate: rate(o.target.value), by: o.target.by?.source }),
    counterfactual: text(o.counterfactual?.value),
    kind: o.outcomeKind?.value?.value,
    value: o.value && compact({ amount: money(o.value.value), source: text(o.value.source) }),
    window: duration(o.window?.value),
  });
}

function payment(p: PaymentBlock): Data {
  return compact({
    model: p.model?.value?.value,
    upfront: percent(p.upfront?.value),
    pay: p.pays.map((l) =>
      compact({
        amount: money(l.amount),
        for: l.outcome?.text,
        perParticipant: l.perParticipant ? true : undefined,
        in: l.segment?.text,
        threshold: percent(l.threshold),
      }),
    ),
    cap: money(p.cap?.value),
    schedule: text(p.schedule?.value),
  });
}

/** Where each kind of item goes, and whether the spec may hold several. */
const GROUP: Record<TopLevelItem['kind'], { key: string; many: boolean }> = {
  use: { key: 'use', many: true },
  spec: { key: 'spec', many: false },
  cohort: { key: 'cohorts', many: true },
  outcome: { key: 'outcomes', many: true },
  payment: { key: 'payment', many: false },
  subcontracting: { key: 'subcontracting', many: false },
  contingency: { key: 'contingency', many: false },
  finance: { key: 'finance', many: false },
  requirement: { key: 'requirements', many: true },
  standard: { key: 'standards', many: true },
  involve: { key: 'involve', many: true },
  monitor: { key: 'monitor', many: true },
  review: { key: 'review', many: true },
};

function item(i: TopLevelItem): unknown {
  switch (i.kind) {
    case 'use':
      return text(i.path);
    case 'spec':
      return compact({
        title: text(i.title),
        commissioner: text(i.commissioner?.value),
        term: i.term && compact({ length: duration(i.term.value), from: i.term.from?.source }),
        budget: money(i.budget?.value),
        serviceLevel: i.serviceLevel?.value?.value,
      });
    case 'cohort':
      return cohort(i);
    case 'outcome':
      return outcome(i);
    case 'payment':
      return payment(i);
    case 'subcontracting':
      return compact({
        primes: i.primes.map((p) => text(p.value)).filter((v) => v !== undefined),
        managementFee: percent(i.managementFee?.value),
        standards: i.standards.map((s) => text(s.value)).filter((v) => v !== undefined),
      });
    case 'contingency':
      return compact({
        stepIn: text(i.stepIn?.value),
        notice: duration(i.notice?.value),
        warningSigns: text(i.warningSigns?.value),
        reserve: money(i.reserve?.value),
      });
    case 'finance':
      return compact({
        investors: i.investors.map((v) => compact({ name: text(v.name), commitment: money(v.commitment), maximumReturn: percent(v.maximumReturn) })),
        fixedFee: i.fixedFee && compact({ amount: money(i.fixedFee.amount) }),
        share: percent(i.share?.value),
      });
    case 'requirement':
    case 'standard':
    case 'involve':
    case 'monitor':
      return text(i.text) ?? '';
    case 'review':
      return compact({ every: duration(i.every), with: text(i.with) });
  }
}

/** The spec as plain data, and the comments that precede each item (by path in that data). */
export function specData(file: FileNode): { data: Data; comments: { path: (string | number)[]; text: string }[] } {
  const data: Data = {};
  const comments: { path: (string | number)[]; text: string }[] = [];
  let c = 0;
  for (const i of file.items) {
    const { key, many } = GROUP[i.kind];
    let at: (string | number)[];
    if (many) {
      const list = (data[key] ??= []) as unknown[];
      at = [key, list.length];
      list.push(item(i));
    } else {
      // A second spec or payment block (an error in the language) is dropped.
      if (key in data) continue;
      at = [key];
      data[key] = item(i);
    }
    const before: string[] = [];
    while (c < file.comments.length && file.comments[c].span.start < i.span.start) before.push(file.comments[c++].text);
    if (before.length > 0) comments.push({ path: at, text: before.join('\n') });
  }
  return { data, comments };
}

/** The spec's text as YAML (see above). */
export function specToYaml(source: string): string {
  const { data, comments } = specData(parse(source).file);
  const doc = new Document(data);
  for (const { path: at, text: comment } of comments) {
    // Before a top-level key, the comment goes on the key (on the document for the
    // first); before a list item, on the item.
    const node = (at.length === 1 ? (isMap(doc.contents) ? doc.contents.items.find((p) => isScalar(p.key) && p.key.value === at[0])?.key : undefined) : doc.getIn(at, true)) as
      | { commentBefore?: string | null }
      | undefined;
    if (at.length === 1 && isMap(doc.contents) && isScalar(doc.contents.items[0]?.key) && doc.contents.items[0].key.value === at[0]) doc.commentBefore = comment;
    else if (node && typeof node === 'object') node.commentBefore = comment;
  }
  return doc.toString({ defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 });
}
