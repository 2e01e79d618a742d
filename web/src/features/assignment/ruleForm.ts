import type { ExplainSample, Rule, RuleBody, RuleConditions } from './assignmentApi'

/** Pure transforms behind the rule form and the explain tester. */

export interface RuleForm {
  name: string
  enabled: boolean
  templateIds: number[]
  /** not editable here; kept so that a rule written through the API keeps them */
  templateCodes: string[]
  sources: string[]
  /** intake channel codes */
  channels: string[]
  customerLevels: string[]
  customerRegions: string[]
  priorities: string[]
  keywords: string[]
  expression: string
  targetKind: string
  userId: number | null
  roleCode: string
  departmentId: number | null
  includeChildren: boolean
  skills: string[]
  regions: string[]
  strategyKind: string
  weightByPriority: boolean
  strategySkills: string[]
  fallbackKind: string
  fallbackUserId: number | null
  fallbackDepartmentId: number | null
}

export function emptyRuleForm(): RuleForm {
  return {
    name: '',
    enabled: true,
    templateIds: [],
    templateCodes: [],
    sources: [],
    channels: [],
    customerLevels: [],
    customerRegions: [],
    priorities: [],
    keywords: [],
    expression: '',
    targetKind: 'department',
    userId: null,
    roleCode: '',
    departmentId: null,
    includeChildren: true,
    skills: [],
    regions: [],
    strategyKind: 'round_robin',
    weightByPriority: false,
    strategySkills: [],
    fallbackKind: 'pool',
    fallbackUserId: null,
    fallbackDepartmentId: null,
  }
}

export function ruleToForm(r: Rule): RuleForm {
  const c = r.conditions ?? {}
  return {
    name: r.name,
    enabled: r.enabled,
    templateIds: [...(c.templateIds ?? [])],
    templateCodes: [...(c.templateCodes ?? [])],
    sources: [...(c.sources ?? [])],
    channels: [...(c.channels ?? [])],
    customerLevels: [...(c.customerLevels ?? [])],
    customerRegions: [...(c.customerRegions ?? [])],
    priorities: [...(c.priorities ?? [])],
    keywords: [...(c.keywords ?? [])],
    expression: c.expression ?? '',
    targetKind: r.target.kind,
    userId: r.target.userId ?? null,
    roleCode: r.target.roleCode ?? '',
    departmentId: r.target.departmentId ?? null,
    includeChildren: r.target.includeChildren ?? false,
    skills: [...(r.target.skills ?? [])],
    regions: [...(r.target.regions ?? [])],
    strategyKind: r.strategy.kind,
    weightByPriority: r.strategy.weightByPriority ?? false,
    strategySkills: [...(r.strategy.skills ?? [])],
    fallbackKind: r.fallback.kind,
    fallbackUserId: r.fallback.userId ?? null,
    fallbackDepartmentId: r.fallback.departmentId ?? null,
  }
}

const clean = (values: string[]) => [...new Set(values.map((v) => v.trim()).filter(Boolean))]

/**
 * The request body: only the conditions that are set (a missing list matches everything), and for the target,
 * strategy and fallback only the settings their kind uses. A required setting left empty is sent as null so
 * that the server names its field.
 */
export function formToRuleBody(f: RuleForm, version?: number): RuleBody {
  const conditions: RuleConditions = {}
  const lists = {
    templateIds: f.templateIds,
    templateCodes: clean(f.templateCodes),
    sources: f.sources,
    channels: clean(f.channels),
    customerLevels: clean(f.customerLevels),
    customerRegions: clean(f.customerRegions),
    priorities: f.priorities,
    keywords: clean(f.keywords),
  }
  for (const [key, values] of Object.entries(lists)) {
    if (values.length) (conditions as Record<string, unknown>)[key] = [...values]
  }
  if (f.expression.trim()) conditions.expression = f.expression.trim()

  const target: RuleBody['target'] = { kind: f.targetKind }
  if (f.targetKind === 'user') target.userId = f.userId
  if (f.targetKind === 'role') target.roleCode = f.roleCode || null
  if (f.targetKind === 'department') {
    target.departmentId = f.departmentId
    target.includeChildren = f.includeChildren
  }
  if (f.targetKind === 'skill_group') target.skills = clean(f.skills)
  if (f.targetKind === 'region_group') target.regions = clean(f.regions)

  const strategy: RuleBody['strategy'] = { kind: f.strategyKind }
  if (f.strategyKind === 'least_loaded' && f.weightByPriority) strategy.weightByPriority = true
  if (f.strategyKind === 'skill_match' && clean(f.strategySkills).length) strategy.skills = clean(f.strategySkills)

  const fallback: RuleBody['fallback'] = { kind: f.fallbackKind }
  if (f.fallbackKind === 'user') fallback.userId = f.fallbackUserId
  if (f.fallbackKind === 'department_leader' && f.fallbackDepartmentId != null) fallback.departmentId = f.fallbackDepartmentId

  const body: RuleBody = { name: f.name.trim(), enabled: f.enabled, conditions, target, strategy, fallback }
  if (version !== undefined) body.version = version
  return body
}

export interface SampleForm {
  templateId: number | null
  source: string
  /** a channel code, or empty */
  channel: string
  priority: string
  title: string
  description: string
  chatExcerpt: string
  customerLevel: string
  customerRegion: string
  /** sample field values as JSON text (`{"amount": 8000}`) */
  fields: string
}

export function emptySampleForm(): SampleForm {
  return { templateId: null, source: 'web', channel: '', priority: '', title: '', description: '', chatExcerpt: '', customerLevel: '', customerRegion: '', fields: '' }
}

/** The explain request; throws a SyntaxError (shown at the fields box) when the field values are not a JSON object. */
export function sampleToRequest(s: SampleForm): ExplainSample {
  let fields: Record<string, unknown> | undefined
  if (s.fields.trim()) {
    const parsed: unknown = JSON.parse(s.fields)
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new SyntaxError('not an object')
    fields = parsed as Record<string, unknown>
  }
  const customer: Record<string, unknown> = {}
  if (s.customerLevel.trim()) customer.level = s.customerLevel.trim()
  if (s.customerRegion.trim()) customer.region = s.customerRegion.trim()
  const out: ExplainSample = { source: s.source || 'web' }
  if (s.templateId != null) out.templateId = s.templateId
  if (s.channel.trim()) out.channel = s.channel.trim()
  if (s.priority) out.priority = s.priority
  if (s.title.trim()) out.title = s.title.trim()
  if (s.description.trim()) out.description = s.description.trim()
  if (s.chatExcerpt.trim()) out.chatExcerpt = s.chatExcerpt.trim()
  if (fields) out.fields = fields
  if (Object.keys(customer).length) out.customer = customer
  return out
}
