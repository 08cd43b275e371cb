// Policy: objects without a label the team requires (peer concept 83: kube-linter required-label-owner and the
// required-label template). Nothing is reported until the config names the labels.
import { defineRule } from '../../src/rule.js'
import { keyName, keyRules, kindSelected, nameOf, POD_CREATING_KINDS, unmetRequirements } from '../../src/policy/metadata-keys.js'

export default defineRule({
  meta: {
    id: 'hygiene/required-label',
    category: 'hygiene',
    severity: 'warning',
    preset: 'all',
    description: 'An object without a label the config requires, or with a value the required pattern does not allow.',
    remediation: 'Add the label under metadata.labels with a value that matches the pattern the config gives.',
    options: {
      labels: {
        type: 'string[]',
        default: [],
        description: 'the labels each object of the kinds must carry: `key`, `key=regex` (the regex must match the whole value), or `prefix*` for any key with that prefix',
      },
      kinds: {
        type: 'string[]',
        default: POD_CREATING_KINDS,
        description: 'the kinds checked, `*` for every kind; by default Pods and the built-in kinds that create them (kube-linter\'s scope)',
      },
    },
    messages: {
      missing: "{{kind}} {{name}} has no label {{label}}{{valueHint}}, which this repository's config requires of every {{kind}}. Add it under metadata.labels.",
      badValue: '{{kind}} {{name}} has the label {{key}}: "{{value}}", but the config asks for a value matching {{pattern}}. Set a value that matches.',
    },
  },
  create(ctx) {
    const rules = keyRules('hygiene/required-label', 'labels', ctx.options.labels as readonly string[])
    const kinds = ctx.options.kinds as readonly string[]
    return {
      Object(object) {
        if (rules.length === 0 || !kindSelected(kinds, object.kind)) return
        const labels = object.metadata?.labels
        const data = { kind: object.kind, name: nameOf(object.metadata) }
        for (const { rule, entry } of unmetRequirements(labels, rules)) {
          if (entry) {
            ctx.report('badValue', { path: ['metadata', 'labels', { key: entry[0] }], text: '' }, { data: { ...data, key: entry[0], value: entry[1], pattern: rule.pattern } })
          } else {
            const valueHint = rule.pattern === undefined ? '' : ` (with a value matching ${rule.pattern})`
            ctx.report('missing', { path: labels === undefined ? ['metadata'] : ['metadata', 'labels'], text: '' }, { data: { ...data, label: keyName(rule), valueHint }, point: 'key' })
          }
        }
      },
    }
  },
})
