import { z } from 'zod';
import { configSchema, ConfigurableRule } from './config';

/**
 * The JSON Schema of `.outcomelintrc.json`, for editors (VS Code's `jsonValidation`):
 * generated from the same zod schema the linter checks configs with.
 */
export function configJsonSchema(rules: readonly ConfigurableRule[]): Record<string, unknown> {
  return {
    ...z.toJSONSchema(configSchema(rules), { target: 'draft-7', io: 'input' }),
    title: 'outcome-lint configuration (.outcomelintrc.json)',
  };
}
