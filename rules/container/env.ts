import type { EnvFromSource, EnvVar, EnvVarSource } from 'kubernetes-types/core/v1.js'
import { fieldError } from '../../src/field-errors.js'
import { configMapKey, dns1123Subdomain, envVarName, qualifiedName } from '../../src/name-formats.js'
import { defineRule } from '../../src/rule.js'
import type { PathSegment } from '../../src/types.js'
import { containersOf, unset } from '../../src/validation/container.js'
import { formatQuantity, parseQuantity } from '../../src/validation/quantity.js'

// fieldRef paths the downward API converts (ConvertDownwardAPIFieldLabel), and those env vars accept
const CONVERTIBLE = new Set([
  'metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.restartPolicy',
  'spec.serviceAccountName', 'spec.schedulerName', 'status.phase', 'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs',
])
const ENV_FIELD_PATHS = ['metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.serviceAccountName', 'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs']
const RESOURCES = ['limits.cpu', 'limits.ephemeral-storage', 'limits.memory', 'requests.cpu', 'requests.ephemeral-storage', 'requests.memory']
const HUGEPAGES_PREFIXES = ['limits.hugepages-', 'requests.hugepages-']
const BYTE_DIVISORS = new Set(['1', '1k', '1M', '1G', '1T', '1P', '1E', '1Ki', '1Mi', '1Gi', '1Ti', '1Pi', '1Ei'])
const BYTE_DIVISORS_TEXT = '1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei'

const isObj = <T,>(v: T | null | undefined): v is T => typeof v === 'object' && v !== null && !Array.isArray(v)

/** envFrom names are checked as name prefixes: upstream's maskTrailingDash replaces the last two characters of "x-" by "a" */
const maskTrailingDash = (name: string) => (name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name)

