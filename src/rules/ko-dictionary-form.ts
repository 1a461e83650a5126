/** Korean rule words written in their dictionary form (빠지다): the key their spoken forms share. Pure. */
import type { Token } from '../text/tokenizer.js';

/**
 * A Korean word written in its dictionary form (빠지다, 좋아지다) is analysed as a stem and the
 * ending 다 (빠지/VV 다/EC); the stem's token already carries the dictionary form as its base
 * (빠지다), as every spoken form does (빠져요, 빠졌, 빠지고), so the ending is dropped from the key.
 */
export function dictionaryForm<T extends readonly Token[]>(tokens: T): T | Token[] {
  const last = tokens[tokens.length - 1];
  const stem = tokens[tokens.length - 2];
  if (!last || !stem || last.surface !== '다' || !last.pos.startsWith('E')) return tokens;
  // 환해지다, 풍성해지다, 커지다: ko-dic fuses the spoken forms' 지 into the stem's token (환해졌 = 환하/VA+아/EC+지/VX+었/EP,
  // base 환하다), so the key ends at that stem; the lattice then takes only tokens with the 지 fused in (see fusedJida).
  if (fusedJida(tokens) !== undefined) return tokens.slice(0, -2);
  if (stem.base === `${stem.surface}다`) return tokens.slice(0, -1);
  return tokens;
}

/**
 * Whether a Korean dictionary form is a -지다 verb whose 아/어 form ko-dic fuses into one token with the
 * stem (커지다 = 커/VA+EC 지/VX 다; 환해지다 = 환해/VA+EC 지/VX 다; 튼튼해지다 = 튼튼/XR 해/XSA+EC 지/VX 다), and
 * on what: a plain verb or adjective ('plain') or the 하 of a root (XR + 하다: 'root'). Its key is the stem's
 * base alone (크다, 환하다; 튼튼 하다). A plain stem's base is another verb, with forms of its own (커요, 크는,
 * 큰: "is big, tall"), so such a key counts only on a token that has the 지 in it (커져요 = 크/VA+어/EC+지/VX+
 * 어요/EF: Lexicon.becoming). A root's 하다 form keeps matching: the state of the root (무릎이 튼튼해요,
 * 잔털이 촘촘하게) is the claim the rule writers key on the change for.
 */
export function fusedJida(tokens: readonly Token[]): 'plain' | 'root' | undefined {
  const last = tokens[tokens.length - 1];
  const stem = tokens[tokens.length - 2];
  const before = tokens[tokens.length - 3];
  if (last?.surface !== '다' || !last.pos.startsWith('E') || stem?.surface !== '지' || stem.pos !== 'VX' || !before || !/\+EC$/u.test(before.pos)) return undefined;
  return before.pos.startsWith('XS') ? 'root' : 'plain';
}

/** Whether a token carries the auxiliary 지 of a -지다 verb fused in (커져요, 환해졌, 펴짐), is that 지다, or a -지다 verb of ko-dic's (커지/VV). */
export function carriesJida(t: Token): boolean {
  return t.base.endsWith('지다') || /\+VX(?:\+|$)/u.test(t.pos);
}

/** Endings a Korean dictionary form is probed with for the readings ko-dic gives its spoken forms. */
const PROBE_ENDINGS = ['는', '고', '어요', '아요', '었어요', '았어요'];

/**
 * The other keys a Korean dictionary form needs: ko-dic reads some spoken forms otherwise than the form
 * itself (채워지는 = 채워지/VV, base 채워지다, while 채워지다 alone is 채우/VV 지/VX; 돌아요 = 돌아/VV, base
 * 돌아다). Each probe form (stem + an ending) that reads as verbs alone gives its bases, endings left off,
 * when they differ from the key; a probe read as anything else (돌는 = 돌/NNG 는/JX) gives nothing. `onJi`: a -지다 verb
 * got a key that is one word of another base (달라지다 on 다르다), which counts only on a token that carries the 지
 * (Lexicon.becoming).
 */
