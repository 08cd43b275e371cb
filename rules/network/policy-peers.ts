import type { NetworkPolicyPeer } from 'kubernetes-types/networking/v1.js'
import { fieldError } from '../../src/field-errors.js'
import { defineRule } from '../../src/rule.js'
import type { PathSegment } from '../../src/types.js'
import { isStrictSubset, parseCIDRSloppy } from '../../src/validation/network.js'
import { labelSelectorErrors } from '../../src/validation/selector.js'

const set = (v: unknown): boolean => v !== undefined && v !== null

export default defineRule({
  meta: {
    id: 'network/policy-peers',
    category: 'server',
    severity: 'error',
    description: 'A NetworkPolicy peer (from/to) is empty, mixes ipBlock with a selector, has an invalid selector, or an ipBlock whose cidr is missing or malformed or whose except is not strictly inside the cidr.',
    remediation: 'Give each peer a podSelector and/or namespaceSelector, or an ipBlock alone, with a CIDR such as 10.0.0.0/8 and except ranges strictly inside it.',
    messages: {
      peerRequired: '{{error}}. Give the peer a podSelector, namespaceSelector or ipBlock; to match everything, leave from/to out or use namespaceSelector: {}.',
      ipBlockWithSelector: '{{error}}. Put the ipBlock in a list item of its own.',
      selector: '{{error}}.',
      cidr: '{{error}}.',
      except: '{{error}}. Each except range must lie inside cidr and be narrower than it.',
    },
  },
  create(ctx) {
    const cidrMessage = ctx.minor >= 33 ? 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)' : 'not a valid CIDR'
    const checkPeer = (peer: NetworkPolicyPeer, path: readonly PathSegment[]) => {
      let count = 0
      for (const field of ['podSelector', 'namespaceSelector'] as const) {
        if (!set(peer[field])) continue
        count++
        for (const e of labelSelectorErrors(peer[field], [...path, field], ctx.minor)) ctx.report('selector', e.error, { point: e.point })
      }
      const block = peer.ipBlock
      if (set(block)) {
        count++
        const at = [...path, 'ipBlock']
        const cidrText = block!.cidr ?? ''
        if (cidrText === '') {
          ctx.report('cidr', fieldError.required([...at, 'cidr']))
        } else {
          const cidr = parseCIDRSloppy(cidrText)
          if (!cidr) ctx.report('cidr', fieldError.invalid([...at, 'cidr'], cidrText, cidrMessage))
          else {
            for (const [k, text] of (block!.except ?? []).entries()) {
              const except = parseCIDRSloppy(text ?? '')
              if (!except) {
                ctx.report('cidr', fieldError.invalid([...at, 'except', k], text, cidrMessage))
                // before 1.33 the server stopped at the first malformed except
                if (ctx.minor < 33) break
                continue
              }
              if (isStrictSubset(except, cidr) === false) ctx.report('except', fieldError.invalid([...at, 'except', k], text, 'must be a strict subset of `cidr`'))
            }
          }
        }
      }
      if (count === 0) ctx.report('peerRequired', fieldError.required(path, 'must specify a peer'))
      else if (count > 1 && set(block)) ctx.report('ipBlockWithSelector', fieldError.forbidden(path, 'may not specify both ipBlock and another peer'))
    }
    return {
      NetworkPolicy(policy) {
        if (ctx.apiVersion !== 'networking.k8s.io/v1') return
        policy.spec?.ingress?.forEach((rule, i) => rule?.from?.forEach((peer, j) => checkPeer(peer ?? {}, ['spec', 'ingress', i, 'from', j])))
        policy.spec?.egress?.forEach((rule, i) => rule?.to?.forEach((peer, j) => checkPeer(peer ?? {}, ['spec', 'egress', i, 'to', j])))
      },
    }
  },
})
