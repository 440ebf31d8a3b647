import { Diagnostic, Severity } from '../base/diagnostic';
import { squash } from '../base/text';
import { criterionText, dateText, rateText, referralText, termText } from '../syntax/describe';
import { investorTotals } from '../model/finance';
import { MaximumPayment, maximumPayment } from '../model/max-payment';
import { durationText, formatMoney, numberText, percentText } from '../base/wording';
import { SpecModel } from '../model/model';
import * as ast from '../syntax/ast';

/*
 * One version of a spec, reduced to what it means: every value written the same way
 * whatever its layout (`1200` and `1,200`, `£1.8m` and `£1,800,000`, text re-wrapped
 * over lines), lists whose order means nothing (criteria, `for`, instruments,
 * requirements…) sorted, comments dropped. Two versions that mean the same have equal
 * snapshots. Ids that other parts refer to (`for`, a segment's cohort, `pay … for … in`)
 * are kept as ids, so that the comparison can follow renames.
 */

/** A field's value as a reader would write it; a list for fields that repeat. */
export type FieldValue = string | readonly string[];
export type Fields = Readonly<Record<string, FieldValue | undefined>>;

export type EntityKind = 'cohort' | 'segment' | 'outcome';

export interface EntitySnapshot {
  readonly kind: EntityKind;
  readonly id: string;
  readonly title: string | undefined;
  /** In display order. `for` (outcomes) and `cohort` (segments) hold ids. */
  readonly fields: Fields;
}

/** Fields that hold ids of other definitions, by kind. */
export const REFERENCE_FIELDS: Readonly<Record<EntityKind, readonly string[]>> = {
  cohort: [],
  segment: ['cohort'],
  outcome: ['for'],
};

export interface Money {
  readonly minor: bigint;
  readonly currency: ast.Currency;
}

export interface PriceSnapshot {
  readonly outcome: string | undefined;
  readonly segment: string | undefined;
  readonly perParticipant: boolean;
  readonly threshold: string | undefined;
  readonly amount: Money | undefined;
}

/** What a finding is about, independent of where it is in the text. */
export interface Target {
  readonly kind:
    | 'cohort'
    | 'segment'
    | 'outcome'
    | 'price'
    | 'spec'
    | 'payment'
    | 'subcontracting'
    | 'contingency'
    | 'finance'
    | 'requirement'
    | 'standard'
    | 'involve'
    | 'monitor'
    | 'review'
    | 'use'
    | 'file';
  /** Definition ids: the definition's own, or a price's outcome and segment. */
  readonly ids: readonly (string | undefined)[];
  /** For lines known by their text (`requirement "…"`). */
  readonly text?: string;
}

export interface FindingSnapshot {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly target: Target;
}

export interface Figures {
  readonly budget: Money | undefined;
  /** The most the spec can pay, after the cap; undefined with `unknown` saying why. */
  readonly maximum: Money | undefined;
  readonly unknown: string | undefined;
  /** Before the cap. */
  readonly total: Money | undefined;
  readonly cap: Money | undefined;
  /** The upfront share, in percent. */
  readonly upfront: number | undefined;
  /** What the investors of the `finance` block commit, together. */
  readonly commitment: Money | undefined;
}

export type SectionName = 'spec' | 'payment' | 'subcontracting' | 'contingency' | 'finance' | 'lines';

export interface SpecSnapshot {
  /** Blocks and lines other than definitions, field by field (money figures apart). */
  readonly sections: Readonly<Record<SectionName, Fields>>;
  readonly entities: readonly EntitySnapshot[];
  readonly prices: readonly PriceSnapshot[];
  readonly figures: Figures;
  readonly findings: readonly FindingSnapshot[];
}

/** A file that is not there: nothing defined, nothing found. */
export const EMPTY_SNAPSHOT: SpecSnapshot = {
  sections: { spec: {}, payment: {}, subcontracting: {}, contingency: {}, finance: {}, lines: {} },
  entities: [],
  prices: [],
  figures: { budget: undefined, maximum: undefined, unknown: undefined, total: undefined, cap: undefined, upfront: undefined, commitment: undefined },
  findings: [],
};

/** `300 per year, ramp 6 months`. */
function volumeText(volume: ast.ReferralVolume): string | undefined {
  if (!volume.count || !volume.per) return undefined;
  return `${numberText(volume.count.value)} per ${volume.per.unit}${volume.ramp ? `, ramp ${durationText(volume.ramp)}` : ''}`;
}

export function moneyText(money: Money): string {
  return formatMoney(money.minor, money.currency);
}

