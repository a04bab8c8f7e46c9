import { describe, expect, it } from 'vitest'

import { cuesFor, silenceGaps, speechBounds, splitSentences, toWebVtt } from '@/domain/audio/cues'

describe('splitSentences', () => {
  it.each<[string, string, string[]]>([
    ['Latin sentences', 'The crow was thirsty. It looked for water! Did it find some?', ['The crow was thirsty.', 'It looked for water!', 'Did it find some?']],
    ['danda and double danda', 'कौआ प्यासा था। उसने पानी ढूँढा॥ फिर', ['कौआ प्यासा था।', 'उसने पानी ढूँढा॥', 'फिर']],
    ['closing quotes stay with their sentence', '"Help!" said the crow. Then', ['"Help!"', 'said the crow.', 'Then']],
    ['a decimal point is not an end', 'It was 3.5 km away. Far.', ['It was 3.5 km away.', 'Far.']],
    ['line breaks end sentences', 'one\ntwo', ['one', 'two']],
    ['punctuation alone joins the previous sentence', 'Wait. ... Go!', ['Wait....', 'Go!']],
    ['Tamil with a full stop', 'காகம் தாகமாக இருந்தது. அது தண்ணீர் தேடியது.', ['காகம் தாகமாக இருந்தது.', 'அது தண்ணீர் தேடியது.']],
    ['empty text', '  ', []],
  ])('should split %s', (_, text, sentences) => {
    expect(splitSentences(text)).toEqual(sentences)
  })
})

describe('cuesFor', () => {
  it('should place each sentence after the lead and the gaps before it', () => {
    expect(cuesFor([{ text: 'A.', durationSec: 1.2 }, { text: 'B.', durationSec: 0.8 }, { text: 'C.', durationSec: 2.0005 }], { leadSec: 0.1, gapSec: 0.3 })).toEqual([
      { start: 0.1, end: 1.3, text: 'A.' },
      { start: 1.6, end: 2.4, text: 'B.' },
      { start: 2.7, end: 4.701, text: 'C.' },
    ])
  })

  it('should refuse a segment without a duration', () => {
    expect(() => cuesFor([{ text: 'A', durationSec: Number.NaN }], { leadSec: 0, gapSec: 0 })).toThrow(/Segment 0 has no duration/)
  })
})

describe('toWebVtt', () => {
  it('should write numbered cues with hh:mm:ss.mmm times and escaped text', () => {
    expect(toWebVtt([{ start: 0.1, end: 1.3, text: 'A <b> & C' }, { start: 3661.5, end: 3662.25, text: 'x --> y' }])).toBe(
      'WEBVTT\n\n1\n00:00:00.100 --> 00:00:01.300\nA &lt;b&gt; &amp; C\n\n2\n01:01:01.500 --> 01:01:02.250\nx --&gt; y\n',
    )
  })

  it('should write an empty file for no cues', () => {
    expect(toWebVtt([])).toBe('WEBVTT\n')
  })
})

describe('speechBounds and silenceGaps', () => {
  const rate = 1000
  // 0.1 s silence, 0.2 s tone, 0.3 s silence, 0.2 s tone, 0.05 s silence, 0.1 s tone, 0.1 s silence
  const parts: [number, boolean][] = [[100, false], [200, true], [300, false], [200, true], [50, false], [100, true], [100, false]]
  const samples = new Float32Array(parts.flatMap(([n, loud]) => Array.from({ length: n }, (_, i) => (loud ? 0.5 * Math.sin(i) + (i % 2 ? 0.3 : -0.3) : 0.001))))

  it('should find where speech starts and ends', () => {
    expect(speechBounds(samples, 0.01)).toEqual({ start: 100, end: 950 })
    expect(speechBounds(new Float32Array(10), 0.01)).toBeNull()
  })

  it('should report inner silences at least minSec long', () => {
    expect(silenceGaps(samples, rate, { threshold: 0.01, minSec: 0.1, windowSec: 0.01 })).toEqual([[0.3, 0.6]])
    expect(silenceGaps(samples, rate, { threshold: 0.01, minSec: 0.04, windowSec: 0.01 })).toEqual([[0.3, 0.6], [0.8, 0.85]])
  })
})
