// Whether a Kubernetes version serves an apiVersion/kind, and what replaces it: served versions come from the
// specs (kinds come back after gaps, so this is per kind), deprecations and pre-1.23 removals from Pluto.
import { allKinds, generatedVersions, kindEntry, type KindEntry } from './catalog.js'
import { compareVersions, inRanges } from './versions.js'

export interface Deprecation {
  since: string
  replacement?: string
  removedIn?: string
}

export type Lifecycle =
  | { status: 'served'; namespaced: boolean; schema: string; deprecated?: Deprecation }
  | { status: 'removed'; removedIn: string; replacement?: string }
  | { status: 'not-yet-served'; firstServedIn: string }
  | { status: 'unknown' }

export function lifecycle(version: string, apiVersion: string, kind: string): Lifecycle {
  const entry = kindEntry(apiVersion, kind)
  if (!entry) return { status: 'unknown' }
  if (!entry.served) return withReplacement({ status: 'removed', removedIn: entry.removedIn! }, replacementAt(version, apiVersion, kind))
  const versions = generatedVersions()
  const served = versions.filter((v) => inRanges(entry.served!, v))
  if (served.includes(version)) {
    const deprecated = deprecationAt(version, apiVersion, kind, entry, versions)
    const status = { status: 'served' as const, namespaced: entry.namespaced === true, schema: entry.schema! }
    return deprecated ? { ...status, deprecated } : status
  }
  const lastBefore = served.filter((v) => compareVersions(v, version) < 0).at(-1)
  if (lastBefore !== undefined) {
    const removedIn = versions[versions.indexOf(lastBefore) + 1]
    return withReplacement({ status: 'removed', removedIn }, replacementAt(version, apiVersion, kind))
  }
  return { status: 'not-yet-served', firstServedIn: served.find((v) => compareVersions(v, version) > 0)! }
}

function deprecationAt(version: string, apiVersion: string, kind: string, entry: KindEntry, versions: readonly string[]): Deprecation | undefined {
  if (!entry.deprecatedIn || compareVersions(version, entry.deprecatedIn) < 0) return undefined
  const deprecation: Deprecation = { since: entry.deprecatedIn }
  const replacement = replacementAt(version, apiVersion, kind)
  if (replacement) deprecation.replacement = replacement
  const removal = versions.find((v) => compareVersions(v, version) > 0 && !inRanges(entry.served!, v)) ?? entry.removedIn
  if (removal) deprecation.removedIn = removal
  return deprecation
}

/**
 * The apiVersion to use instead, among those `version` serves: follow the curated replacements (they may be
 * removed themselves by then), else the most stable version of the same group that serves the kind.
 */
export function replacementAt(version: string, apiVersion: string, kind: string): string | undefined {
  const seen = new Set([apiVersion])
  let candidate = kindEntry(apiVersion, kind)?.replacement
  while (candidate !== undefined && !seen.has(candidate)) {
    seen.add(candidate)
    const entry = kindEntry(candidate, kind)
    if (entry?.served && inRanges(entry.served, version)) return candidate
    candidate = entry?.replacement
  }
  const group = groupOf(apiVersion)
  const sameGroup = Object.entries(allKinds())
    .filter(([av, kinds]) => av !== apiVersion && groupOf(av) === group && Object.hasOwn(kinds, kind) && kinds[kind].served && inRanges(kinds[kind].served!, version))
    .map(([av]) => av)
  return sameGroup.sort((a, b) => stability(b) - stability(a))[0]
}

function withReplacement<T extends object>(status: T, replacement: string | undefined): T & { replacement?: string } {
  return replacement ? { ...status, replacement } : status
}

function groupOf(apiVersion: string): string {
  const slash = apiVersion.lastIndexOf('/')
  return slash === -1 ? '' : apiVersion.slice(0, slash)
}

// GA before beta before alpha, then the higher number: v1 > v1beta2 > v1beta1 > v1alpha1
function stability(apiVersion: string): number {
  const m = /v(\d+)(?:(alpha|beta)(\d+))?$/.exec(apiVersion)
  if (!m) return 0
  const stage = m[2] === undefined ? 2 : m[2] === 'beta' ? 1 : 0
  return stage * 1_000_000 + Number(m[1]) * 1000 + Number(m[3] ?? 0)
}
