// The server's settings: initializationOptions first, then the client's `seaworthy.*` workspace configuration.

export interface Settings {
  /** Kubernetes minor to check against; default the config file's, else the engine's default */
  kubernetesVersion?: string
  /** the config file, relative to the workspace root; default `.seaworthy.yaml` found from the root up */
  configPath?: string
  /** quiet time after an edit before linting, in milliseconds */
  debounceMs: number
}

export const DEFAULT_DEBOUNCE_MS = 150

/** reads what the client sent, ignoring what is not of the expected type (bad input is never fatal) */
export function readSettings(base: Settings, raw: unknown): Settings {
  if (typeof raw !== 'object' || raw === null) return base
  const r = raw as Record<string, unknown>
  const out = { ...base }
  if (typeof r.kubernetesVersion === 'string' && r.kubernetesVersion !== '') out.kubernetesVersion = r.kubernetesVersion
  if (typeof r.configPath === 'string' && r.configPath !== '') out.configPath = r.configPath
  if (typeof r.debounceMs === 'number' && Number.isFinite(r.debounceMs) && r.debounceMs >= 0) out.debounceMs = r.debounceMs
  return out
}
