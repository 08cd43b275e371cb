// Built-in kinds: what the API server's decoder and validation reject, and nothing it accepts.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, test } from 'node:test'
import { parseAllDocuments } from 'yaml'
import { builtinKind, SUPPORTED_KUBERNETES_VERSIONS, type SchemaIssue } from '../src/schema/index.js'

const FIXTURES = new URL('../../fixtures/situations/schema-stage/', import.meta.url)

function fixture(name: string): Record<string, unknown> {
  const [doc] = parseAllDocuments(readFileSync(new URL(name, FIXTURES), 'utf8'), { version: '1.1', merge: true })
  return doc.toJS() as Record<string, unknown>
}

function validate(value: unknown, apiVersion = 'apps/v1', kind = 'Deployment', version = '1.35'): SchemaIssue[] {
  const status = builtinKind(version, apiVersion, kind)
  assert.equal(status.status, 'served', `${apiVersion} ${kind} is served by ${version}`)
  return status.status === 'served' ? status.validate(value) : []
}

/** The fixture Deployment with one change, made on a copy. */
function deployment(edit: (d: any) => void = () => {}): Record<string, unknown> {
  const d = structuredClone(fixture('deployment.yaml'))
  edit(d)
  return d
}

const container = (d: any) => d.spec.template.spec.containers[0]
const codes = (issues: SchemaIssue[]) => issues.map((i) => `${i.code} ${JSON.stringify(i.path)}`)

describe('every supported version', () => {
  for (const version of SUPPORTED_KUBERNETES_VERSIONS) {
    test(`${version}: the fixture Deployment is valid, and a typo is one unknown field with a suggestion`, () => {
      assert.deepEqual(validate(deployment(), 'apps/v1', 'Deployment', version), [])
      const issues = validate(deployment((d) => (container(d).imagePolicy = 'Always')), 'apps/v1', 'Deployment', version)
      assert.deepEqual(issues, [
        {
          code: 'unknown-field',
          path: ['spec', 'template', 'spec', 'containers', 0, 'imagePolicy'],
          property: 'imagePolicy',
          message: 'unknown field "imagePolicy"',
          suggestion: 'imagePullPolicy',
        },
      ])
    })
  }
})

test('null means unset, on any optional field', () => {
  const d = deployment((d) => {
    d.metadata.labels.tier = null
    d.spec.strategy = null
    container(d).resources = null
    container(d).env = null
    d.spec.template.spec.volumes[0].configMap.items = null
  })
  assert.equal(container(d).args, null)
  assert.equal((d.metadata as any).creationTimestamp, null)
  assert.deepEqual(validate(d), [])
})

test('a required field set to null is missing', () => {
  const issues = validate(deployment((d) => (container(d).image = null)))
  assert.deepEqual(issues, [{ code: 'required', path: ['spec', 'template', 'spec', 'containers', 0], property: 'image', message: 'Required value' }])
})

test('a number or boolean where a string goes cannot be decoded; the message says to quote it', () => {
  const issues = validate(deployment((d) => {
    container(d).env[0].value = 8080
    d.metadata.labels.tier = true
  }))
  assert.deepEqual(codes(issues), [
    'invalid-type ["metadata","labels",{"key":"tier"}]',
    'invalid-type ["spec","template","spec","containers",0,"env",0,"value"]',
  ])
  assert.equal(issues[0].message, 'cannot unmarshal bool into a field of type string; quote the value if it is meant as a string')
  assert.equal(issues[1].message, 'cannot unmarshal number into a field of type string; quote the value if it is meant as a string')
})

