import * as fs from 'node:fs';
import * as path from 'node:path';
import { catalogue } from '../server/src/rules/catalogue';
import { ruleDoc } from '../server/src/rules/docs';
import { ruleDocPath } from '../server/src/rules/links';
import { vscodeSnippets } from '../server/src/services/templates';
import { accuracyPage, results } from '../test/support/corpus';

// `npm run docs`: writes docs/rules/<family>/<name>.md for every rule.
for (const rule of catalogue.all) {
  const file = path.join(process.cwd(), ruleDocPath(rule.meta.id));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, ruleDoc(rule));
}
console.log(`wrote ${catalogue.all.length} rule docs in docs/rules/`);

// The rules that judge wording, scored on the labelled corpora (test/data/corpus/).
fs.writeFileSync(path.join(process.cwd(), 'docs', 'rules', 'ACCURACY.md'), accuracyPage(results()));
console.log('wrote docs/rules/ACCURACY.md');

fs.writeFileSync(path.join(process.cwd(), 'grammar', 'snippets.json'), `${JSON.stringify(vscodeSnippets(), null, 2)}\n`);
console.log('wrote grammar/snippets.json');
