import { CstNode, CstParser, EOF, IToken, TokenType, tokenMatcher } from 'chevrotain';
import { Keyword } from './keywords';
import {
  Comma,
  DateLit,
  Identifier,
  kw,
  LCurly,
  Money,
  NumberLit,
  Percent,
  RCurly,
  StringLit,
  UNIT_WORDS,
  vocabulary,
} from './tokens';
import { messageProvider, TOP_LEVEL_WORDS } from './messages';

/**
 * The grammar of `language.md`, rule for rule, building a concrete syntax tree that
 * `build-ast.ts` turns into the typed AST. Field order inside a block is free, so each
 * block is `{ field* }` with one rule per block's fields.
 *
 * Rule names appear in error messages only through `messages.ts`.
 */
/** Errors mended one inside another in one repetition, at most (see `boundRepetitionRecovery`). */
const MAX_RECOVERIES = 200;

export class OutcomeParser extends CstParser {
  /**
   * `checked` makes Chevrotain check the grammar (ambiguities, left recursion…) as it
   * analyses it. The shipped parser skips the checks to start faster;
   * `test/parse.test.ts` builds a checked one.
   */
  constructor(checked = false) {
    super(vocabulary, {
      recoveryEnabled: true,
      errorMessageProvider: messageProvider,
      nodeLocationTracking: 'onlyOffset',
      skipValidations: !checked,
      // The grammar is LL(1): the checked parser would report any alternative that one
      // token cannot decide. Analysing one token of lookahead is also quicker at start.
      maxLookahead: 1,
    });
    this.performSelfAnalysis();
    this.boundRepetitionRecovery();
    this.rememberResyncScans();
    this.resyncPastPhraseWords();
  }

  /**
   * Chevrotain's rule-level recovery skips tokens up to the first of the type the resync
   * scan chose (`reSyncTo`). `outcome` in `provider paid 30% of outcome payments` is a
   * word of that phrase, never the start of an outcome, so neither the scan (above) nor
   * this skip may stop at it: a slip earlier in the line (`provider paid share 30% of
   * outcome payments`) would otherwise begin an outcome called `payments`, and report
   * its missing `{` besides the slip itself.
   */
  private resyncPastPhraseWords(): void {
    const self = this as unknown as { reSyncTo: unknown; SKIP_TOKEN(): IToken; LA(k: number): IToken; text: string };
    if (typeof self.reSyncTo !== 'function' || typeof self.SKIP_TOKEN !== 'function') {
      throw new Error('this Chevrotain has no reSyncTo: the recovery past phrase words needs updating');
    }
    self.reSyncTo = (type: TokenType): IToken[] => {
      const skipped: IToken[] = [];
      let next = self.LA(1);
      while (!tokenMatcher(next, type) || inPhrase(self.text, self.LA(0), next)) {
        next = self.SKIP_TOKEN();
        if (next.tokenType !== EOF) skipped.push(next);
      }
      // As Chevrotain's own: the token resynced to is not part of the error.
      return skipped.slice(0, -1);
    };
  }

  /**
   * Where an error cannot be mended in place, Chevrotain looks ahead for the first token
   * that may follow the rules being parsed (`findReSyncTokenType`), token by token. With
   * a block left open, none comes before the end of the file, so every later error
   * scanned to the end: 1,000 unclosed `for c {` lines cost 36 times the work of 100.
   * The answer depends only on where the scan starts and on what may follow, so the last
   * one is kept: a scan that starts after the last one started, but before the token it
   * found, with the same tokens to look for, finds that token again.
   */
  private rememberResyncScans(): void {
    const self = this as unknown as { findReSyncTokenType: unknown; flattenFollowSet(): TokenType[]; exportLexerState(): number; LA(k: number): IToken; text: string };
    // As for the bound above: fail when the parser is made if Chevrotain renamed these.
    if (typeof self.findReSyncTokenType !== 'function' || typeof self.flattenFollowSet !== 'function' || typeof self.exportLexerState !== 'function') {
      throw new Error('this Chevrotain has no findReSyncTokenType: the memory of resync scans needs updating');
    }
    // Kept for one input only: the parser is made once and parses every file.
    let last: { input: IToken[]; follows: string; from: number; at: number; type: TokenType } | undefined;
    self.findReSyncTokenType = (): TokenType => {
      const follows = self.flattenFollowSet();
      const key = follows.map((t) => t.tokenTypeIdx).join(',');
      const from = self.exportLexerState();
      if (last && last.input === this.input && last.follows === key && from >= last.from && from < last.at) return last.type;
      // The end of the file is always among what may follow, and always (virtually) in the input: the scan ends.
      for (let k = 1; ; k++) {
        const type = inPhrase(self.text, self.LA(k - 1), self.LA(k)) ? undefined : follows.find((t) => tokenMatcher(self.LA(k), t));
        if (type) {
          last = { input: this.input, follows: key, from, at: from + k, type };
          return type;
        }
      }
    };
  }

