// The API server's validation of ObjectMeta of every kind (k8s-semantics A.1).
import type { Rule } from '../../src/rule.js'
import annotations from './annotations.js'
import finalizers from './finalizers.js'
import labels from './labels.js'
import name from './name.js'
import namespace from './namespace.js'
import ownerReferences from './owner-references.js'

export const metadataRules: readonly Rule[] = [name, namespace, labels, annotations, ownerReferences, finalizers]
