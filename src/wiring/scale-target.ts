// What a HorizontalPodAutoscaler scales: its scaleTargetRef read as the controller reads it (the group of its
// apiVersion and its kind, any version), and the other way round, the HPAs of the input that scale a workload.
import type { HorizontalPodAutoscaler as HPAv1 } from 'kubernetes-types/autoscaling/v1.js'
import type { HorizontalPodAutoscaler as HPAv2 } from 'kubernetes-types/autoscaling/v2.js'
import type { IndexedObject, ObjectIndex } from '../object-index.js'
import { groupOf } from '../validation/metadata.js'
import { hpaView, type HpaView } from '../validation/autoscaling.js'

/** the built-in kinds with a scale subresource, by kind: their group and resource (as in "deployments.apps") */
export const SCALABLE: Readonly<Record<string, { group: string; resource: string }>> = {
  Deployment: { group: 'apps', resource: 'deployments.apps' },
  StatefulSet: { group: 'apps', resource: 'statefulsets.apps' },
  ReplicaSet: { group: 'apps', resource: 'replicasets.apps' },
  ReplicationController: { group: '', resource: 'replicationcontrollers' },
}

export interface ScaleTarget {
  view: HpaView
  /** the group of scaleTargetRef.apiVersion ("" when it names none) */
  group: string
  kind: string
  name: string
}

/** the HPA's target, or undefined when it names none (a server-side error of its own) */
export function scaleTargetOf(hpa: IndexedObject): ScaleTarget | undefined {
  const view = hpaView(hpa.apiVersion, hpa.value as unknown as HPAv1 | HPAv2)
  const ref = view?.scaleTargetRef
  if (!view || !ref?.kind || !ref.name) return undefined
  return { view, group: groupOf(ref.apiVersion ?? ''), kind: ref.kind, name: ref.name }
}

/** whether the target names this object: same kind and name, and the kind's own group */
export function targets(target: ScaleTarget, o: IndexedObject): boolean {
  return target.kind === o.kind && target.name === o.name && target.group === o.group
}

/** the input's HPAs in the workload's namespace whose target is that workload, in run order */
export function hpasScaling(index: ObjectIndex, workload: IndexedObject): Array<{ hpa: IndexedObject; target: ScaleTarget }> {
  if (!SCALABLE[workload.kind] || !workload.name) return []
  const out: Array<{ hpa: IndexedObject; target: ScaleTarget }> = []
  for (const hpa of index.ofKind('HorizontalPodAutoscaler', workload.namespace)) {
    const target = hpa.accepted ? scaleTargetOf(hpa) : undefined
    if (target && targets(target, workload)) out.push({ hpa, target })
  }
  return out
}

/** the workload of the input an HPA scales, when it is there and can be scaled */
export function scaledWorkload(index: ObjectIndex, hpa: IndexedObject, target: ScaleTarget): IndexedObject | undefined {
  if (SCALABLE[target.kind]?.group !== target.group) return undefined
  return index.named(target.kind, hpa.namespace, target.name).find((o) => targets(target, o))
}
