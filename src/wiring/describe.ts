// Shared words of the cross-object rules: how objects, label sets and missing references are named in messages.
import type { IndexedObject } from '../object-index.js'

/** "Deployment web" or "Deployment prod/web" when the namespace is not the configured default */
export function nameOf(o: IndexedObject, defaultNamespace: string): string {
  const ns = o.namespace !== undefined && o.namespace !== defaultNamespace ? `${o.namespace}/` : ''
  return `${o.kind} ${ns}${o.name || '(unnamed)'}`
}

/** `app=web, tier=frontend`, in key order */
export function labelList(labels: Record<string, string>): string {
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`)
    .join(', ')
}

/** "in namespace prod" for messages */
export const inNamespace = (namespace: string | undefined): string => (namespace === undefined ? 'in the cluster' : `in namespace ${namespace}`)
