'use client'

import { useEffect, useState } from 'react'

/** A fixed rendering of an instant, the same on the server and in any browser: `30 Nov 2026, 18:15 UTC`. */
export function utcLabel(iso: string): string {
  const d = new Date(iso)
  return `${d.toLocaleString('en-IN', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })} UTC`
}

/**
 * An instant shown in the viewer's own time zone and language. The server cannot know them, so the
 * first render (server, and the browser's hydration of it) shows the fixed UTC form and the browser
 * switches to local time once mounted: formatting local time during render would make the two
 * renders differ whenever the viewer is not in the server's zone (an editor in IST, a server in UTC),
 * and React then throws the server's markup away and renders the view again.
 */
export function LocalTime({ iso }: { iso: string }) {
  const [label, setLabel] = useState(() => utcLabel(iso))
  useEffect(() => setLabel(new Date(iso).toLocaleString()), [iso])
  return <time dateTime={iso}>{label}</time>
}
