import { defineRule } from '../../src/rule.js'

export default defineRule({
  meta: {
    id: 'input/unused-suppression',
    category: 'input',
    severity: 'warning',
    description: 'A suppression comment or annotation suppresses nothing: no finding it covers was reported, it names no rule, or the configuration disallows suppressions.',
    remediation: 'Remove the suppression, or the rule ids in it that no longer report anything, and correct misspelled rule ids.',
    messages: {
      unused: 'Unused suppression: no finding of {{rules}} was suppressed here. Remove it.',
      unusedRules: 'No finding of {{rules}} was suppressed here: take {{rules}} out of the suppression.',
      unknownRule: '"{{rule}}" names no seaworthy rule or area, so it suppresses nothing.{{suggestion}}',
      endsNothing: 'This seaworthy-enable ends no seaworthy-disable above it: remove it.',
      disallowed: 'Ignored: the configuration disallows suppressions in manifests, so {{written}} suppresses nothing.',
    },
  },
})
