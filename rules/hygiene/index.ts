// Policy layer: hygiene of manifests: pinned images, namespaces, finished Jobs (peer concepts 36, 61, 87).
import type { Rule } from '../../src/rule.js'
import defaultNamespace from './default-namespace.js'
import imageTag from './image-tag.js'
import jobTtl from './job-ttl.js'

export const hygieneRules: readonly Rule[] = [
  imageTag,
  jobTtl,
  // layer 4: the namespace an object lands in depends on the cluster profile
  defaultNamespace,
]
