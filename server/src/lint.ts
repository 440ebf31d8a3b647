import { Diagnostic } from './diagnostic';
import { FileAccess } from './model/file-access';
import { analyse, ParseCache, SpecModel } from './model/model';

export interface LintResult {
  readonly model: SpecModel;
  /** Every finding on the file, in text order. */
  readonly diagnostics: Diagnostic[];
}

/** Parse, model and check one file. Pure: other files are reached only through `access`. */
export function lint(uri: string, text: string, access: FileAccess, cache?: ParseCache): LintResult {
  const model = analyse(uri, text, access, cache);
  const diagnostics = [...model.parsed.diagnostics, ...model.diagnostics].sort(
    (a, b) => a.span.start - b.span.start || a.span.end - b.span.end,
  );
  return { model, diagnostics };
}
