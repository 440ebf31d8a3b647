import { CstElement, CstNode, IToken } from 'chevrotain';
import * as ast from './ast';
import { Span } from '../base/span';
import { decodeDate, decodeMoney, decodeNumber, decodePercent, decodeString, Decoded } from './values';
import { CurlyQuotedString, UnterminatedString, UnterminatedTripleString } from './tokens';

/*
 * Concrete syntax tree → typed AST. Error recovery leaves holes (missing children) and
 * inserts virtual tokens with no position; `real()` is the one guard against them, so
 * no node ever gets a made-up span.
 */

/** A problem found while reading values: reported as a syntax or structure error. */
export interface BuildProblem {
  readonly code: 'syntax/parse' | 'structure/duplicate-field';
  readonly message: string;
  readonly span: Span;
  readonly related?: { readonly message: string; readonly span: Span }[];
}


function isToken(element: CstElement): element is IToken {
  return (element as IToken).tokenType !== undefined;
}

/** A token that is really in the text (not one inserted by error recovery). */
function real(token: IToken | undefined): IToken | undefined {
  if (!token || token.isInsertedInRecovery || !Number.isFinite(token.startOffset)) return undefined;
  return token;
}

function tokenSpan(token: IToken): Span {
  return { start: token.startOffset, end: token.startOffset + token.image.length };
}

/** The first real token among a node's children, whatever their names: the word chosen in `kind tangible`. */
function firstRealToken(node: CstNode): IToken | undefined {
  for (const name in node.children) {
    for (const element of node.children[name]) if (isToken(element) && real(element)) return element;
  }
  return undefined;
}

/**
 * The span of everything real under a CST node, or undefined when there is nothing.
 * Chevrotain tracks node offsets as it parses, skipping the NaN offsets of tokens
 * inserted by recovery, so a node made only of inserted tokens has no span.
 */
function nodeSpan(node: CstNode): Span | undefined {
  const location = node.location;
  if (!location || !Number.isFinite(location.startOffset) || !Number.isFinite(location.endOffset)) return undefined;
  return { start: location.startOffset, end: location.endOffset! + 1 };
}

/** Builds the AST of top-level items one by one, collecting the problems it finds in values. */
export class AstBuilder {
  readonly problems: BuildProblem[] = [];

  // ---- reading children ------------------------------------------------------

  private token(node: CstNode, name: string, index = 0): IToken | undefined {
    const element = node.children[name]?.[index];
    return element && isToken(element) ? real(element) : undefined;
  }

  private tokens(node: CstNode, name: string): IToken[] {
    return (node.children[name] ?? []).filter(isToken).filter((t): t is IToken => real(t) !== undefined);
  }

  private sub(node: CstNode, name: string, index = 0): CstNode | undefined {
    const element = node.children[name]?.[index];
    return element && !isToken(element) ? element : undefined;
  }

  private subs(node: CstNode, name: string): CstNode[] {
    return (node.children[name] ?? []).filter((e): e is CstNode => !isToken(e));
  }

  /** The span of a node, which has at least its keyword when the builder is called. */
  private span(node: CstNode): Span {
    return nodeSpan(node) ?? { start: 0, end: 0 };
  }

  /** The span of one keyword, or of a two-word keyword such as `service level`. */
  private keyword(node: CstNode, ...words: string[]): Span {
    let first: IToken | undefined;
    let last: IToken | undefined;
    for (const word of words) {
      const token = this.token(node, word);
      if (!token) continue;
      first ??= token;
      last = token;
    }
    return first && last ? { start: first.startOffset, end: last.startOffset + last.image.length } : this.span(node);
  }

  private report<T>(decoded: Decoded<T>, span: Span): T {
    // A copy of the span: findings share no object with the tree (see `once`).
    if (decoded.problem) this.problems.push({ code: 'syntax/parse', message: decoded.problem, span: { ...span } });
    return decoded.value;
  }

