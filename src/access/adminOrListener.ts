import type { Access } from 'payload'

import { listenerUser } from '@/access/listenerUser'
import { hasRole } from '@/access/roles'

/** Admins, and any signed-in listener (hooks then make a listener's new rows its own). */
export const adminOrListener: Access = ({ req }) => hasRole(req, 'admin') || listenerUser(req) !== null
