import { ruleDocPath } from '../rules/docs';
import { REPOSITORY } from './about';

/** A rule's page in the repository's docs (docs/rules/<id>.md on the main branch). */
export function helpUri(ruleId: string): string {
  return `${REPOSITORY}/blob/main/${ruleDocPath(ruleId)}`;
}
