import { defineRule } from '../../src/rule.js'

export default defineRule({
  meta: {
    id: 'input/not-an-object',
    category: 'input',
    severity: 'info',
    description: 'A document has neither apiVersion nor kind, so it is not a Kubernetes object (a values file, a config file).',
    remediation: 'Nothing to do if the file is not meant for kubectl; otherwise add apiVersion and kind.',
    messages: {
      noTypeMeta: 'Not a Kubernetes object (no apiVersion/kind); skipped.',
      notAMapping: 'Not a Kubernetes object (the document is a {{type}}, not a mapping); skipped.',
    },
  },
})