export default defineRule({
  meta: {
    id: 'container/env',
    category: 'server',
    severity: 'error',
    description: 'An env or envFrom entry of a container has a bad name or prefix, no source or several, or a malformed fieldRef, resourceFieldRef or key reference.',
    remediation: 'Name every variable, give valueFrom exactly one source (and no value), and reference valid pod fields, resources, ConfigMap and Secret names and keys.',
    messages: {
      nameRequired: '{{error}}. Give the variable a name.',
      nameInvalid: '{{error}}.',
      noSource: '{{error}}. Give valueFrom one source, or use value instead.',
      valueAndValueFrom: '{{error}}. Use either value or valueFrom, not both.',
      manySources: '{{error}}. Give valueFrom exactly one source.',
      fieldRef: '{{error}}.',
      resourceFieldRef: '{{error}}.',
      divisor: '{{error}}.',
      keyRef: '{{error}}.',
      envFromSource: '{{error}}. Each envFrom entry takes exactly one of configMapRef or secretRef.',
      envFromName: '{{error}}. Name the ConfigMap or Secret to import.',
      prefix: '{{error}}.',
    },
  },
  create(ctx) {
    const relaxed = ctx.minor >= 32
    return {
      PodSpec(spec, visit) {
        for (const c of containersOf(spec, visit, ['containers', 'initContainers', 'ephemeralContainers'])) {
          const env: unknown = c.container.env
          if (Array.isArray(env)) env.forEach((e: EnvVar | null, k) => isObj(e) && checkEnv(e, [...c.path, 'env', k]))
          const envFrom: unknown = c.container.envFrom
          if (Array.isArray(envFrom)) envFrom.forEach((e: EnvFromSource | null, k) => isObj(e) && checkEnvFrom(e, [...c.path, 'envFrom'], k))
        }
      },
    }

    function checkEnv(e: EnvVar, path: readonly PathSegment[]): void {
      // absent required fields are schema/required's findings; empty ones are only the server's
      if (unset(e.name)) {
        if (e.name === '') ctx.report('nameRequired', fieldError.required([...path, 'name']))
      } else for (const msg of envVarName(e.name, relaxed)) ctx.report('nameInvalid', fieldError.invalid([...path, 'name'], e.name, msg))
      const from = e.valueFrom
      if (!isObj(from)) return
      const vf = [...path, 'valueFrom']
      // fileKeyRef (gate EnvFiles, alpha) and unknown sources: leave to the schema and to the gate
      if ('fileKeyRef' in from) return
      let sources = 0
      if (isObj(from.fieldRef)) {
        sources++
        checkFieldRef(from.fieldRef, [...vf, 'fieldRef'])
      }
      if (isObj(from.resourceFieldRef)) {
        sources++
        checkResourceFieldRef(from.resourceFieldRef, [...vf, 'resourceFieldRef'])
      }
      for (const ref of ['configMapKeyRef', 'secretKeyRef'] as const) {
        const selector = from[ref]
        if (!isObj(selector)) continue
        sources++
        const name: string = selector.name ?? ''
        for (const msg of dns1123Subdomain(name)) ctx.report('keyRef', fieldError.invalid([...vf, ref, 'name'], name, msg))
        if (unset(selector.key as unknown)) {
          if (selector.key === '') ctx.report('keyRef', fieldError.required([...vf, ref, 'key']))
        } else {
          for (const msg of configMapKey(selector.key as string)) ctx.report('keyRef', fieldError.invalid([...vf, ref, 'key'], selector.key, msg))
        }
      }
      if (sources === 0) ctx.report('noSource', fieldError.invalid(vf, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'))
      else if (!unset(e.value)) ctx.report('valueAndValueFrom', fieldError.invalid(vf, '', 'may not be specified when `value` is not empty'))
      else if (sources > 1) ctx.report('manySources', fieldError.invalid(vf, '', 'may not have more than one field specified at a time'))
    }

    function checkFieldRef(ref: NonNullable<EnvVarSource['fieldRef']>, path: readonly PathSegment[]): void {
      // "" is Go's unset value, defaulted to v1 like an absent one
      const apiVersion = ref.apiVersion || 'v1'
      if (unset(ref.fieldPath)) return ref.fieldPath === '' ? ctx.report('fieldRef', fieldError.required([...path, 'fieldPath'])) : undefined
      const fieldPath = ref.fieldPath
      const at = [...path, 'fieldPath']
      if (apiVersion !== 'v1') return ctx.report('fieldRef', fieldError.invalid(at, fieldPath, `error converting fieldPath: unsupported pod version: ${apiVersion}`))
      // fieldpath.SplitMaybeSubscriptedPath: the first "['", up to a final "']"
      const subscripted = /^(.+?)\['(.*)'\]$/s.exec(fieldPath)
      if (subscripted) {
        const [, base, key] = subscripted
        if (base !== 'metadata.annotations' && base !== 'metadata.labels') {
          return ctx.report('fieldRef', fieldError.invalid(at, fieldPath, `error converting fieldPath: field label does not support subscript: ${fieldPath}`))
        }
        const name = base === 'metadata.annotations' ? key.toLowerCase() : key
        for (const msg of qualifiedName(name)) ctx.report('fieldRef', fieldError.invalid(path, name, msg))
        return
      }
      // spec.host: an old client's name for spec.nodeName, converted before validation
      const converted = fieldPath === 'spec.host' ? 'spec.nodeName' : fieldPath
      if (!CONVERTIBLE.has(converted)) return ctx.report('fieldRef', fieldError.invalid(at, fieldPath, `error converting fieldPath: field label not supported: ${fieldPath}`))
      if (!ENV_FIELD_PATHS.includes(converted)) ctx.report('fieldRef', fieldError.notSupported(at, converted, ENV_FIELD_PATHS))
    }

    function checkResourceFieldRef(ref: NonNullable<EnvVarSource['resourceFieldRef']>, path: readonly PathSegment[]): void {
      const resource = ref.resource
      if (unset(resource)) {
        if (resource === '') ctx.report('resourceFieldRef', fieldError.required([...path, 'resource']))
      } else if (!RESOURCES.includes(resource) && !HUGEPAGES_PREFIXES.some((p) => resource.startsWith(p))) {
        ctx.report('resourceFieldRef', fieldError.notSupported([...path, 'resource'], resource, RESOURCES))
      }
      const divisor = parseQuantity(ref.divisor)
      if (!divisor || divisor.mantissa === 0n || unset(resource)) return
      const canonical = formatQuantity(divisor)
      let kind: string | undefined
      switch (resource) {
        case 'limits.cpu':
        case 'requests.cpu':
          if (canonical !== '1m' && canonical !== '1') kind = 'cpu'
          break
        case 'limits.memory':
        case 'requests.memory':
          if (!BYTE_DIVISORS.has(canonical)) kind = 'memory'
          break
        case 'limits.ephemeral-storage':
        case 'requests.ephemeral-storage':
          if (!BYTE_DIVISORS.has(canonical)) kind = 'local ephemeral storage'
          break
      }
      if (HUGEPAGES_PREFIXES.some((p) => resource.startsWith(p)) && !BYTE_DIVISORS.has(canonical)) kind = 'hugepages'
      if (!kind) return
      const values = kind === 'cpu' ? '1m and 1' : BYTE_DIVISORS_TEXT
      ctx.report('divisor', fieldError.invalid([...path, 'divisor'], resource, `only divisor's values ${values} are supported with the ${kind} resource`))
    }

    function checkEnvFrom(e: EnvFromSource, path: readonly PathSegment[], k: number): void {
      const item = [...path, k]
      if (!unset(e.prefix)) for (const msg of envVarName(e.prefix as string, relaxed)) ctx.report('prefix', fieldError.invalid([...item, 'prefix'], e.prefix, msg))
      let sources = 0
      for (const ref of ['configMapRef', 'secretRef'] as const) {
        const source = e[ref]
        if (!isObj(source)) continue
        sources++
        const name = source.name
        if (unset(name)) ctx.report('envFromName', fieldError.required([...item, ref, 'name']))
        else for (const msg of dns1123Subdomain(maskTrailingDash(name as string))) ctx.report('envFromName', fieldError.invalid([...item, ref, 'name'], name, msg))
      }
      if (sources === 0) ctx.report('envFromSource', fieldError.invalid(path, '', 'must specify one of: `configMapRef` or `secretRef`'))
      else if (sources > 1) ctx.report('envFromSource', fieldError.invalid(path, '', 'may not have more than one field specified at a time'))
    }
  },
})
