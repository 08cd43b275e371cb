// The peer's own check fixtures (../shared/conformance/polaris/test/checks/<check>/{success,failure}*.yaml): for
// every Polaris check with an equivalent seaworthy rule (the alias table), the rule fires on each failure file and
// stays quiet on each success file, except where a documented semantic choice makes seaworthy differ.
import assert from 'node:assert/strict'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { test } from 'node:test'
import { lint } from '../src/lint.js'
import type { IdentifiedFinding } from '../src/findings.js'
import { allRules } from '../rules/index.js'
import { polarisChecks } from '../src/suppress-aliases.js'
import { sharedDir } from './helpers.js'

const checksDir = path.join(sharedDir, 'conformance/polaris/test/checks')

/** files where seaworthy disagrees on purpose, with the reason */
const DELIBERATE: Record<string, string> = {
  // the budget fixtures declare PodDisruptionBudget as apiVersion v1, which the API server does not serve: seaworthy
  // reports the unknown kind, and no budget rule runs on an object that would never exist
  'pdbDisruptionsIsZero/failure.either.yaml': 'apiVersion v1 PodDisruptionBudget: an unknown kind, so no budget rule runs',
  'pdbDisruptionsIsZero/failure.max.yaml': 'apiVersion v1 PodDisruptionBudget: an unknown kind, so no budget rule runs',
  'pdbDisruptionsIsZero/failure.min.yaml': 'apiVersion v1 PodDisruptionBudget: an unknown kind, so no budget rule runs',
  // Polaris fails a container that does not set allowPrivilegeEscalation: false; seaworthy's recommended rule flags
  // only what a manifest asks for (true, privileged, or CAP_SYS_ADMIN), as kube-linter does, unless its option
  // requireExplicitFalse is set (fixtures/security/privilege-escalation/explicit-false)
  'privilegeEscalationAllowed/failure.unspecified.yaml': 'unset allowPrivilegeEscalation is not flagged by default (explicit semantics; requireExplicitFalse flags it)',
  'privilegeEscalationAllowed/failure.pod_unspecified.yaml': 'unset allowPrivilegeEscalation is not flagged by default (explicit semantics; requireExplicitFalse flags it)',
  // Polaris fails any procMount but Default; the only other value the API server takes is Unmasked, which is what
  // security/proc-mount flags ("Other" is not a procMount type)
  'procMount/failure.yaml': 'procMount "Other" is no procMount type; only Unmasked unmasks /proc',
  // these failure fixtures declare a Deployment as apiVersion v1, which no API server serves
  'runAsRootAllowed/failure.yaml': 'apiVersion v1 Deployment: an unknown kind, so no pod rule runs',
  'deploymentMissingReplicas/failure.yaml': 'apiVersion v1 Deployment: an unknown kind, so no workload rule runs',
  // Polaris accepts a drop list naming each default capability; seaworthy asks for drop: [ALL], as the Pod Security
  // Standards' restricted profile does (a list of names misses capabilities a runtime adds by default later)
  'insecureCapabilities/success.yaml': 'a drop list without ALL is flagged (drop: [ALL] semantics)',
  'insecureCapabilities/success.all.yaml': 'a drop list without ALL is flagged (drop: [ALL] semantics)',
  'insecureCapabilities/success.case.yaml': 'a drop list without ALL is flagged (drop: [ALL] semantics)',
  'insecureCapabilities/success.pod.yaml': 'a drop list without ALL is flagged (drop: [ALL] semantics)',
  // an HPA without minReplicas gets the default, 1: below the 2 the rule asks for
  'hpaMinAvailability/success.minReplicaAbsent.yaml': 'an absent minReplicas is the default 1, which is flagged',
  // Polaris asks every Deployment for a budget; seaworthy follows kube-score and skips a workload of one replica,
  // which these fixtures are (no spec.replicas, no HPA): a budget cannot keep a single pod up through a drain
  'missingPodDisruptionBudget/failure-bad-ns.yaml': 'a single replica needs no budget (kube-score semantics)',
  'missingPodDisruptionBudget/failure.bad-name.yaml': 'a single replica needs no budget (kube-score semantics)',
  'missingPodDisruptionBudget/failure.empty-labels.yaml': 'a single replica needs no budget (kube-score semantics)',
  'missingPodDisruptionBudget/failure.no-labels.yaml': 'a single replica needs no budget (kube-score semantics)',
  'missingPodDisruptionBudget/failure.no-metadata.yaml': 'a single replica needs no budget (kube-score semantics)',
  'missingPodDisruptionBudget/failure.wrong-place.yaml': 'a single replica needs no budget (kube-score semantics)',
  'missingPodDisruptionBudget/failure.yaml': 'a single replica needs no budget (kube-score semantics)',
  // Polaris also asks that the selecting policies cover both ingress and egress; seaworthy follows kube-linter's
  // non-isolated-pod: any policy that selects the pod isolates it in the direction it names
  'missingNetworkPolicy/failure.netpol_missing_egress_in_policytypes.yaml': 'a selecting policy is enough (kube-linter semantics)',
  'missingNetworkPolicy/failure.netpol_missing_egress_rules.yaml': 'a selecting policy is enough (kube-linter semantics)',
  'missingNetworkPolicy/failure.netpol_missing_ingress_in_policytypes.yaml': 'a selecting policy is enough (kube-linter semantics)',
  'missingNetworkPolicy/failure.netpol_missing_ingress_rules.yaml': 'a selecting policy is enough (kube-linter semantics)',
  // Polaris asks every object to carry app.kubernetes.io/instance; seaworthy flags only a label that is written and
  // differs from the name (the label is optional)
  'metadataAndInstanceMismatched/failure.unspecified.yaml': 'a missing instance label is not flagged',
  // this directory's check.yaml is a custom check (the app.kubernetes.io/name label against the name), not the
  // built-in nakedPod: both fixtures are bare Pods, which seaworthy flags
  'nakedPod/success.yaml': 'the fixture tests a custom label check; a bare Pod is flagged',
  // an image without a tag is pulled Always by default: the API server stores Always, so nothing is flagged (kube-score)
  'pullPolicyNotAlways/failure.yaml': 'no tag: the defaulted policy is Always',
  'pullPolicyNotAlways/failure.cron-job.yaml': 'no tag: the defaulted policy is Always',
  // Polaris exempts roles by name (admin, edit, cluster-admin, GKE's calico roles); seaworthy only the system: prefix,
  // since a manifest that defines a role of such a name defines what it grants
  'clusterrolePodExecAttach/success.defaultclusterrole_admin.yaml': 'a role named admin is checked like any other',
  'clusterrolePodExecAttach/success.defaultclusterrole_clusteradmin.yaml': 'a role named cluster-admin is checked like any other',
  'clusterrolePodExecAttach/success.gce_calico_clusterrole.yaml': 'a role named gce:podsecuritypolicy:calico-sa is checked like any other',
  'rolePodExecAttach/success.gce_calico_binding.yaml': 'a role named gce:podsecuritypolicy:calico-sa is checked like any other',
  // the binding checks exempt bindings by name too; seaworthy only the system: prefix and bindings whose subjects are
  // all system:masters (the cluster's own cluster-admin binding), since a manifest's binding grants what it says
  'clusterrolebindingClusterAdmin/success.gce_calico_binding.yaml': 'a binding named gce:podsecuritypolicy:calico-sa is checked like any other',
  'rolebindingClusterAdminClusterRole/success.gce_calico_binding.yaml': 'a binding named gce:podsecuritypolicy:calico-sa is checked like any other',
  'rolebindingClusterAdminRole/success.gce_calico_binding.yaml': 'a binding named gce:podsecuritypolicy:calico-sa is checked like any other',
  'clusterrolebindingPodExecAttach/success.gce_calico_binding.yaml': 'a binding named gce:podsecuritypolicy:calico-sa is checked like any other',
  'rolebindingClusterRolePodExecAttach/success.gce_calico_binding.yaml': 'a binding named gce:podsecuritypolicy:calico-sa is checked like any other',
  'rolebindingRolePodExecAttach/success.gce_calico_binding.yaml': 'a binding named gce:podsecuritypolicy:calico-sa is checked like any other',
  'clusterrolebindingPodExecAttach/success.defaultclusterrolebinding_clusteradmin.yaml': 'a binding named cluster-admin to a User is checked like any other',
  // Polaris splits the RoleBinding checks by roleRef kind; rbac/binding-pod-exec covers both (this one is
  // rolebindingClusterRolePodExecAttach's failure)
  'rolebindingRolePodExecAttach/success.role_binding_cluster_role_binding.yaml': 'a RoleBinding to an exec ClusterRole is flagged by the same rule',
}

