import type { SeedStory } from '@/domain/story/seedFormat'

const WORDS: Record<'en' | 'hi' | 'ta' | 'bn', string[]> = {
  en: ['the', 'little', 'crow', 'flew', 'over', 'a', 'green', 'field', 'and', 'found', 'water', 'near', 'the', 'old', 'tree'],
  hi: ['छोटा', 'कौआ', 'हरे', 'खेत', 'के', 'ऊपर', 'उड़ा', 'और', 'पुराने', 'पेड़', 'के', 'पास', 'पानी', 'मिला'],
  ta: ['சிறிய', 'காகம்', 'பச்சை', 'வயலின்', 'மேல்', 'பறந்தது', 'பழைய', 'மரத்தின்', 'அருகே', 'தண்ணீர்', 'கண்டது'],
  bn: ['ছোট', 'কাক', 'সবুজ', 'মাঠের', 'উপর', 'দিয়ে', 'উড়ে', 'গেল', 'পুরোনো', 'গাছের', 'কাছে', 'জল', 'পেল'],
}
const LOCALES = ['en', 'hi', 'ta', 'bn'] as const

function sentence(locale: (typeof LOCALES)[number], seed: number, words = 24): string {
  const list = WORDS[locale]
  const out: string[] = []
  for (let i = 0; i < words; i++) out.push(list[(seed * 7 + i * 3) % list.length]!)
  return `${out.join(' ')}${locale === 'hi' ? '।' : '.'}`
}

const text = (seed: number) => Object.fromEntries(LOCALES.map((l) => [l, sentence(l, seed)]))

/**
 * A valid branching story of `size` nodes in en, hi, ta and bn: a narration/dialogue spine with a
 * choice node every 8 nodes whose B option skips ahead, and the last node as the ending.
 */
export function generateStory(index: number, size = 40): SeedStory {
  const nodes: SeedStory['nodes'] = []
  const choices: SeedStory['choices'] = []
  for (let i = 1; i <= size; i++) {
    const isLast = i === size
    const isChoice = !isLast && i % 8 === 0 && i + 3 < size
    nodes.push({
      key: `n${i}`,
      type: isLast ? 'end' : isChoice ? 'choice' : i % 3 === 0 ? 'dialogue' : 'narration',
      character: i % 3 === 0 && !isChoice && !isLast ? 'crow' : 'narrator',
      displayOrder: i,
      isStart: i === 1,
      isEnd: isLast,
      text: text(index * 1000 + i),
    })
    if (isChoice) {
      choices.push({ node: `n${i}`, key: 'A', text: text(index * 1000 + i + 500), next: `n${i + 1}`, isDefault: true })
      choices.push({ node: `n${i}`, key: 'B', text: text(index * 1000 + i + 600), next: `n${i + 3}`, isDefault: false })
    }
  }
  return {
    slug: `bench-story-${String(index).padStart(2, '0')}`,
    ageRange: index % 2 ? '4-6' : '7-10',
    region: 'pan-indian',
    durationMin: 6,
    isActive: true,
    cover: null,
    title: Object.fromEntries(LOCALES.map((l) => [l, `${sentence(l, index, 4)} ${index}`])),
    description: text(index),
    moral: text(index + 1),
    characters: [
      { slug: 'narrator', name: { en: 'Dadi', hi: 'दादी', ta: 'பாட்டி', bn: 'ঠাকুমা' }, voiceProfile: 'warm_elderly', bulbulSpeaker: 'meera', description: 'Narrator', displayOrder: 1 },
      { slug: 'crow', name: { en: 'Kauwa', hi: 'कौआ', ta: 'காகம்', bn: 'কাক' }, voiceProfile: 'young_energetic', bulbulSpeaker: 'arvind', description: 'The crow', displayOrder: 2 },
    ],
    nodes,
    choices,
  }
}

/**
 * A wide story for the Studio benchmark: `size` nodes and 2 x `size` choices. Even nodes are
 * choice nodes with four options (to the next four nodes), odd nodes narrate on; a few narration
 * nodes carry an explicit default "continue" choice to make the count exact. The last node ends.
 */
export function generateWideStory(index: number, size = 200): SeedStory {
  const base = generateStory(index, size)
  const nodes: SeedStory['nodes'] = base.nodes.map((node, i) => {
    const n = i + 1
    const isLast = n === size
    return { ...node, type: isLast ? 'end' : n % 2 === 0 ? 'choice' : 'narration', character: 'narrator', isEnd: isLast }
  })
  const choices: SeedStory['choices'] = []
  for (let n = 2; n < size; n += 2) {
    for (const [k, key] of ['A', 'B', 'C', 'D'].entries()) {
      choices.push({ node: `n${n}`, key, text: text(index * 1000 + n * 10 + k), next: `n${Math.min(size, n + 1 + k)}`, isDefault: k === 0 })
    }
  }
  for (let n = 1; choices.length < size * 2 && n < size; n += 2) {
    choices.push({ node: `n${n}`, key: 'A', text: text(index * 1000 + n * 10), next: `n${n + 1}`, isDefault: true })
  }
  return { ...base, slug: `bench-wide-${String(index).padStart(2, '0')}`, nodes, choices }
}
