/**
 * How far a listener is through a story, in percent with two decimals.
 *
 * At step i of the path (i edges travelled) with shortest remaining distance d(i) to an end, the
 * progress ratio is i / (i + d(i)). That ratio alone can go *down*: the remaining distance shrinks
 * by at most one per step but can grow by any amount, e.g. when the listener picks the longer of
 * two branches (1/2 at the choice, then 2/12 on a branch 10 steps from its end) or walks a loop
 * again (2/3 back at a node one step from the end, then 3/5 one step later). A progress bar
 * must never go backwards, so completion is the highest ratio reached anywhere along the path:
 *
 * - 0 at the start of a story whose start is not an end; exactly 100 at an end.
 * - Never decreases along any path, loops and revisits included (the maximum only grows).
 * - Rounded down to two decimals and capped at 99.99 away from an end, so only an end shows 100.
 * - Steps on nodes from which no end can be reached contribute nothing: completion stays at the
 *   highest value reached before (0 if none).
 */
import type { BundleNode, StoryBundle } from '@/domain/story/bundle'
import { currentNode, type ListenState } from '@/domain/story/player'

const BASIS_POINTS = 10_000

export function completion(bundle: StoryBundle, state: ListenState): number {
  if (currentNode(bundle, state).type === 'end') return 100
  const distances = distancesToEnd(bundle)
  const best = state.path.reduce((highest, nodeId, travelled) => {
    const remaining = distances.get(nodeId)
    if (remaining === undefined || travelled + remaining === 0) return highest
    return Math.max(highest, Math.floor((travelled * BASIS_POINTS) / (travelled + remaining)))
  }, 0)
  return Math.min(best, BASIS_POINTS - 1) / 100
}

/** Fewest moves from each node to an end; nodes that cannot reach an end are absent. */
export function distancesToEnd(bundle: StoryBundle): Map<string, number> {
  const cameFrom = new Map<string, string[]>(bundle.nodes.map((node) => [node.id, []]))
  for (const node of bundle.nodes) {
    for (const target of waysForward(node)) cameFrom.get(target)?.push(node.id)
  }
  const ends = bundle.nodes.filter((node) => node.type === 'end').map((node) => node.id)
  const distances = new Map(ends.map((id) => [id, 0]))
  const queue = [...ends]
  for (let i = 0; i < queue.length; i++) {
    const distance = (distances.get(queue[i]) ?? 0) + 1
    for (const previous of cameFrom.get(queue[i]) ?? []) {
      if (!distances.has(previous)) {
        distances.set(previous, distance)
        queue.push(previous)
      }
    }
  }
  return distances
}

function waysForward(node: BundleNode): string[] {
  if (node.type === 'end') return []
  const targets = node.type === 'choice' ? node.choices.map((choice) => choice.target) : [node.next]
  return targets.filter((target): target is string => target !== null)
}