  // ---- values ------------------------------------------------------------------

  private name(token: IToken | undefined): ast.Name | undefined {
    return token && { span: tokenSpan(token), text: token.image };
  }

  private text(token: IToken | undefined): ast.Text | undefined {
    if (!token) return undefined;
    const span = tokenSpan(token);
    if (token.tokenType === CurlyQuotedString) return { span, value: token.image.slice(1, -1) };
    const terminated = token.tokenType !== UnterminatedString && token.tokenType !== UnterminatedTripleString;
    return { span, value: this.report(decodeString(token.image, terminated), span) };
  }

  private number(token: IToken | undefined): ast.NumberValue | undefined {
    if (!token) return undefined;
    const span = tokenSpan(token);
    return { span, value: this.report(decodeNumber(token.image), span), source: token.image };
  }

  private percent(token: IToken | undefined): ast.PercentValue | undefined {
    if (!token) return undefined;
    const span = tokenSpan(token);
    return { span, value: this.report(decodePercent(token.image), span), source: token.image };
  }

  private money(token: IToken | undefined): ast.MoneyValue | undefined {
    if (!token) return undefined;
    const span = tokenSpan(token);
    return { span, ...this.report(decodeMoney(token.image), span), source: token.image };
  }

  private date(token: IToken | undefined): ast.DateValue | undefined {
    if (!token) return undefined;
    const span = tokenSpan(token);
    return { span, ...this.report(decodeDate(token.image), span), source: token.image };
  }

  private duration(node: CstNode | undefined): ast.DurationValue | undefined {
    if (!node) return undefined;
    const amount = this.number(this.token(node, 'NumberLit'));
    const unit = this.unit(this.sub(node, 'unit'));
    if (!amount || !unit) return undefined;
    return { span: this.span(node), amount: amount.value, unit: unit.value };
  }

  /** A unit of time, singular whether written `year` or `years`. */
  private unit(node: CstNode | undefined): ast.Choice<ast.TimeUnit> | undefined {
    const token = node && firstRealToken(node);
    // The token type's name is the keyword in lower case, whatever case was written.
    return token && { span: tokenSpan(token), value: token.tokenType.name.replace(/s$/, '') as ast.TimeUnit };
  }

  /** The word chosen in a rule that is one of a closed set (`must | needed | could`). */
  private choice<T extends string>(node: CstNode | undefined): ast.Choice<T> | undefined {
    if (!node) return undefined;
    const token = firstRealToken(node);
    return token && { span: tokenSpan(token), value: token.tokenType.name as T };
  }

  private field<V>(node: CstNode, words: string[], value: V | undefined): ast.Field<V> {
    return { span: this.span(node), keyword: this.keyword(node, ...words), value };
  }

  /**
   * Keeps the first of a field that may appear once, and reports the others
   * (`size 450` then `size 500`: which one is meant?).
   */
  private once<F extends ast.Node>(
    existing: F | undefined,
    next: F,
    what: string,
    block: string,
  ): F {
    if (!existing) return next;
    // Copies of the spans: a finding shares no object with the tree, so that `reparse`
    // can move a tree and its findings without moving anything twice.
    this.problems.push({
      code: 'structure/duplicate-field',
      message: `${what} is given more than once in this ${block}; only the first is used, so remove one`,
      span: { ...next.span },
      related: [{ message: `the first ${what}`, span: { ...existing.span } }],
    });
    return existing;
  }

  private braces(node: CstNode): ast.Braces | undefined {
    const open = this.token(node, 'LCurly');
    if (!open) return undefined;
    const close = this.token(node, 'RCurly');
    return { open: tokenSpan(open), close: close && tokenSpan(close) };
  }

  // ---- items ------------------------------------------------------------------

