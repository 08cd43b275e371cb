import { fieldError } from '../../src/field-errors.js'
import { dns1123Label } from '../../src/name-formats.js'
import { defineRule } from '../../src/rule.js'
import { containersOf, unset } from '../../src/validation/container.js'

export default defineRule({
  meta: {
    id: 'container/names',
    category: 'server',
    severity: 'error',
    description: 'A pod spec has no containers, or a container whose name is missing, not a DNS-1123 label, or used twice.',
    remediation: 'Give every container and init container its own lower-case DNS-1123 label name, and list at least one container.',
    messages: {
      containersRequired: '{{error}}. A pod needs at least one container.',
      nameRequired: '{{error}}. Give the container a name.',
      nameInvalid: '{{error}}. Use a DNS-1123 label: lower case letters, digits and "-", at most 63 characters.',
      duplicateName: '{{error}}. Containers and init containers of one pod need distinct names.',
    },
  },
  create(ctx) {
    return {
      PodSpec(spec, visit) {
        // an absent or null list is schema/required's finding; an empty one is only the server's
        if (Array.isArray(spec.containers) && spec.containers.length === 0) {
          ctx.report('containersRequired', fieldError.required([...visit.path, 'containers']))
        }
        // init containers may not reuse a container's name either (validateInitContainers gets the container names)
        const seen = new Set<string>()
        for (const c of containersOf(spec, visit)) {
          const name = c.container.name
          const path = [...c.path, 'name']
          // an absent name is schema/required's finding; an empty one is only the server's
          if (unset(name)) {
            if (name === '') ctx.report('nameRequired', fieldError.required(path))
            continue
          }
          const errors = dns1123Label(name)
          for (const e of errors) ctx.report('nameInvalid', fieldError.invalid(path, name, e))
          if (seen.has(name)) ctx.report('duplicateName', fieldError.duplicate(path, name))
          seen.add(name)
        }
      },
    }
  },
})
