// Differential test of the fast reader against the reference parser on every fixture and, when ../shared/corpus is
// there, on every corpus file; plus the deployed files that only libyaml's leniency reads, spot-checked by hand.
import assert from 'node:assert/strict'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'
import type { ParsedDocument } from '../src/yaml/document.js'
import { parseYamlDocuments } from '../src/yaml/parse.js'
import { readYamlDocuments } from '../src/yaml/read.js'

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url))
const CORPUS = fileURLToPath(new URL('../../../shared/corpus/files/', import.meta.url))

function yamlFiles(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) out.push(...yamlFiles(path))
    else if (/\.ya?ml$/.test(name)) out.push(path)
  }
  return out
}

function read(path: string): string {
  const text = readFileSync(path, 'utf8')
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

const hasSyntaxProblem = (docs: ParsedDocument[]) => docs.some((d) => d.problems.some((p) => p.code === 'syntax'))

/** Files whose difference from the reference is allowed: the reference rejects them. */
function differences(paths: string[]): string[] {
  const differ: string[] = []
  for (const path of paths) {
    const text = read(path)
    const reference = parseYamlDocuments(text)
    if (hasSyntaxProblem(reference)) continue
    try {
      assert.deepEqual(readYamlDocuments(text), reference)
    } catch {
      differ.push(path)
    }
  }
  return differ
}

test('fixtures: the fast reader agrees with the reference', () => {
  assert.deepEqual(differences(yamlFiles(FIXTURES)), [])
})

test('corpus: the fast reader agrees with the reference on every file the reference reads', (t) => {
  if (!existsSync(CORPUS)) {
    t.skip('../shared/corpus not found: corpus differential test skipped')
    return
  }
  assert.deepEqual(differences(readdirSync(CORPUS).map((f) => join(CORPUS, f))), [])
})

/** The first value under `key`, depth first, in document order. */
function find(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null) return undefined
  if (!Array.isArray(value) && key in value) return (value as Record<string, unknown>)[key]
  for (const v of Object.values(value)) {
    const found = find(v, key)
    if (found !== undefined) return found
  }
  return undefined
}

// Deployed files with a flow collection or quoted scalar indented less than YAML 1.2 requires; the values are what
// go-yaml v2 decodes (read by hand from the files).
const LENIENT: [file: string, key: string, check: (v: unknown) => boolean][] = [
  ['argoproj__argo-workflows__examples__nested-workflow.yaml', 'args', (v) => deepIs(v, [" echo hello world | tee /tmp/my-output-artifact.txt && echo 'my-output-parameter' > /tmp/my-output-parameter.txt "])],
  ['argoproj__argo-workflows__examples__sidecar.yaml', 'args', (v) => Array.isArray(v) && v.length === 1 && v[0].startsWith(' apk update && apk add curl && until curl') && v[0].endsWith('sleep .5 ; done ')],
  ['argoproj__argo-workflows__examples__resource-flags.yaml', 'flags', (v) => deepIs(v, ['--validate=false'])],
  ['argoproj__argo-workflows__examples__resource-delete-with-flags.yaml', 'flags', (v) => deepIs(v, ['configmap', '--selector', '{{inputs.parameters.selector}}'])],
  ['jpetazzo__container.training__k8s__filebeat.yaml', 'args', (v) => deepIs(v, ['-c', '/etc/filebeat.yml', '-e'])],
  ['jpetazzo__container.training__k8s__eck-filebeat.yaml', 'args', (v) => deepIs(v, ['-c', '/etc/filebeat.yml', '-e'])],
  ['microservices-demo__microservices-demo__deploy__kubernetes__manifests-monitoring__23-grafana-import-dash-batch.yaml', 'pod.beta.kubernetes.io/init-containers', (v) => typeof v === 'string' && v.startsWith('[ { "name": "wait-for-endpoints", "image": "giantswarm/tiny-tools",') && v.endsWith('"args": ["monitoring", "grafana"] } ]')],
  ['tektoncd__pipeline__config__controller.yaml', 'args', (v) => Array.isArray(v) && v[0] === '-entrypoint-image' && v[1] === 'ko://github.com/tektoncd/pipeline/cmd/entrypoint'],
  ['tektoncd__pipeline__examples__v1__pipelineruns__beta__propagated-pipeline-object-param.yaml', 'args', (v) => deepIs(v, ['echo', '--url=$(params.gitrepo.url)', '--commit=$(params.gitrepo.commit)', '--branch=$(params.gitrepo.branch)'])],
  ['tektoncd__pipeline__examples__v1__pipelineruns__stepaction-params.yaml', 'args', (v) => deepIs(v, ['echo', '$(params.array-param[*])', '$(params.string-param)', '$(params.object-param.key1)', '$(params.object-param.key2)'])],
  ['tektoncd__pipeline__examples__v1__taskruns__stepaction-passing-results.yaml', 'args', (v) => deepIs(v, ['$(params.param1[*])', '$(params.param1[0])', '$(params.param3.IMAGE_URL)', '$(params.param3.IMAGE_DIGEST)'])],
]

function deepIs(actual: unknown, expected: unknown): boolean {
  try {
    assert.deepEqual(actual, expected)
    return true
  } catch {
    return false
  }
}

test('corpus: deployed files that only libyaml leniency reads are read without syntax problems', (t) => {
  if (!existsSync(CORPUS)) {
    t.skip('../shared/corpus not found: lenient corpus files skipped')
    return
  }
  for (const [file, key, check] of LENIENT) {
    const docs = readYamlDocuments(read(join(CORPUS, file)))
    assert.ok(!hasSyntaxProblem(docs), `${file}: no syntax problem`)
    const value = docs.map((d) => find(d.value, key)).find((v) => v !== undefined)
    assert.ok(check(value), `${file}: ${key} = ${JSON.stringify(value)}`)
  }
})
