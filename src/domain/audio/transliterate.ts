/**
 * Latin-script Hinglish -> Devanagari, good enough for espeak-ng's Hindi voice (which reads Latin
 * text as English). Used only by the offline provider; Sarvam reads Hinglish as written.
 *
 * Rules, per word (case-insensitive; anything that is not a Latin letter passes through):
 * - a small dictionary of very common words whose spelling the rules get wrong (hai, main, nahin)
 *   and of the English words Hinglish borrows most (school, birthday);
 * - greedy longest match of consonants (kh gh ch jh th dh ph bh sh, chh, cch, and single letters)
 *   and vowels (aa ee ii oo uu ai au ei ou, then a e i o u);
 * - a consonant followed by a consonant takes a virama (conjunct), followed by a vowel takes the
 *   vowel sign; the inherent `a` writes nothing; a vowel at the start of a word or after another
 *   vowel is written in full;
 * - word-final `a` / `i` after a consonant are long (tha -> था, thi -> थी), as Hinglish spells them;
 *   a word-final consonant is left bare (Hindi drops the final schwa, and so does espeak);
 * - `n` before a k/ch/t-row stop and `m` before a p-row stop become an anusvara (andar -> अंदर).
 */
export function transliterateHinglish(text: string): string {
  return text.replace(/[A-Za-z]+/g, (word) => transliterateWord(word.toLowerCase()))
}

const EXCEPTIONS: Readonly<Record<string, string>> = {
  hai: 'है', hain: 'हैं', main: 'मैं', mein: 'में', me: 'में', nahin: 'नहीं', nahi: 'नहीं',
  bahut: 'बहुत', ek: 'एक', din: 'दिन', tha: 'था', thi: 'थी', the: 'थे', ki: 'की', ka: 'का',
  ke: 'के', ko: 'को', se: 'से', hoon: 'हूँ', hun: 'हूँ', aur: 'और', kya: 'क्या', ye: 'ये',
  yeh: 'यह', wo: 'वो', vo: 'वो', woh: 'वह', hum: 'हम', tum: 'तुम', aap: 'आप', to: 'तो',
  bhi: 'भी', ne: 'ने', par: 'पर', haan: 'हाँ', accha: 'अच्छा', achha: 'अच्छा', kahan: 'कहाँ',
  yahan: 'यहाँ', wahan: 'वहाँ', kuch: 'कुछ', sab: 'सब', ab: 'अब', phir: 'फिर', is: 'इस',
  us: 'उस', mujhe: 'मुझे', tumhe: 'तुम्हें', unhe: 'उन्हें', bhai: 'भाई', kahani: 'कहानी',
  raja: 'राजा', rani: 'रानी', chhota: 'छोटा', beta: 'बेटा', beti: 'बेटी',
  // English words Hinglish borrows most, which the Hindi letter rules would mangle.
  school: 'स्कूल', birthday: 'बर्थडे', jungle: 'जंगल', friend: 'फ्रेंड', teacher: 'टीचर',
  phone: 'फ़ोन', sorry: 'सॉरी', thank: 'थैंक', thanks: 'थैंक्स', you: 'यू', please: 'प्लीज़',
  okay: 'ओके', ok: 'ओके', mummy: 'मम्मी', papa: 'पापा',
}

type Unit = { kind: 'consonant' | 'vowel'; latin: string }

const CONSONANTS: Readonly<Record<string, string>> = {
  cch: 'च्छ', chh: 'छ', kh: 'ख', gh: 'घ', ch: 'च', jh: 'झ', th: 'थ', dh: 'ध', ph: 'फ', bh: 'भ',
  sh: 'श', k: 'क', g: 'ग', c: 'क', j: 'ज', t: 'त', d: 'द', n: 'न', p: 'प', b: 'ब', m: 'म',
  y: 'य', r: 'र', l: 'ल', v: 'व', w: 'व', s: 'स', h: 'ह', f: 'फ़', z: 'ज़', q: 'क़', x: 'क्स',
}

/** Latin vowel -> [independent letter, vowel sign after a consonant]. */
const VOWELS: Readonly<Record<string, readonly [string, string]>> = {
  aa: ['आ', 'ा'], ai: ['ऐ', 'ै'], au: ['औ', 'ौ'], ee: ['ई', 'ी'], ii: ['ई', 'ी'],
  oo: ['ऊ', 'ू'], uu: ['ऊ', 'ू'], ei: ['ऐ', 'ै'], ou: ['औ', 'ौ'],
  a: ['अ', ''], e: ['ए', 'े'], i: ['इ', 'ि'], o: ['ओ', 'ो'], u: ['उ', 'ु'],
}

const VIRAMA = '्'
const ANUSVARA = 'ं'
const LONG_FINAL: Readonly<Record<string, string>> = { a: 'aa', i: 'ee' }

function transliterateWord(word: string): string {
  return EXCEPTIONS[word] ?? render(toUnits(word))
}

function toUnits(word: string): Unit[] {
  const units: Unit[] = []
  let i = 0
  while (i < word.length) {
    const unit = matchAt(word, i)
    units.push(unit)
    i += unit.latin.length
  }
  return units
}

function matchAt(word: string, i: number): Unit {
  for (const len of [3, 2, 1]) {
    const piece = word.slice(i, i + len)
    if (piece.length !== len) continue
    if (piece in VOWELS) return { kind: 'vowel', latin: piece }
    if (piece in CONSONANTS) return { kind: 'consonant', latin: piece }
  }
  throw new Error(`Unexpected character in Latin word: ${word[i]}`)
}

function render(units: Unit[]): string {
  let out = ''
  units.forEach((unit, i) => {
    const prev = units[i - 1]
    const next = units[i + 1]
    if (unit.kind === 'vowel') {
      out += renderVowel(unit.latin, prev, next === undefined)
    } else if (isNasalBeforeConsonant(unit, prev, next)) {
      out += ANUSVARA
    } else {
      out += CONSONANTS[unit.latin] + (next?.kind === 'consonant' ? VIRAMA : '')
    }
  })
  return out
}

function renderVowel(latin: string, prev: Unit | undefined, isFinal: boolean): string {
  if (prev?.kind !== 'consonant') return VOWELS[latin][0]
  const spelled = isFinal ? (LONG_FINAL[latin] ?? latin) : latin
  return VOWELS[spelled][1]
}

const STOPS_AFTER_N = new Set(['k', 'kh', 'g', 'gh', 'c', 'ch', 'chh', 'cch', 'j', 'jh', 't', 'th', 'd', 'dh'])
const STOPS_AFTER_M = new Set(['p', 'ph', 'b', 'bh'])

/** `n` before a velar/palatal/dental stop, `m` before a labial one, after a vowel: anusvara. */
function isNasalBeforeConsonant(unit: Unit, prev: Unit | undefined, next: Unit | undefined): boolean {
  if (prev?.kind !== 'vowel' || next?.kind !== 'consonant') return false
  return (unit.latin === 'n' && STOPS_AFTER_N.has(next.latin)) || (unit.latin === 'm' && STOPS_AFTER_M.has(next.latin))
}