  item(node: CstNode): ast.TopLevelItem | undefined {
    // An item node has one child: the rule of the item it is.
    let ruleName: string | undefined;
    for (ruleName in node.children) break;
    const child = ruleName === undefined ? undefined : node.children[ruleName][0];
    if (!ruleName || !child || isToken(child) || !nodeSpan(child)) return undefined;
    // Rules are named for what they are (`cohortBlock`); the item kind is the first word.
    const kind = ruleName.replace(/(Item|Block)$/, '');
    switch (kind) {
      case 'use':
        return { kind: 'use', span: this.span(child), keyword: this.keyword(child, 'use'), path: this.text(this.token(child, 'StringLit')) };
      case 'spec':
        return this.spec(child);
      case 'cohort':
        return this.cohort(child);
      case 'outcome':
        return this.outcome(child);
      case 'payment':
        return this.payment(child);
      case 'subcontracting':
        return this.subcontracting(child);
      case 'contingency':
        return this.contingency(child);
      case 'finance':
        return this.finance(child);
      case 'review':
        return {
          kind: 'review',
          span: this.span(child),
          keyword: this.keyword(child, 'review'),
          every: this.duration(this.sub(child, 'duration')),
          with: this.text(this.token(child, 'StringLit')),
        };
      case 'requirement':
      case 'standard':
      case 'involve':
      case 'monitor':
        return {
          kind,
          span: this.span(child),
          keyword: this.keyword(child, kind),
          text: this.text(this.token(child, 'StringLit')),
        };
      default:
        return undefined;
    }
  }

  private spec(node: CstNode): ast.SpecBlock {
    let commissioner: ast.Field<ast.Text> | undefined;
    let term: ast.TermField | undefined;
    let budget: ast.Field<ast.MoneyValue> | undefined;
    let serviceLevel: ast.Field<ast.Choice<ast.ServiceLevel>> | undefined;
    for (const f of this.subs(node, 'specField')) {
      if (!nodeSpan(f)) continue;
      if (f.children.commissioner) {
        commissioner = this.once(commissioner, this.field(f, ['commissioner'], this.text(this.token(f, 'StringLit'))), '`commissioner`', 'spec');
      } else if (f.children.term) {
        const field = { ...this.field(f, ['term'], this.duration(this.sub(f, 'duration'))), from: this.date(this.token(f, 'DateLit')) };
        term = this.once(term, field, '`term`', 'spec');
      } else if (f.children.budget) {
        budget = this.once(budget, this.field(f, ['budget'], this.money(this.token(f, 'Money'))), '`budget`', 'spec');
      } else if (f.children.service) {
        const level = this.choice<ast.ServiceLevel>(this.sub(f, 'serviceLevel'));
        serviceLevel = this.once(serviceLevel, this.field(f, ['service', 'level'], level), '`service level`', 'spec');
      }
    }
    return {
      kind: 'spec',
      span: this.span(node),
      keyword: this.keyword(node, 'spec'),
      title: this.text(this.token(node, 'StringLit')),
      braces: this.braces(node),
      commissioner,
      term,
      budget,
      serviceLevel,
    };
  }

  private criteria(nodes: CstNode[]): ast.Criterion[] {
    const result: ast.Criterion[] = [];
    for (const c of nodes) {
      const span = nodeSpan(c);
      if (!span) continue;
      if (c.children.age) {
        result.push({ kind: 'age', span, keyword: this.keyword(c, 'age'), from: this.number(this.token(c, 'NumberLit', 0)), to: this.number(this.token(c, 'NumberLit', 1)) });
      } else if (c.children.resident) {
        result.push({ kind: 'resident', span, keyword: this.keyword(c, 'resident', 'in'), place: this.text(this.token(c, 'StringLit')) });
      } else if (c.children.criterion) {
        result.push({ kind: 'criterion', span, keyword: this.keyword(c, 'criterion'), text: this.text(this.token(c, 'StringLit')) });
      }
    }
    return result;
  }

