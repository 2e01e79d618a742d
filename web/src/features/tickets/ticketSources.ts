/** Where a ticket came in (dev.baton.ticket.TicketSource codes); labels are `codes.source.<code>`. */
export const TICKET_SOURCES = [
  'web',
  'api',
  'wecom_sidebar',
  'wecom_customer_page',
  'wecom_workbench',
  'wecom_group',
  'official_account',
  'mini_program',
  'email',
  'import',
] as const
