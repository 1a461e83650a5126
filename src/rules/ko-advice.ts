/**
 * Korean everyday advice: an effect named as what a tip is for (키 크는 비결은 잠이랑 운동이에요), with no goods in the
 * sentence. Pure.
 */
import type { Token } from '../text/tokenizer.js';

/** Nouns of a tip or a way (the secret, the way, the knack, the habit) an effect can be the aim of. */
const ADVICE = new Set(['비결', '비법', '방법', '요령', '노하우', '팁', '습관', '지름길']);
/** Topic and subject particles after the tip (비결은, 방법이). */
const TOPIC = new Set(['은', '는', '이', '가']);
/** Demonstratives that point at the goods (이 젤리, 요 제품, 그 영양제). */
const POINTING = new Set(['이', '요', '그', '저']);
/** Nouns that name the goods themselves. */
const GOODS = new Set(['제품', '상품', '저희']);

/** Whether a token points at goods: a pronoun (이거, 이게, 얘), a demonstrative, 제품 or 저희. */
function pointsAtGoods(t: Token): boolean {
  return t.pos.startsWith('NP') || (t.pos.startsWith('MM') && POINTING.has(t.surface)) || GOODS.has(t.surface);
}

/**
 * Whether a match ending at `matchEnd` is an effect said as what a tip is for, in a sentence that names no goods:
 * the match ends in a modifier (키 크는, 살 빠지는) of a tip noun that is the topic or subject (비결은, 방법이), and
 * no word of the sentence points at the goods (이거, 이 젤리, 저희 제품). "키 크는 비결은 잠이랑 운동이에요" is
 * advice anyone may give; "키 크는 비결은 바로 이 젤리예요" sells the jelly.
 */
export function adviceWithoutGoods(tokens: readonly Token[], matchEnd: number): boolean {
  let i = tokens.findIndex((t) => t.end === matchEnd);
  if (i < 0) return false;
  // A match may end at the stem (살 빠지|는): its endings follow, written against it.
  while (tokens[i + 1]?.pos.startsWith('E') && (tokens[i + 1] as Token).start === (tokens[i] as Token).end) i++;
  const last = tokens[i];
  const noun = tokens[i + 1];
  const particle = tokens[i + 2];
  if (!last || !noun || !particle || !/(?:^|\+)ETM$/u.test(last.pos) || !ADVICE.has(noun.surface) || !TOPIC.has(particle.surface) || !particle.pos.startsWith('J')) return false;
  let from = i;
  while (from > 0 && !(tokens[from - 1] as Token).pos.startsWith('SF')) from--;
  for (let k = from; k < tokens.length && !(tokens[k] as Token).pos.startsWith('SF'); k++) if (pointsAtGoods(tokens[k] as Token)) return false;
  return true;
}
