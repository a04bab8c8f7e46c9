import { MONACO_VS_URL } from './monacoVersion'

type AmdRequire = ((deps: string[], onLoad: (m: unknown) => void, onError: (err: unknown) => void) => void) & { config: (c: unknown) => void }
type MonacoWindow = { monaco?: { editor?: unknown }; require?: AmdRequire }

let loading: Promise<void> | null = null

/**
 * Loads Monaco from our own server (see src/app/(vendor)) and leaves it on `window.monaco`, where
 * the editor loader inside @payloadcms/ui looks first: with it there, Payload's code editor never
 * fetches its CDN copy.
 */
export function loadLocalMonaco(): Promise<void> {
  const w = window as unknown as MonacoWindow
  if (w.monaco?.editor) return Promise.resolve()
  loading ??= new Promise<void>((resolve, reject) => {
    const script = document.createElement('script')
    script.src = `${MONACO_VS_URL}/loader.js`
    script.async = true
    script.onerror = () => reject(new Error(`Could not load ${script.src}`))
    script.onload = () => {
      const amd = w.require
      if (!amd) return reject(new Error('The Monaco loader did not define require()'))
      amd.config({ paths: { vs: MONACO_VS_URL } })
      amd(
        ['vs/editor/editor.main'],
        (m) => {
          w.monaco ??= m as MonacoWindow['monaco']
          resolve()
        },
        reject,
      )
    }
    document.body.appendChild(script)
  })
  return loading
}
