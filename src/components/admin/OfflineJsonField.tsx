'use client'

import { JSONField, ShimmerEffect } from '@payloadcms/ui'
import type { JSONFieldClientProps } from 'payload'
import { useEffect, useState } from 'react'

import { loadLocalMonaco } from './localMonaco'

/**
 * Payload's JSON field, rendered once Monaco is loaded from our own build (offline-safe); until
 * then a shimmer of the editor's height.
 */
export function OfflineJsonField(props: JSONFieldClientProps) {
  const [ready, setReady] = useState(false)
  const [failed, setFailed] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    loadLocalMonaco().then(
      () => live && setReady(true),
      (err: Error) => {
        console.error('Local Monaco failed to load', err)
        if (live) setFailed(err.message)
      },
    )
    return () => {
      live = false
    }
  }, [])
  if (failed) return <p style={{ color: 'var(--theme-error-500)' }}>The code editor could not load: {failed}</p>
  return ready ? <JSONField {...props} /> : <ShimmerEffect height={56} />
}
