/**
 * Korean tokens mended after MeCab: forms ko-dic reads as another word than the one said. Pure.
 */
import type { Token } from '../tokenizer.js';
import { spacelessRuns, type Run } from '../spaceless.js';

/** An ending of the 아/어 form a -지다 verb is built on (없어, 좋아, 해; 없/VA 어/EC, 촉촉/XR 해/XSA+EC). */
function endsInEoForm(t: Token): boolean {
  return (t.pos === 'EC' || t.pos.endsWith('+EC')) && /[아어여해]$/u.test(t.surface);
}

/**
 * 짐 said as the noun form of 지다 (없어짐, 좋아짐, 밝아짐: "got rid of", "got better", the -ㅁ noun form
 * captions and reviews write claims in): ko-dic reads it as the noun 짐 "luggage" (없/VA 어/EC 짐/NNG),
 * so a rule keyed on 없어지다 (없다 어 지다) never met it. Right after an 아/어 ending, with no space, it
 * is 지/VX + ㅁ/ETN with the base 지다, as in 없어졌음 (졌/VX+EP, base 지다). 짐 after a particle or a
 * space (가방에 짐을, 어 짐) stays the noun; ko-dic's own fused reading (펴짐 = 펴/VV 짐/EC+VX+ETN) gets
 * the base 지다 too.
 */
export function nominalisedJida(tokens: Token[]): Token[] {
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.surface !== '짐' || t.base === '지다') continue;
    const prev = tokens[i - 1] as Token;
    const fused = t.pos.startsWith('EC+VX');
    if (fused || (t.pos === 'NNG' && prev.end === t.start && endsInEoForm(prev))) tokens[i] = { ...t, pos: fused ? t.pos : 'VX+ETN', base: '지다' };
  }
  return tokens;
}

/**
 * A word that ko-dic reads as a suffix although a space comes before it: 키를, 키가 after a noun and a space
 * (평균 키를, 아이 키가) read as the contracted 하기를 of a 하다 verb (평균/NNG 키를/XSV+ETN+JKO, base 하다),
 * which only joins a noun written against it (평균키를 = 평균하기를). A suffix (XS…) never starts a written
 * word: such a word is read again without the words before it (키/NNG 를/JKO). `reread` analyses the word and
 * the next one; a reading that still starts with a suffix, or starts with the same base (a spaced 하다: 운동 해요),
 * is not taken. Likewise the genitive particle 의, which never starts a written word either: 치과 의사인 was read
 * 치과/NNG 의/JKG 사인/NNG+JX ("the dentist's sign"), hiding 의사 (doctor); read alone the word is 의사/NNG 인/VCP+ETM.
 * (Only 의: the other particles read again moved other words, 이만 구천 원 and 효과 와요, with no gain measured.)
 */
export function suffixStartingWord(text: string, tokens: Token[], reread: (word: string) => readonly Token[]): Token[] {
  if (!tokens.some((t, i) => i > 0 && startsNoWord(t) && t.start > (tokens[i - 1] as Token).end)) return tokens;
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (i === 0 || !startsNoWord(t) || t.start === (tokens[i - 1] as Token).end) {
      out.push(t);
      continue;
    }
    const j = wordEnd(tokens, i);
    // Read with the word after it, as MeCab reads a word by what follows (할인가로 alone is 할인 가로, "horizontal").
    const wordLength = (tokens[j - 1] as Token).end - t.start;
    const again = reread(text.slice(t.start, (tokens[wordEnd(tokens, j) - 1] as Token).end)).filter((a) => a.end <= wordLength);
    const first = again[0];
    if (!first || startsNoWord(first) || first.base === t.base || (again[again.length - 1] as Token).end !== wordLength) {
      out.push(t);
      continue;
    }
    for (const a of again) out.push({ ...a, start: a.start + t.start, end: a.end + t.start });
    i = j - 1;
  }
  return out;
}

/** A suffix (XS…) or the genitive 의 (JKG): a token that joins the word before it and never starts a written word. */
function startsNoWord(t: Token): boolean {
  return t.pos.startsWith('XS') || t.pos === 'JKG';
}

/** The index after the last token of the written word token `i` is in (tokens joined without a space). */
function wordEnd(tokens: readonly Token[], i: number): number {
  let j = Math.min(i + 1, tokens.length);
  while (j < tokens.length && (tokens[j] as Token).start === (tokens[j - 1] as Token).end) j++;
  return j;
}

/** A verb ko-dic keeps as one word with the giving 주다 fused on (막아주, 빼주, 도와주: base 막아주다), uninflected. */
function fusedGivingVerb(t: Token): boolean {
  return t.pos === 'VV' && t.surface.length >= 2 && t.surface.endsWith('주') && t.base === `${t.surface}다`;
}

/** Whether `parts` read a verb in its 아/어 form and nothing else (막/VV 아/EC, 빼/VV+EC, 도와/VV+EC), `length` long. */
function verbInEoForm(parts: readonly Token[], length: number): boolean {
  const first = parts[0];
  const last = parts[parts.length - 1];
  return first !== undefined && last !== undefined && first.start === 0 && last.end === length && /^(?:VV|VA|XSV|XSA)/u.test(first.pos) && (last.pos.endsWith('EC') || last.pos === 'VV') && parts.length <= 2;
}

/**
 * Verb + 아/어 + 주다 written without a space (막아주는, 빼주고: spaceless captions, and common spelling too), which ko-dic
 * keeps as one verb (막아주/VV, base 막아주다), read as the verb and 주다, as written with the space (막/VV 아/EC 주/VX
 * 는/ETM): a rule keyed on 막아 주다, 빼 주다 or 막다 finds it either way. `reread` analyses the part before 주; a part
 * it does not read as a verb in its 아/어 form keeps the fused word.
 */
