// builtinKind(): the status of an apiVersion/kind in a Kubernetes version and, when served, its validator.
import { Definitions } from './catalog.js'
import { lifecycle, type Deprecation } from './lifecycle.js'
import type { SchemaIssue } from './model.js'
import { validateValue, type Scope } from './validator.js'
import { compareVersions, isSupportedVersion } from './versions.js'

export type KindStatus =
  | { status: 'served'; namespaced: boolean; deprecated?: Deprecation; validate(value: unknown): SchemaIssue[] }
  | { status: 'removed'; removedIn: string; replacement?: string }
  | { status: 'not-yet-served'; firstServedIn: string }
  | { status: 'unknown' }

const definitions = new Map<string, Definitions>()
const statuses = new Map<string, KindStatus>()

/** The built-in definitions of a version, shared by every validator of that version (and by CRD metadata). */
export function definitionsFor(kubernetesVersion: string): Definitions {
  if (!isSupportedVersion(kubernetesVersion)) throw new RangeError(`unsupported Kubernetes version ${kubernetesVersion}`)
  let defs = definitions.get(kubernetesVersion)
  if (!defs) {
    defs = new Definitions(kubernetesVersion)
    definitions.set(kubernetesVersion, defs)
  }
  return defs
}

export function builtinKind(kubernetesVersion: string, apiVersion: string, kind: string): KindStatus {
  const key = `${kubernetesVersion} ${apiVersion} ${kind}`
  let status = statuses.get(key)
  if (!status) {
    status = computeStatus(kubernetesVersion, apiVersion, kind)
    statuses.set(key, status)
  }
  return status
}

// The server never enforces required fields under status; before 1.34 it did not validate StatefulSet pod
// templates (or volumeClaimTemplates) at all, so their pods fail later instead (k8s-semantics.md A.5 SS13/SS14).
const STATUS: ReadonlyMap<string, Scope> = new Map([['status', { required: false }]])
const STATEFULSET_BEFORE_1_34: ReadonlyMap<string, Scope> = new Map([
  ['status', { required: false }],
  ['spec.template', { required: false }],
  ['spec.volumeClaimTemplates', { required: false }],
])

function computeStatus(kubernetesVersion: string, apiVersion: string, kind: string): KindStatus {
  const defs = definitionsFor(kubernetesVersion)
  const life = lifecycle(kubernetesVersion, apiVersion, kind)
  if (life.status !== 'served') return life
  const scopes = kind === 'StatefulSet' && compareVersions(kubernetesVersion, '1.34') < 0 ? STATEFULSET_BEFORE_1_34 : STATUS
  const root = { ref: life.schema }
  const served: KindStatus = {
    status: 'served',
    namespaced: life.namespaced,
    validate: (value: unknown) => validateValue(value, root, { resolve: defs.resolve, flavour: 'builtin', scopes }),
  }
  if (life.deprecated) served.deprecated = life.deprecated
  return served
}
