#!/usr/bin/env bash
# The GitHub Action's step (action.yml): outcome-lint once, a SARIF report to
# INPUT_SARIF_FILE and annotations (--format github) to the log. It runs the bundled
# command of the action's own checkout when it has one (dist/cli.js, as in a checkout
# that was built), else the npm package of the action's version. Exit code: outcome-lint's.
set -uo pipefail

# A report from an earlier run must not pass for this one's.
rm -f "$INPUT_SARIF_FILE"

version=$(node -p "require(process.argv[1]).version" "$GITHUB_ACTION_PATH/package.json") || exit 2
if [ -f "$GITHUB_ACTION_PATH/dist/cli.js" ]; then
  command=(node "$GITHUB_ACTION_PATH/dist/cli.js")
else
  command=(npx --yes "outcome-lint@$version")
fi

args=(--format "sarif:$INPUT_SARIF_FILE" --format github)
if [ -n "$INPUT_CONFIG" ]; then args+=(--config "$INPUT_CONFIG"); fi
if [ -n "$INPUT_MAX_WARNINGS" ]; then args+=(--max-warnings "$INPUT_MAX_WARNINGS"); fi

# The paths are split at spaces, never expanded by the shell: outcome-lint expands globs.
set -f
read -r -a paths <<< "$INPUT_PATHS"
set +f

"${command[@]}" "${args[@]}" -- "${paths[@]}"
status=$?
if [ -f "$INPUT_SARIF_FILE" ]; then echo "sarif-file=$INPUT_SARIF_FILE" >> "$GITHUB_OUTPUT"; fi
exit $status
