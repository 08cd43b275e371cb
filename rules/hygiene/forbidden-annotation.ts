// Policy: objects carrying an annotation the team forbids (peer concept 85: kube-linter's forbidden-annotation
// template). Nothing is reported until the config names the annotations.
import { defineRule } from '../../src/rule.js'
import { keyRules, kindSelected, matchingEntries, nameOf, valueMatches } from '../../src/policy/metadata-keys.js'

export default defineRule({
  meta: {
    id: 'hygiene/forbidden-annotation',
    category: 'hygiene',
    severity: 'warning',
    preset: 'all',
    description: 'An object that carries an annotation the config forbids, or one with a value the config forbids.',
    remediation: 'Remove the annotation from metadata.annotations, or give it a value the config allows.',
    options: {
      annotations: {
        type: 'string[]',
        default: [],
        description: 'the annotations no object of the kinds may carry: `key` (any value), `key=regex` (only values the regex matches whole), or `prefix*` for any key with that prefix',
      },
      kinds: { type: 'string[]', default: ['*'], description: 'the kinds checked, `*` for every kind (as kube-linter\'s template: any object)' },
    },
    messages: {
      forbidden: "{{kind}} {{name}} has the annotation {{key}}{{shown}}, which this repository's config forbids{{because}}. Remove it.",
    },
  },
  create(ctx) {
    const rules = keyRules('hygiene/forbidden-annotation', 'annotations', ctx.options.annotations as readonly string[])
    const kinds = ctx.options.kinds as readonly string[]
    return {
      Object(object) {
        if (rules.length === 0 || !kindSelected(kinds, object.kind)) return
        const annotations = object.metadata?.annotations
        const reported = new Set<string>()
        for (const rule of rules) {
          for (const [key, value] of matchingEntries(annotations, rule)) {
            if (!valueMatches(rule, value) || reported.has(key)) continue
            reported.add(key)
            const data = {
              kind: object.kind,
              name: nameOf(object.metadata),
              key,
              shown: rule.pattern === undefined ? '' : `: "${value}"`,
              because: rule.pattern === undefined ? '' : ` with a value matching ${rule.pattern}`,
            }
            ctx.report('forbidden', { path: ['metadata', 'annotations', { key }], text: '' }, { data, point: 'key' })
          }
        }
      },
    }
  },
})
