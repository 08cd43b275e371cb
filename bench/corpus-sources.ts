// The corpus (../shared/corpus) as the repositories it came from: each file at `<repo>/<path>`, the path it has
// there (INDEX.tsv), so that checks across objects see each project's folders rather than one flat folder.
import { readFileSync } from 'node:fs'
import path from 'node:path'

export interface CorpusSources {
  /** in-memory sources for lint(), at their repository paths */
  sources: Array<{ path: string; text: string }>
  /** the corpus file name of each repository path */
  corpusName: Map<string, string>
  repositories: number
}

export function corpusAtRepositoryPaths(corpusDir: string): CorpusSources {
  const sources: CorpusSources['sources'] = []
  const corpusName = new Map<string, string>()
  const repos = new Set<string>()
  for (const line of readFileSync(path.join(corpusDir, '../INDEX.tsv'), 'utf8').split('\n').slice(1)) {
    const [file, repo, sourcePath] = line.split('\t')
    if (!file || !repo || !sourcePath) continue
    const shown = `${repo}/${sourcePath}`
    corpusName.set(shown, file)
    repos.add(repo)
    sources.push({ path: shown, text: readFileSync(path.join(corpusDir, file), 'utf8') })
  }
  return { sources, corpusName, repositories: repos.size }
}
