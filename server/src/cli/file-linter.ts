import { LineIndex } from '../base/line-index';
import { Span } from '../base/span';
import { lint } from '../engine/lint';
import type { Project } from '../host/project';
import type { ParseCache } from '../model/model';
import { catalogue } from '../rules/catalogue';
import type { ParseResult } from '../syntax/parse';
import { fileFindings, Finding, region, RelatedPlace } from './report';

/*
 * Linting one file after another in a run, on the main thread or on a worker
 * (lint-workers.ts): each file's findings with their places worked out, as every output
 * format prints them. Plain data, so that a worker can send them back.
 */

/** One file's findings, and the files its `use` lines reached (for `--cache`). */
export interface Linted {
  readonly findings: Finding[];
  readonly usedFiles: readonly string[];
}

export class FileLinter {
  private readonly indexes = new Map<string, LineIndex>();
  /**
   * Parses of files reached through `use`, kept for the run. A linted file's own parse
   * is not kept: most files are used by no other, and a heap holding every file's tree
   * makes each garbage collection slower (a used file is parsed again, once).
   */
  private readonly used = new Map<string, ParseResult>();

  constructor(
    private readonly project: Project,
    private readonly shown: (file: string) => string,
  ) {}

  lint(file: string): Linted {
    const cache: ParseCache = {
      get: (uri) => this.used.get(uri),
      set: (uri, parsed) => {
        if (uri !== file) this.used.set(uri, parsed);
      },
    };
    const result = lint(this.project, file, { rules: catalogue, cache });
    const index = result.facts.lines;
    this.indexes.set(file, index);
    const related = (uri: string | undefined, span: Span, message: string): RelatedPlace => {
      const other = uri ?? file;
      return { path: this.shown(other), file: other, message, ...region(other === file ? index : this.indexOf(other), span) };
    };
    return { findings: fileFindings(result.diagnostics, result.suppressed, index, related), usedFiles: result.model.usedFiles };
  }

  /** Each file's findings, in order. */
  lintEach(files: readonly string[]): Linted[] {
    return files.map((file) => this.lint(file));
  }

  private indexOf(file: string): LineIndex {
    let index = this.indexes.get(file);
    if (!index) {
      const text = this.project.read(file);
      this.indexes.set(file, (index = new LineIndex(typeof text === 'string' ? text : '')));
    }
    return index;
  }
}