const text = (t: ast.Text | undefined): string | undefined => (t ? squash(t.value) : undefined);
const quoted = (t: ast.Text | undefined): string | undefined => (t ? `"${squash(t.value)}"` : undefined);
const money = (m: ast.MoneyValue | undefined): Money | undefined => (m ? { minor: m.minor, currency: m.currency } : undefined);
const moneyField = (m: ast.MoneyValue | undefined): string | undefined => (m ? formatMoney(m.minor, m.currency) : undefined);
const sorted = (values: readonly (string | undefined)[]): readonly string[] | undefined => {
  const present = values.filter((v): v is string => v !== undefined);
  return present.length > 0 ? [...present].sort() : undefined;
};

/**
 * The snapshot of a linted file: `model` and the findings that stand (`lint()`'s
 * `diagnostics`). `maximum` may be passed when already computed.
 */
export function snapshot(model: SpecModel, findings: readonly Diagnostic[], maximum: MaximumPayment = maximumPayment(model)): SpecSnapshot {
  const items = model.file.items;
  const first = <K extends ast.TopLevelItem['kind']>(kind: K) => items.find((i) => i.kind === kind) as Extract<ast.TopLevelItem, { kind: K }> | undefined;
  const all = <K extends ast.TopLevelItem['kind']>(kind: K) => items.filter((i) => i.kind === kind) as Extract<ast.TopLevelItem, { kind: K }>[];
  const lines = (kind: ast.TextItem['kind']): ast.TextItem[] => items.filter((i): i is ast.TextItem => i.kind === kind);
  const spec = first('spec');
  const payment = first('payment');
  const subcontracting = first('subcontracting');
  const contingency = first('contingency');
  const finance = first('finance');

  const paymentModel = payment?.model?.value?.value ?? (payment && payment.pays.length > 0 ? 'results' : undefined);
  const sections: Record<SectionName, Fields> = {
    spec: {
      title: text(spec?.title),
      commissioner: text(spec?.commissioner?.value),
      term: spec?.term ? termText(spec.term) : undefined,
      'service level': spec?.serviceLevel?.value?.value,
    },
    payment: {
      model: paymentModel,
      schedule: text(payment?.schedule?.value),
      ...Object.fromEntries(
        (payment?.limits ?? []).map(({ amount, scope }) => [
          scope.kind === 'outcome' ? `cap for ${scope.outcome?.text ?? '?'}` : `cap per ${scope.kind}`,
          moneyField(amount),
        ]),
      ),
    },
    subcontracting: {
      prime: sorted(subcontracting?.primes.map((p) => text(p.value)) ?? []),
      'management fee': subcontracting?.managementFee?.value ? percentText(subcontracting.managementFee.value.value) : undefined,
      standard: sorted(subcontracting?.standards.map((s) => text(s.value)) ?? []),
    },
    contingency: {
      'step in': text(contingency?.stepIn?.value),
      notice: contingency?.notice?.value ? durationText(contingency.notice.value) : undefined,
      'warning signs': text(contingency?.warningSigns?.value),
      reserve: moneyField(contingency?.reserve?.value),
    },
    finance: finance ? financeFields(finance) : {},
    lines: {
      requirement: sorted(lines('requirement').map((i) => text(i.text))),
      standard: sorted(lines('standard').map((i) => text(i.text))),
      involve: sorted(lines('involve').map((i) => text(i.text))),
      monitor: sorted(lines('monitor').map((i) => text(i.text))),
      review: sorted(all('review').map(reviewText)),
      use: sorted(all('use').map((i) => quoted(i.path))),
    },
  };

  const entities: EntitySnapshot[] = [];
  for (const item of items) {
    if (item.kind === 'cohort' && item.name) {
      entities.push({
        kind: 'cohort',
        id: item.name.text,
        title: text(item.title),
        fields: {
          title: text(item.title),
          size: item.size?.value ? numberText(item.size.value.value) : undefined,
          eligibility: sorted(item.eligibility?.criteria.map(criterionText) ?? []),
          referral: sorted(item.referrals.map(referralText)),
          referrals: item.volume ? volumeText(item.volume) : undefined,
          exclude: sorted(item.excludes.map((e) => text(e.value))),
        },
      });
      for (const segment of item.segments) {
        if (!segment.name) continue;
        entities.push({
          kind: 'segment',
          id: segment.name.text,
          title: text(segment.title),
          fields: {
            title: text(segment.title),
            cohort: item.name.text,
            size: segment.size?.value ? numberText(segment.size.value.value) : undefined,
            criteria: sorted(segment.criteria.map(criterionText)),
          },
        });
      }
    } else if (item.kind === 'outcome' && item.name) {
      const baseline = item.baseline;
      const target = item.target;
      const value = item.value;
      entities.push({
        kind: 'outcome',
        id: item.name.text,
        title: text(item.title),
        fields: {
          title: text(item.title),
          for: sorted([...new Set(item.for.flatMap((f) => f.value ?? []).map((n) => n.text))]),
          measure: text(item.measure?.value),
          instrument: sorted(item.instruments.map((i) => text(i.value))),
          evidence: text(item.evidence?.value),
          baseline: baseline?.value ? rateText(baseline.value, baseline.rateKind) : undefined,
          'baseline source': text(baseline?.source),
          target: target?.value ? rateText(target.value, target.rateKind) : undefined,
          'target date': target?.by ? dateText(target.by) : undefined,
          counterfactual: text(item.counterfactual?.value),
          kind: item.outcomeKind?.value?.value,
          value: moneyField(value?.value),
          'value source': text(value?.source),
          window: item.window?.value ? durationText(item.window.value) : undefined,
        },
      });
    }
  }

  const prices: PriceSnapshot[] = (payment?.pays ?? []).map((pay) => ({
    outcome: pay.outcome?.text,
    segment: pay.segment?.text,
    perParticipant: pay.perParticipant !== undefined,
    threshold: pay.threshold ? percentText(pay.threshold.value) : undefined,
    amount: money(pay.amount),
  }));

  const figures: Figures = {
    budget: money(spec?.budget?.value),
    maximum: maximum.maximum !== undefined && maximum.currency ? { minor: maximum.maximum, currency: maximum.currency } : undefined,
    unknown: maximum.maximum === undefined ? maximum.missing.join('; ') || 'unknown' : undefined,
    total: maximum.total !== undefined && maximum.currency ? { minor: maximum.total, currency: maximum.currency } : undefined,
    cap: money(payment?.cap?.value),
    upfront: payment?.upfront?.value?.value,
    commitment: commitmentOf(finance),
  };

  return {
    sections,
    entities,
    prices,
    figures,
    findings: findings.map((d) => ({ code: d.code, severity: d.severity, message: d.message, target: targetOf(model.file, d.span.start) })),
  };
}

