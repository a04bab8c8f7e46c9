import type { Metadata } from 'next'
import React from 'react'

export const metadata: Metadata = { title: 'Bhasha Kahani · player' }

/** Root layout of the public pages (outside the admin): the reference story player. */
export default function PlayerLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body style={{ margin: 0, background: '#fbfaf7' }}>{children}</body>
    </html>
  )
}
