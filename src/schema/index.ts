// Layer 2 of the engine: built-in schemas per Kubernetes version, API lifecycle, and CRD structural schemas.
export { SUPPORTED_KUBERNETES_VERSIONS, DEFAULT_KUBERNETES_VERSION, isSupportedVersion, minorOf } from './versions.js'
export type { PathSegment, SchemaIssue, SchemaIssueCode } from './model.js'
export { builtinKind, type KindStatus } from './builtin.js'
export { CrdRegistry } from './crd.js'
