'use client'

import { Button, ConfirmationModal, toast, useAuth, useConfig, useLocale, useModal, useTheme } from '@payloadcms/ui'
import {
  Background,
  type Connection,
  Controls,
  type Edge,
  type EdgeChange,
  MarkerType,
  MiniMap,
  type NodeChange,
  ReactFlow,
  ReactFlowProvider,
  applyEdgeChanges,
  applyNodeChanges,
  useReactFlow,
} from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'

import { StoryPlayer, type PlayerMove } from '@/components/player/StoryPlayer'
import type { StoryBundle } from '@/domain/story/bundle'
import type { GraphChoice, GraphNode, LocalizedText, NodeType } from '@/domain/story/graph'
import {
  issuesAt,
  localeCompleteness,
  mapEdges,
  metadataWithPosition,
  nextFreeKey,
  type StudioPosition,
  textStatus,
} from '@/domain/story/studioMap'
import type { Issue } from '@/domain/story/validate'
import type { StudioData } from '@/endpoints/storyStudio'
import { DEFAULT_LOCALE, getLocale, htmlLang, isLocale, type LocaleCode, LOCALE_CODES } from '@/locales'
import { NODE_TYPES } from '@/domain/story/graph'

import { CARD_HEIGHT, CARD_WIDTH, layeredLayout, rememberedLayout } from './layout'
import { rest, RestError } from './rest'
import { type CardData, type CardNode, StoryCard } from './StoryCard'
import './studio.css'

const nodeTypes = { story: StoryCard }
const TYPE_COLOURS: Record<NodeType, string> = { narration: '#3b82f6', dialogue: '#8b5cf6', choice: '#f59e0b', end: '#10b981' }
const DELETE_MODAL = 'studio-delete-confirm'

type Command = { label: string; undo: () => Promise<void>; redo: () => Promise<void> }
type Collection = 'story-nodes' | 'story-choices'

type StudioUser = { id: string; role?: string; assignedLocales?: string[] | null }

function firstLine(text: string): string {
  const line = text.trim().split('\n')[0] ?? ''
  return line.length > 90 ? `${line.slice(0, 89)}…` : line
}

function localeLabel(code: string | null): string | null {
  return code && isLocale(code) ? getLocale(code).label : code
}

/** The Studio: the story as a map, with status per locale, validation, editing and play-test. */
export function StudioApp({ storyId }: { storyId: string }) {
  return (
    <ReactFlowProvider>
      <Studio storyId={storyId} />
    </ReactFlowProvider>
  )
}

