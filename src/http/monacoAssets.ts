import path from 'node:path'

import { MONACO_VERSION } from '@/components/admin/monacoVersion'

/** `node_modules/monaco-editor/min/vs`, the editor's browser build (the server runs from the project root). */
export const MONACO_VS_DIR = path.join(process.cwd(), 'node_modules', 'monaco-editor', 'min', 'vs')

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
}

/**
 * The file a `/vendor/monaco/<version>/vs/...` path names, or null when it is another version, not
 * under `vs/`, climbs out of it, or is not a type the editor loads.
 */
export function monacoAsset(segments: string[]): { file: string; contentType: string } | null {
  const [version, vs, ...rest] = segments
  if (version !== MONACO_VERSION || vs !== 'vs' || rest.length === 0) return null
  if (rest.some((s) => s === '' || s === '.' || s === '..' || s.includes('\\') || s.includes('\0'))) return null
  const file = path.posix.join(...rest)
  const contentType = TYPES[path.extname(file)]
  return contentType ? { file, contentType } : null
}
