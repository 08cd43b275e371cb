import type { PodTemplateSpec } from 'kubernetes-types/core/v1.js'
import { fieldError } from '../../src/field-errors.js'
import { defineRule } from '../../src/rule.js'

export default defineRule({
  meta: {
    id: 'workload/template',
    category: 'server',
    severity: 'error',
    description: 'The pod template of a Deployment, ReplicaSet, StatefulSet or DaemonSet sets a restartPolicy other than Always, or an activeDeadlineSeconds.',
    remediation: 'Leave restartPolicy out (or set Always) and remove activeDeadlineSeconds: these controllers keep their pods running; use a Job for pods that finish.',
    messages: {
      restartPolicy: '{{error}}. Pods of this controller must keep running: leave restartPolicy out, or use a Job for pods that finish.',
      activeDeadlineSeconds: '{{error}}. Remove activeDeadlineSeconds: these pods are meant to run until replaced.',
    },
  },
  create(ctx) {
    // the server's words: Deployments are checked by the ReplicaSet code and say "ReplicaSet"
    const check = (template: PodTemplateSpec | undefined, owner: string) => {
      const spec = template?.spec
      if (!spec) return
      const path = ['spec', 'template', 'spec']
      // "" is defaulted to Always by the server
      if (spec.restartPolicy && spec.restartPolicy !== 'Always') ctx.report('restartPolicy', fieldError.notSupported([...path, 'restartPolicy'], spec.restartPolicy ?? '', ['Always']))
      if (spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds !== null) {
        ctx.report('activeDeadlineSeconds', fieldError.forbidden([...path, 'activeDeadlineSeconds'], `activeDeadlineSeconds in ${owner} is not Supported`), { point: 'key' })
      }
    }
    return {
      Deployment: (d) => check(d.spec?.template, 'ReplicaSet'),
      ReplicaSet: (rs) => check(rs.spec?.template, 'ReplicaSet'),
      StatefulSet: (ss) => check(ss.spec?.template, 'StatefulSet'),
      DaemonSet: (ds) => check(ds.spec?.template, 'DaemonSet'),
    }
  },
})
