// Customers API (/api/v1/customers), typed by hand from CustomerView and CustomerCommand.
import { request, type Page } from '@/api'

export const LEVELS = ['basic', 'standard', 'vip'] as const
export type CustomerLevel = (typeof LEVELS)[number]

export interface Customer {
  id: number
  name: string
  company: string | null
  level: string
  region: string | null
  tags: string[]
  phone: string | null
  ownerId: number | null
  wecomExternalIds: string[]
  groupChatIds: string[]
  /** other customers with the same phone number, newest first */
  possibleDuplicates: number[]
  createdAt: string
  updatedAt: string
  version: number
}

export interface CustomerCommand {
  name: string
  company: string | null
  level: string
  region: string | null
  tags: string[]
  phone: string | null
  wecomExternalIds: string[]
  groupChatIds: string[]
  version?: number
}

export type CustomerQuery = Record<string, string | number | undefined>

export const customersApi = {
  list: (query: CustomerQuery, signal?: AbortSignal) => request<Page<Customer>>('/customers', { query, signal }),
  get: (id: number) => request<Customer>(`/customers/${id}`),
  create: (body: CustomerCommand) => request<Customer>('/customers', { method: 'POST', body }),
  update: (id: number, body: CustomerCommand) => request<Customer>(`/customers/${id}`, { method: 'PUT', body }),
  /** `id` survives; the duplicate's tickets and WeCom links move to it */
  merge: (id: number, duplicate: Customer, version: number) =>
    request<Customer>(`/customers/${id}/merge`, {
      method: 'POST',
      body: { duplicateId: duplicate.id, version, duplicateVersion: duplicate.version },
    }),
}
