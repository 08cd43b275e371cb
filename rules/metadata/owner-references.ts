// metadata.ownerReferences: apiVersion with a version, kind, name and uid, no Event owner, one controller (A.1 M13).
import { fieldError } from '../../src/field-errors.js'
import { defineRule } from '../../src/rule.js'
import { isObj, placedAt, type Obj } from '../../src/validation/metadata.js'

/** schema.ParseGroupVersion as FromAPIVersionAndKind uses it: "" or more than one '/' give no version */
function versionOf(apiVersion: string): string {
  if (apiVersion === '' || apiVersion === '/') return ''
  const parts = apiVersion.split('/')
  if (parts.length === 1) return apiVersion
  return parts.length === 2 ? parts[1] : ''
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '')

/** an OwnerReference as Go marshals it: fields in declaration order, optional ones left out when unset */
function asGo(ref: Obj): Record<string, unknown> {
  const out: Record<string, unknown> = { apiVersion: str(ref.apiVersion), kind: str(ref.kind), name: str(ref.name), uid: str(ref.uid) }
  if (typeof ref.controller === 'boolean') out.controller = ref.controller
  if (typeof ref.blockOwnerDeletion === 'boolean') out.blockOwnerDeletion = ref.blockOwnerDeletion
  return out
}

export default defineRule({
  meta: {
    id: 'metadata/owner-references',
    category: 'server',
    severity: 'error',
    description: 'An owner reference lacks its apiVersion version, kind, name or uid, names an Event as owner, or more than one reference is the controller.',
    remediation: 'Leave ownerReferences to the controllers that set them, or copy them whole from the owner (its apiVersion, kind, name and uid), with at most one controller: true.',
    messages: {
      empty: '{{error}}. An owner reference needs the apiVersion, kind, name and uid of an existing object.',
      bannedOwner: '{{error}}. Events cannot own other objects.',
      twoControllers: '{{error}}. Set controller: true on one reference only.',
    },
  },
  create(ctx) {
    return {
      Object(object) {
        const refs = isObj(object.metadata) ? object.metadata.ownerReferences : undefined
        if (!Array.isArray(refs)) return
        const path = ['metadata', 'ownerReferences']
        let firstController = ''
        refs.forEach((ref: unknown, i) => {
          if (!isObj(ref)) return
          const apiVersion = str(ref.apiVersion)
          const version = versionOf(apiVersion)
          // the server's path has no index: metadata.ownerReferences.apiVersion
          if (!version) ctx.report('empty', placedAt(fieldError.invalid([...path, 'apiVersion'], apiVersion, 'version must not be empty'), [...path, i, 'apiVersion']))
          for (const field of ['kind', 'name', 'uid'] as const) {
            if (!str(ref[field])) ctx.report('empty', placedAt(fieldError.invalid([...path, field], str(ref[field]), 'must not be empty'), [...path, i, field]))
          }
          // BannedOwners: the core group's v1 Event only (events.k8s.io Events may own objects)
          if (apiVersion === 'v1' && ref.kind === 'Event') {
            ctx.report('bannedOwner', placedAt(fieldError.invalid(path, asGo(ref), '/v1, Kind=Event is disallowed from being an owner'), [...path, i]))
          }
          if (ref.controller === true) {
            const current = `${str(ref.kind)}/${str(ref.name)}`
            if (firstController) {
              const all = refs.map((r: unknown) => (isObj(r) ? asGo(r) : r))
              ctx.report(
                'twoControllers',
                placedAt(fieldError.invalid(path, all, `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${current}`), [...path, i, 'controller']),
              )
            } else firstController = current
          }
        })
      },
    }
  },
})