  /**
   * Chevrotain mends an error inside a repetition (a block's `field*`) by calling the
   * repetition again from inside itself: each mended error there is a deeper call, and a
   * file of 1,500 `for c {` lines in one block (12 KB) overflowed the stack, losing every
   * finding of the file. Past MAX_RECOVERIES nested mends, the block is given up instead:
   * its repetition ends, the block's own error is reported, and `parse` goes on from the
   * next item. (`attemptInRepetitionRecovery` is the instance method Chevrotain installs
   * when recovery is on; test/parse.test.ts checks that the bound holds.)
   */
  private boundRepetitionRecovery(): void {
    const self = this as unknown as { attemptInRepetitionRecovery: (...args: unknown[]) => void };
    const recover = self.attemptInRepetitionRecovery;
    // A Chevrotain that renamed it would fail here, when the parser is made (at start-up,
    // and in every test), rather than on the first error mended in a repetition.
    if (typeof recover !== 'function') throw new Error('this Chevrotain has no attemptInRepetitionRecovery: the bound on error recovery needs updating');
    let depth = 0;
    self.attemptInRepetitionRecovery = (...args: unknown[]): void => {
      if (depth >= MAX_RECOVERIES) return;
      depth++;
      try {
        recover.apply(this, args);
      } finally {
        depth--;
      }
    };
  }

  private word(word: Keyword): void {
    this.consume(0, kw(word));
  }

  /**
   * An id. Ids may be spelt like keywords, but a field keyword at the start of the
   * next line is the next field, not an id: `for` with nothing after it, followed by
   * `measure "…"` on the next line, is a missing id. `idx` tells apart the ids of one
   * rule, as Chevrotain requires.
   */
  private id(idx = 0): void {
    this.or(ID_OR_INDEX + idx, [
      {
        GATE: () => !startsNextField(this.text, this.LA(0), this.LA(1)),
        ALT: () => this.consume(idx, Identifier),
      },
    ]);
  }

  private oneOf(words: readonly Keyword[]): void {
    this.OR(words.map((word) => ({ ALT: () => this.word(word) })));
  }

  /**
   * Called with each top-level item as soon as it is parsed, so that `parse` builds its
   * AST at once and lets its concrete syntax tree go: holding the trees of a whole
   * large file until the end made garbage collection a third of the time parsing took.
   */
  onItem: ((item: CstNode) => void) | undefined;

  /** The text the input's tokens come from: set with `input`, for where lines end. */
  text = '';

  public file = this.RULE('file', () => {
    this.MANY(() => {
      const item = this.SUBRULE(this.item);
      this.ACTION(() => this.onItem?.(item));
    });
  });

