import { defineRule } from '../../src/rule.js'

export default defineRule({
  meta: {
    id: 'input/missing-type',
    category: 'input',
    severity: 'error',
    description: 'An object sets only one of apiVersion and kind, or sets one to something other than a string; kubectl refuses it.',
    remediation: 'Set both apiVersion and kind as strings, e.g. `apiVersion: apps/v1` and `kind: Deployment`.',
    messages: {
      missing: '{{field}} not set: every Kubernetes object needs apiVersion and kind.',
      notString: '{{field}} must be a string, not {{found}}.',
    },
  },
})
