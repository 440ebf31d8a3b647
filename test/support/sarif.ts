import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { repoRoot } from './paths';

/**
 * Ajv for the official SARIF 2.1.0 schema (test/data/sarif-schema-2.1.0.json, copied
 * as published). The schema declares JSON Schema draft-04, which Ajv 8 does not ship;
 * the keywords it uses mean the same in draft-07, so it is compiled as draft-07 with
 * only its `id` renamed `$id`.
 */
export function sarifValidator() {
  const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test', 'data', 'sarif-schema-2.1.0.json'), 'utf8')) as Record<string, unknown>;
  const { id, $schema: _draft04, ...rest } = schema as { id: string; $schema: string };
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile({ ...rest, $schema: 'http://json-schema.org/draft-07/schema#', $id: id });
}
