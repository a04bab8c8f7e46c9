/**
 * Checks the shape of the data a client sends to create or update a document before anything
 * else looks at it: every value must have the type its field stores, and nothing may carry what
 * PostgreSQL refuses (NUL characters, JSON nested deeper than a stack). Payload itself converts
 * silently (an object given to a text field is stored as its JSON string, "abc" given to a number
 * becomes "required") and its database layer answers 500 for the rest.
 *
 * Field configs are read structurally (no Payload import), so this stays pure and unit-tested.
 */
import { isUuid } from '@/domain/http/uuid'

export type FieldShape = {
  type: string
  name?: string
  hasMany?: boolean
  localized?: boolean
  relationTo?: string | string[]
  fields?: FieldShape[]
  tabs?: FieldShape[]
  blocks?: { slug: string; fields: FieldShape[] }[]
}

export type ShapeIssue = { path: string; message: string }

/** JSON values nested deeper than this are refused (PostgreSQL's jsonb and every client cope). */
export const MAX_JSON_DEPTH = 64

const NUMERIC = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date)

const kind = (v: unknown): string => {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'an array'
  if (v instanceof Date) return 'a date'
  switch (typeof v) {
    case 'object':
      return 'an object'
    case 'string':
      return 'a string'
    case 'number':
      return Number.isFinite(v) ? 'a number' : 'a non-finite number'
    case 'boolean':
      return 'a boolean'
    default:
      return typeof v
  }
}

const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key))

/**
 * Walks a JSON value without recursion: the depth beyond MAX_JSON_DEPTH and the first string or
 * key containing NUL are reported (a stack overflow is exactly what a hostile body aims for).
 */
export function checkJsonValue(value: unknown, path: string, maxDepth = MAX_JSON_DEPTH): ShapeIssue | null {
  const stack: { v: unknown; depth: number; path: string }[] = [{ v: value, depth: 0, path }]
  while (stack.length) {
    const { v, depth, path: p } = stack.pop()!
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return { path: p, message: 'must not contain NUL characters (\\u0000)' }
      continue
    }
    if (typeof v === 'number' && !Number.isFinite(v)) return { path: p, message: 'numbers must be finite' }
    if (typeof v !== 'object' || v === null) continue
    if (depth >= maxDepth) return { path, message: `must not be nested deeper than ${maxDepth} levels` }
    if (Array.isArray(v)) v.forEach((item, i) => stack.push({ v: item, depth: depth + 1, path: join(p, i) }))
    else
      for (const [k, item] of Object.entries(v as Record<string, unknown>)) {
        if (k.includes('\u0000')) return { path: p, message: 'keys must not contain NUL characters (\\u0000)' }
        stack.push({ v: item, depth: depth + 1, path: join(p, k) })
      }
  }
  return null
}

function checkString(value: unknown, path: string, what = 'a string'): ShapeIssue | null {
  if (typeof value !== 'string') return { path, message: `expected ${what}, got ${kind(value)}` }
  if (value.includes('\u0000')) return { path, message: 'must not contain NUL characters (\\u0000)' }
  return null
}

function checkId(value: unknown, path: string): ShapeIssue | null {
  const id = isPlainObject(value) && 'id' in value ? value.id : value
  if (isUuid(id)) return null
  return { path, message: `expected the id (a UUID) of a document, got ${typeof id === 'string' ? JSON.stringify(id.slice(0, 40)) : kind(id)}` }
}

function checkRelation(field: FieldShape, value: unknown, path: string): ShapeIssue | null {
  if (Array.isArray(field.relationTo)) {
    if (!isPlainObject(value)) return { path, message: `expected { relationTo, value }, got ${kind(value)}` }
    if (typeof value.relationTo !== 'string' || !field.relationTo.includes(value.relationTo))
      return { path: join(path, 'relationTo'), message: `expected one of ${field.relationTo.join(', ')}` }
    return checkId(value.value, join(path, 'value'))
  }
  return checkId(value, path)
}

/** One value of a field that is not a container. */
function checkScalar(field: FieldShape, value: unknown, path: string): ShapeIssue | null {
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'email':
    case 'code':
    case 'password':
    case 'radio':
    case 'select':
      return checkString(value, path)
    case 'number':
      if (typeof value === 'number' && Number.isFinite(value)) return null
      if (typeof value === 'string' && NUMERIC.test(value)) return null
      return { path, message: `expected a number, got ${typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : kind(value)}` }
    case 'checkbox':
      if (typeof value === 'boolean' || value === 'true' || value === 'false') return null
      return { path, message: `expected true or false, got ${kind(value)}` }
    case 'date':
      if (value instanceof Date && !Number.isNaN(value.getTime())) return null
      if (typeof value === 'string' && !value.includes('\u0000') && !Number.isNaN(Date.parse(value))) return null
      return { path, message: `expected an ISO 8601 date, got ${typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : kind(value)}` }
    case 'relationship':
    case 'upload':
      return checkRelation(field, value, path)
    case 'json':
    case 'richText':
      return checkJsonValue(value, path)
    case 'point':
      if (Array.isArray(value) && value.length === 2 && value.every((n) => typeof n === 'number' && Number.isFinite(n))) return null
      return { path, message: `expected [longitude, latitude], got ${kind(value)}` }
    default:
      return null
  }
}

