// Where each rule's documentation lives online: the one base URL that SARIF, annotations and editors link to.
import { CUSTOM_PREFIX } from './custom-policies.js'

/** the repository's home page */
export const REPOSITORY_URL = 'https://github.com/seaworthy-lint/seaworthy'

/** the folder of rule docs, `rules/<id>.md` below it */
export const RULE_DOCS_BASE_URL = `${REPOSITORY_URL}/blob/main/rules/`

/** the doc page of a rule; undefined for a config's custom policies, which have no page */
export function ruleDocsUrl(ruleId: string): string | undefined {
  return ruleId.startsWith(CUSTOM_PREFIX) ? undefined : `${RULE_DOCS_BASE_URL}${ruleId}.md`
}
