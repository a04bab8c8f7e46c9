import { Gutter } from '@payloadcms/ui'
import type { DocumentViewServerProps } from 'payload'

import { StudioApp } from './StudioApp'

/**
 * The "Studio" tab of a story (`/admin/collections/stories/<id>/studio`), registered by
 * src/plugins/studio/index.ts. The map and everything on it is the client component StudioApp,
 * whose code (React Flow, elkjs, the player) loads only on this view.
 */
export function StudioView(props: DocumentViewServerProps) {
  const id = props.doc?.id ?? props.routeSegments?.[2]
  return (
    <Gutter className="studio-gutter">
      {id ? <StudioApp storyId={String(id)} /> : <p>Save the story once to open its Studio.</p>}
    </Gutter>
  )
}