test('other wrong JSON types', () => {
  const issues = validate(deployment((d) => {
    d.spec.replicas = '3'
    d.spec.template.spec.containers = { name: 'web' }
    d.spec.paused = 'yes please'
  }))
  assert.deepEqual(codes(issues), ['invalid-type ["spec","replicas"]', 'invalid-type ["spec","template","spec","containers"]', 'invalid-type ["spec","paused"]'])
  assert.deepEqual(issues.map((i) => i.message), [
    'cannot unmarshal string into a field of type int32',
    'cannot unmarshal object into a field of type array',
    'cannot unmarshal string into a field of type bool',
  ])
  assert.equal(validate(deployment((d) => (d.spec.replicas = 1.5)))[0].message, 'cannot unmarshal number 1.5 into a field of type int32')
})

test('int-or-string: integers and strings pass, anything else is one issue', () => {
  const at = (value: unknown) => validate(deployment((d) => (d.spec.strategy.rollingUpdate.maxSurge = value)))
  assert.deepEqual(at(2), [])
  assert.deepEqual(at('30%'), [])
  for (const bad of [1.5, true, ['1'], { a: 1 }]) {
    const issues = at(bad)
    assert.equal(issues.length, 1)
    assert.equal(issues[0].code, 'invalid-type')
    assert.match(issues[0].message, /must be an integer or a string$/)
    assert.deepEqual(issues[0].path, ['spec', 'strategy', 'rollingUpdate', 'maxSurge'])
  }
  assert.equal(at(3_000_000_000)[0].code, 'invalid-format')
})

test('quantities follow the server grammar; numbers are quantities', () => {
  const at = (value: unknown) => validate(deployment((d) => (container(d).resources.limits.memory = value)))
  for (const good of ['1Gi', '500m', '0.5', '+1.5e3', '1E', ' 1Gi ', '.5Ki', 2, 0.25]) assert.deepEqual(at(good), [], String(good))
  const grammar = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"
  for (const bad of ['1GB', '1gi', '1 Gi', '', 'lots', true]) {
    assert.deepEqual(at(bad), [{ code: 'invalid-quantity', path: ['spec', 'template', 'spec', 'containers', 0, 'resources', 'limits', { key: 'memory' }], message: grammar }], String(bad))
  }
  assert.equal(at('1kM')[0].message, "unable to parse quantity's suffix")
})

test('int32 and int64 bounds', () => {
  assert.deepEqual(validate(deployment((d) => (d.spec.replicas = 2147483647))), [])
  const issues = validate(deployment((d) => (d.spec.replicas = 2147483648)))
  assert.deepEqual(codes(issues), ['invalid-format ["spec","replicas"]'])
  assert.equal(issues[0].message, 'cannot unmarshal number 2147483648 into a field of type int32 (must be between -2147483648 and 2147483647)')
  assert.deepEqual(validate(deployment((d) => (d.metadata.generation = 2 ** 40))), [])
  assert.deepEqual(codes(validate(deployment((d) => (d.metadata.generation = 1e20)))), ['invalid-format ["metadata","generation"]'])
})

test('date-time is RFC 3339 as Go parses it', () => {
  const at = (value: unknown) => validate(deployment((d) => (d.metadata.creationTimestamp = value)))
  for (const good of ['2024-05-01T10:00:00Z', '2024-05-01T10:00:00.123456+02:00', '2024-02-29T23:59:59-07:00']) assert.deepEqual(at(good), [], good)
  for (const bad of ['yesterday', '2024-05-01', '2024-13-01T00:00:00Z', '2023-02-29T00:00:00Z', '2024-05-01 10:00:00Z', '']) {
    const issues = at(bad)
    assert.deepEqual(codes(issues), ['invalid-format ["metadata","creationTimestamp"]'], bad)
    assert.match(issues[0].message, /^parsing time ".*" as "2006-01-02T15:04:05Z07:00"/)
  }
})

test('byte fields are standard base64 (padding required, line breaks allowed, empty allowed)', () => {
  const secret = (data: Record<string, unknown>) => validate({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data }, 'v1', 'Secret')
  assert.deepEqual(secret({ a: 'aGVsbG8=', b: '', c: 'aGVs\nbG8=' }), [])
  const issues = secret({ 'tls.crt': 'aGVsbG8' })
  assert.deepEqual(issues, [{ code: 'invalid-format', path: ['data', { key: 'tls.crt' }], message: 'Invalid value: "aGVsbG8": illegal base64 data at input byte 4' }])
  assert.match(secret({ a: 'not base64!' })[0].message, /illegal base64 data at input byte 3$/)
})

