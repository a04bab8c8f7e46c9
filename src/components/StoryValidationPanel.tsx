'use client'

import { useConfig, useDocumentInfo } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

import type { Issue, ValidationReport as Report } from '@/domain/story/validate'

const box: React.CSSProperties = { border: '1px solid var(--theme-elevation-150)', borderRadius: 4, padding: '12px 16px', marginBottom: 24 }

/**
 * The story's validation report in its edit view: errors block activation, warnings name the
 * languages that are incomplete. Reloads after every save.
 */
export function StoryValidationPanel() {
  const { id, lastUpdateTime } = useDocumentInfo()
  const { config } = useConfig()
  const [report, setReport] = useState<Report | null>(null)
  const [failed, setFailed] = useState<string | null>(null)

  useEffect(() => {
    if (!id) return
    const controller = new AbortController()
    fetch(`${config.serverURL}${config.routes.api}/stories/${id}/validate`, { credentials: 'include', signal: controller.signal })
      .then(async (res) => {
        if (!res.ok) throw new Error(`${res.status} ${res.statusText}`)
        setReport((await res.json()) as Report)
        setFailed(null)
      })
      .catch((err: Error) => {
        if (err.name !== 'AbortError') setFailed(err.message)
      })
    return () => controller.abort()
  }, [id, lastUpdateTime, config.serverURL, config.routes.api])

  if (!id) return <div style={box}>Save the story once to check its structure.</div>
  if (failed) return <div style={box}>Could not check the story: {failed}</div>
  if (!report) return <div style={box}>Checking the story…</div>
  const { errors, warnings } = report
  return (
    <div style={box} data-testid="story-validation">
      <h4 style={{ margin: '0 0 8px' }}>
        {errors.length === 0 ? '✓ The story is ready to be active' : `✗ ${errors.length} problem${errors.length > 1 ? 's' : ''} to fix before it can be active`}
      </h4>
      {errors.length > 0 && (
        <ul style={{ margin: '0 0 8px', color: 'var(--theme-error-500)' }}>
          {errors.map((e, i) => (
            <li key={`e${i}`}>{e.message}</li>
          ))}
        </ul>
      )}
      {warnings.length > 0 && (
        <details>
          <summary>{warnings.length} translation warning{warnings.length > 1 ? 's' : ''}</summary>
          <ul style={{ margin: '8px 0 0' }}>
            {warnings.map((w, i) => (
              <li key={`w${i}`}>{w.message}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  )
}
