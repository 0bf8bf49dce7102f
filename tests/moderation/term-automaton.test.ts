import { TermAutomaton } from '../../plugins/campaign-ops/moderation/term-automaton'

function hits(automaton: TermAutomaton<string>, text: string): Array<[string, number, number]> {
  const found: Array<[string, number, number]> = []
  automaton.scan(text, (entry, start, end) => found.push([entry, start, end]))
  return found
}

describe('TermAutomaton', () => {
  const automaton = new TermAutomaton<string>()
  automaton.add('كلب', 'dog')
  automaton.add('ya 7mar', 'donkey')
  automaton.add('ya 7mar', 'donkey again')
  automaton.compile()

  it('finds Arabic and Latin keywords with UTF-16 offsets, overlapping entries included', () => {
    expect(hits(automaton, 'ok كلب 😀 ya 7mar')).toEqual([
      ['dog', 3, 6],
      ['donkey', 10, 17],
      ['donkey again', 10, 17],
    ])
  })

  it('never reports a match through a character its fast reading blanks out', () => {
    expect(hits(automaton, 'ya€7mar ya\u00a07mar')).toEqual([])
    expect(hits(automaton, 'كلب'.replace('ل', 'ڵ'))).toEqual([])
  })

  it('still finds keywords outside the fast alphabet, by reading the text as it is', () => {
    const cyrillic = new TermAutomaton<string>()
    cyrillic.add('привет', 'hello')
    cyrillic.compile()
    expect(hits(cyrillic, 'да привет')).toEqual([['hello', 3, 9]])
  })

  it('is empty until a keyword is added', () => {
    const empty = new TermAutomaton<string>()
    expect(empty.isEmpty).toBe(true)
    empty.compile()
    expect(hits(empty, 'anything')).toEqual([])
  })
})
