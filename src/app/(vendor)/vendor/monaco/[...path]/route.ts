import fs from 'node:fs/promises'
import path from 'node:path'

import { MONACO_VS_DIR, monacoAsset } from '@/http/monacoAssets'

/**
 * `GET /vendor/monaco/<version>/vs/<file>`: the Monaco editor (npm `monaco-editor`, min/vs) from our
 * own server, so the admin's JSON/code fields work with no internet (Payload loads it from a CDN
 * by default). Immutable: the version is in the path.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ path: string[] }> }): Promise<Response> {
  const asset = monacoAsset((await params).path)
  if (!asset) return new Response('Not Found', { status: 404 })
  try {
    const body = await fs.readFile(path.join(MONACO_VS_DIR, asset.file))
    return new Response(new Uint8Array(body), {
      headers: { 'content-type': asset.contentType, 'cache-control': 'public, max-age=31536000, immutable', 'x-content-type-options': 'nosniff' },
    })
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'EISDIR') return new Response('Not Found', { status: 404 })
    throw err
  }
}
