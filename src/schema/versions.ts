// Kubernetes minor versions: the supported list, and the compact range strings ("1.23-1.29,1.31") that the
// generated data uses to say which versions serve a kind or share a definition body.

export const SUPPORTED_KUBERNETES_VERSIONS: readonly string[] = [
  '1.23', '1.24', '1.25', '1.26', '1.27', '1.28', '1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35',
]

export const DEFAULT_KUBERNETES_VERSION = '1.35'

export function isSupportedVersion(v: string): boolean {
  return SUPPORTED_KUBERNETES_VERSIONS.includes(v)
}

/** The minor number of "1.23" (also accepts Pluto's "v1.16.0"); NaN when it is not a 1.x version. */
export function minorOf(v: string): number {
  let minor = minors.get(v)
  if (minor === undefined) {
    const m = /^v?1\.(\d+)(?:\.\d+)?$/.exec(v)
    minor = m ? Number(m[1]) : Number.NaN
    minors.set(v, minor)
  }
  return minor
}

// validation asks for the same few version strings millions of times
const minors = new Map<string, number>()

export function compareVersions(a: string, b: string): number {
  return minorOf(a) - minorOf(b)
}

/** Encodes a set of minors as consecutive runs, in the order of `all`: ["1.23","1.24","1.26"] gives "1.23-1.24,1.26". */
export function formatRanges(versions: Iterable<string>, all: readonly string[]): string {
  const set = new Set(versions)
  const runs: string[] = []
  let start: string | undefined
  let last: string | undefined
  for (const v of all) {
    if (set.has(v)) {
      start ??= v
      last = v
    } else if (start !== undefined) {
      runs.push(start === last ? start : `${start}-${last}`)
      start = undefined
    }
  }
  if (start !== undefined) runs.push(start === last ? start : `${start}-${last}`)
  return runs.join(',')
}

/** The inverse of formatRanges, as a predicate. */
export function inRanges(ranges: string, v: string): boolean {
  const minor = minorOf(v)
  for (const run of ranges.split(',')) {
    const [from, to = from] = run.split('-')
    if (minor >= minorOf(from) && minor <= minorOf(to)) return true
  }
  return false
}
