export * from './types'
export * from './http'
export * from './problem'
export * from './endpoints'
