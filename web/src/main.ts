import { createApp } from 'vue'
import { createPinia } from 'pinia'
import ElementPlus, { ElMessage } from 'element-plus'
import 'element-plus/dist/index.css'
import './styles.css'
import App from './App.vue'
import { router } from './router'
import { i18n, currentLocale } from './i18n'
import { configureHttp } from './api'
import { useAuthStore } from './features/auth/store'
import { useOrgStore } from './features/org/store'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
app.use(i18n)
app.use(ElementPlus)
app.use(router)

const auth = useAuthStore(pinia)
let redirecting = false
configureHttp({
  getToken: () => auth.token,
  getLocale: () => currentLocale(),
  onUnauthorized: () => {
    const wasSignedIn = !!auth.token
    auth.clear()
    useOrgStore(pinia).reset()
    const current = router.currentRoute.value
    if (redirecting || current.name === 'login') return
    redirecting = true
    if (wasSignedIn) ElMessage({ type: 'warning', message: i18n.global.t('auth.sessionExpired'), grouping: true })
    router
      .replace({ name: 'login', query: { redirect: current.fullPath } })
      .finally(() => {
        redirecting = false
      })
  },
})

app.mount('#app')
