// Container image references as the kubelet and the API server's defaults read them: `registry:port/path:tag@digest`.

/** the tag: after the ':' of the last path segment (a ':' before the last '/' is a registry's port); undefined when none */
export function imageTag(image: string): string | undefined {
  const last = image.slice(image.lastIndexOf('/') + 1).split('@')[0]
  const colon = last.indexOf(':')
  return colon < 0 ? undefined : last.slice(colon + 1)
}

/** pinned by a digest (`@sha256:…`), whatever the tag says */
export const hasDigest = (image: string): boolean => image.includes('@')
