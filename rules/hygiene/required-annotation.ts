// Policy: objects without an annotation the team requires (peer concept 84: kube-linter required-annotation-email and the
// required-annotation template). Nothing is reported until the config names the annotations.
import { defineRule } from '../../src/rule.js'
import { keyName, keyRules, kindSelected, nameOf, POD_CREATING_KINDS, unmetRequirements } from '../../src/policy/metadata-keys.js'

export default defineRule({
  meta: {
    id: 'hygiene/required-annotation',
    category: 'hygiene',
    severity: 'warning',
    preset: 'all',
    description: 'An object without an annotation the config requires, or with a value the required pattern does not allow.',
    remediation: 'Add the annotation under metadata.annotations with a value that matches the pattern the config gives.',
    options: {
      annotations: {
        type: 'string[]',
        default: [],
        description: 'the annotations each object of the kinds must carry: `key`, `key=regex` (the regex must match the whole value), or `prefix*` for any key with that prefix',
      },
      kinds: {
        type: 'string[]',
        default: POD_CREATING_KINDS,
        description: 'the kinds checked, `*` for every kind; by default Pods and the built-in kinds that create them (kube-linter\'s scope)',
      },
    },
    messages: {
      missing: "{{kind}} {{name}} has no annotation {{label}}{{valueHint}}, which this repository's config requires of every {{kind}}. Add it under metadata.annotations.",
      badValue: '{{kind}} {{name}} has the annotation {{key}}: "{{value}}", but the config asks for a value matching {{pattern}}. Set a value that matches.',
    },
  },
  create(ctx) {
    const rules = keyRules('hygiene/required-annotation', 'annotations', ctx.options.annotations as readonly string[])
    const kinds = ctx.options.kinds as readonly string[]
    return {
      Object(object) {
        if (rules.length === 0 || !kindSelected(kinds, object.kind)) return
        const annotations = object.metadata?.annotations
        const data = { kind: object.kind, name: nameOf(object.metadata) }
        for (const { rule, entry } of unmetRequirements(annotations, rules)) {
          if (entry) {
            ctx.report('badValue', { path: ['metadata', 'annotations', { key: entry[0] }], text: '' }, { data: { ...data, key: entry[0], value: entry[1], pattern: rule.pattern } })
          } else {
            const valueHint = rule.pattern === undefined ? '' : ` (with a value matching ${rule.pattern})`
            ctx.report('missing', { path: annotations === undefined ? ['metadata'] : ['metadata', 'annotations'], text: '' }, { data: { ...data, label: keyName(rule), valueHint }, point: 'key' })
          }
        }
      },
    }
  },
})
