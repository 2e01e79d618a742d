import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { useAuthStore } from '@/features/auth/store'
import { isApiError } from '@/api'

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title */
    title?: string
    public?: boolean
  }
}

const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('@/features/auth/LoginPage.vue'),
    meta: { public: true, title: 'auth.login' },
  },
  // mobile views: full-screen pages outside the desktop layout
  {
    path: '/p/:token',
    name: 'customer-progress',
    component: () => import('@/features/mobile/ProgressPage.vue'),
    meta: { public: true, title: 'mobile.progress.title' },
  },
  {
    path: '/m/sidebar',
    name: 'wecom-sidebar',
    component: () => import('@/features/mobile/SidebarPage.vue'),
    meta: { title: 'mobile.sidebar.title' },
  },
  {
    path: '/m/customer',
    name: 'wecom-customer-page',
    component: () => import('@/features/mobile/CustomerProfilePage.vue'),
    meta: { title: 'mobile.customerPage.title' },
  },
  {
    // public: it signs the employee in itself from the OAuth code WeCom adds to its address
    path: '/m/workbench',
    name: 'wecom-workbench',
    component: () => import('@/features/mobile/WorkbenchPage.vue'),
    meta: { public: true, title: 'mobile.workbench.title' },
  },
  {
    path: '/m/tickets',
    name: 'engineer-tickets',
    component: () => import('@/features/mobile/EngineerTicketsPage.vue'),
    meta: { title: 'mobile.engineer.title' },
  },
  {
    path: '/m/tickets/:id(\\d+)',
    name: 'engineer-ticket',
    component: () => import('@/features/mobile/EngineerTicketPage.vue'),
    meta: { title: 'mobile.engineer.title' },
  },
  {
    path: '/f/:tenant/:channel',
    name: 'public-form',
    component: () => import('@/features/intake/PublicFormPage.vue'),
    meta: { public: true, title: 'intake.form.pageTitle' },
  },
  {
    path: '/',
    component: () => import('@/features/layout/MainLayout.vue'),
    children: [
      { path: '', redirect: '/org/users' },
      {
        path: 'tickets',
        name: 'tickets',
        component: () => import('@/features/tickets/TicketsPage.vue'),
        meta: { title: 'layout.tickets' },
      },
      {
        path: 'tickets/:id(\\d+)',
        name: 'ticket',
        component: () => import('@/features/tickets/TicketPage.vue'),
        meta: { title: 'layout.tickets' },
      },
      {
        path: 'customers',
        name: 'customers',
        component: () => import('@/features/customers/CustomersPage.vue'),
        meta: { title: 'customers.title' },
      },
      {
        path: 'customers/:id(\\d+)',
        name: 'customer',
        component: () => import('@/features/customers/CustomerPage.vue'),
        meta: { title: 'customers.title' },
      },
      {
        path: 'org/departments',
        name: 'departments',
        component: () => import('@/features/org/DepartmentsPage.vue'),
        meta: { title: 'layout.departments' },
      },
      {
        path: 'org/users',
        name: 'users',
        component: () => import('@/features/org/UsersPage.vue'),
        meta: { title: 'layout.users' },
      },
      {
        path: 'org/roles',
        name: 'roles',
        component: () => import('@/features/org/RolesPage.vue'),
        meta: { title: 'layout.roles' },
      },
      {
        path: 'flows',
        name: 'flows',
        component: () => import('@/features/flows/FlowsPage.vue'),
        meta: { title: 'layout.flows' },
      },
      {
        path: 'flows/:id(\\d+)',
        name: 'flow-designer',
        component: () => import('@/features/flows/FlowDesignerPage.vue'),
        meta: { title: 'layout.flows' },
      },
      {
        path: 'templates',
        name: 'templates',
        component: () => import('@/features/templates/TemplatesPage.vue'),
        meta: { title: 'layout.templates' },
      },
      {
        path: 'templates/new',
        name: 'template-new',
        component: () => import('@/features/templates/TemplateDesignerPage.vue'),
        meta: { title: 'layout.templates' },
      },
      {
        path: 'templates/:id(\\d+)',
        name: 'template-designer',
        component: () => import('@/features/templates/TemplateDesignerPage.vue'),
        meta: { title: 'layout.templates' },
      },
      {
        path: 'settings/api-keys',
        name: 'api-keys',
        component: () => import('@/features/apikeys/ApiKeysPage.vue'),
        meta: { title: 'layout.apiKeys' },
      },
      {
        path: 'service/calendars',
        name: 'calendars',
        component: () => import('@/features/calendars/CalendarsPage.vue'),
        meta: { title: 'layout.calendars' },
      },
      {
        path: 'service/sla-policies',
        name: 'sla-policies',
        component: () => import('@/features/sla/SlaPoliciesPage.vue'),
        meta: { title: 'layout.slaPolicies' },
      },
      {
        path: 'service/assignment-rules',
        name: 'assignment-rules',
        component: () => import('@/features/assignment/RulesPage.vue'),
        meta: { title: 'layout.assignmentRules' },
      },
      {
        path: 'service/keywords',
        name: 'keywords',
        component: () => import('@/features/assignment/KeywordsPage.vue'),
        meta: { title: 'layout.keywords' },
      },
      {
        path: 'settings/notification-templates',
        name: 'notification-templates',
        component: () => import('@/features/notify/NotificationTemplatesPage.vue'),
        meta: { title: 'layout.notificationTemplates' },
      },
      {
        path: 'settings/audit-log',
        name: 'audit-log',
        component: () => import('@/features/audit/AuditLogPage.vue'),
        meta: { title: 'layout.auditLog' },
      },
      {
        path: 'admin/channels',
        name: 'channels',
        component: () => import('@/features/intake/ChannelsPage.vue'),
        meta: { title: 'intake.title' },
      },
      {
        path: 'admin/wecom',
        name: 'wecom-settings',
        component: () => import('@/features/wecom/WeComSettingsPage.vue'),
        meta: { title: 'wecom.title' },
      },
      {
        path: ':pathMatch(.*)*',
        name: 'not-found',
        component: () => import('@/features/layout/NotFoundPage.vue'),
        meta: { title: 'layout.notFound' },
      },
    ],
  },
]

export const router = createRouter({
  history: createWebHistory('/'),
  routes,
})

router.beforeEach(async (to) => {
  const auth = useAuthStore()
  if (to.meta.public) {
    if (to.name === 'login' && auth.isAuthenticated) return { path: '/' }
    return true
  }
  if (!auth.isAuthenticated) {
    auth.clear()
    return { name: 'login', query: to.fullPath !== '/' ? { redirect: to.fullPath } : {} }
  }
  if (!auth.me) {
    try {
      await auth.loadMe()
    } catch (e) {
      if (isApiError(e) && e.status === 401) {
        auth.clear()
        return { name: 'login', query: { redirect: to.fullPath } }
      }
      // other failures (server down…): let the page render; its own requests will report the error
    }
  }
  return true
})
