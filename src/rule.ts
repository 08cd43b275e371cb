// How a rule is declared: metadata is the single source for docs, `seaworthy rules`, SARIF and editors.
import type { Severity } from './types.js'

export type RuleCategory = 'yaml' | 'input' | 'schema' | 'api'

export interface RuleMeta<M extends string = string> {
  /** `<category>/<name>`; also the path of the rule's module, doc and fixtures */
  id: string
  category: RuleCategory
  severity: Severity
  /** one sentence: what the rule finds */
  description: string
  /** one sentence: what to do about it */
  remediation: string
  /** message templates by id; `{{name}}` is replaced by the report's data */
  messages: Record<M, string>
}

export interface Rule<M extends string = string> {
  meta: RuleMeta<M>
}

export function defineRule<const M extends string>(rule: Rule<M>): Rule<M> {
  return rule
}

export function renderMessage(template: string, data: Record<string, unknown> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole))
}