// Polaris checks that are one message of a seaworthy rule with several (cpu or memory, readiness or liveness)
const MESSAGE_IDS: Record<string, string> = {
  cpuRequestsMissing: 'cpu',
  memoryRequestsMissing: 'memory',
  cpuLimitsMissing: 'cpu',
  memoryLimitsMissing: 'memory',
  readinessProbeMissing: 'readiness',
  livenessProbeMissing: 'liveness',
}

test('Polaris conformance: failure files fire the equivalent rule, success files do not', { timeout: 120_000 }, async (t) => {
  if (!existsSync(checksDir)) {
    t.skip('../shared/conformance/polaris not found: conformance check skipped')
    return
  }
  const rows: string[] = []
  const disagreements: string[] = []
  for (const check of Object.keys(polarisChecks).sort()) {
    const dir = path.join(checksDir, check)
    if (!existsSync(dir)) continue
    let agree = 0
    let total = 0
    for (const file of readdirSync(dir).filter((f) => /^(success|failure).*\.ya?ml$/.test(f)).sort()) {
      // the equivalent rules on at their default severity, whatever preset they belong to
      const on = Object.fromEntries(polarisChecks[check].map((id) => [id, { level: allRules.find((r) => r.meta.id === id)!.meta.severity }]))
      const report = await lint({ sources: [{ path: file, text: readFileSync(path.join(dir, file), 'utf8') }], cwd: dir, rules: on })
      const fired = report.results.some((r) =>
        r.messages.some((m) => polarisChecks[check].includes(m.ruleId) && (!MESSAGE_IDS[check] || (m as IdentifiedFinding).messageId === MESSAGE_IDS[check])),
      )
      const expected = file.startsWith('failure')
      total++
      const key = `${check}/${file}`
      if (fired === expected) agree++
      else if (!DELIBERATE[key]) disagreements.push(`${key}: ${expected ? 'expected a finding of' : 'expected none of'} ${polarisChecks[check].join(', ')}`)
    }
    rows.push(`${check} ${agree}/${total}`)
  }
  t.diagnostic(`agreement per Polaris check: ${rows.join(', ')}`)
  assert.deepEqual(disagreements, [])
})