  private cohort(node: CstNode): ast.CohortBlock {
    let eligibility: ast.Eligibility | undefined;
    let size: ast.Field<ast.NumberValue> | undefined;
    const referrals: ast.Referral[] = [];
    let volume: ast.ReferralVolume | undefined;
    const segments: ast.SegmentBlock[] = [];
    const excludes: ast.Field<ast.Text>[] = [];
    for (const f of this.subs(node, 'cohortField')) {
      if (!nodeSpan(f)) continue;
      const eligibilityNode = this.sub(f, 'eligibilityBlock');
      const referralNode = this.sub(f, 'referralField');
      const volumeNode = this.sub(f, 'referralVolume');
      const segmentNode = this.sub(f, 'segmentBlock');
      if (eligibilityNode) {
        const next: ast.Eligibility = {
          span: this.span(eligibilityNode),
          keyword: this.keyword(eligibilityNode, 'eligibility'),
          braces: this.braces(eligibilityNode),
          criteria: this.criteria(this.subs(eligibilityNode, 'criterionField')),
        };
        eligibility = this.once(eligibility, next, '`eligibility`', 'cohort');
      } else if (f.children.size) {
        size = this.once(size, this.field(f, ['size'], this.number(this.token(f, 'NumberLit'))), '`size`', 'cohort');
      } else if (referralNode) {
        referrals.push(this.referral(referralNode));
      } else if (volumeNode) {
        volume = this.once(volume, this.referralVolume(volumeNode), '`referrals`', 'cohort');
      } else if (segmentNode) {
        segments.push(this.segment(segmentNode));
      } else if (f.children.exclude) {
        excludes.push(this.field(f, ['exclude'], this.text(this.token(f, 'StringLit'))));
      }
    }
    return {
      kind: 'cohort',
      span: this.span(node),
      keyword: this.keyword(node, 'cohort'),
      name: this.name(this.token(node, 'Identifier')),
      title: this.text(this.token(node, 'StringLit')),
      braces: this.braces(node),
      eligibility,
      size,
      referrals,
      volume,
      segments,
      excludes,
    };
  }

  private referral(node: CstNode): ast.Referral {
    const routeWord = (['by', 'self', 'provider'] as const).find((w) => this.token(node, w));
    return {
      span: this.span(node),
      keyword: this.keyword(node, 'referral'),
      route: routeWord && { span: tokenSpan(this.token(node, routeWord)!), value: routeWord },
      referrers: this.tokens(node, 'StringLit').map((t) => this.text(t)!),
    };
  }

  private segment(node: CstNode): ast.SegmentBlock {
    let size: ast.Field<ast.NumberValue> | undefined;
    const criteriaNodes: CstNode[] = [];
    for (const f of this.subs(node, 'segmentField')) {
      if (!nodeSpan(f)) continue;
      const criterion = this.sub(f, 'criterionField');
      if (criterion) criteriaNodes.push(criterion);
      else if (f.children.size) size = this.once(size, this.field(f, ['size'], this.number(this.token(f, 'NumberLit'))), '`size`', 'segment');
    }
    return {
      kind: 'segment',
      span: this.span(node),
      keyword: this.keyword(node, 'segment'),
      name: this.name(this.token(node, 'Identifier')),
      title: this.text(this.token(node, 'StringLit')),
      braces: this.braces(node),
      criteria: this.criteria(criteriaNodes),
      size,
    };
  }

  private rate(node: CstNode | undefined): { value: ast.Rate | undefined; rateKind: 'percent' | 'number' | undefined } {
    const percent = node && this.percent(this.token(node, 'Percent'));
    if (percent) return { value: percent, rateKind: 'percent' };
    const count = node && this.number(this.token(node, 'NumberLit'));
    return { value: count, rateKind: count ? 'number' : undefined };
  }

  private source(node: CstNode, index: number): ast.Text | undefined {
    const source = this.sub(node, 'sourceClause', index);
    return source && this.text(this.token(source, 'StringLit'));
  }