function checkValue(field: FieldShape, value: unknown, path: string, issues: ShapeIssue[], allLocales: boolean): void {
  if (value === undefined || value === null) return
  if (field.localized && allLocales && isPlainObject(value)) {
    for (const [locale, v] of Object.entries(value)) checkValue({ ...field, localized: false }, v, join(path, locale), issues, false)
    return
  }
  switch (field.type) {
    case 'group':
      if (!isPlainObject(value)) issues.push({ path, message: `expected an object, got ${kind(value)}` })
      else checkFields(field.fields ?? [], value, path, issues, allLocales)
      return
    case 'array':
      if (!Array.isArray(value)) issues.push({ path, message: `expected an array of rows, got ${kind(value)}` })
      else
        value.forEach((row, i) => {
          if (!isPlainObject(row)) issues.push({ path: join(path, i), message: `expected an object, got ${kind(row)}` })
          else checkFields(field.fields ?? [], row, join(path, i), issues, allLocales)
        })
      return
    case 'blocks':
      if (!Array.isArray(value)) issues.push({ path, message: `expected an array of blocks, got ${kind(value)}` })
      else
        value.forEach((row, i) => {
          const block = isPlainObject(row) ? field.blocks?.find((b) => b.slug === row.blockType) : undefined
          if (!block) issues.push({ path: join(path, i), message: `expected a block with blockType one of ${(field.blocks ?? []).map((b) => b.slug).join(', ')}` })
          else checkFields(block.fields, row as Record<string, unknown>, join(path, i), issues, allLocales)
        })
      return
    case 'join':
    case 'ui':
      return
  }
  const many = field.hasMany && field.type !== 'json'
  if (many) {
    if (!Array.isArray(value)) {
      issues.push({ path, message: `expected a list, got ${kind(value)}` })
      return
    }
    value.forEach((v, i) => {
      const issue = v === null ? null : checkScalar(field, v, join(path, i))
      if (issue) issues.push(issue)
    })
    return
  }
  const issue = checkScalar(field, value, path)
  if (issue) issues.push(issue)
}

function checkFields(fields: FieldShape[], data: Record<string, unknown>, path: string, issues: ShapeIssue[], allLocales: boolean): void {
  for (const field of fields) {
    if (field.type === 'row' || field.type === 'collapsible' || (field.type === 'group' && !field.name)) {
      checkFields(field.fields ?? [], data, path, issues, allLocales)
    } else if (field.type === 'tabs') {
      for (const tab of field.tabs ?? []) {
        if (tab.name) checkValue({ ...tab, type: 'group' }, data[tab.name], join(path, tab.name), issues, allLocales)
        else checkFields(tab.fields ?? [], data, path, issues, allLocales)
      }
    } else if (field.name && field.name in data) {
      checkValue(field, data[field.name], join(path, field.name), issues, allLocales)
    }
  }
}

/**
 * Every problem of `data` against `fields`: not an object at all, a value of the wrong type, NUL
 * characters, JSON too deep. Keys no field declares are left to Payload (it ignores them).
 */
export function checkDataShape(data: unknown, fields: FieldShape[], opts: { allLocales?: boolean } = {}): ShapeIssue[] {
  if (!isPlainObject(data)) return [{ path: 'body', message: `expected a JSON object, got ${kind(data)}` }]
  const issues: ShapeIssue[] = []
  if ('id' in data && data.id !== undefined && data.id !== null) {
    const issue = checkId(data.id, 'id')
    if (issue) issues.push(issue)
  }
  checkFields(fields, data, '', issues, opts.allLocales ?? false)
  return issues
}

/** Operators only point fields support (the PostgreSQL adapter has no SQL for them elsewhere). */
const GEO_OPERATORS = new Set(['near', 'within', 'intersects'])
const ID_OPERATORS = new Set(['equals', 'not_equals', 'in', 'not_in', 'all'])

