// Field paths printed the way the API server prints them: `spec.containers[0].name`, `metadata.labels[app]`.
import type { PathSegment } from './types.js'

export function formatPath(path: readonly PathSegment[]): string {
  let out = ''
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`
    else if (typeof seg === 'string') out += out === '' ? seg : `.${seg}`
    else out += `[${seg.key}]`
  }
  return out
}

/** the raw key or index of a segment, as it stands in the document */
export function segmentKey(seg: PathSegment): string | number {
  return typeof seg === 'object' ? seg.key : seg
}
