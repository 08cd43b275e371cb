// Policy: cpu, memory or ephemeral-storage requests and limits outside the bounds a team sets (peer concept 45:
// kube-linter's cpu-requirements / memory-requirements templates with lower and upper bounds, Polaris' custom
// resourceMinimum / resourceMaximum schema keywords, as in its resourceRange example check).
import { ToolError } from '../../src/errors.js'
import { containerLabel } from '../../src/policy/pod-security.js'
import { defineRule, type OptionSpec } from '../../src/rule.js'
import { declaredResources, longRunningContainers } from '../../src/validation/container.js'
import { compareQuantities, formatQuantity, parseQuantity, resourceQuantity, type Quantity } from '../../src/validation/quantity.js'

const ID = 'resources/range'
const FIELDS = ['requests', 'limits']
// each resource and the options that bound it
const BOUNDS = [
  { resource: 'cpu', min: 'cpuMin', max: 'cpuMax' },
  { resource: 'memory', min: 'memoryMin', max: 'memoryMax' },
  { resource: 'ephemeral-storage', min: 'ephemeralStorageMin', max: 'ephemeralStorageMax' },
] as const

const MEBIBYTE: Quantity = { mantissa: 1048576n, scale: 0, format: 'BinarySI' }

const bound = (description: string, fallback = ''): OptionSpec => ({ type: 'string', default: fallback, description })

export default defineRule({
  meta: {
    id: ID,
    category: 'efficiency',
    severity: 'warning',
    preset: 'strict',
    options: {
      cpuMin: bound('the smallest cpu a container may request or be limited to, e.g. 50m ("" for no bound)'),
      cpuMax: bound('the largest cpu, e.g. "4" ("" for no bound)'),
      memoryMin: bound('the smallest memory, e.g. 64Mi; the default 1Mi catches a forgotten unit ("" for no bound)', '1Mi'),
      memoryMax: bound('the largest memory, e.g. 8Gi ("" for no bound)'),
      ephemeralStorageMin: bound('the smallest ephemeral-storage ("" for no bound)'),
      ephemeralStorageMax: bound('the largest ephemeral-storage, e.g. 10Gi ("" for no bound)'),
      fields: { type: 'string[]', default: FIELDS, description: 'which values to check: requests, limits, or both (kube-linter\'s requirementsType; Polaris\' example checks limits)' },
    },
    description: 'A container (or native sidecar) whose cpu, memory or ephemeral-storage request or limit is outside the bounds set in the rule\'s options (by default only a memory below 1Mi, a forgotten unit).',
    remediation: 'Bring the value within the bounds, or change the bounds in the rule\'s options if the workload needs more.',
    messages: {
      below: '{{container}} sets {{field}} to {{value}}, below the minimum of {{bound}} (option {{option}}). Raise it to at least {{bound}}, or ask for an exception if the container really needs less.',
      above:
        '{{container}} sets {{field}} to {{value}}, above the maximum of {{bound}} (option {{option}}): {{consequence}}. Lower it to at most {{bound}}, or ask for an exception if the container really needs more.',
      noUnit:
        '{{container}} sets {{field}} to {{value}}, which is {{value}} bytes: a quantity without a unit counts bytes, far less than any process needs (with a limit that small the container is killed as it starts). Write the unit, e.g. {{value}}Mi.',
    },
  },
  create(ctx) {
    const fields = (ctx.options.fields as readonly string[]).map((f) => (FIELDS.includes(f) ? f : fail(`fields: "${f}" is not requests or limits`)))
    const bounds = BOUNDS.map((b) => ({ ...b, low: quantityOption(b.min), high: quantityOption(b.max) }))
    for (const b of bounds) if (b.low && b.high && compareQuantities(b.low, b.high) > 0) fail(`${b.min} is above ${b.max}`)
    return {
      PodSpec(spec, visit) {
        for (const c of longRunningContainers(spec, visit, ctx.minor)) {
          const { limits } = declaredResources(c)
          for (const field of fields) {
            const list: Record<string, unknown> = (c.container.resources?.[field as 'requests' | 'limits'] as Record<string, unknown> | undefined) ?? {}
            for (const b of bounds) {
              // a request written as its limit is reported once, at the limit (a Pod's missing request is set to it)
              if (field === 'requests' && fields.includes('limits') && list[b.resource] === limits[b.resource]) continue
              // a value that does not decode is the API server's error, reported by the schema rules
              const value = resourceQuantity(list[b.resource])
              if (!value) continue
              const at = { path: [...c.path, 'resources', field, b.resource], text: '' }
              const data = { container: containerLabel(c), field: `resources.${field}.${b.resource}`, value: shown(list[b.resource], value) }
              if (b.low && compareQuantities(value, b.low) < 0) {
                // a plain number under a mebibyte is a forgotten unit rather than a choice
                const bare = b.resource !== 'cpu' && /^[0-9]+$/.test(String(list[b.resource]).trim()) && compareQuantities(value, MEBIBYTE) < 0
                ctx.report(bare ? 'noUnit' : 'below', at, { data: { ...data, bound: String(ctx.options[b.min]), option: b.min } })
              } else if (b.high && compareQuantities(value, b.high) > 0) {
                const consequence = field === 'requests' ? 'the scheduler reserves that much on a node whether the container uses it or not' : 'the container may take that much of its node before anything stops it'
                ctx.report('above', at, { data: { ...data, bound: String(ctx.options[b.max]), option: b.max, consequence } })
              }
            }
          }
        }
      },
    }

    function quantityOption(name: string): Quantity | undefined {
      const text = ctx.options[name]
      if (text === '') return undefined
      return parseQuantity(text) ?? fail(`${name}: "${String(text)}" is not a quantity (e.g. 500m, 2, 512Mi, 1Gi)`)
    }
  },
})

function fail(problem: string): never {
  throw new ToolError(`option of rule "${ID}": ${problem}`)
}

/** the value as written, with its canonical form when that reads differently (0.05 → 0.05 (50m)) */
function shown(written: unknown, value: Quantity): string {
  const text = String(written).trim()
  const canonical = formatQuantity(value)
  return canonical === text ? text : `${text} (${canonical})`
}