/** The field a where path names (top level, through groups and unnamed rows/tabs); null when unknown. */
function resolvePath(fields: FieldShape[], path: string[]): FieldShape | null {
  const [head, ...rest] = path
  for (const field of fields) {
    if (!field.name) {
      const inner = field.type === 'tabs' ? (field.tabs ?? []).flatMap((t) => (t.name ? [{ ...t, type: 'group' }] : (t.fields ?? []))) : (field.fields ?? [])
      const found = resolvePath(inner, path)
      if (found) return found
      continue
    }
    if (field.name !== head) continue
    if (!rest.length) return field
    if (field.type === 'group' || field.type === 'array') return resolvePath(field.fields ?? [], rest)
    return null
  }
  return null
}

/**
 * Problems of a `where` the database would fail on: NUL characters anywhere, geo operators on
 * fields that are not points, ids that are not UUIDs. Paths are reported as `where.<field>.<op>`.
 */
export function checkWhere(where: unknown, fields: FieldShape[]): ShapeIssue[] {
  const issues: ShapeIssue[] = []
  if (where !== undefined && where !== null && !isPlainObject(where)) return [{ path: 'where', message: `expected an object (where[field][operator]=value), got ${kind(where)}` }]
  const walk = (w: unknown, path: string, depth: number): void => {
    if (depth > 16) {
      issues.push({ path, message: 'is nested too deeply' })
      return
    }
    if (!isPlainObject(w)) return
    for (const [key, value] of Object.entries(w)) {
      if (key.includes('\u0000')) {
        issues.push({ path, message: 'keys must not contain NUL characters (\\u0000)' })
        continue
      }
      const lower = key.toLowerCase()
      if (lower === 'and' || lower === 'or') {
        if (Array.isArray(value)) value.forEach((sub, i) => walk(sub, `${path}.${key}.${i}`, depth + 1))
        else if (isPlainObject(value)) Object.entries(value).forEach(([i, sub]) => walk(sub, `${path}.${key}.${i}`, depth + 1))
        continue
      }
      if (!isPlainObject(value)) continue
      const fieldPath = `${path}.${key}`
      const field = key === 'id' ? ({ type: 'relationship', name: 'id' } as FieldShape) : resolvePath(fields, key.split('.'))
      for (const [operator, operand] of Object.entries(value)) {
        const opPath = `${fieldPath}.${operator}`
        const nul = checkJsonValue(operand, opPath, 8)
        if (nul) {
          issues.push(nul)
          continue
        }
        if (GEO_OPERATORS.has(operator) && field?.type !== 'point') {
          issues.push({ path: opPath, message: `the operator ${operator} works on point fields only` })
          continue
        }
        if (operator !== 'exists' && field && (field.type === 'date' || field.type === 'number') && operand !== null && operand !== '' && operand !== 'null') {
          const values = Array.isArray(operand) ? operand : typeof operand === 'string' && (operator === 'in' || operator === 'not_in' || operator === 'all') ? operand.split(',') : [operand]
          const fits = (v: unknown) =>
            field.type === 'date'
              ? (typeof v === 'string' || typeof v === 'number') && !Number.isNaN(new Date(v).getTime())
              : (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && NUMERIC.test(v))
          const bad = values.find((v) => !fits(v))
          if (bad !== undefined || ['like', 'contains', 'all'].includes(operator)) {
            issues.push({ path: opPath, message: `expected ${field.type === 'date' ? 'a date' : 'a number'}${bad !== undefined ? `, got ${JSON.stringify(String(bad).slice(0, 40))}` : ` (the operator ${operator} is for text)`}` })
          }
          continue
        }
        if (field && (field.type === 'relationship' || field.type === 'upload') && !Array.isArray(field.relationTo) && ID_OPERATORS.has(operator)) {
          const values = Array.isArray(operand) ? operand : typeof operand === 'string' ? operand.split(',') : [operand]
          const bad = values.find((v) => v !== null && v !== 'null' && v !== '' && !isUuid(v))
          if (bad !== undefined) issues.push({ path: opPath, message: `expected the id (a UUID) of a document, got ${JSON.stringify(String(bad).slice(0, 40))}` })
        }
      }
    }
  }
  walk(where, 'where', 0)
  return issues
}

/** Paging parameters of a read: single numbers (a repeated `limit[]=…` is an array). */
export function checkPaging(args: { limit?: unknown; page?: unknown; depth?: unknown }): ShapeIssue[] {
  const issues: ShapeIssue[] = []
  for (const key of ['limit', 'page', 'depth'] as const) {
    const v = args[key]
    if (v === undefined || v === null || v === '') continue
    const ok = (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && NUMERIC.test(v))
    if (!ok) issues.push({ path: key, message: `expected a number, got ${typeof v === 'string' ? JSON.stringify(v.slice(0, 40)) : kind(v)}` })
  }
  return issues
}