/**
 * One field per investor, named by the investor (`investor "Severnmoor Fund"`), so that a
 * changed commitment or return reads as a change to that investor; and how the provider
 * is paid.
 */
function financeFields(finance: ast.FinanceBlock): Fields {
  const fields: Record<string, FieldValue | undefined> = {};
  finance.investors.forEach((investor, index) => {
    const named = investor.name ? `investor "${squash(investor.name.value)}"` : `investor ${index + 1}`;
    // Two investors of one name stay two.
    let key = named;
    for (let n = 2; key in fields; n++) key = `${named} (${n})`;
    const terms = [investor.commitment && `commitment ${moneyField(investor.commitment)}`, investor.maximumReturn && `return up to ${percentText(investor.maximumReturn.value)} per year`];
    fields[key] = terms.filter(Boolean).join(', ') || 'no commitment or return given';
  });
  const fee = finance.fixedFee;
  const share = finance.share?.value;
  fields['provider paid'] = sorted([fee && `fixed fee${fee.amount ? ` ${moneyField(fee.amount)}` : ''}`, share && `${percentText(share.value)} of outcome payments`]);
  return fields;
}

/** What the investors commit together, when every one gives a commitment in one currency. */
function commitmentOf(finance: ast.FinanceBlock | undefined): Money | undefined {
  if (!finance || finance.investors.length === 0) return undefined;
  const totals = investorTotals(finance, undefined);
  return totals.commitment !== undefined && totals.currency ? { minor: totals.commitment, currency: totals.currency } : undefined;
}

function reviewText(review: ast.ReviewItem): string | undefined {
  if (!review.every) return undefined;
  return `every ${durationText(review.every)}${review.with ? ` with "${squash(review.with.value)}"` : ''}`;
}

const inside = (node: ast.Node, offset: number): boolean => node.span.start <= offset && offset < Math.max(node.span.end, node.span.start + 1);

/** What the finding at `offset` is about: the innermost named part that holds it. */
export function targetOf(file: ast.FileNode, offset: number): Target {
  const item = file.items.find((i) => inside(i, offset));
  if (!item) return { kind: 'file', ids: [] };
  switch (item.kind) {
    case 'cohort': {
      const segment = item.segments.find((s) => inside(s, offset));
      if (segment?.name) return { kind: 'segment', ids: [segment.name.text] };
      return item.name ? { kind: 'cohort', ids: [item.name.text] } : { kind: 'file', ids: [] };
    }
    case 'outcome':
      return item.name ? { kind: 'outcome', ids: [item.name.text] } : { kind: 'file', ids: [] };
    case 'payment': {
      const pay = item.pays.find((p) => inside(p, offset));
      return pay ? { kind: 'price', ids: [pay.outcome?.text, pay.segment?.text] } : { kind: 'payment', ids: [] };
    }
    case 'spec':
    case 'subcontracting':
    case 'contingency':
    case 'finance':
      return { kind: item.kind, ids: [] };
    case 'requirement':
    case 'standard':
    case 'involve':
    case 'monitor':
      return { kind: item.kind, ids: [], text: item.text ? squash(item.text.value) : '' };
    case 'review':
      return { kind: 'review', ids: [], text: reviewText(item) ?? '' };
    case 'use':
      return { kind: 'use', ids: [], text: item.path?.value ?? '' };
  }
}
