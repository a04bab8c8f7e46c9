import { type StoryIndex, waysForward } from '@/domain/story/graph'

type Edges = ReadonlyMap<string, string[]>

export function forwardEdges(index: StoryIndex): Edges {
  return new Map(index.nodes.map((node) => [node.id, waysForward(index, node)]))
}

export function reverseEdges(edges: Edges): Edges {
  const reversed = new Map<string, string[]>([...edges.keys()].map((id) => [id, []]))
  for (const [from, targets] of edges) {
    for (const to of targets) reversed.get(to)?.push(from)
  }
  return reversed
}

/** Every node reachable from `from` in zero or more steps (so `from` itself is included). */
export function reachableFrom(edges: Edges, from: Iterable<string>): Set<string> {
  const seen = new Set(from)
  const queue = [...seen]
  for (let i = 0; i < queue.length; i++) {
    for (const target of edges.get(queue[i]) ?? []) {
      if (!seen.has(target)) {
        seen.add(target)
        queue.push(target)
      }
    }
  }
  return seen
}

/**
 * The closed loops inside `trapped`: groups of nodes that lead only to each other (terminal
 * strongly connected components), each listed once in story order. `trapped` must be closed
 * under `edges`: every way forward of a trapped node is trapped too.
 */
export function closedLoops(index: StoryIndex, edges: Edges, trapped: ReadonlySet<string>): string[][] {
  const reach = new Map([...trapped].map((id) => [id, reachableFrom(edges, [id])]))
  const loops = new Map<string, string[]>()
  for (const node of index.nodes) {
    const reachable = reach.get(node.id)
    if (!reachable || ![...reachable].every((other) => reach.get(other)?.has(node.id))) continue
    const members = index.nodes.filter((member) => reachable.has(member.id)).map((member) => member.id)
    loops.set(members[0], members)
  }
  return [...loops.values()]
}
