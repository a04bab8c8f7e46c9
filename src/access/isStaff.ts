import type { PayloadRequest } from 'payload'

import { hasRole } from '@/access/roles'

/** Any signed-in staff member (admin, editor, translator): who may open the admin panel. */
export const isStaff = ({ req }: { req: PayloadRequest }): boolean => hasRole(req, 'admin', 'editor', 'translator')
