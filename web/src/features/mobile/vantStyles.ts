// Vant's stylesheet, once, for the mobile routes only (each mobile page imports this module; the desktop app
// never loads it). Components themselves are imported one by one where they are used.
import 'vant/lib/index.css'