export function spokenReadings(word: string, key: readonly string[], tokenize: (text: string) => readonly Token[]): { keys: string[][]; onJi: boolean } {
  const seen = new Set([key.join(' ')]);
  const out: string[][] = [];
  // A probe's tokens with its trailing endings left off.
  const reading = (probe: string): Token[] => {
    const tokens = tokenize(probe);
    let end = tokens.length;
    while (end > 0 && (tokens[end - 1] as Token).pos.startsWith('E')) end--;
    return tokens.slice(0, end);
  };
  const add = (tokens: readonly Token[]): void => {
    const alt = tokens.map((t) => t.base);
    if (seen.has(alt.join(' '))) return;
    seen.add(alt.join(' '));
    out.push(alt);
  };
  // 밝아지다 and 책임지다 are one ko-dic verb each, but their 어-forms split (밝아졌어요 = 밝/VA 아/EC 졌어요/VX;
  // 책임져요 = 책임/NNG 져요/VV, base 지다): key those readings too, whatever their parts.
  if (word.endsWith('지다')) {
    // …and ko-dic's own verb of it where it has one in context (키가 커지는 = 커지/VV, base 커지다).
    add([{ surface: word, pos: 'VV', base: word, start: 0, end: word.length }]);
    for (const ending of ['졌어요', '져요']) {
      const tokens = reading(`${word.slice(0, -2)}${ending}`);
      if (tokens.length > 1 && tokens.some((t) => t.base === '지다')) add(tokens);
      // …or one token with the 지 fused in and the base of the word before it (달라져요 = 다르/VA+아/EC+지/VX+어요/EF, base
      // 다르다): that base, counted only on a token that carries the 지 (`onJi`; 달라요 is "is different").
      else if (tokens.length === 1 && carriesJida(tokens[0] as Token) && !(tokens[0] as Token).base.endsWith('지다')) add(tokens);
    }
  }
  for (const ending of PROBE_ENDINGS) {
    const tokens = reading(`${word.slice(0, -1)}${ending}`);
    if (tokens.length > 0 && tokens.every((t) => /^V[VAX]/u.test(t.pos))) add(tokens);
  }
  // A -지다 verb keyed on the base of another word alone (달라지다 on 다르다, from the fused 어-form or a probe) counts only
  // where the 지 is.
  return { keys: out, onJi: word.endsWith('지다') && out.some((k) => k.length === 1 && !(k[0] as string).endsWith('지다')) };
}

/** The form before an ending ㄴ (덜하 → 덜한), or undefined when the stem's last syllable has a final consonant. */
function withFinalN(stem: string): string | undefined {
  const code = stem.charCodeAt(stem.length - 1);
  if (code < 0xac00 || code > 0xd7a3 || (code - 0xac00) % 28 !== 0) return undefined;
  return `${stem.slice(0, -1)}${String.fromCharCode(code + 4)}`;
}

/**
 * The key of a Korean dictionary form taken whole as a base (잡히다, 덜하다), when ko-dic reads some spoken
 * form of it as one token with that base (잡혔어요 = 잡혔/VV+EP, base 잡히다; 통증이 덜한 = 덜한/VA+ETM, base
 * 덜하다) while the form alone splits otherwise (잡/VV 히다/EC; 덜/MAG 하/VV 다/EC), so its own key never
 * meets them. Probes are stem + ending, alone and after a subject (것이 덜하고 reads 덜하/VA); a word of two
 * syllables stays as analysed (나다 = 나/NP 다: too short to tell a verb from a pronoun); undefined when
 * no probe gives the word as a base or the key is that base already.
 */
export function wholeBaseKey(word: string, key: readonly string[], tokenize: (text: string) => readonly Token[]): string[] | undefined {
  if (!word.endsWith('다') || word.length < 3 || /\s/u.test(word) || (key.length === 1 && key[0] === word)) return undefined;
  const stem = word.slice(0, -1);
  const forms = [...PROBE_ENDINGS.map((e) => `${stem}${e}`), withFinalN(stem)].filter((f): f is string => f !== undefined);
  for (const form of forms) {
    for (const probe of [form, `것이 ${form}`]) if (tokenize(probe).some((t) => t.base === word)) return [word];
  }
  return undefined;
}
