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
        '{{name}} is also defined in {{first}}: kubectl apply of the folder applies both, and the later one silently replaces the earlier, so only one of them takes effect. Remove one of them or merge them.',
      otherFolder:
        '{{name}} is also defined in {{first}}: applied together, the later one silently replaces the earlier. If these are for different environments (or one is a kustomize patch), lint each environment on its own.',
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
        if (first.filePath === self.filePath) ctx.report('sameFile', { at, data: { name }, related })
        else if (posix.dirname(first.filePath) === posix.dirname(self.filePath)) ctx.report('sameFolder', { at, data: { name, first: first.filePath }, related })
        // copies in separate folders are usually per environment, or a base and its overlay's patch
        else ctx.report('otherFolder', { at, data: { name, first: first.filePath }, related, severity: 'info' })
      },
    }
  },
})
