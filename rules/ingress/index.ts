// The API server's validation of Ingress (A.10).
import type { Rule } from '../../src/rule.js'
import ingressBackend from './backend.js'
import ingressClass from './class.js'
import ingressDeprecatedClassAnnotation from './deprecated-class-annotation.js'
import ingressMissingService from './missing-service.js'
import ingressServicePort from './service-port.js'
import ingressRulesRule from './rules.js'
import ingressTlsSecret from './tls-secret.js'
import ingressTls from './tls.js'

export const ingressRules: readonly Rule[] = [
  ingressRulesRule,
  ingressBackend,
  ingressTls,
  ingressClass,
  ingressDeprecatedClassAnnotation,
  // layer 4: the Ingress among the other objects
  ingressMissingService,
  ingressServicePort,
  ingressTlsSecret,
]
