import { posix } from 'node:path'
import { defineRule } from '../../src/rule.js'
import { nameOf } from '../../src/wiring/describe.js'

export default defineRule({
  meta: {
    id: 'input/duplicate-object',
    category: 'wiring',
    severity: 'warning',
    description: 'The same object (API group, kind, namespace and name) is defined more than once in the input, so the later definition replaces the earlier.',
    remediation: 'Keep one definition of each object, or lint the folders of different environments separately.',
    messages: {
      sameFile:
        '{{name}} is defined again in this file: kubectl apply applies both, and the later one silently replaces the earlier, so only one of them takes effect. Remove one of them or merge them.',
      sameFolder:
        '{{name}} is also defined in {{first}}: if the two files are applied together, the later silently replaces the earlier. Remove one, merge them, or keep alternatives in separate folders.',
      identical: '{{name}} is defined again, identically, in {{first}}: harmless, since applying it twice changes nothing, but one copy is enough.',
    },
  },
  wire(ctx) {
    return {
      Object(self) {
        // an object with only a generateName gets a fresh name each time it is created
        if (self.name === '') return
        const first = ctx.index.named(self.kind, self.namespace, self.name).find((o) => o.group === self.group && o.seq < self.seq)
        if (!first) return
        const name = nameOf(self, ctx.cluster.namespace)
        const related = [{ object: first, message: `the first definition of ${name}` }]
        const at = ['metadata', 'name']
        // copies in separate folders are usually per environment, or a base and its overlay's patch: not reported
        if (first.filePath !== self.filePath && posix.dirname(first.filePath) !== posix.dirname(self.filePath)) return
        // the same object written twice (a Namespace each app's file declares) does no harm
        if (sameValue(first.value, self.value)) ctx.report('identical', { at, data: { name, first: `${first.filePath}:${first.line}` }, related, severity: 'info' })
        else if (first.filePath === self.filePath) ctx.report('sameFile', { at, data: { name }, related })
        // files of one folder are often alternatives (an all-in-one bundle and its parts, examples): advice only
        else ctx.report('sameFolder', { at, data: { name, first: first.filePath }, related, severity: 'info' })
      },
    }
  },
})

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
}