  public item = this.RULE('item', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.useItem) },
      { ALT: () => this.SUBRULE(this.specBlock) },
      { ALT: () => this.SUBRULE(this.cohortBlock) },
      { ALT: () => this.SUBRULE(this.outcomeBlock) },
      { ALT: () => this.SUBRULE(this.paymentBlock) },
      { ALT: () => this.SUBRULE(this.subcontractingBlock) },
      { ALT: () => this.SUBRULE(this.requirementItem) },
      { ALT: () => this.SUBRULE(this.standardItem) },
      { ALT: () => this.SUBRULE(this.contingencyBlock) },
      { ALT: () => this.SUBRULE(this.financeBlock) },
      { ALT: () => this.SUBRULE(this.reviewItem) },
      { ALT: () => this.SUBRULE(this.involveItem) },
      { ALT: () => this.SUBRULE(this.monitorItem) },
    ]);
  });

  public useItem = this.RULE('useItem', () => {
    this.word('use');
    this.CONSUME(StringLit);
  });

  public specBlock = this.RULE('specBlock', () => {
    this.word('spec');
    this.CONSUME(StringLit);
    this.block(() => this.SUBRULE(this.specField));
  });

  public specField = this.RULE('specField', () => {
    this.OR([
      {
        ALT: () => {
          this.word('commissioner');
          this.CONSUME(StringLit);
        },
      },
      {
        ALT: () => {
          this.word('term');
          this.SUBRULE(this.duration);
          this.OPTION(() => {
            this.word('from');
            this.CONSUME(DateLit);
          });
        },
      },
      {
        ALT: () => {
          this.word('budget');
          this.CONSUME(Money);
        },
      },
      {
        ALT: () => {
          this.word('service');
          this.word('level');
          this.SUBRULE(this.serviceLevel);
        },
      },
    ]);
  });

  public serviceLevel = this.RULE('serviceLevel', () => this.oneOf(['must', 'needed', 'could']));

  public cohortBlock = this.RULE('cohortBlock', () => {
    this.word('cohort');
    this.id();
    this.OPTION(() => this.CONSUME(StringLit));
    this.block(() => this.SUBRULE(this.cohortField));
  });

  public cohortField = this.RULE('cohortField', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.eligibilityBlock) },
      {
        ALT: () => {
          this.word('size');
          this.CONSUME(NumberLit);
        },
      },
      { ALT: () => this.SUBRULE(this.referralField) },
      { ALT: () => this.SUBRULE(this.referralVolume) },
      { ALT: () => this.SUBRULE(this.segmentBlock) },
      {
        ALT: () => {
          this.word('exclude');
          this.CONSUME1(StringLit);
        },
      },
    ]);
  });

  public eligibilityBlock = this.RULE('eligibilityBlock', () => {
    this.word('eligibility');
    this.block(() => this.SUBRULE(this.criterionField));
  });

  public referralField = this.RULE('referralField', () => {
    this.word('referral');
    this.OR([
      {
        ALT: () => {
          this.word('by');
          this.CONSUME(StringLit);
          this.MANY(() => {
            this.CONSUME(Comma);
            this.CONSUME1(StringLit);
          });
        },
      },
      { ALT: () => this.word('self') },
      { ALT: () => this.word('provider') },
    ]);
  });

  /** `referrals 300 per year [ramp 6 months]`: how many people are expected to arrive. */
  public referralVolume = this.RULE('referralVolume', () => {
    this.word('referrals');
    this.CONSUME(NumberLit);
    this.word('per');
    this.SUBRULE(this.unit);
    this.OPTION(() => {
      this.word('ramp');
      this.SUBRULE(this.duration);
    });
  });

  public segmentBlock = this.RULE('segmentBlock', () => {
    this.word('segment');
    this.id();
    this.OPTION(() => this.CONSUME(StringLit));
    this.block(() => this.SUBRULE(this.segmentField));
  });

  public segmentField = this.RULE('segmentField', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.criterionField) },
      {
        ALT: () => {
          this.word('size');
          this.CONSUME(NumberLit);
        },
      },
    ]);
  });

  public criterionField = this.RULE('criterionField', () => {
    this.OR([
      {
        ALT: () => {
          this.word('age');
          this.CONSUME(NumberLit);
          this.word('to');
          this.CONSUME1(NumberLit);
        },
      },
      {
        ALT: () => {
          this.word('resident');
          this.word('in');
          this.CONSUME(StringLit);
        },
      },
      {
        ALT: () => {
          this.word('criterion');
          this.CONSUME1(StringLit);
        },
      },
    ]);
  });

  public outcomeBlock = this.RULE('outcomeBlock', () => {
    this.word('outcome');
    this.id();
    this.OPTION(() => this.CONSUME(StringLit));
    this.block(() => this.SUBRULE(this.outcomeField));
  });

  public outcomeField = this.RULE('outcomeField', () => {
    this.OR([
      {
        ALT: () => {
          this.word('for');
          this.id();
          this.MANY(() => {
            this.CONSUME(Comma);
            this.id(1);
          });
        },
      },
      { ALT: () => this.textField('measure') },
      { ALT: () => this.textField('instrument', 1) },
      { ALT: () => this.textField('evidence', 2) },
      {
        ALT: () => {
          this.word('baseline');
          this.SUBRULE(this.rate);
          this.OPTION(() => this.SUBRULE(this.sourceClause));
        },
      },
      {
        ALT: () => {
          this.word('target');
          this.SUBRULE1(this.rate);
          this.OPTION1(() => {
            this.word('by');
            this.CONSUME(DateLit);
          });
        },
      },
      { ALT: () => this.textField('counterfactual', 3) },
      {
        ALT: () => {
          this.word('kind');
          this.SUBRULE(this.outcomeKind);
        },
      },
      {
        ALT: () => {
          this.word('value');
          this.CONSUME(Money);
          this.OPTION2(() => this.SUBRULE1(this.sourceClause));
        },
      },
      {
        ALT: () => {
          this.word('window');
          this.SUBRULE(this.duration);
        },
      },
    ]);
  });

  public outcomeKind = this.RULE('outcomeKind', () => this.oneOf(['tangible', 'intangible', 'output']));

  /** A baseline or target: a percentage or a count. */
  public rate = this.RULE('rate', () => {
    this.OR([{ ALT: () => this.CONSUME(Percent) }, { ALT: () => this.CONSUME(NumberLit) }]);
  });

  public sourceClause = this.RULE('sourceClause', () => {
    this.word('source');
    this.CONSUME(StringLit);
  });

  public paymentBlock = this.RULE('paymentBlock', () => {
    this.word('payment');
    this.block(() => this.SUBRULE(this.paymentField));
  });

  public paymentField = this.RULE('paymentField', () => {
    this.OR([
      {
        ALT: () => {
          this.word('model');
          this.SUBRULE(this.paymentModel);
        },
      },
      {
        ALT: () => {
          this.word('upfront');
          this.CONSUME(Percent);
        },
      },
      { ALT: () => this.SUBRULE(this.payLine) },
      { ALT: () => this.SUBRULE(this.capLine) },
      { ALT: () => this.textField('schedule') },
    ]);
  });

  /** `cap £…` over the whole contract, or `cap £… per participant | per year | for OUTCOME`. */
  public capLine = this.RULE('capLine', () => {
    this.word('cap');
    this.CONSUME(Money);
    this.OPTION(() => {
      this.OR([
        {
          ALT: () => {
            this.word('per');
            this.OR1([{ ALT: () => this.word('participant') }, { ALT: () => this.word('year') }]);
          },
        },
        {
          ALT: () => {
            this.word('for');
            this.id();
          },
        },
      ]);
    });
  });

  public paymentModel = this.RULE('paymentModel', () => this.oneOf(['results', 'grant', 'block', 'mixed']));

  public payLine = this.RULE('payLine', () => {
    this.word('pay');
    this.CONSUME(Money);
    this.word('for');
    this.id();
    this.OPTION(() => {
      this.word('per');
      this.word('participant');
    });
    this.OPTION1(() => {
      this.word('in');
      this.id(1);
    });
    this.OPTION2(() => {
      this.word('threshold');
      this.CONSUME(Percent);
    });
  });

  public subcontractingBlock = this.RULE('subcontractingBlock', () => {
    this.word('subcontracting');
    this.block(() => this.SUBRULE(this.subcontractingField));
  });

  public subcontractingField = this.RULE('subcontractingField', () => {
    this.OR([
      { ALT: () => this.textField('prime') },
      {
        ALT: () => {
          this.word('management');
          this.word('fee');
          this.CONSUME(Percent);
        },
      },
      { ALT: () => this.textField('standard', 1) },
    ]);
  });

  public requirementItem = this.RULE('requirementItem', () => this.textField('requirement'));
  public standardItem = this.RULE('standardItem', () => this.textField('standard'));
  public involveItem = this.RULE('involveItem', () => this.textField('involve'));
  public monitorItem = this.RULE('monitorItem', () => this.textField('monitor'));

  public contingencyBlock = this.RULE('contingencyBlock', () => {
    this.word('contingency');
    this.block(() => this.SUBRULE(this.contingencyField));
  });

  public contingencyField = this.RULE('contingencyField', () => {
    this.OR([
      {
        ALT: () => {
          this.word('step');
          this.word('in');
          this.CONSUME(StringLit);
        },
      },
      {
        ALT: () => {
          this.word('notice');
          this.SUBRULE(this.duration);
        },
      },
      {
        ALT: () => {
          this.word('warning');
          this.word('signs');
          this.CONSUME1(StringLit);
        },
      },
      {
        ALT: () => {
          this.word('reserve');
          this.CONSUME(Money);
        },
      },
    ]);
  });

  public financeBlock = this.RULE('financeBlock', () => {
    this.word('finance');
    this.block(() => this.SUBRULE(this.financeField));
  });

  public financeField = this.RULE('financeField', () => {
    this.OR([{ ALT: () => this.SUBRULE(this.investorLine) }, { ALT: () => this.SUBRULE(this.providerPaid) }]);
  });

  /** `investor "…" [commitment £…] [return up to P per year]`. */
  public investorLine = this.RULE('investorLine', () => {
    this.word('investor');
    this.CONSUME(StringLit);
    this.OPTION(() => {
      this.word('commitment');
      this.CONSUME(Money);
    });
    this.OPTION1(() => {
      this.word('return');
      this.word('up');
      this.word('to');
      this.CONSUME(Percent);
      this.word('per');
      this.word('year');
    });
  });

  /** `provider paid fixed fee [£…]` or `provider paid P of outcome payments`. */
  public providerPaid = this.RULE('providerPaid', () => {
    this.word('provider');
    this.word('paid');
    this.OR([
      {
        ALT: () => {
          this.word('fixed');
          this.word('fee');
          this.OPTION(() => this.CONSUME(Money));
        },
      },
      {
        ALT: () => {
          this.CONSUME(Percent);
          this.word('of');
          // `outcome` on the next line begins an outcome: this line is unfinished.
          this.OR1([{ GATE: () => inPhrase(this.text, this.LA(0), this.LA(1)), ALT: () => this.word('outcome') }]);
          this.word('payments');
        },
      },
    ]);
  });

  public reviewItem = this.RULE('reviewItem', () => {
    this.word('review');
    this.word('every');
    this.SUBRULE(this.duration);
    this.OPTION(() => {
      this.word('with');
      this.CONSUME(StringLit);
    });
  });

  public duration = this.RULE('duration', () => {
    this.CONSUME(NumberLit);
    this.SUBRULE(this.unit);
  });

  public unit = this.RULE('unit', () => this.oneOf(UNIT_WORDS));

  /** `{ field* }`; a field this block does not know is skipped by Chevrotain's re-sync. */
  private block(field: () => void): void {
    this.CONSUME(LCurly);
    this.MANY(field);
    this.CONSUME(RCurly);
  }

  /**
   * `<keyword> "text"`: a field or item whose value is one string. `idx` tells apart
   * the string tokens of one rule, as Chevrotain requires.
   */
  private textField(word: Keyword, idx = 0): void {
    this.word(word);
    this.consume(idx, StringLit);
  }
}