  private outcome(node: CstNode): ast.OutcomeBlock {
    const forLines: ast.Field<ast.Name[]>[] = [];
    const instruments: ast.Field<ast.Text>[] = [];
    let measure: ast.Field<ast.Text> | undefined;
    let evidence: ast.Field<ast.Text> | undefined;
    let baseline: ast.BaselineField | undefined;
    let target: ast.TargetField | undefined;
    let counterfactual: ast.Field<ast.Text> | undefined;
    let outcomeKind: ast.Field<ast.Choice<ast.OutcomeKind>> | undefined;
    let value: ast.ValueField | undefined;
    let window: ast.Field<ast.DurationValue> | undefined;
    for (const f of this.subs(node, 'outcomeField')) {
      if (!nodeSpan(f)) continue;
      const text = (): ast.Text | undefined => this.text(this.token(f, 'StringLit'));
      const c = f.children;
      if (c.for) {
        forLines.push(this.field(f, ['for'], this.tokens(f, 'Identifier').map((t) => this.name(t)!)));
      } else if (c.measure) {
        measure = this.once(measure, this.field(f, ['measure'], text()), '`measure`', 'outcome');
      } else if (c.instrument) {
        instruments.push(this.field(f, ['instrument'], text()));
      } else if (c.evidence) {
        evidence = this.once(evidence, this.field(f, ['evidence'], text()), '`evidence`', 'outcome');
      } else if (c.baseline) {
        const rate = this.rate(this.sub(f, 'rate'));
        const next = { ...this.field(f, ['baseline'], rate.value), rateKind: rate.rateKind, source: this.source(f, 0) };
        baseline = this.once(baseline, next, '`baseline`', 'outcome');
      } else if (c.target) {
        const rate = this.rate(this.sub(f, 'rate'));
        const next = { ...this.field(f, ['target'], rate.value), rateKind: rate.rateKind, by: this.date(this.token(f, 'DateLit')) };
        target = this.once(target, next, '`target`', 'outcome');
      } else if (c.counterfactual) {
        counterfactual = this.once(counterfactual, this.field(f, ['counterfactual'], text()), '`counterfactual`', 'outcome');
      } else if (c.kind) {
        const next = this.field(f, ['kind'], this.choice<ast.OutcomeKind>(this.sub(f, 'outcomeKind')));
        outcomeKind = this.once(outcomeKind, next, '`kind`', 'outcome');
      } else if (c.value) {
        const next = { ...this.field(f, ['value'], this.money(this.token(f, 'Money'))), source: this.source(f, 0) };
        value = this.once(value, next, '`value`', 'outcome');
      } else if (c.window) {
        window = this.once(window, this.field(f, ['window'], this.duration(this.sub(f, 'duration'))), '`window`', 'outcome');
      }
    }
    return {
      kind: 'outcome',
      span: this.span(node),
      keyword: this.keyword(node, 'outcome'),
      name: this.name(this.token(node, 'Identifier')),
      title: this.text(this.token(node, 'StringLit')),
      braces: this.braces(node),
      for: forLines,
      measure,
      instruments,
      evidence,
      baseline,
      target,
      counterfactual,
      outcomeKind,
      value,
      window,
    };
  }

