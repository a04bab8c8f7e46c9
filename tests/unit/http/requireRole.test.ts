import { describe, expect, it } from 'vitest'

import { requireRole } from '@/http/requireRole'

const staff = (role: string) => ({ user: { id: 'u', collection: 'editors', role } as never })

describe('requireRole', () => {
  it('should let a staff member with one of the roles through', () => {
    expect(requireRole(staff('editor'), ['admin', 'editor'])).toBeNull()
  })

  it('should answer 401 without a signed-in user, naming what is needed', async () => {
    const res = requireRole({ user: null }, ['admin'], { message: 'Only admins can see the listener dashboard.' })!
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual({ errors: [{ message: 'Only admins can see the listener dashboard.' }] })
  })

  it("should answer an endpoint's own status without a signed-in user when it names one", () => {
    expect(requireRole({ user: null }, ['admin'], { anonymous: 403 })!.status).toBe(403)
  })

  it('should answer 403 to a signed-in user without the role, listeners included', () => {
    expect(requireRole(staff('translator'), ['admin', 'editor'])!.status).toBe(403)
    expect(requireRole({ user: { id: 'l', collection: 'users' } as never }, ['admin'])!.status).toBe(403)
  })
})