test('map keys are path segments of their own', () => {
  const issues = validate(deployment((d) => (d.spec.selector.matchLabels['app.kubernetes.io/name'] = 1)))
  assert.deepEqual(issues[0].path, ['spec', 'selector', 'matchLabels', { key: 'app.kubernetes.io/name' }])
})

describe('required fields: only where the API server rejects the object', () => {
  test('Deployment selector and template, container name and image', () => {
    const issues = validate(deployment((d) => {
      delete d.spec.selector
      delete container(d).name
      delete container(d).image
    }))
    assert.deepEqual(issues.map((i) => `${JSON.stringify(i.path)} ${i.property}`), [
      '["spec","template","spec","containers",0] name',
      '["spec","template","spec","containers",0] image',
      '["spec"] selector',
    ])
    assert.deepEqual(codes(validate(deployment((d) => delete d.spec.template))), ['required ["spec"]'])
  })

  test('metadata.name is not a schema matter', () => {
    assert.deepEqual(validate(deployment((d) => delete d.metadata.name)), [])
  })

  test('OpenAPI says required, the server does not check: StatefulSet serviceName, NetworkPolicy podSelector', () => {
    const sts = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db' },
      spec: { selector: { matchLabels: { app: 'db' } }, template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'db', image: 'postgres' }] } } },
    }
    const policy = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'p' }, spec: { policyTypes: ['Ingress'] } }
    for (const version of SUPPORTED_KUBERNETES_VERSIONS) {
      assert.deepEqual(validate(sts, 'apps/v1', 'StatefulSet', version), [], version)
      assert.deepEqual(validate(policy, 'networking.k8s.io/v1', 'NetworkPolicy', version), [], version)
    }
  })

  test('StatefulSet pod templates are validated from 1.34 on', () => {
    const sts = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db' },
      spec: { selector: { matchLabels: { app: 'db' } }, template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'db' }] } } },
    }
    assert.deepEqual(validate(sts, 'apps/v1', 'StatefulSet', '1.33'), [])
    assert.deepEqual(codes(validate(sts, 'apps/v1', 'StatefulSet', '1.34')), ['required ["spec","template","spec","containers",0]'])
  })

  test('never inside status, whose unknown fields are still unknown', () => {
    const issues = validate(deployment((d) => {
      d.status.conditions = [{ reason: 'no type, no status' }]
      d.status.readyReplica = 3
    }))
    assert.deepEqual(issues, [{ code: 'unknown-field', path: ['status', 'readyReplica'], property: 'readyReplica', message: 'unknown field "readyReplica"', suggestion: 'readyReplicas' }])
  })
})

test('unknown fields: one issue per key, suggestions by case and by edit distance', () => {
  const issues = validate(deployment((d) => {
    d.spec.Replicas = 2
    container(d).volumeMount = []
    container(d).completelyDifferent = 1
  }))
  assert.deepEqual(issues.map((i) => [i.property, i.suggestion]), [
    ['volumeMount', 'volumeMounts'],
    ['completelyDifferent', undefined],
    ['Replicas', 'replicas'],
  ])
})

test('fields that keep raw JSON accept any value', () => {
  const revision = { apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata: { name: 'r' }, revision: 1, data: 'any JSON at all' }
  assert.deepEqual(validate(revision, 'apps/v1', 'ControllerRevision'), [])
})

test('the value is never changed', () => {
  const d = deployment((d) => {
    d.metadata.labels.tier = null
    container(d).imagePolicy = 'x'
  })
  const before = JSON.stringify(d)
  validate(deepFreeze(d))
  assert.equal(JSON.stringify(d), before)
})

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v)
    Object.freeze(value)
  }
  return value
}