  private payment(node: CstNode): ast.PaymentBlock {
    let model: ast.Field<ast.Choice<ast.PaymentModel>> | undefined;
    let upfront: ast.Field<ast.PercentValue> | undefined;
    let cap: ast.Field<ast.MoneyValue> | undefined;
    let schedule: ast.Field<ast.Text> | undefined;
    const pays: ast.PayLine[] = [];
    const limits: ast.CapLimit[] = [];
    const limitsBy = new Map<string, ast.CapLimit>();
    for (const f of this.subs(node, 'paymentField')) {
      if (!nodeSpan(f)) continue;
      const payNode = this.sub(f, 'payLine');
      const capNode = this.sub(f, 'capLine');
      if (f.children.model) {
        model = this.once(model, this.field(f, ['model'], this.choice<ast.PaymentModel>(this.sub(f, 'paymentModel'))), '`model`', 'payment block');
      } else if (f.children.upfront) {
        upfront = this.once(upfront, this.field(f, ['upfront'], this.percent(this.token(f, 'Percent'))), '`upfront`', 'payment block');
      } else if (payNode) {
        pays.push(this.pay(payNode));
      } else if (capNode) {
        const limit = this.capLimit(capNode);
        if (!limit) cap = this.once(cap, this.field(capNode, ['cap'], this.money(this.token(capNode, 'Money'))), '`cap`', 'payment block');
        else {
          const key = limit.scope.kind === 'outcome' ? `for ${limit.scope.outcome?.text ?? ''}` : `per ${limit.scope.kind}`;
          const first = limitsBy.get(key);
          if (first) this.once(first, limit, `\`cap … ${key}\``, 'payment block');
          else {
            limitsBy.set(key, limit);
            limits.push(limit);
          }
        }
      } else if (f.children.schedule) {
        schedule = this.once(schedule, this.field(f, ['schedule'], this.text(this.token(f, 'StringLit'))), '`schedule`', 'payment block');
      }
    }
    return { kind: 'payment', span: this.span(node), keyword: this.keyword(node, 'payment'), braces: this.braces(node), model, upfront, pays, cap, limits, schedule };
  }

  /** A `cap` line with `per participant`, `per year` or `for OUTCOME`; undefined for the overall cap. */
  private capLimit(node: CstNode): ast.CapLimit | undefined {
    const per = this.token(node, 'per');
    const whom = this.token(node, 'participant') ?? this.token(node, 'year');
    const forWord = this.token(node, 'for');
    let scope: ast.CapLimit['scope'];
    if (per && whom) {
      scope = { kind: whom.tokenType.name === 'year' ? 'year' : 'participant', span: { start: per.startOffset, end: tokenSpan(whom).end } };
    } else if (forWord) {
      const outcome = this.name(this.token(node, 'Identifier'));
      scope = { kind: 'outcome', span: { start: forWord.startOffset, end: outcome?.span.end ?? tokenSpan(forWord).end }, outcome };
    } else {
      return undefined;
    }
    return { span: this.span(node), keyword: this.keyword(node, 'cap'), amount: this.money(this.token(node, 'Money')), scope };
  }

  private pay(node: CstNode): ast.PayLine {
    const per = this.token(node, 'per');
    const participant = this.token(node, 'participant');
    const ids = node.children.Identifier ?? [];
    // `for O` is the first Identifier child and `in S` the second, when present.
    const outcome = ids[0] && isToken(ids[0]) ? real(ids[0]) : undefined;
    const segment = ids[1] && isToken(ids[1]) ? real(ids[1]) : undefined;
    return {
      span: this.span(node),
      keyword: this.keyword(node, 'pay'),
      amount: this.money(this.token(node, 'Money')),
      outcome: this.name(outcome),
      perParticipant: per && participant ? { start: per.startOffset, end: tokenSpan(participant).end } : undefined,
      segment: this.name(segment),
      threshold: this.percent(this.token(node, 'Percent')),
    };
  }

  private referralVolume(node: CstNode): ast.ReferralVolume {
    return {
      span: this.span(node),
      keyword: this.keyword(node, 'referrals'),
      count: this.number(this.token(node, 'NumberLit')),
      per: ((unit) => unit && { span: unit.span, unit: unit.value })(this.unit(this.sub(node, 'unit'))),
      ramp: this.duration(this.sub(node, 'duration')),
    };
  }

