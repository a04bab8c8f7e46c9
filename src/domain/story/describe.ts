/** Plain-language references to nodes, choices and locales, for messages an editor reads. */
import { DEFAULT_LOCALE, getLocale, LOCALE_CODES, type LocaleCode } from '@/locales'

import { type GraphChoice, type GraphNode, hasOwnText, type LocalizedText } from '@/domain/story/graph'

const EXCERPT_LENGTH = 40

/** A short excerpt of the English text, or of the first locale that has text; '' when none does. */
function excerpt(text: LocalizedText): string {
  const locale = [DEFAULT_LOCALE, ...LOCALE_CODES].find((code) => hasOwnText(text, code))
  if (!locale) return ''
  const words = (text[locale] ?? '').trim().replace(/\s+/g, ' ')
  if (words.length <= EXCERPT_LENGTH) return words
  const lastSpace = words.slice(0, EXCERPT_LENGTH + 1).lastIndexOf(' ')
  const cut = words.slice(0, lastSpace > 0 ? lastSpace : EXCERPT_LENGTH)
  return `${cut.replace(/[\s,;:.!?]+$/, '')}…`
}

function withExcerpt(label: string, text: LocalizedText): string {
  const words = excerpt(text)
  return words ? `${label} “${words}”` : label
}

/** e.g. `node 3 “The crow finds a pot”` */
export function nodeRef(node: GraphNode): string {
  return withExcerpt(`node ${node.displayOrder}`, node.text)
}

/** e.g. `choice B “Drop pebbles” on node 5 “The crow thinks”` */
export function choiceRef(choice: GraphChoice, node: GraphNode): string {
  return `${withExcerpt(`choice ${choice.key || '(no key)'}`, choice.text)} on ${nodeRef(node)}`
}

/** `node 3 “…”, node 4 “…” and node 5 “…”` */
export function listRefs(refs: string[]): string {
  return refs.length <= 1 ? refs.join('') : `${refs.slice(0, -1).join(', ')} and ${refs[refs.length - 1]}`
}

export function capitalize(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1)
}

/** The locale's name in English: "Tamil" from "தமிழ் (Tamil)", "Hinglish" from "Hinglish (Hindi-English)". */
export function localeName(locale: LocaleCode): string {
  const { label } = getLocale(locale)
  const [, native, english] = /^(.*) \((.*)\)$/.exec(label) ?? [label, label, label]
  return /^[\x20-\x7E]+$/.test(native) ? native : english
}
