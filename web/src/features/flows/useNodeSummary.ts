import { useI18n } from 'vue-i18n'
import { useOrgStore } from '@/features/org/store'
import type { TemplateField } from '@/api'
import type { Assignee } from './flowForm'
import { fieldText, parseSla } from './flowForm'
import type { FlowNode } from './flowTree'

/** One-line descriptions of nodes and assignees for the cards, in the UI language. */
export function useNodeSummary(fields: () => readonly TemplateField[]) {
  const { t, locale } = useI18n()
  const org = useOrgStore()

  function fieldLabel(key: string): string {
    const f = fields().find((x) => x.key === key)
    return f ? fieldText(f, locale.value) : key
  }

  function assignee(a: Assignee | null | undefined): string {
    if (!a || !a.strategy) return ''
    switch (a.strategy) {
      case 'user':
        return a.userId != null ? `${t('flows.strategy.user')}${t('flows.colon')}${org.userLabel(a.userId)}` : ''
      case 'role': {
        if (!a.roleCode) return ''
        const role = org.roles.find((r) => r.code === a.roleCode)
        return `${t('flows.strategy.role')}${t('flows.colon')}${role?.name ?? a.roleCode}`
      }
      case 'department':
        return a.departmentId != null ? `${t('flows.strategy.department')}${t('flows.colon')}${org.departmentName(a.departmentId)}` : ''
      case 'department_leader':
        return t('flows.leaderLevel', { level: a.level ?? 1 })
      case 'field':
        return a.fieldKey ? `${t('flows.strategy.field')}${t('flows.colon')}${fieldLabel(a.fieldKey)}` : ''
      default:
        return t(`flows.strategy.${a.strategy}`)
    }
  }

  function sla(iso: unknown): string {
    if (typeof iso !== 'string' || !iso) return ''
    const p = parseSla(iso)
    return p ? t(`flows.slaShort.${p.unit}`, { n: p.amount }) : iso
  }

  /** The card's second line; '' when the node still needs its settings. */
  function describe(node: FlowNode): string {
    switch (node.type) {
      case 'task':
        return assignee(node.assignee as Assignee | undefined)
      case 'approval': {
        const list = Array.isArray(node.approvers) ? (node.approvers as Assignee[]) : []
        if (!list.length) return ''
        const who = list.map(assignee).filter(Boolean).join('、')
        return `${t(`flows.mode.${String(node.mode ?? 'serial')}`)} · ${who}`
      }
      case 'condition':
      case 'parallel':
        return t('flows.branchCount', { n: node.branches?.length ?? 0 })
      case 'automation':
        return node.action ? t(`flows.action.${String(node.action)}`) : ''
      case 'end':
        return node.customerStatus ? t(`flows.customerStatus.${String(node.customerStatus)}`) : ''
      case 'start':
        return t('flows.startHint')
      default:
        return ''
    }
  }

  /** The placeholder shown when `describe` is empty. */
  function missing(node: FlowNode): string {
    switch (node.type) {
      case 'task':
        return t('flows.needAssignee')
      case 'approval':
        return t('flows.needApprovers')
      case 'automation':
        return t('flows.needAction')
      default:
        return ''
    }
  }

  return { describe, missing, assignee, sla, fieldLabel }
}
