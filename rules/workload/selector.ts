import type { LabelSelector } from 'kubernetes-types/meta/v1.js'
import type { PodTemplateSpec } from 'kubernetes-types/core/v1.js'
import { fieldError } from '../../src/field-errors.js'
import { defineRule } from '../../src/rule.js'
import { isConvertibleSelector, labelSelectorErrors, isEmptySelector, selectorMatches, templateLabels } from '../../src/validation/workload.js'

interface WorkloadSpec {
  selector?: LabelSelector | null
  template?: PodTemplateSpec | null
}

export default defineRule({
  meta: {
    id: 'workload/selector',
    category: 'server',
    severity: 'error',
    description: 'A Deployment, ReplicaSet, StatefulSet or DaemonSet has a missing, empty or malformed selector, or one that does not select its own pod template.',
    remediation: "Give the workload a non-empty selector whose matchLabels and matchExpressions all hold for the pod template's labels.",
    messages: {
      empty: '{{error}}. An empty selector would select every pod in the namespace: select the pod template\'s labels.',
      syntax: '{{error}}.',
      invalidSelector: '{{error}}. The selector cannot be used until the errors in it are fixed.',
      mismatch: '{{error}}. Every matchLabels pair and matchExpressions requirement of spec.selector must hold for these labels.',
    },
  },
  create(ctx) {
    // `emptyWord` is the kind the server names in its empty-selector message (ReplicaSets say "deployment")
    const check = (spec: WorkloadSpec | undefined, emptyWord: string, daemonSet: boolean) => {
      if (!spec) return
      const selector = spec.selector ?? undefined
      const selectorPath = ['spec', 'selector']
      let convertible = true
      // a missing selector is schema/required's finding (the OpenAPI schema and the server agree)
      if (selector) {
        for (const { error, point } of labelSelectorErrors(selector, selectorPath, ctx.minor)) ctx.report('syntax', error, { point })
        convertible = isConvertibleSelector(selector)
        if (isEmptySelector(selector)) ctx.report('empty', fieldError.invalid(selectorPath, selector, `empty selector is invalid for ${emptyWord}`))
        if (!convertible && !daemonSet) ctx.report('invalidSelector', fieldError.invalid(selectorPath, selector, emptyWord === 'statefulset' ? '' : 'invalid label selector'))
      }
      if (!convertible) return
      // a missing selector selects nothing; an empty one is skipped by the template check of all but DaemonSets
      if (selector && isEmptySelector(selector) && !daemonSet) return
      const labels = templateLabels(spec.template?.metadata?.labels)
      if (selector && selectorMatches(selector, labels)) return
      ctx.report('mismatch', fieldError.invalid(['spec', 'template', 'metadata', 'labels'], spec.template?.metadata?.labels ?? null, '`selector` does not match template `labels`'))
    }
    return {
      Deployment: (d) => check(d.spec, 'deployment', false),
      ReplicaSet: (rs) => check(rs.spec, 'deployment', false),
      StatefulSet: (ss) => check(ss.spec, 'statefulset', false),
      DaemonSet: (ds) => check(ds.spec, 'daemonset', true),
    }
  },
})