export function fusedGiving(tokens: Token[], reread: (word: string) => readonly Token[]): Token[] {
  if (!tokens.some(fusedGivingVerb)) return tokens;
  const out: Token[] = [];
  for (const t of tokens) {
    const head = t.surface.slice(0, -1);
    const parts = fusedGivingVerb(t) ? reread(head) : [];
    if (!verbInEoForm(parts, head.length)) {
      out.push(t);
      continue;
    }
    for (const a of parts) out.push({ ...a, start: a.start + t.start, end: a.end + t.start });
    out.push({ surface: '주', base: '주다', pos: 'VX', start: t.end - 1, end: t.end });
  }
  return out;
}

/** Whether a piece read alone ends on a conditional 면: an ending (나면/EC, 이/VCP 면/EC), or 면 after a numeral or pronoun (하나/NR 면). */
function conditionalEnd(piece: readonly Token[]): boolean {
  const last = piece[piece.length - 1];
  const before = piece[piece.length - 2];
  if (!last || !last.surface.endsWith('면')) return false;
  return last.pos.includes('EC') || (last.surface === '면' && before !== undefined && /^(?:NR|NP)/u.test(before.pos));
}

/** A particle, an ending, a suffix or the copula: never the first word of a piece read on its own. */
const BOUND = /^(?:J|E|XS|VCP)/u;

/**
 * Written without spaces, a conditional 면 ("if it is", "if you") ending a word is read by ko-dic with the syllable after
 * it as a noun (하나면정형외과: 하나/NR 면정/NNG 형/XSN 외과/NNG; 한포면장, 하나면숙취, 성능이면국내). There the run is read as
 * if a space followed the 면: the part up to it and the rest each on their own (하나/NR 면/NNG, 정형외과/NNG …), as ko-dic
 * reads them written with spaces. Only inside the runs written without spaces (spacelessRuns), only after a word written against the
 * 면, and only where the part read alone ends on 면 and the rest starts with a word (not a particle, ending or suffix).
 */
export function spacelessMyeon(text: string, tokens: Token[], reread: (word: string) => readonly Token[], from = 0, known?: readonly Run[]): Token[] {
  // The runs are found only for a text with a noun starting with 면 against a word (most texts have none).
  let runs = known;
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const prev = tokens[i - 1] as Token;
    if (t.start < from || t.surface.length < 2 || !t.surface.startsWith('면') || !t.pos.startsWith('NN') || prev.end !== t.start) continue;
    runs ??= spacelessRuns(text);
    const run = runs.find((r) => r.start <= prev.start && t.end <= r.end);
    if (!run) continue;
    const cut = t.start + 1;
    const head = reread(text.slice(run.start, cut));
    const rest = reread(text.slice(cut, run.end));
    const last = head[head.length - 1];
    if (!last || !conditionalEnd(head) || last.end !== cut - run.start || !rest[0] || BOUND.test(rest[0].pos)) continue;
    const shift = (ts: readonly Token[], by: number) => ts.map((a) => ({ ...a, start: a.start + by, end: a.end + by }));
    const out = [...tokens.filter((x) => x.end <= run.start), ...shift(head, run.start), ...shift(rest, cut), ...tokens.filter((x) => x.start >= run.end)];
    return spacelessMyeon(text, out, reread, cut, runs);
  }
  return tokens;
}

/**
 * "-는 데 도움" (helps to: 면역력 높이는 데 도움을 줄 수 있는, the wording functional foods are allowed) written without the
 * space (높이는데도움, 오르는데 도움), which ko-dic reads as the ending 는데 ("but", "and so": 높이/VV 는데/EC): before 도움
 * it is the modifier ending and the noun 데 (는/ETM 데/NNB), as written with the space, so rules that stop at 데 do.
 */
export function deBeforeHelp(tokens: Token[]): Token[] {
  if (!tokens.some((t, i) => isDeEnding(t) && tokens[i + 1]?.surface.startsWith('도움'))) return tokens;
  return tokens.flatMap((t, i) => {
    if (!isDeEnding(t) || !tokens[i + 1]?.surface.startsWith('도움')) return [t];
    const ending = t.surface.slice(0, -1);
    return [
      { surface: ending, base: ending, pos: 'ETM', start: t.start, end: t.end - 1 },
      { surface: '데', base: '데', pos: 'NNB', start: t.end - 1, end: t.end },
    ];
  });
}

/** The connective ending 는데 / 은데 read as one token (EC). */
function isDeEnding(t: Token): boolean {
  return t.pos === 'EC' && (t.surface === '는데' || t.surface === '은데');
}

/**
 * 없앴다 ("got rid of", the past of 없애다) said with a plain ending: ko-dic reads 없/VA 앴/EP 다/EC — the adjective 없다,
 * "there is none" — where 없앴어요 and 없앴습니다 are one token with the base 없애다. A 앴 written right after 없 is that past:
 * the stem is the verb 없애다, so a rule keyed on 없애다 finds 비린내를 완전히 없앴다 and one keyed on 없다 no longer does.
 */
export function pastOfEopsaeda(tokens: Token[]): Token[] {
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i] as Token;
    const next = tokens[i + 1] as Token;
    if (t.surface === '없' && t.pos === 'VA' && next.start === t.end && next.pos.startsWith('EP') && next.surface.startsWith('앴')) tokens[i] = { ...t, pos: 'VV', base: '없애다' };
  }
  return tokens;
}
