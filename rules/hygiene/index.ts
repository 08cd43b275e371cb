// Policy layer: hygiene of manifests: pinned images and pull policies, namespaces, finished Jobs, labels and
// annotations, bare Pods, exposed Services, Ingresses without TLS (peer concepts 36, 37, 61, 73, 75, 83-87).
import type { Rule } from '../../src/rule.js'
import defaultNamespace from './default-namespace.js'
import exposedService from './exposed-service.js'
import forbiddenAnnotation from './forbidden-annotation.js'
import imageTag from './image-tag.js'
import ingressTls from './ingress-tls.js'
import instanceLabel from './instance-label.js'
import jobTtl from './job-ttl.js'
import nakedPod from './naked-pod.js'
import pullPolicy from './pull-policy.js'
import requiredAnnotation from './required-annotation.js'
import requiredLabel from './required-label.js'

export const hygieneRules: readonly Rule[] = [
  imageTag,
  jobTtl,
  pullPolicy,
  instanceLabel,
  nakedPod,
  exposedService,
  ingressTls,
  requiredLabel,
  requiredAnnotation,
  forbiddenAnnotation,
  // layer 4: the namespace an object lands in depends on the cluster profile
  defaultNamespace,
]
