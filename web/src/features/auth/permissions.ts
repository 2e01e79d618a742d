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
} as const
