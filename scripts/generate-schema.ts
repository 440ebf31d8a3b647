import * as fs from 'node:fs';
import * as path from 'node:path';
import { configJsonSchema } from '../server/src/config/json-schema';
import { rules } from '../server/src/rules/index';

// Part of `npm run docs`: writes schemas/outcomelintrc.schema.json from the zod schema.
const file = path.join(process.cwd(), 'schemas', 'outcomelintrc.schema.json');
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, `${JSON.stringify(configJsonSchema(rules), null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), file)}`);