  private subcontracting(node: CstNode): ast.SubcontractingBlock {
    const primes: ast.Field<ast.Text>[] = [];
    const standards: ast.Field<ast.Text>[] = [];
    let managementFee: ast.Field<ast.PercentValue> | undefined;
    for (const f of this.subs(node, 'subcontractingField')) {
      if (!nodeSpan(f)) continue;
      const text = this.text(this.token(f, 'StringLit'));
      if (f.children.prime) primes.push(this.field(f, ['prime'], text));
      else if (f.children.standard) standards.push(this.field(f, ['standard'], text));
      else if (f.children.management) {
        const next = this.field(f, ['management', 'fee'], this.percent(this.token(f, 'Percent')));
        managementFee = this.once(managementFee, next, '`management fee`', 'subcontracting block');
      }
    }
    return { kind: 'subcontracting', span: this.span(node), keyword: this.keyword(node, 'subcontracting'), braces: this.braces(node), primes, managementFee, standards };
  }

  private contingency(node: CstNode): ast.ContingencyBlock {
    let stepIn: ast.Field<ast.Text> | undefined;
    let notice: ast.Field<ast.DurationValue> | undefined;
    let warningSigns: ast.Field<ast.Text> | undefined;
    let reserve: ast.Field<ast.MoneyValue> | undefined;
    const block = 'contingency block';
    for (const f of this.subs(node, 'contingencyField')) {
      if (!nodeSpan(f)) continue;
      if (f.children.step) {
        stepIn = this.once(stepIn, this.field(f, ['step', 'in'], this.text(this.token(f, 'StringLit'))), '`step in`', block);
      } else if (f.children.notice) {
        notice = this.once(notice, this.field(f, ['notice'], this.duration(this.sub(f, 'duration'))), '`notice`', block);
      } else if (f.children.warning) {
        warningSigns = this.once(warningSigns, this.field(f, ['warning', 'signs'], this.text(this.token(f, 'StringLit'))), '`warning signs`', block);
      } else if (f.children.reserve) {
        reserve = this.once(reserve, this.field(f, ['reserve'], this.money(this.token(f, 'Money'))), '`reserve`', block);
      }
    }
    return { kind: 'contingency', span: this.span(node), keyword: this.keyword(node, 'contingency'), braces: this.braces(node), stepIn, notice, warningSigns, reserve };
  }

  private finance(node: CstNode): ast.FinanceBlock {
    const investors: ast.InvestorLine[] = [];
    let fixedFee: ast.FixedFeeField | undefined;
    let share: ast.Field<ast.PercentValue> | undefined;
    const block = 'finance block';
    for (const f of this.subs(node, 'financeField')) {
      const investor = this.sub(f, 'investorLine');
      const paid = this.sub(f, 'providerPaid');
      if (investor && nodeSpan(investor)) {
        investors.push({
          span: this.span(investor),
          keyword: this.keyword(investor, 'investor'),
          name: this.text(this.token(investor, 'StringLit')),
          commitment: this.money(this.token(investor, 'Money')),
          maximumReturn: this.percent(this.token(investor, 'Percent')),
        });
      } else if (paid && nodeSpan(paid) && paid.children.fixed) {
        const next = { span: this.span(paid), keyword: this.keyword(paid, 'provider', 'paid', 'fixed', 'fee'), amount: this.money(this.token(paid, 'Money')) };
        fixedFee = this.once(fixedFee, next, '`provider paid fixed fee`', block);
      } else if (paid && nodeSpan(paid) && (paid.children.Percent || paid.children.of)) {
        // A bare `provider paid` says neither; its syntax error is reported, and nothing is kept.
        const next = this.field(paid, ['provider', 'paid'], this.percent(this.token(paid, 'Percent')));
        share = this.once(share, next, '`provider paid … of outcome payments`', block);
      }
    }
    return { kind: 'finance', span: this.span(node), keyword: this.keyword(node, 'finance'), braces: this.braces(node), investors, fixedFee, share };
  }
}

/** The AST of a whole file, from its items and comments. */
export function fileNode(items: ast.TopLevelItem[], comments: IToken[], length: number): ast.FileNode {
  return {
    span: { start: 0, end: length },
    items,
    comments: comments.map((c) => ({ span: tokenSpan(c), text: c.image.slice(1) })),
  };
}