/** OR indices for `id()`, clear of the ones rules use for their own alternatives. */
const ID_OR_INDEX = 10;

/** Words that begin a field or an item. */
const FIELD_WORDS = new Set<string>([
  ...TOP_LEVEL_WORDS,
  'commissioner', 'term', 'budget', 'service', 'eligibility', 'size', 'referral', 'referrals', 'segment',
  'exclude', 'age', 'resident', 'criterion', 'for', 'measure', 'instrument', 'evidence',
  'baseline', 'target', 'counterfactual', 'kind', 'value', 'window', 'model', 'upfront',
  'pay', 'cap', 'schedule', 'prime', 'management', 'step', 'notice', 'warning', 'reserve',
  'investor', 'provider',
]);

/** `outcome` right after `of` on its line: the phrase `of outcome payments`, not an outcome. */
function inPhrase(text: string, previous: IToken | undefined, token: IToken): boolean {
  return token.tokenType === kw('outcome') && previous?.tokenType === kw('of') && !lineBreakBetween(text, previous, token);
}

function startsNextField(text: string, previous: IToken, next: IToken): boolean {
  return FIELD_WORDS.has(next.tokenType.name) && lineBreakBetween(text, previous, next);
}

/**
 * Whether a line ends between two tokens, read from the text between them (spaces and
 * comments): the lexer tracks offsets only, which costs less than lines and columns.
 */
function lineBreakBetween(text: string, before: IToken, after: IToken): boolean {
  for (let i = before.endOffset! + 1; i < after.startOffset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

let instance: OutcomeParser | undefined;

/**
 * The one parser instance: Chevrotain parsers are costly to build and cheap to reuse.
 * Built when first needed, so that a run that parses nothing (every finding from
 * `--cache`) does not pay for it.
 */
export function theParser(): OutcomeParser {
  return (instance ??= new OutcomeParser());
}


