import type { InjectionKey } from 'vue'
import type { SimStep, TemplateField } from '@/api'
import type { InsertableType, InsertPoint, ProblemIndex } from './flowTree'

/** What FlowCanvas hands down to the recursive FlowChain: state to draw and the edits to ask for. */
export interface DesignerContext {
  readonly: boolean
  /** the template's fields (labels in summaries) */
  fields: readonly TemplateField[]
  selectedId: string | null
  selectedBranch: { nodeId: string; index: number } | null
  problems: ProblemIndex
  /** node ids the last sandbox run entered */
  path: ReadonlySet<string>
  /** node id → the sandbox's step there */
  steps: ReadonlyMap<string, SimStep>
  select(nodeId: string): void
  selectBranch(nodeId: string, index: number): void
  insert(point: InsertPoint, type: InsertableType): void
  remove(nodeId: string): void
  addBranch(nodeId: string): void
  removeBranch(nodeId: string, index: number): void
  moveBranch(nodeId: string, index: number, delta: -1 | 1): void
}

export const DESIGNER: InjectionKey<DesignerContext> = Symbol('flow-designer')
