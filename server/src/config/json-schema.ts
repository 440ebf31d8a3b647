import { z } from 'zod';
import { Rule } from '../rules/rule';
import { configSchema } from './config';

/**
 * The JSON Schema of `.outcomelintrc.json`, for editors (VS Code's `jsonValidation`):
 * generated from the same zod schema the linter checks configs with.
 */
export function configJsonSchema(rules: readonly Rule<unknown>[]): Record<string, unknown> {
  return {
    ...z.toJSONSchema(configSchema(rules), { target: 'draft-7', io: 'input' }),
    title: 'outcome-lint configuration (.outcomelintrc.json)',
  };
}
