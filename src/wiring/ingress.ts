// The Service backends of an Ingress, with where each sits and which requests it gets, for the wiring rules.
import type { Ingress, IngressServiceBackend } from 'kubernetes-types/networking/v1.js'
import type { PathSegment } from '../types.js'

export interface ServiceBackend {
  service: IngressServiceBackend
  /** path of the backend's `service` field from the Ingress's root */
  path: PathSegment[]
  /** the requests it gets, for messages: "app.example.com/api" or "requests no rule matches" */
  route: string
}

/** every backend of the Ingress that names a Service: spec.defaultBackend, then each rule's paths */
export function serviceBackends(ingress: Ingress): ServiceBackend[] {
  const out: ServiceBackend[] = []
  const spec = ingress.spec
  const add = (service: IngressServiceBackend | undefined, path: PathSegment[], route: string) => {
    if (service && typeof service.name === 'string' && service.name !== '') out.push({ service, path, route })
  }
  add(spec?.defaultBackend?.service, ['spec', 'defaultBackend', 'service'], 'requests no rule matches')
  ;(spec?.rules ?? []).forEach((rule, r) => {
    ;(rule.http?.paths ?? []).forEach((p, i) => {
      add(p.backend?.service, ['spec', 'rules', r, 'http', 'paths', i, 'backend', 'service'], `${rule.host || '*'}${p.path || '/'}`)
    })
  })
  return out
}
