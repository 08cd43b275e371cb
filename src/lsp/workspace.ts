// The workspace's manifests on disk, read once and kept up to date from file-change events: the context an open
// document is linted in (a Service's selector is checked against the Deployments of the whole workspace).
import { readFile, stat } from 'node:fs/promises'
import { discoverFiles } from '../discover.js'

// bigger files (CRD bundles, generated dumps) are left out of the context: reading them on every edit costs more
// than the rare finding they would change
const MAX_CONTEXT_BYTES = 1 << 20

/** whether a text can hold a Kubernetes object: both fields appear somewhere (package.json and the like do not) */
export function looksLikeManifest(text: string): boolean {
  return text.includes('apiVersion') && text.includes('kind')
}

export class DiskManifests {
  private readonly texts = new Map<string, string>()
  private scanning: Promise<void> = Promise.resolve()

  /** (re)reads every manifest below the folders */
  scan(folders: readonly string[]): Promise<void> {
    this.scanning = (async () => {
      this.texts.clear()
      const files = await discoverFiles(folders, { cwd: folders[0] ?? process.cwd(), errorOnUnmatchedPattern: false }).catch(() => [])
      await Promise.all(files.map((f) => this.update(f)))
    })()
    return this.scanning
  }

  /** a file was created or changed: keep its text if it may be a manifest */
  async update(file: string): Promise<void> {
    try {
      if ((await stat(file)).size > MAX_CONTEXT_BYTES) return void this.texts.delete(file)
      const text = await readFile(file, 'utf8')
      if (looksLikeManifest(text)) this.texts.set(file, text)
      else this.texts.delete(file)
    } catch {
      this.texts.delete(file) // gone or unreadable: no context from it
    }
  }

  delete(file: string): void {
    this.texts.delete(file)
  }

  /** absolute path → text, once the scan under way is done */
  async all(): Promise<ReadonlyMap<string, string>> {
    await this.scanning
    return this.texts
  }
}
