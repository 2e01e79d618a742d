import { beforeEach, describe, expect, it, vi } from 'vitest'

const confirm = vi.fn()
vi.mock('element-plus', () => ({ ElMessageBox: { confirm } }))
vi.mock('@/i18n', () => ({ i18n: { global: { t: (key: string) => `<${key}>` } } }))
const { confirmDanger, confirmDelete } = await import('./confirm')

describe('confirmDanger', () => {
  beforeEach(() => confirm.mockReset())

  it('resolves true when confirmed, with a red confirm button', async () => {
    confirm.mockResolvedValue('confirm')
    await expect(confirmDanger('Revoke it?', 'Revoke', 'Yes')).resolves.toBe(true)
    expect(confirm).toHaveBeenCalledWith('Revoke it?', 'Revoke', {
      type: 'warning',
      confirmButtonText: 'Yes',
      cancelButtonText: '<common.cancel>',
      confirmButtonClass: 'el-button--danger',
    })
  })

  it('resolves false when cancelled or closed', async () => {
    confirm.mockImplementationOnce(() => Promise.reject('cancel'))
    await expect(confirmDanger('m', 't', 'c')).resolves.toBe(false)
    confirm.mockImplementationOnce(() => Promise.reject('close'))
    await expect(confirmDelete('m')).resolves.toBe(false)
  })

  it('confirmDelete uses the delete wording', async () => {
    confirm.mockResolvedValue('confirm')
    await expect(confirmDelete('Delete x?')).resolves.toBe(true)
    expect(confirm).toHaveBeenCalledWith('Delete x?', '<common.deleteTitle>', expect.objectContaining({ confirmButtonText: '<common.delete>' }))
  })
})
