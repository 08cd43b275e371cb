// The names controllers give what they create (k8s-semantics B.2, B.3, B.6): StatefulSet pods, claims and DNS
// names, generated pod names, CronJob Jobs, Service DNS names.
import type { StatefulSet } from 'kubernetes-types/apps/v1.js'

export const MAX_GENERATED_NAME = 58 // names.MaxGeneratedNameLength: 63 less the 5 random characters

/** a name made from generateName `base`: the base cut to 58 characters, then 5 random ones */
export const generatedName = (base: string): string => `${base.slice(0, MAX_GENERATED_NAME)}xxxxx`

/** the ordinals of a StatefulSet's pods: spec.ordinals.start up to start + replicas - 1 */
export function statefulSetOrdinals(sts: StatefulSet): number[] {
  const start = sts.spec?.ordinals?.start ?? 0
  const replicas = sts.spec?.replicas ?? 1
  return Array.from({ length: Math.max(0, replicas) }, (_, i) => start + i)
}

export const statefulSetPodName = (sts: string, ordinal: number): string => `${sts}-${ordinal}`

/** the claim of one volumeClaimTemplate for one ordinal: <template>-<sts>-<ordinal> */
export const statefulSetClaimName = (template: string, sts: string, ordinal: number): string => `${template}-${sts}-${ordinal}`

/** <pod>.<service>.<namespace>.svc.<domain>: resolves only through a headless Service named serviceName */
export const podDnsName = (pod: string, service: string, namespace: string, domain: string): string => `${pod}.${service}.${namespace}.svc.${domain}`

export const serviceDnsName = (service: string, namespace: string, domain: string): string => `${service}.${namespace}.svc.${domain}`

/** a CronJob's Job for a scheduled time: <cronjob>-<minutes since the epoch> */
export const cronJobJobName = (cronJob: string, scheduled: Date): string => `${cronJob}-${Math.floor(scheduled.getTime() / 60000)}`

/** a short list: the first few names, then "…" and the last */
export function nameList(names: readonly string[], shown = 3): string {
  if (names.length <= shown + 1) return names.join(', ')
  return `${names.slice(0, shown).join(', ')} … ${names[names.length - 1]}`
}
