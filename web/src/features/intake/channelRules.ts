import type { Rule } from '@/features/assignment/assignmentApi'

/**
 * The assignment rules that can route a channel's tickets: those naming its code (conditions.channels), in the order
 * they are tried. The first enabled one whose other conditions also hold decides; rules without a channels
 * condition may still match a channel's tickets by source or anything else, and are not listed.
 */
export function rulesNaming(code: string, rules: readonly Rule[]): Rule[] {
  return rules.filter((r) => (r.conditions?.channels ?? []).includes(code))
}
