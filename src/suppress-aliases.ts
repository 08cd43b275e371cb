// The peers' suppression annotations, as data: their check names mapped to the seaworthy rules of the same concept
// (peer survey, concept table). Checks with no seaworthy counterpart are left out, so their annotations do nothing here.

/** a peer's check name → the seaworthy rule ids it stands for */
export type AliasTable = Readonly<Record<string, readonly string[]>>

/** kube-linter: `ignore-check.kube-linter.io/<check>` (any value), `kube-linter.io/ignore-all` */
export const kubeLinterChecks: AliasTable = {
  'dangling-service': ['service/selects-nothing'],
  'dangling-ingress': ['ingress/missing-service', 'ingress/service-port'],
  'dangling-horizontalpodautoscaler': ['autoscaling/target'],
  'non-existent-service-account': ['pod/missing-reference'],
  'env-value-from': ['pod/missing-reference'],
  'dangling-networkpolicy': ['network/selects-nothing'],
  'dangling-networkpolicypeer-podselector': ['network/peer-selects-nothing'],
  'pdb-max-unavailable': ['policy/blocks-eviction'],
  'mismatching-selector': ['workload/selector'],
  'invalid-target-ports': ['service/target-port'],
  'duplicate-env-var': ['container/duplicate-env'],
  'no-extensions-v1beta': ['api/not-served', 'api/deprecated'],
  'privileged-container': ['security/privileged'],
  'privilege-escalation-container': ['security/privilege-escalation'],
  'host-network': ['security/host-network'],
  'host-pid': ['security/host-pid'],
  'host-ipc': ['security/host-ipc'],
  'unsafe-proc-mount': ['security/proc-mount'],
  'sensitive-host-mounts': ['security/sensitive-host-mount'],
  'docker-sock': ['security/sensitive-host-mount'],
}

/** kube-score: `kube-score/ignore: <check>[,<check>]` */
export const kubeScoreChecks: AliasTable = {
  'service-targets-pod': ['service/selects-nothing'],
  'ingress-targets-service': ['ingress/missing-service', 'ingress/service-port'],
  'horizontalpodautoscaler-has-target': ['autoscaling/target'],
  'networkpolicy-targets-pod': ['network/selects-nothing'],
  'statefulset-has-servicename': ['workload/headless-service'],
  'deployment-targeted-by-hpa-does-not-have-replicas-configured': ['workload/replicas-with-hpa'],
  'deployment-pod-selector-labels-match-template-metadata-labels': ['workload/selector'],
  'statefulset-pod-selector-labels-match-template-metadata-labels': ['workload/selector'],
  'environment-variable-key-duplication': ['container/duplicate-env'],
  'stable-version': ['api/not-served', 'api/deprecated'],
}

/** Polaris: `polaris.fairwinds.com/<check>-exempt: "true"`, `polaris.fairwinds.com/exempt: "true"` */
export const polarisChecks: AliasTable = {
  pdbDisruptionsIsZero: ['policy/blocks-eviction'],
  runAsPrivileged: ['security/privileged'],
  privilegeEscalationAllowed: ['security/privilege-escalation'],
  dangerousCapabilities: ['security/dangerous-capabilities'],
  hostNetworkSet: ['security/host-network'],
  hostPIDSet: ['security/host-pid'],
  hostIPCSet: ['security/host-ipc'],
  hostProcess: ['security/host-process'],
  procMount: ['security/proc-mount'],
  hostPathSet: ['security/host-path'],
  hostPortSet: ['security/host-port'],
}
