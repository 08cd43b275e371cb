// Where a pod may run: nodeSelector, tolerations, node and pod (anti)affinity, topology spread constraints
// (k8s-semantics A.2.7 S5, S12-S22).
import type { NodeSelectorRequirement, NodeSelectorTerm, PodAffinityTerm, PodSpec, WeightedPodAffinityTerm } from 'kubernetes-types/core/v1.js'
import { fieldError, type FieldError } from '../../src/field-errors.js'
import { dns1123Subdomain, labelValue } from '../../src/name-formats.js'
import { defineRule } from '../../src/rule.js'
import { labelName, lengthUnit, type Path } from '../../src/validation/pod.js'
import { labelMapErrors, labelSelectorErrors, type PlacedError } from '../../src/validation/selector.js'

type Id = 'nodeSelector' | 'toleration' | 'nodeAffinity' | 'weight' | 'podAffinity' | 'topologySpread'
type Report = (id: Id, e: FieldError, point?: 'key' | 'value') => void

const reportAll = (id: Id, placed: PlacedError[], report: Report) => {
  for (const { error, point } of placed) report(id, error, point)
}

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute']
const WHEN_UNSATISFIABLE = ['DoNotSchedule', 'ScheduleAnyway']
const INCLUSION_POLICIES = ['Honor', 'Ignore']

