/** Permission codes the UI checks to show or hide actions (the server enforces them either way). */
export const PERMISSIONS = {
  /** create/edit/delete departments, users and roles */
  ORG_MANAGE: 'org.manage',
  /** list, create and revoke API keys */
  APIKEY_MANAGE: 'apikey.manage',
  /** design, publish and simulate flows (also needed to read them) */
  FLOW_MANAGE: 'flow.manage',
  /** create and edit ticket templates */
  TEMPLATE_MANAGE: 'template.manage',
  /** business calendars (anyone may read them) */
  CALENDAR_MANAGE: 'calendar.manage',
  /** SLA policies (also needed to read them) */
  SLA_MANAGE: 'sla.manage',
  /** routing rules, keywords, explain (also needed to read them) */
  ASSIGNMENT_MANAGE: 'assignment.manage',
  /** notification templates (also needed to read them) */
  NOTIFY_MANAGE: 'notify.manage',
  /** the tenant's WeCom app and its syncs */
  SETTINGS_MANAGE: 'settings.manage',
  /** search the audit log */
  AUDIT_READ: 'audit.read',
} as const