function Studio({ storyId }: { storyId: string }) {
  const { config } = useConfig()
  const api = `${config.serverURL}${config.routes.api}`
  const { user } = useAuth<StudioUser>()
  const localeInfo = useLocale()
  const locale: LocaleCode = isLocale(localeInfo?.code) ? localeInfo.code : DEFAULT_LOCALE
  const { theme } = useTheme()
  const { openModal, closeModal } = useModal()
  const flow = useReactFlow()

  const [data, setData] = useState<StudioData | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [nodes, setNodes] = useState<CardNode[]>([])
  const [edges, setEdges] = useState<Edge[]>([])
  const [selected, setSelected] = useState<string | null>(null)
  const [panel, setPanel] = useState<'issues' | 'play'>('issues')
  const [path, setPath] = useState<string[]>([])
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null)
  const [pendingDelete, setPendingDelete] = useState<{ kind: 'node' | 'choice'; id: string } | null>(null)
  const [historySize, setHistorySize] = useState({ undo: 0, redo: 0 })

  const positions = useRef(new Map<string, StudioPosition>())
  const cardCache = useRef(new Map<string, { key: string; node: CardNode }>())
  const dataRef = useRef<StudioData | null>(null)
  const undoStack = useRef<Command[]>([])
  const redoStack = useRef<Command[]>([])
  /** Ids of documents recreated by undo/redo: old id -> new id. */
  const aliases = useRef(new Map<string, string>())
  const resolve = useCallback((id: string) => {
    let current = id
    for (let hops = 0; aliases.current.has(current) && hops < 100; hops++) current = aliases.current.get(current)!
    return current
  }, [])

  const role = data?.user.role ?? user?.role ?? 'editor'
  const isTranslator = role === 'translator'
  const assigned = data?.user.assignedLocales ?? user?.assignedLocales ?? []
  const mayEditText = !isTranslator || assigned.includes(locale)
  const structureEditable = !isTranslator

  // ----- data -----
  // One request per open and per locale switch: the map of the story with the current locale's
  // warnings and audio. An answer overtaken by a later request (a quick locale switch) is dropped.
  const latestLoad = useRef(0)
  const reload = useCallback(async () => {
    const ticket = ++latestLoad.current
    try {
      const next = await rest<StudioData>('GET', `${api}/stories/${storyId}/studio?locale=${locale}`)
      if (ticket !== latestLoad.current) return null
      // Timing marks for bench/studio.ts (data arrived; layout done), read with performance.getEntriesByName.
      performance.mark('bk-studio:data')
      dataRef.current = next
      setData(next)
      setLoadError(null)
      return next
    } catch (err) {
      if (ticket === latestLoad.current) setLoadError((err as Error).message)
      return null
    }
  }, [api, storyId, locale])

  useEffect(() => {
    void reload()
  }, [reload])

  const ownNodes = useMemo(() => (data ? data.graph.nodes.filter((n) => n.storyId === data.graph.id).sort((a, b) => a.displayOrder - b.displayOrder) : []), [data])
  const mapEdgeList = useMemo(() => (data ? mapEdges(data.graph) : []), [data])
  const issues = useMemo(() => (data ? issuesAt(data.report, locale) : null), [data, locale])

  // Positions: saved ones, else the layered layout (first open, or nodes that never had one).
  const [layoutReady, setLayoutReady] = useState(false)
  useEffect(() => {
    if (!data) return
    let cancelled = false
    const missing = ownNodes.filter((n) => !positions.current.has(n.id) && !data.nodes[n.id]?.position)
    for (const n of ownNodes) {
      const saved = data.nodes[n.id]?.position
      if (saved && !positions.current.has(n.id)) positions.current.set(n.id, saved)
    }
    if (missing.length === 0) {
      setLayoutReady(true)
      return
    }
    void rememberedLayout(
      storyId,
      ownNodes.map((n) => n.id),
      mapEdgeList,
    ).then((laid) => {
      if (cancelled) return
      for (const n of missing) positions.current.set(n.id, laid.get(n.id) ?? { x: 0, y: 0 })
      performance.mark('bk-studio:layout')
      setLayoutReady(true)
    })
    return () => {
      cancelled = true
    }
  }, [data, ownNodes, mapEdgeList, storyId])

  // Cards: rebuilt from the data, reusing the previous object of every card that did not change,
  // so React Flow re-renders only changed cards.
  useEffect(() => {
    if (!data || !layoutReady || !issues) return
    const characters = new Map(data.graph.characters.map((c) => [c.id, c]))
    const onPath = new Set(path)
    const next: CardNode[] = ownNodes.map((n) => {
      const status = textStatus(n.text, locale)
      const character = n.characterId ? characters.get(n.characterId) : undefined
      const at = issues.nodes.get(n.id)
      const cardData: CardData = {
        order: n.displayOrder,
        type: n.type,
        isStart: n.isStart,
        isEnd: n.isEnd || n.type === 'end',
        speaker: character ? { name: textStatus(character.name, locale).text || character.slug, avatarUrl: character.avatarUrl ?? null } : null,
        text: firstLine(status.text),
        textState: status.state,
        textFrom: status.state === 'fallback' ? localeLabel(status.from) : null,
        lang: htmlLang(status.from ?? locale),
        audio: data.audio[n.id]?.[locale] ?? 'none',
        errors: at?.errors.length ?? 0,
        warnings: at?.warnings.length ?? 0,
        firstIssue: at?.errors[0]?.message ?? at?.warnings[0]?.message ?? null,
        onPath: onPath.has(n.id),
        readOnly: !structureEditable,
      }
      const position = positions.current.get(n.id) ?? { x: 0, y: 0 }
      const isSelected = selected === n.id
      const key = JSON.stringify([cardData, position, isSelected])
      const cached = cardCache.current.get(n.id)
      if (cached && cached.key === key) return cached.node
      const node: CardNode = { id: n.id, type: 'story', position, data: cardData, selected: isSelected, draggable: structureEditable, width: CARD_WIDTH, height: CARD_HEIGHT }
      cardCache.current.set(n.id, { key, node })
      return node
    })
    setNodes(next)
  }, [data, layoutReady, issues, ownNodes, locale, path, selected, structureEditable])

  useEffect(() => {
    if (!data || !issues) return
    const choiceText = new Map(data.graph.choices.map((c) => [c.id, c]))
    const pathPairs = new Set(path.slice(1).map((id, i) => `${path[i]}>${id}`))
    setEdges(
      mapEdgeList.map((e): Edge => {
        const choice = e.choiceId ? choiceText.get(e.choiceId) : undefined
        const errors = e.choiceId ? (issues.choices.get(e.choiceId)?.errors.length ?? 0) : 0
        const onPath = pathPairs.has(`${e.source}>${e.target}`)
        const label = choice ? `${e.isDefault ? '★ ' : ''}${e.key} · ${firstLine(textStatus(choice.text, locale).text).slice(0, 28)}` : undefined
        return {
          id: e.id,
          source: e.source,
          target: e.target,
          label,
          type: 'default',
          reconnectable: e.kind === 'choice' && structureEditable ? 'target' : false,
          className: `studio-edge studio-edge--${e.kind}${e.isDefault ? ' studio-edge--default' : ''}${errors ? ' studio-edge--error' : ''}${onPath ? ' studio-edge--path' : ''}`,
          style: e.kind === 'continue' ? { strokeDasharray: '6 4' } : undefined,
          markerEnd: { type: MarkerType.ArrowClosed },
          data: { kind: e.kind, choiceId: e.choiceId },
        }
      }),
    )
  }, [data, issues, mapEdgeList, locale, path, structureEditable])

  // A card just created is brought into view once it is drawn.
  const pendingFocus = useRef<string | null>(null)
  useEffect(() => {
    const id = pendingFocus.current
    const p = id ? positions.current.get(id) : undefined
    if (!id || !p || !nodes.some((n) => n.id === id)) return
    pendingFocus.current = null
    void flow.setCenter(p.x + CARD_WIDTH / 2, p.y + CARD_HEIGHT / 2, { zoom: flow.getZoom(), duration: 200 })
  }, [nodes, flow])

  const fitOnce = useRef(false)
  useEffect(() => {
    if (nodes.length && !fitOnce.current) {
      fitOnce.current = true
      // A long story fitted whole is unreadable: open on the start and its first few nodes.
      const first = [...nodes].sort((a, b) => a.position.x - b.position.x).slice(0, 5)
      requestAnimationFrame(() => void flow.fitView({ padding: 0.2, maxZoom: 1, nodes: first.map((n) => ({ id: n.id })) }))
    }
  }, [nodes, flow])

  // ----- writes (Payload REST), undo/redo -----
  const fail = useCallback((err: unknown) => {
    const text = err instanceof RestError ? err.message : (err as Error).message
    setMessage({ kind: 'error', text })
    toast.error(text)
  }, [])

  const expected = (collection: Collection, id: string): Record<string, string> => {
    const d = dataRef.current
    const updatedAt = collection === 'story-nodes' ? d?.nodes[id]?.updatedAt : d?.choices[id]?.updatedAt
    return updatedAt ? { 'X-Expected-Updated-At': updatedAt } : {}
  }

  /**
   * The locale a PATCH is sent in: the current one for a text edit; for a change without text,
   * the locale the document's text is read from here (Payload checks the required text of the
   * locale it saves in, and a node without text of the current locale would be refused).
   */
  const writeLocale = useCallback((collection: Collection, id: string, body: Record<string, unknown>): LocaleCode => {
    if ('textContent' in body) return locale
    const graph = dataRef.current?.graph
    const text = collection === 'story-nodes' ? graph?.nodes.find((n) => n.id === id)?.text : graph?.choices.find((c) => c.id === id)?.text
    return (text && textStatus(text, locale).from) || locale
  }, [locale])

  const patch = useCallback(
    async (collection: Collection, id: string, body: Record<string, unknown>) => {
      const real = resolve(id)
      await rest('PATCH', `${api}/${collection}/${real}?locale=${writeLocale(collection, real, body)}&depth=0`, body, expected(collection, real))
    },
    [api, resolve, writeLocale],
  )

  /** Creates a document with its text in every locale it has (first locale on create, others after). */
  const createLocalized = useCallback(
    async (collection: Collection, base: Record<string, unknown>, text: LocalizedText): Promise<string> => {
      const locales = LOCALE_CODES.filter((l) => (text[l] ?? '').trim() !== '')
      const first = locales[0] ?? locale
      const created = await rest<{ doc: { id: string } }>('POST', `${api}/${collection}?locale=${first}&depth=0`, { ...base, textContent: text[first] ?? '…' })
      for (const l of locales.slice(1)) await rest('PATCH', `${api}/${collection}/${created.doc.id}?locale=${l}&depth=0`, { textContent: text[l] })
      return created.doc.id
    },
    [api, locale],
  )

  /**
   * Does one write, records it in the history when it succeeds, then reloads the map. Writes run
   * one after another, so each sends the version the previous one left (no 409 against oneself).
   */
  const writes = useRef<Promise<void>>(Promise.resolve())
  const perform = useCallback(
    (write: () => Promise<void>, record: () => void) => {
      const next = writes.current.then(async () => {
        setBusy(true)
        try {
          await write()
          record()
        } catch (err) {
          fail(err)
        } finally {
          setHistorySize({ undo: undoStack.current.length, redo: redoStack.current.length })
          await reload()
          setBusy(false)
        }
      })
      writes.current = next
      return next
    },
    [fail, reload],
  )

  const run = useCallback(
    (command: Command) => {
      setMessage(null)
      return perform(command.redo, () => {
        undoStack.current.push(command)
        redoStack.current = []
      })
    },
    [perform],
  )

  /** Undo or redo: takes the latest command of one stack, plays it that way, files it on the other. */
  const step = useCallback(
    (way: 'undo' | 'redo') => {
      const [from, to] = way === 'undo' ? [undoStack, redoStack] : [redoStack, undoStack]
      const command = from.current.pop()
      if (!command) return Promise.resolve()
      return perform(command[way], () => {
        to.current.push(command)
        setMessage({ kind: 'info', text: `${way === 'undo' ? 'Undone' : 'Redone'}: ${command.label}` })
      })
    },
    [perform],
  )

  useEffect(() => {
    // Ctrl+Z / Ctrl+Shift+Z undo and redo, Escape closes the side panel (outside text fields and dialogs).
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable)) return
      if (e.key === 'Escape' && !target?.closest('dialog, .payload__modal-item')) setSelected(null)
      if (!(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 'z') return
      e.preventDefault()
      void step(e.shiftKey ? 'redo' : 'undo')
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [step])

  const nodeById = useCallback((id: string) => dataRef.current?.graph.nodes.find((n) => n.id === resolve(id)), [resolve])

  const update = useCallback(
    (collection: Collection, id: string, before: Record<string, unknown>, after: Record<string, unknown>, label: string) =>
      run({ label, undo: () => patch(collection, id, before), redo: () => patch(collection, id, after) }),
    [run, patch],
  )

  /** Asks for confirmation (the modal lists what goes with it) before deleting a node or choice. */
  const askDelete = useCallback(
    (kind: 'node' | 'choice', id: string) => {
      setPendingDelete({ kind, id })
      openModal(DELETE_MODAL)
    },
    [openModal],
  )

  /** Creates a narration card at `position`; `reveal` brings it into view (the "+ Node" button). */
  const createNode = useCallback(
    (position: StudioPosition, reveal: boolean) => {
      const d = dataRef.current
      if (!d) return
      const order = Math.max(0, ...ownNodes.map((n) => n.displayOrder)) + 1
      let createdId: string | null = null
      const base = { story: storyId, nodeType: 'narration', displayOrder: order, isStart: ownNodes.length === 0, isEnd: false, metadata: metadataWithPosition({}, position) }
      const text = { [locale]: 'New line' } as LocalizedText
      positions.current.set('pending', position)
      void run({
        label: 'create node',
        redo: async () => {
          const id = await createLocalized('story-nodes', base, text)
          if (createdId) aliases.current.set(createdId, id)
          else createdId = id
          positions.current.set(id, position)
          setSelected(id)
          if (reveal) pendingFocus.current = id
        },
        undo: async () => {
          if (createdId) await rest('DELETE', `${api}/story-nodes/${resolve(createdId)}`)
          setSelected(null)
        },
      })
    },
    [ownNodes, storyId, locale, run, createLocalized, api, resolve],
  )

  const snapshotChoice = (c: GraphChoice) => ({ base: { node: c.nodeId, choiceKey: c.key, nextNode: c.nextNodeId, isDefault: c.isDefault }, text: c.text })

  const createChoice = useCallback(
    (nodeId: string, target: string | null) => {
      const d = dataRef.current
      if (!d) return
      const real = resolve(nodeId)
      const existing = d.graph.choices.filter((c) => c.nodeId === real)
      const key = nextFreeKey(existing.map((c) => c.key))
      let createdId: string | null = null
      const base = { node: real, choiceKey: key, nextNode: target ? resolve(target) : null, isDefault: existing.length === 0 }
      void run({
        label: `add choice ${key}`,
        redo: async () => {
          const id = await createLocalized('story-choices', { ...base, node: resolve(real), nextNode: base.nextNode ? resolve(base.nextNode) : null }, { [locale]: `Option ${key}` } as LocalizedText)
          if (createdId) aliases.current.set(createdId, id)
          else createdId = id
        },
        undo: async () => {
          if (createdId) await rest('DELETE', `${api}/story-choices/${resolve(createdId)}`)
        },
      })
    },
    [resolve, run, createLocalized, locale, api],
  )

  const deleteChoice = useCallback(
    (choiceId: string) => {
      const choice = dataRef.current?.graph.choices.find((c) => c.id === resolve(choiceId))
      if (!choice) return
      const snap = snapshotChoice(choice)
      void run({
        label: `delete choice ${choice.key}`,
        redo: async () => {
          await rest('DELETE', `${api}/story-choices/${resolve(choiceId)}`, undefined, expected('story-choices', resolve(choiceId)))
        },
        undo: async () => {
          const id = await createLocalized('story-choices', { ...snap.base, node: resolve(snap.base.node), nextNode: snap.base.nextNode ? resolve(snap.base.nextNode) : null }, snap.text)
          aliases.current.set(resolve(choiceId), id)
        },
      })
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [resolve, run, api, createLocalized],
  )

  const deleteNode = useCallback(
    (nodeId: string) => {
      const d = dataRef.current
      const node = nodeById(nodeId)
      if (!d || !node) return
      const own = d.graph.choices.filter((c) => c.nodeId === node.id).map(snapshotChoice)
      const incoming = d.graph.choices.filter((c) => c.nextNodeId === node.id && c.nodeId !== node.id).map((c) => c.id)
      const metadata = d.nodes[node.id]?.metadata ?? {}
      const base = { story: storyId, nodeType: node.type, displayOrder: node.displayOrder, isStart: node.isStart, isEnd: node.isEnd, character: node.characterId, metadata }
      void run({
        label: `delete node ${node.displayOrder}`,
        redo: async () => {
          const real = resolve(node.id)
          await rest('DELETE', `${api}/story-nodes/${real}`, undefined, expected('story-nodes', real))
          setSelected(null)
        },
        undo: async () => {
          const id = await createLocalized('story-nodes', base, node.text)
          aliases.current.set(resolve(node.id), id)
          for (const c of own) {
            const cid = await createLocalized('story-choices', { ...c.base, node: id, nextNode: c.base.nextNode ? resolve(c.base.nextNode) : null }, c.text)
            void cid
          }
          for (const c of incoming) await rest('PATCH', `${api}/story-choices/${resolve(c)}?depth=0`, { nextNode: id })
        },
      })
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [nodeById, storyId, run, resolve, api, createLocalized],
  )

  // ----- canvas events -----
  /** Where each card being moved (by the mouse or the arrow keys) was when the move began. */
  const moveStart = useRef(new Map<string, StudioPosition>())
  const onNodesChange = useCallback((changes: NodeChange<CardNode>[]) => {
    for (const change of changes) {
      if (change.type === 'position' && change.position) {
        if (!moveStart.current.has(change.id)) moveStart.current.set(change.id, positions.current.get(change.id) ?? change.position)
        positions.current.set(change.id, change.position)
      }
      // A card selected by keyboard (Enter or Space on it) opens its panel as a click does; Escape closes it.
      if (change.type === 'select') setSelected((current) => (change.selected ? change.id : current === change.id ? null : current))
    }
    setNodes((current) => applyNodeChanges(changes, current))
  }, [])

  /** Saves a card's new position in its metadata, as one undoable step. */
  const commitMove = useCallback(
    (id: string, from: StudioPosition, moved: StudioPosition) => {
      // Whole pixels, as saved: the card is drawn where the saved position puts it.
      const to = { x: Math.round(moved.x), y: Math.round(moved.y) }
      const start = { x: Math.round(from.x), y: Math.round(from.y) }
      if (start.x === to.x && start.y === to.y) return
      const meta = () => dataRef.current?.nodes[resolve(id)]?.metadata ?? {}
      const moveTo = (p: StudioPosition) => async () => {
        positions.current.set(resolve(id), p)
        await patch('story-nodes', id, { metadata: metadataWithPosition(meta(), p) })
      }
      positions.current.set(id, to)
      void run({ label: 'move node', redo: moveTo(to), undo: moveTo(start) })
    },
    [run, patch, resolve],
  )

  const onNodeDragStop = useCallback(
    (_: unknown, node: CardNode) => {
      const from = moveStart.current.get(node.id)
      moveStart.current.delete(node.id)
      if (from) commitMove(node.id, from, node.position)
    },
    [commitMove],
  )

  // The arrow keys move the selected card (React Flow, 5 px, 20 px with Shift); the move is saved
  // once the keys rest for a moment, as one step.
  const keyMoveTimer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const onCanvasKeyUp = useCallback(
    (e: React.KeyboardEvent) => {
      if (!e.key.startsWith('Arrow') || moveStart.current.size === 0) return
      if (keyMoveTimer.current) clearTimeout(keyMoveTimer.current)
      keyMoveTimer.current = setTimeout(() => {
        for (const [id, from] of moveStart.current) commitMove(id, from, positions.current.get(id) ?? from)
        moveStart.current.clear()
      }, 400)
    },
    [commitMove],
  )

  const onEdgesChange = useCallback((changes: EdgeChange[]) => setEdges((current) => applyEdgeChanges(changes.filter((c) => c.type !== 'remove'), current)), [])

  const onConnect = useCallback(
    (connection: Connection) => {
      if (!structureEditable || !connection.source || !connection.target) return
      createChoice(connection.source, connection.target)
    },
    [structureEditable, createChoice],
  )

  const onReconnect = useCallback(
    (oldEdge: Edge, connection: Connection) => {
      const choiceId = (oldEdge.data as { choiceId?: string } | undefined)?.choiceId
      if (!choiceId || !connection.target || connection.source !== oldEdge.source || connection.target === oldEdge.target) return
      void update('story-choices', choiceId, { nextNode: oldEdge.target }, { nextNode: connection.target }, 'retarget choice')
    },
    [update],
  )

  const onPaneDoubleClick = useCallback(
    (e: React.MouseEvent) => {
      if (!structureEditable) return
      const target = e.target as HTMLElement
      if (!target.classList.contains('react-flow__pane')) return
      createNode(flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }), false)
    },
    [structureEditable, createNode, flow],
  )

  /** Where a new card goes: right of the selected card, else right of the right-most one. */
  const freeSpot = useCallback((): StudioPosition => {
    const anchor = selected ? positions.current.get(selected) : undefined
    const all = ownNodes.map((n) => positions.current.get(n.id)).filter((p): p is StudioPosition => !!p)
    if (anchor) {
      const x = anchor.x + CARD_WIDTH + 80
      let y = anchor.y
      while (all.some((p) => Math.abs(p.x - x) < CARD_WIDTH && Math.abs(p.y - y) < CARD_HEIGHT)) y += CARD_HEIGHT + 30
      return { x, y }
    }
    if (all.length === 0) return { x: 0, y: 0 }
    const right = all.reduce((a, b) => (b.x > a.x ? b : a))
    return { x: right.x + CARD_WIDTH + 80, y: right.y }
  }, [selected, ownNodes])

  const focusNode = useCallback(
    (nodeId: string) => {
      const p = positions.current.get(nodeId)
      setSelected(nodeId)
      if (p) void flow.setCenter(p.x + CARD_WIDTH / 2, p.y + CARD_HEIGHT / 2, { zoom: Math.max(flow.getZoom(), 1), duration: 300 })
    },
    [flow],
  )

  const relayout = useCallback(async () => {
    const laid = await layeredLayout(
      ownNodes.map((n) => n.id),
      mapEdgeList,
    )
    for (const [id, p] of laid) positions.current.set(id, p)
    cardCache.current.clear()
    setData((d) => (d ? { ...d } : d))
    requestAnimationFrame(() => void flow.fitView({ padding: 0.15 }))
  }, [ownNodes, mapEdgeList, flow])

  // ----- play-test -----
  const [bundle, setBundle] = useState<StoryBundle | null>(null)
  const [playFrom, setPlayFrom] = useState<string | null>(null)
  const [playError, setPlayError] = useState<string | null>(null)
  const loadBundle = useCallback(async () => {
    try {
      setBundle(await rest<StoryBundle>('GET', `${api}/stories/${storyId}/draft-bundle?locale=${locale}`))
      setPlayError(null)
    } catch (err) {
      setPlayError((err as Error).message)
    }
  }, [api, storyId, locale])
  useEffect(() => {
    if (panel === 'play') void loadBundle()
  }, [panel, loadBundle, data])
  const onMove = useCallback((move: PlayerMove) => setPath(move.state.path), [])

  // ----- render -----
  if (loadError && !data) return <div className="studio-message studio-message--error">Could not open the Studio: {loadError}</div>
  if (!data) return <div className="studio-loading">Loading the story map…</div>

  const completeness = localeCompleteness(data.graph, locale)
  const audioStates = ownNodes.map((n) => data.audio[n.id]?.[locale]).filter(Boolean)
  const audioDone = audioStates.filter((s) => s === 'done').length
  const errors = data.report.errors
  const warnings = data.report.warnings.filter((w) => !w.locale || w.locale === locale)
  const selectedNode = selected ? ownNodes.find((n) => n.id === selected) ?? null : null

  return (
    <div className={`studio studio--${theme}`} data-testid="studio" data-busy={busy ? 'true' : 'false'} data-node-count={ownNodes.length}>
      <div className="studio-toolbar">
        {structureEditable && (
          <Button buttonStyle="primary" size="small" margin={false} onClick={() => createNode(freeSpot(), true)} disabled={busy}>
            + Node
          </Button>
        )}
        <Button buttonStyle="secondary" size="small" margin={false} onClick={() => void flow.fitView({ padding: 0.15, duration: 200 })}>
          Fit
        </Button>
        {structureEditable && (
          <Button buttonStyle="secondary" size="small" margin={false} onClick={() => void relayout()}>
            Auto layout
          </Button>
        )}
        <Button buttonStyle="secondary" size="small" margin={false} onClick={() => void step('undo')} disabled={busy || historySize.undo === 0} tooltip="Ctrl+Z">
          Undo
        </Button>
        <Button buttonStyle="secondary" size="small" margin={false} onClick={() => void step('redo')} disabled={busy || historySize.redo === 0} tooltip="Ctrl+Shift+Z">
          Redo
        </Button>
        <Button
          buttonStyle={panel === 'play' ? 'primary' : 'secondary'}
          size="small"
          margin={false}
          onClick={() => {
            setPlayFrom(null)
            setPanel(panel === 'play' ? 'issues' : 'play')
          }}
        >
          {panel === 'play' ? 'Close player' : '▶ Play'}
        </Button>
        {isTranslator && (
          <span className="studio-note" data-testid="studio-readonly-note">
            Structure is read-only for translators. {mayEditText ? `You can edit the ${getLocale(locale).label} text.` : `You can edit text in: ${assigned.join(', ') || 'no locale'}.`}
          </span>
        )}
      </div>
      <div className="studio-summary" data-testid="studio-summary">
        <strong>{getLocale(locale).label}</strong>
        <span data-testid="studio-completeness">
          {completeness.percent}% own text ({completeness.own}/{completeness.texts})
        </span>
        <span>{completeness.fallback} fallback</span>
        <span>{completeness.missing} missing</span>
        <span data-testid="studio-audio-coverage">
          audio {audioDone}/{ownNodes.length}
        </span>
        <span className={errors.length ? 'studio-summary__bad' : 'studio-summary__good'} data-testid="studio-error-count">
          {errors.length ? `${errors.length} error${errors.length > 1 ? 's' : ''}` : 'no errors'}
        </span>
        {data.graph.isActive ? <span className="studio-summary__good">active</span> : <span>inactive draft</span>}
        {(!isTranslator || assigned.includes(locale)) && (
          <a href={`${config.routes.admin}/translate/${storyId}/${locale}`} data-testid="studio-translate-link">
            Translation workspace ({getLocale(locale).label})
          </a>
        )}
        {(!isTranslator || assigned.includes(locale)) && (
          <a
            href={`${config.routes.admin}/audio-review/${storyId}/${locale}`}
            data-testid="studio-audio-review-link"
            title="Listen to every voiced line of this language and approve, reject or regenerate it"
          >
            Audio review ({data.audioReview.pending} to review · {data.audioReview.approved} approved · {data.audioReview.rejected} rejected)
          </a>
        )}
      </div>
      {message && (
        <div className={`studio-message studio-message--${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="studio-message">
          {message.text}
          <button type="button" className="studio-message__close" onClick={() => setMessage(null)} aria-label="Dismiss">
            ×
          </button>
        </div>
      )}
      <div className="studio-main">
        <div className="studio-canvas" onDoubleClick={onPaneDoubleClick} onKeyUp={onCanvasKeyUp}>
          <ReactFlow
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            onNodesChange={onNodesChange}
            onEdgesChange={onEdgesChange}
            onNodeDragStop={onNodeDragStop}
            onConnect={onConnect}
            onReconnect={onReconnect}
            onNodeClick={(_, node) => setSelected(node.id)}
            onPaneClick={() => setSelected(null)}
            nodesConnectable={structureEditable}
            nodesDraggable={structureEditable}
            edgesReconnectable={structureEditable}
            edgesFocusable={false}
            deleteKeyCode={null}
            zoomOnDoubleClick={false}
            colorMode={theme === 'dark' ? 'dark' : 'light'}
            minZoom={0.1}
            onlyRenderVisibleElements
            proOptions={{ hideAttribution: true }}
          >
            <Background />
            <Controls />
            <MiniMap pannable zoomable nodeColor={(n) => TYPE_COLOURS[(n.data as CardData).isEnd ? 'end' : (n.data as CardData).type]} />
          </ReactFlow>
        </div>
        <aside className="studio-side">
          {selectedNode && panel !== 'play' ? (
            <>
            <NodePanel
              key={`${selectedNode.id}:${locale}:${data.nodes[selectedNode.id]?.updatedAt}`}
              data={data}
              node={selectedNode}
              locale={locale}
              structureEditable={structureEditable}
              busy={busy}
              ownNodes={ownNodes}
              issues={issues?.nodes.get(selectedNode.id)}
              onUpdateNode={(before, after, label) => void update('story-nodes', selectedNode.id, before, after, label)}
              onUpdateChoice={(id, before, after, label) => void update('story-choices', id, before, after, label)}
              onAddChoice={() => createChoice(selectedNode.id, null)}
              onDeleteChoice={(id) => askDelete('choice', id)}
              onDelete={() => askDelete('node', selectedNode.id)}
              onPlayFrom={() => {
                setPlayFrom(selectedNode.id)
                setPanel('play')
              }}
              onClose={() => setSelected(null)}
            />
            <IssuesPanel errors={errors} warnings={warnings} storyIssues={issues?.story ?? []} onFocus={focusNode} locale={locale} />
            </>
          ) : panel === 'play' ? (
            <div className="studio-play" data-testid="studio-play">
              <h4>
                Play-test ({getLocale(locale).label}){data.graph.isActive ? '' : ' · draft, not published'}
              </h4>
              {playError && <p className="studio-message studio-message--error">{playError}</p>}
              {bundle && bundle.locale === locale && <StoryPlayer bundle={bundle} startNodeId={playFrom} onMove={onMove} />}
            </div>
          ) : (
            <IssuesPanel errors={errors} warnings={warnings} storyIssues={issues?.story ?? []} onFocus={focusNode} locale={locale} />
          )}
        </aside>
      </div>
      <ConfirmationModal
        modalSlug={DELETE_MODAL}
        heading={pendingDelete?.kind === 'node' ? 'Delete this node?' : 'Delete this choice?'}
        body={<DeleteSummary data={data} pending={pendingDelete} />}
        confirmLabel="Delete"
        onCancel={() => setPendingDelete(null)}
        onConfirm={() => {
          const p = pendingDelete
          setPendingDelete(null)
          closeModal(DELETE_MODAL)
          if (p?.kind === 'node') deleteNode(p.id)
          if (p?.kind === 'choice') deleteChoice(p.id)
        }}
      />
    </div>
  )
}

function DeleteSummary({ data, pending }: { data: StudioData; pending: { kind: 'node' | 'choice'; id: string } | null }) {
  if (!pending) return null
  if (pending.kind === 'choice') {
    const c = data.graph.choices.find((x) => x.id === pending.id)
    return <p data-testid="studio-delete-summary">Choice {c?.key} and its text in every language will be removed.</p>
  }
  const choices = data.graph.choices.filter((c) => c.nodeId === pending.id).length
  const incoming = data.graph.choices.filter((c) => c.nextNodeId === pending.id && c.nodeId !== pending.id).length
  const audio = data.audioRows[pending.id] ?? 0
  return (
    <div data-testid="studio-delete-summary">
      <p>This removes the node and its text in every language, and with it:</p>
      <ul>
        <li>
          {choices} choice{choices === 1 ? '' : 's'} of this node
        </li>
        <li>
          {audio} audio file{audio === 1 ? '' : 's'}
        </li>
        <li>
          {incoming} choice{incoming === 1 ? '' : 's'} leading here will lead nowhere
        </li>
      </ul>
    </div>
  )
}

function IssuesPanel({ errors, warnings, storyIssues, onFocus, locale }: { errors: Issue[]; warnings: Issue[]; storyIssues: Issue[]; onFocus: (id: string) => void; locale: LocaleCode }) {
  void storyIssues
  return (
    <div className="studio-issues" data-testid="studio-issues">
      <h4>{errors.length === 0 ? '✓ No errors' : `✗ ${errors.length} problem${errors.length > 1 ? 's' : ''} to fix`}</h4>
      <ul className="studio-issues__list">
        {errors.map((issue, i) => (
          <li key={`e${i}`}>
            <button type="button" className="studio-issue studio-issue--error" data-testid="studio-issue" data-code={issue.code} onClick={() => issue.nodeId && onFocus(issue.nodeId)} disabled={!issue.nodeId}>
              {issue.message}
            </button>
          </li>
        ))}
      </ul>
      {warnings.length > 0 && (
        <details>
          <summary>
            {warnings.length} missing {getLocale(locale).label} text{warnings.length > 1 ? 's' : ''}
          </summary>
          <ul className="studio-issues__list">
            {warnings.map((issue, i) => (
              <li key={`w${i}`}>
                <button type="button" className="studio-issue" data-testid="studio-warning" onClick={() => issue.nodeId && onFocus(issue.nodeId)}>
                  {issue.message}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  )
}

type NodePanelProps = {
  data: StudioData
  node: GraphNode
  locale: LocaleCode
  structureEditable: boolean
  busy: boolean
  ownNodes: GraphNode[]
  issues?: { errors: Issue[]; warnings: Issue[] }
  onUpdateNode: (before: Record<string, unknown>, after: Record<string, unknown>, label: string) => void
  onUpdateChoice: (id: string, before: Record<string, unknown>, after: Record<string, unknown>, label: string) => void
  onAddChoice: () => void
  onDeleteChoice: (id: string) => void
  onDelete: () => void
  onPlayFrom: () => void
  onClose: () => void
}

function NodePanel(props: NodePanelProps) {
  const { data, node, locale, structureEditable, busy, ownNodes } = props
  const [type, setType] = useState<NodeType>(node.type)
  const [character, setCharacter] = useState<string>(node.characterId ?? '')
  const [isStart, setIsStart] = useState(node.isStart)
  const [isEnd, setIsEnd] = useState(node.isEnd)
  const [text, setText] = useState(node.text[locale] ?? '')
  const source = locale !== DEFAULT_LOCALE ? (node.text[DEFAULT_LOCALE] ?? '') : null
  const choices = data.graph.choices.filter((c) => c.nodeId === node.id).sort((a, b) => a.key.localeCompare(b.key))

  const save = () => {
    const before: Record<string, unknown> = {}
    const after: Record<string, unknown> = {}
    if (structureEditable) {
      if (type !== node.type) ((before.nodeType = node.type), (after.nodeType = type))
      if ((character || null) !== node.characterId) ((before.character = node.characterId), (after.character = character || null))
      if (isStart !== node.isStart) ((before.isStart = node.isStart), (after.isStart = isStart))
      if (isEnd !== node.isEnd) ((before.isEnd = node.isEnd), (after.isEnd = isEnd))
    }
    if (text !== (node.text[locale] ?? '')) ((before.textContent = node.text[locale] ?? null), (after.textContent = text))
    if (Object.keys(after).length === 0) return
    props.onUpdateNode(before, after, `edit node ${node.displayOrder}`)
  }

  return (
    <div className="studio-panel" data-testid="studio-panel">
      <div className="studio-panel__head">
        <h4>Node {node.displayOrder}</h4>
        <button type="button" className="studio-message__close" onClick={props.onClose} aria-label="Close">
          ×
        </button>
      </div>
      {props.issues && props.issues.errors.length > 0 && (
        <ul className="studio-panel__issues">
          {props.issues.errors.map((i, n) => (
            <li key={n}>{i.message}</li>
          ))}
        </ul>
      )}
      <div className="studio-field-row">
        <label className="studio-field">
          <span>Type</span>
          <select value={type} onChange={(e) => setType(e.target.value as NodeType)} disabled={!structureEditable} data-testid="panel-type">
            {NODE_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label className="studio-field">
          <span>Speaker</span>
          <select value={character} onChange={(e) => setCharacter(e.target.value)} disabled={!structureEditable} data-testid="panel-speaker">
            <option value="">narrator</option>
            {data.graph.characters.map((c) => (
              <option key={c.id} value={c.id}>
                {textStatus(c.name, locale).text || c.slug}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="studio-field-row">
        <label className="studio-check">
          <input type="checkbox" checked={isStart} onChange={(e) => setIsStart(e.target.checked)} disabled={!structureEditable} data-testid="panel-start" /> Start
        </label>
        <label className="studio-check">
          <input type="checkbox" checked={isEnd} onChange={(e) => setIsEnd(e.target.checked)} disabled={!structureEditable} data-testid="panel-end" /> End
        </label>
      </div>
      {source !== null && (
        <div className="studio-source">
          <span>English (source)</span>
          <p lang="en">{source || <em>no text</em>}</p>
        </div>
      )}
      <label className="studio-field">
        <span>Text ({getLocale(locale).label})</span>
        <textarea lang={htmlLang(locale)} rows={4} value={text} onChange={(e) => setText(e.target.value)} data-testid="panel-text" />
      </label>
      <div className="studio-panel__actions">
        <Button buttonStyle="primary" size="small" margin={false} onClick={save} disabled={busy}>
          Save
        </Button>
        <Button buttonStyle="secondary" size="small" margin={false} onClick={props.onPlayFrom}>
          ▶ Play from here
        </Button>
        {structureEditable && (
          <Button buttonStyle="error" size="small" margin={false} onClick={props.onDelete} disabled={busy}>
            Delete node
          </Button>
        )}
      </div>
      <h5>Choices</h5>
      {choices.length === 0 && <p className="studio-muted">No choices: {node.type === 'choice' ? 'add at least two.' : 'continues to the next node by order.'}</p>}
      {choices.map((c) => (
        <ChoiceRow
          key={`${c.id}:${locale}:${data.choices[c.id]?.updatedAt}`}
          choice={c}
          locale={locale}
          ownNodes={ownNodes}
          structureEditable={structureEditable}
          busy={busy}
          onSave={(before, after) => props.onUpdateChoice(c.id, before, after, `edit choice ${c.key}`)}
          onDelete={() => props.onDeleteChoice(c.id)}
        />
      ))}
      {structureEditable && (
        <Button buttonStyle="secondary" size="small" margin={false} onClick={props.onAddChoice} disabled={busy}>
          + Choice
        </Button>
      )}
    </div>
  )
}

function ChoiceRow({
  choice,
  locale,
  ownNodes,
  structureEditable,
  busy,
  onSave,
  onDelete,
}: {
  choice: GraphChoice
  locale: LocaleCode
  ownNodes: GraphNode[]
  structureEditable: boolean
  busy: boolean
  onSave: (before: Record<string, unknown>, after: Record<string, unknown>) => void
  onDelete: () => void
}) {
  const [key, setKey] = useState(choice.key)
  const [text, setText] = useState(choice.text[locale] ?? '')
  const [target, setTarget] = useState(choice.nextNodeId ?? '')
  const [isDefault, setIsDefault] = useState(choice.isDefault)
  const save = () => {
    const before: Record<string, unknown> = {}
    const after: Record<string, unknown> = {}
    if (structureEditable) {
      if (key !== choice.key) ((before.choiceKey = choice.key), (after.choiceKey = key))
      if ((target || null) !== choice.nextNodeId) ((before.nextNode = choice.nextNodeId), (after.nextNode = target || null))
      if (isDefault !== choice.isDefault) ((before.isDefault = choice.isDefault), (after.isDefault = isDefault))
    }
    if (text !== (choice.text[locale] ?? '')) ((before.textContent = choice.text[locale] ?? null), (after.textContent = text))
    if (Object.keys(after).length) onSave(before, after)
  }
  return (
    <div className="studio-choice" data-testid="panel-choice" data-key={choice.key}>
      <div className="studio-field-row">
        <input className="studio-choice__key" value={key} onChange={(e) => setKey(e.target.value)} disabled={!structureEditable} aria-label="Key" maxLength={10} />
        <input className="studio-choice__text" lang={htmlLang(locale)} value={text} onChange={(e) => setText(e.target.value)} aria-label="Choice text" placeholder={textStatus(choice.text, locale).text} />
      </div>
      <div className="studio-field-row">
        <select value={target} onChange={(e) => setTarget(e.target.value)} disabled={!structureEditable} aria-label="Leads to">
          <option value="">(leads nowhere)</option>
          {ownNodes.map((n) => (
            <option key={n.id} value={n.id}>
              → {n.displayOrder}. {firstLine(textStatus(n.text, locale).text).slice(0, 30)}
            </option>
          ))}
        </select>
        <label className="studio-check">
          <input type="checkbox" checked={isDefault} onChange={(e) => setIsDefault(e.target.checked)} disabled={!structureEditable} /> default
        </label>
      </div>
      <div className="studio-panel__actions">
        <Button buttonStyle="secondary" size="small" margin={false} onClick={save} disabled={busy}>
          Save choice
        </Button>
        {structureEditable && (
          <Button buttonStyle="error" size="small" margin={false} onClick={onDelete} disabled={busy}>
            Delete
          </Button>
        )}
      </div>
    </div>
  )
}
