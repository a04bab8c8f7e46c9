import type { Access, FieldAccess } from 'payload'

/** Nobody through the API (server code writes with the Local API or SQL). */
export const nobody: Access = () => false

export const nobodyField: FieldAccess = () => false
