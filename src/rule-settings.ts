// Which rules run, and at which severity, for each file: a preset, then the config file's `rules`, then each of its
// `overrides` whose globs match the file, in order (as ESLint merges its configs).
import { createRequire } from 'node:module'
import path from 'node:path'
import type { PolicyDefinition } from './custom-policies.js'
import { defaultOptions, type Rule, type RuleOptions } from './rule.js'
import type { Severity } from './types.js'

export type RuleLevel = 'off' | Severity

export const PRESETS = ['recommended', 'strict', 'all'] as const
export type Preset = (typeof PRESETS)[number]

export interface RuleSetting {
  level: RuleLevel
  /** the rule's options, when the config gives them (`[severity, options]`) */
  options?: Record<string, unknown>
}

export interface RulesConfig {
  /** the preset the config extends; default recommended */
  extends: Preset
  rules: Record<string, RuleSetting>
  /** settings for the files some globs match, relative to the config file's folder */
  overrides: Array<{ files: string[]; rules: Record<string, RuleSetting> }>
  /** files not linted at all, globs relative to the config file's folder */
  ignorePatterns: string[]
  /** the config's custom policies (CEL), each a rule of its own `custom/…` id */
  policies: PolicyDefinition[]
  /** policy owners' switch: suppression comments and annotations in the manifests are ignored (and reported) */
  disallowSuppressions?: boolean
  /** the folder globs are relative to */
  base: string
  /** the folder the run's file paths are relative to */
  cwd: string
}

export const DEFAULT_RULES_CONFIG: RulesConfig = { extends: 'recommended', rules: {}, overrides: [], ignorePatterns: [], policies: [], base: '.', cwd: '.' }

// a preset holds the rules of the presets before it
const PRESET_ORDER: Record<Preset, number> = { recommended: 0, strict: 1, all: 2 }

/** the rule's level in a preset: its default severity when the preset includes it, else off */
export function presetLevel(rule: Rule, preset: Preset): RuleLevel {
  return PRESET_ORDER[rule.meta.preset ?? 'recommended'] <= PRESET_ORDER[preset] ? rule.meta.severity : 'off'
}

type Matcher = (file: string) => boolean
let picomatch: ((globs: string[], options: { dot: boolean }) => Matcher) | undefined
// required when a config has globs, not at start-up: a lint without them should start fast
const loadPicomatch = () => (picomatch ??= createRequire(import.meta.url)('picomatch') as typeof picomatch & object)

/** The levels for one file, by rule id; a function so that files without overrides share the work. */
export class RuleLevels {
  private readonly overrideMatchers: Matcher[]
  private readonly ignored: Matcher | undefined
  private readonly byFile = new Map<string, { levels: Map<string, RuleLevel>; options: Map<string, RuleOptions> }>()
  /** which overrides match each file, as a key into byFile */
  private readonly keyByFile = new Map<string, string>()
  private readonly defaults = new WeakMap<Rule, RuleOptions>()

  constructor(
    private readonly config: RulesConfig,
    private readonly rules: readonly Rule[],
  ) {
    this.overrideMatchers = config.overrides.map((o) => loadPicomatch()(o.files, { dot: true }))
    this.ignored = config.ignorePatterns.length ? loadPicomatch()(config.ignorePatterns, { dot: true }) : undefined
  }

  /** the file's path as the config's globs see it: relative to the config file's folder, with forward slashes */
  private relative(file: string): string {
    return path.relative(this.config.base, path.resolve(this.config.cwd, file)).split(path.sep).join('/')
  }

  isIgnored(file: string): boolean {
    return this.ignored?.(this.relative(file)) ?? false
  }

  /** the level of every rule for this file */
  forFile(file: string): Map<string, RuleLevel> {
    return this.settingsFor(file).levels
  }

  /** a rule's options for this file: its defaults, then the config's rules, then each matching override's */
  optionsFor(file: string, rule: Rule): RuleOptions {
    const configured = this.settingsFor(file).options.get(rule.meta.id)
    if (configured) return configured
    let defaults = this.defaults.get(rule)
    if (!defaults) this.defaults.set(rule, (defaults = defaultOptions(rule.meta)))
    return defaults
  }

  private settingsFor(file: string): { levels: Map<string, RuleLevel>; options: Map<string, RuleOptions> } {
    let key = this.keyByFile.get(file)
    if (key === undefined) {
      key = this.overrideMatchers.flatMap((m, i) => (m(this.relative(file)) ? [i] : [])).join(',')
      this.keyByFile.set(file, key)
    }
    let settings = this.byFile.get(key)
    if (!settings) {
      const matching = key === '' ? [] : key.split(',').map(Number)
      const levels = new Map(this.rules.map((r) => [r.meta.id, presetLevel(r, this.config.extends)]))
      const options = new Map<string, RuleOptions>()
      const apply = (rules: Record<string, RuleSetting>) => {
        for (const [id, s] of Object.entries(rules)) {
          levels.set(id, s.level)
          const rule = this.rules.find((r) => r.meta.id === id)
          if (s.options && rule) options.set(id, { ...(options.get(id) ?? defaultOptions(rule.meta)), ...s.options })
        }
      }
      apply(this.config.rules)
      for (const i of matching) apply(this.config.overrides[i].rules)
      settings = { levels, options }
      this.byFile.set(key, settings)
    }
    return settings
  }
}

const RANK: Record<Severity, number> = { error: 2, warning: 1, info: 0 }

/**
 * A finding's severity once the configured level replaces the rule's default: a finding the rule itself made
 * milder than its default (info where the input is partial) stays at least that much milder.
 */
export function configuredSeverity(level: Severity, ruleDefault: Severity, reported: Severity): Severity {
  if (RANK[reported] >= RANK[ruleDefault]) return level
  return RANK[reported] < RANK[level] ? reported : level
}
