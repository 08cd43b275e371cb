// Words and doubts of the rules that match label selectors against the pods of the input.
import type { LabelSelector } from 'kubernetes-types/meta/v1.js'
import type { ObjectIndex } from '../object-index.js'

/** a label selector in a message's words: `app=web, tier in (api, web), !canary` */
export function selectorText(selector: LabelSelector): string {
  const parts = Object.keys(selector.matchLabels ?? {})
    .sort()
    .map((k) => `${k}=${selector.matchLabels![k]}`)
  for (const e of selector.matchExpressions ?? []) {
    const values = `(${(e.values ?? []).join(', ')})`
    if (e.operator === 'In') parts.push(`${e.key} in ${values}`)
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin ${values}`)
    else if (e.operator === 'Exists') parts.push(e.key)
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`)
  }
  return parts.join(', ')
}

/**
 * Whether operators may create pods in the namespace that no template of the input shows: the run installs a
 * CustomResourceDefinition, or the namespace holds a custom resource (a Prometheus, a CephCluster).
 */
export function operatorPodsPossible(index: ObjectIndex, namespace: string | undefined): boolean {
  return index.ofKind('CustomResourceDefinition').length > 0 || index.hasCustomResourcesIn(namespace)
}
