// Policy layer: hygiene of manifests: pinned images and pull policies, namespaces, finished Jobs, labels, bare Pods (peer concepts 36, 37, 61, 86, 87).
import type { Rule } from '../../src/rule.js'
import defaultNamespace from './default-namespace.js'
import imageTag from './image-tag.js'
import instanceLabel from './instance-label.js'
import jobTtl from './job-ttl.js'
import nakedPod from './naked-pod.js'
import pullPolicy from './pull-policy.js'

export const hygieneRules: readonly Rule[] = [
  imageTag,
  jobTtl,
  pullPolicy,
  instanceLabel,
  nakedPod,
  // layer 4: the namespace an object lands in depends on the cluster profile
  defaultNamespace,
]
