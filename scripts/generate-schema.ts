import * as fs from 'node:fs';
import * as path from 'node:path';
import { configJsonSchema } from '../server/src/config/json-schema';
import { catalogue } from '../server/src/rules/catalogue';

// Part of `npm run docs`: writes schemas/outcomelintrc.schema.json from the zod schema.
const file = path.join(process.cwd(), 'schemas', 'outcomelintrc.schema.json');
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, `${JSON.stringify(configJsonSchema(catalogue.all), null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), file)}`);
