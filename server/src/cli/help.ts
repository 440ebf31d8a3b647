import { docUrl } from '../rules/links';

/** `outcome-lint --help`: for the commissioner who writes specs and the engineer who sets up CI. */
export function helpText(version: string): string {
  return `outcome-lint ${version}: checks outcome specifications (.outcome files) for
designs known to fail, such as prices that reward picking the easiest people or
budgets that cannot pay for the results they promise.

Usage:
  outcome-lint [options] [files, folders or globs...]

  A folder means every .outcome file inside it (node_modules and hidden folders,
  such as .git, are skipped). Files that a .gitignore or the "ignores" of
  .outcomelintrc.json leave out are not linted, even when named.
  '!PATTERN' among the paths leaves out what PATTERN matches, as
  --ignore-pattern PATTERN does.
  With nothing named, the current folder is checked. A spec can \`use\` another spec
  in the same folder tree.

Examples:
  outcome-lint                              check every spec in this folder
  outcome-lint tenders/housing.outcome      check one spec
  outcome-lint --list-rules                 what each rule looks for
  outcome-lint -f sarif -o lint.sarif .     a report for GitHub code scanning

What you see:
  Each finding gives its place (line:column), how serious it is, what is wrong in
  plain words, and the rule that found it:
    error    the design cannot work as written, or is known to fail; fix it
    warning  a design known to go wrong in practice; fix it or say why not
    info     worth a look; never fails a run
  Each rule's page explains why, with an example and how to fix it:
    ${docUrl('docs/rules')}

Output:
  -f, --format NAME      stylish (the default, for reading), compact (one line a
                         finding, as compilers print them), json, sarif (code
                         scanning), github (GitHub Actions annotations), junit
                         (test reports in GitLab, Jenkins and others) or gitlab
                         (GitLab code quality)
  -f, --format NAME:FILE write that report to FILE; repeat --format for several
                         reports in one run, such as
                         -f sarif:outcome-lint.sarif -f stylish
  -o, --output FILE      write the report of the --format without a file to FILE
                         instead of the screen
  -q, --quiet            report errors only
      --color, --no-color
                         colour on or off (default: on in a terminal, off when
                         NO_COLOR is set or the report goes to a file or a pipe)

Which files:
      --ignore-pattern PATTERN
                         leave out the files and folders PATTERN matches, written
                         as in a .gitignore and relative to this folder, such as
                         --ignore-pattern 'drafts/' (repeat for more)
      --no-gitignore     read no .gitignore: lint what they leave out too
      --max-file-size MB stop at a spec larger than MB megabytes, before reading
                         it (default: 10; at most 1024)

Reading from standard input:
      --stdin --stdin-filename PATH
                         lint the text on standard input as the file PATH (which
                         need not exist): PATH decides the settings, the files its
                         \`use\` lines reach and its name in the report

Rules and settings:
  -c, --config FILE      use this settings file for every spec, instead of the
                         nearest .outcomelintrc.json
      --rule ID=SEVERITY set one rule's severity: off, info, warning or error
                         (repeat for more rules), such as
                         --rule monetisation/intangible-paid=off
      --max-warnings N   fail when there are more than N warnings
      --baseline FILE    findings FILE lists are known: counted apart, and they
                         fail nothing; only new findings do
      --write-baseline   write this run's findings into the --baseline FILE (the
                         entries of files not linted in the run are kept)

Speed:
      --cache            keep each file's findings in .outcomelintcache and reuse
                         them while the file, the files it \`use\`s, its settings
                         and outcome-lint's version are unchanged
      --cache-location PATH
                         keep the cache in PATH instead (a folder: the file
                         .outcomelintcache in it)
      --concurrency auto|off|N
                         lint on N threads; auto (the default) starts worker
                         threads only on 4 cores or more, for a megabyte of
                         specs each, up to half the cores

Fixing:
      --fix              apply the fixes that are safe to apply unread (an
                         id's or a keyword's capitals), write the files, and
                         report what remains; suggestions, which change what a
                         spec says (an amount, a share, a line to fill in), are
                         never applied: choose them one at a time in the editor
      --fix-dry-run      show what --fix would change, as a unified diff (to
                         --output FILE if given), and write no spec (exit code 1
                         when it would change a file)

Instead of linting:
      --print-config FILE
                         print the settings that apply to FILE, and stop
      --list-rules       list every rule with its severity and what it catches,
                         and stop
  -v, --version          print the version, and stop
  -h, --help             print this help, and stop

  An option the run would not use is refused, not ignored: --format with
  --fix-dry-run (which prints no report), or --fix with --list-rules.

Silencing one finding, with the reason kept in reports (and in SARIF):
  # outcome-lint-disable-next-line RULE-ID -- why this is acceptable here

Other commands (each explains itself with --help):
  outcome-lint diff OLD NEW            what a change to a spec means
  outcome-lint export --indigo SPEC    the spec as an INDIGO project (JSON)
  outcome-lint format --check [paths]  is every spec in the canonical layout?
                                       (--write puts it there)
  outcome-lint report SPEC             the provider's risk report: the most it
                                       can pay, cash flow, working capital

Exit codes:
  0  no errors (and no more warnings than --max-warnings allows)
  1  errors found, or more warnings than --max-warnings allows
  2  outcome-lint could not run: a mistake in the command, no files found, a file
     it cannot read, or an invalid settings file

More: ${docUrl('docs/cli.md')}
`;
}