function tolerations(spec: PodSpec, at: Path, minor: number, report: Report): void {
  spec.tolerations?.forEach((t, i) => {
    if (!t) return
    const p: Path = [...at, 'tolerations', i]
    const key = t.key ?? ''
    const operator = t.operator ?? ''
    const value = t.value ?? ''
    const effect = t.effect ?? ''
    if (key) for (const e of labelName(key, [...p, 'key'], minor)) report('toleration', e)
    if (!key && operator !== 'Exists') {
      report('toleration', fieldError.invalid([...p, 'operator'], operator, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'))
    }
    if (typeof t.tolerationSeconds === 'number' && effect !== 'NoExecute') {
      report('toleration', fieldError.invalid([...p, 'effect'], effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"))
    }
    if (operator === 'Equal' || operator === '') {
      const errs = labelValue(value, lengthUnit(minor))
      if (errs.length) report('toleration', fieldError.invalid([...p, 'operator'], value, errs.join(';')))
    } else if (operator === 'Exists') {
      if (value) report('toleration', fieldError.invalid([...p, 'operator'], t, "value must be empty when `operator` is 'Exists'"))
    } else {
      report('toleration', fieldError.notSupported([...p, 'operator'], operator, ['Equal', 'Exists']))
    }
    if (effect && !EFFECTS.includes(effect)) report('toleration', fieldError.notSupported([...p, 'effect'], effect, EFFECTS))
  })
}

function nodeRequirement(req: NodeSelectorRequirement, p: Path, minor: number, report: Report): void {
  const values = req.values ?? []
  switch (req.operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) report('nodeAffinity', fieldError.required([...p, 'values'], "must be specified when `operator` is 'In' or 'NotIn'"))
      break
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) report('nodeAffinity', fieldError.forbidden([...p, 'values'], "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"))
      break
    case 'Gt':
    case 'Lt':
      if (values.length !== 1) report('nodeAffinity', fieldError.required([...p, 'values'], "must be specified single value when `operator` is 'Lt' or 'Gt'"))
      break
    default:
      report('nodeAffinity', fieldError.invalid([...p, 'operator'], req.operator ?? '', 'not a valid selector operator'))
  }
  for (const e of labelName(req.key ?? '', [...p, 'key'], minor)) report('nodeAffinity', e)
}

function nodeTerm(term: NodeSelectorTerm, p: Path, minor: number, report: Report): void {
  term.matchExpressions?.forEach((req, k) => req && nodeRequirement(req, [...p, 'matchExpressions', k], minor, report))
  term.matchFields?.forEach((req, k) => {
    if (!req) return
    const rp: Path = [...p, 'matchFields', k]
    if (req.operator === 'In' || req.operator === 'NotIn') {
      if ((req.values ?? []).length !== 1) {
        report('nodeAffinity', fieldError.required([...rp, 'values'], "must be only one value when `operator` is 'In' or 'NotIn' for node field selector"))
      }
    } else {
      report('nodeAffinity', fieldError.invalid([...rp, 'operator'], req.operator ?? '', 'not a valid selector operator'))
    }
    if (req.key !== 'metadata.name') report('nodeAffinity', fieldError.invalid([...rp, 'key'], req.key ?? '', 'not a valid field selector key'))
    else {
      // metadata.name values are node names
      req.values?.forEach((v, n) => {
        if (typeof v === 'string') for (const msg of dns1123Subdomain(v)) report('nodeAffinity', fieldError.invalid([...rp, 'values', n], v, msg))
      })
    }
  })
}

function podAffinityTerm(term: PodAffinityTerm, p: Path, minor: number, report: Report): void {
  reportAll('podAffinity', labelSelectorErrors(term.labelSelector, [...p, 'labelSelector'], minor), report)
  reportAll('podAffinity', labelSelectorErrors(term.namespaceSelector, [...p, 'namespaceSelector'], minor), report)
  const key = term.topologyKey ?? ''
  if (!key) report('podAffinity', fieldError.required([...p, 'topologyKey'], 'can not be empty'))
  for (const e of labelName(key, [...p, 'topologyKey'], minor)) report('podAffinity', e)
}

function affinity(spec: PodSpec, at: Path, minor: number, report: Report): void {
  const a = spec.affinity
  if (!a) return
  const na = a.nodeAffinity
  if (na) {
    const np: Path = [...at, 'affinity', 'nodeAffinity']
    const required = na.requiredDuringSchedulingIgnoredDuringExecution
    if (required) {
      const tp: Path = [...np, 'requiredDuringSchedulingIgnoredDuringExecution', 'nodeSelectorTerms']
      if (!required.nodeSelectorTerms?.length) report('nodeAffinity', fieldError.required(tp, 'must have at least one node selector term'))
      required.nodeSelectorTerms?.forEach((term, i) => term && nodeTerm(term, [...tp, i], minor, report))
    }
    na.preferredDuringSchedulingIgnoredDuringExecution?.forEach((pref, i) => {
      if (!pref) return
      const pp: Path = [...np, 'preferredDuringSchedulingIgnoredDuringExecution', i]
      const weight = pref.weight ?? 0
      if (!(weight > 0 && weight <= 100)) report('weight', fieldError.invalid([...pp, 'weight'], weight, 'must be in the range 1-100'))
      if (pref.preference) nodeTerm(pref.preference, [...pp, 'preference'], minor, report)
    })
  }
  for (const kind of ['podAffinity', 'podAntiAffinity'] as const) {
    const pa = a[kind]
    if (!pa) continue
    const pp: Path = [...at, 'affinity', kind]
    pa.requiredDuringSchedulingIgnoredDuringExecution?.forEach((term, i) => {
      if (term) podAffinityTerm(term, [...pp, 'requiredDuringSchedulingIgnoredDuringExecution', i], minor, report)
    })
    pa.preferredDuringSchedulingIgnoredDuringExecution?.forEach((w: WeightedPodAffinityTerm, i) => {
      if (!w) return
      const wp: Path = [...pp, 'preferredDuringSchedulingIgnoredDuringExecution', i]
      const weight = w.weight ?? 0
      if (!(weight > 0 && weight <= 100)) report('weight', fieldError.invalid([...wp, 'weight'], weight, 'must be in the range 1-100'))
      if (w.podAffinityTerm) podAffinityTerm(w.podAffinityTerm, [...wp, 'podAffinityTerm'], minor, report)
    })
  }
}

function topologySpread(spec: PodSpec, at: Path, minor: number, report: Report): void {
  const constraints = spec.topologySpreadConstraints ?? []
  constraints.forEach((c, i) => {
    if (!c) return
    const p: Path = [...at, 'topologySpreadConstraints', i]
    const maxSkew = c.maxSkew ?? 0
    if (!(maxSkew > 0)) report('topologySpread', fieldError.invalid([...p, 'maxSkew'], maxSkew, 'must be greater than zero'))
    if (!c.topologyKey) report('topologySpread', fieldError.required([...p, 'topologyKey'], 'can not be empty'))
    const when = c.whenUnsatisfiable ?? ''
    if (!WHEN_UNSATISFIABLE.includes(when)) report('topologySpread', fieldError.notSupported([...p, 'whenUnsatisfiable'], when, WHEN_UNSATISFIABLE))
    const twin = constraints.slice(i + 1).some((o) => o && o.topologyKey === c.topologyKey && o.whenUnsatisfiable === c.whenUnsatisfiable)
    if (twin) report('topologySpread', fieldError.duplicate([...p, '{topologyKey, whenUnsatisfiable}'], `{${c.topologyKey ?? ''}, ${when}}`))
    if (typeof c.minDomains === 'number') {
      if (c.minDomains <= 0) report('topologySpread', fieldError.invalid([...p, 'minDomains'], c.minDomains, 'must be greater than zero'))
      if (when !== 'DoNotSchedule') report('topologySpread', fieldError.invalid([...p, 'minDomains'], c.minDomains, `can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ${when}`))
    }
    for (const field of ['nodeAffinityPolicy', 'nodeTaintsPolicy'] as const) {
      const policy = c[field]
      if (typeof policy === 'string' && !INCLUSION_POLICIES.includes(policy)) report('topologySpread', fieldError.notSupported([...p, field], policy, INCLUSION_POLICIES))
    }
    reportAll('topologySpread', labelSelectorErrors(c.labelSelector, [...p, 'labelSelector'], minor), report)
  })
}

export default defineRule({
  meta: {
    id: 'pod/scheduling',
    category: 'server',
    severity: 'error',
    description: 'A nodeSelector, toleration, affinity or topology spread constraint the API server rejects.',
    remediation: 'Use valid label keys and values, the operators and effects the scheduler knows, weights from 1 to 100 and non-empty topology keys.',
    messages: {
      nodeSelector: '{{error}}. nodeSelector keys and values follow the label rules.',
      toleration: '{{error}}. Operators are Equal (the default) or Exists (required when key is empty); tolerationSeconds needs effect NoExecute.',
      nodeAffinity: '{{error}}. In/NotIn need values, Exists/DoesNotExist take none, Gt/Lt take exactly one.',
      weight: '{{error}}. Give each preferred term a weight from 1 to 100.',
      podAffinity: '{{error}}. Each pod (anti)affinity term needs a topologyKey (a node label such as kubernetes.io/hostname) and a valid selector.',
      topologySpread: '{{error}}. Give each constraint a maxSkew above 0, a topologyKey and whenUnsatisfiable DoNotSchedule or ScheduleAnyway.',
    },
  },
  create(ctx) {
    const report: Report = (id, e, point) => ctx.report(id, e, point ? { point } : undefined)
    return {
      PodSpec(spec, visit) {
        reportAll('nodeSelector', labelMapErrors(spec.nodeSelector, [...visit.path, 'nodeSelector'], ctx.minor), report)
        tolerations(spec, visit.path, ctx.minor, report)
        affinity(spec, visit.path, ctx.minor, report)
        topologySpread(spec, visit.path, ctx.minor, report)
      },
    }
  },
})
