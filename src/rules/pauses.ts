/**
 * What a word step of a sequence may step over between two words: a subject, object or topic particle
 * (Korean), a pause comma. Pure.
 */
import type { Step } from './compile.js';
import type { Lattice } from './lattice.js';
import { isPauseComma } from '../text/tokenizer.js';

/** The topic particles (JX) that are skipped; 만 and 까지 narrow a claim and are not. */
const TOPIC = new Set(['은', '는', '도']);

/**
 * Korean case and topic particles (ko-dic JKS 이/가, JKO 을/를, JX 은/는/도) are transparent between
 * two words of a matcher: [뾰루지, 개선] also matches 뾰루지를 개선해 줘요, as a rule writer listing 뾰루지를,
 * 뾰루지가 … by hand meant. Only before a word step (not a lookahead, number or gap), and the
 * particle is never the end of a match. No other language's tagger uses these tags.
 */
export function skipsParticle(next: Step | undefined, t: { pos: string; surface: string } | undefined): boolean {
  return next !== undefined && next.kind === 'atom' && t !== undefined && (t.pos === 'JKS' || t.pos === 'JKO' || (t.pos === 'JX' && TOPIC.has(t.surface)));
}


/**
 * Whether token `t` is a pause comma (, 、 and ，, which NFKC makes ,) that the next word step may
 * step over: speech recognition writes one wherever the host breathes (一吃，就好; がん細胞が、消える;
 * 당뇨에, 좋은 차), so a claim's words are still next to each other across it. A gap crosses one only
 * where `breathAfter` says it is a breath (Japanese and Korean).
 */
export function skipsPause(L: Lattice, next: Step | undefined, at: number): boolean {
  if (next === undefined || !(next.kind === 'atom' || next.kind === 'pos' || next.kind === 'number') || !isPauseComma(L.a.tokens[at])) return false;
  // In Chinese a comma more often starts a new clause with its own topic (有效，过敏体质先试用): only a word that
  // carries the clause on (一吃，就好; 三个月，就有变化) joins it to the words before.
  return !L.chinese || CARRIES_ON.has(L.a.tokens[at + 1]?.surface ?? '');
}

/**
 * Whether a comma after token `t` is a breath inside a clause, not a list or a new topic: it follows a
 * case or topic particle or a connective (がん細胞が、消える; 飲んで、痩せる; 당뇨에, 좋은; 먹으면, 빠져요).
 * Not after a noun (診断、治療; 여덟 시간, 지속력) nor a sentence-final particle (アイドルがね、).
 */
export function breathAfter(t: { pos: string } | undefined): boolean {
  if (!t) return false;
  if (t.pos.startsWith('助詞')) return !t.pos.includes('終助詞');
  return /^(?:JK|JX|EC)/.test(t.pos);
}

/**
 * Whether token `p` is a pause comma a Japanese or Korean clause breathes across (it follows a particle or a
 * connective): a `not` step reads past it as a word step does (効果を、うたうのは is 効果をうたうのは), and a `notAfter`
 * before it. Not in Chinese, where a comma more often starts a clause of its own.
 */
export function breathComma(L: Lattice, p: number): boolean {
  return !L.chinese && p > 0 && isPauseComma(L.a.tokens[p]) && breathAfter(L.a.tokens[p - 1]);
}

/** The tokens that are a breath comma (`breathComma`), in order; never the first or the last token. */
export function breathCommas(L: Lattice): number[] {
  const out: number[] = [];
  for (let i = 1; i + 1 < L.a.tokens.length; i++) if (breathComma(L, i)) out.push(i);
  return out;
}

/** Chinese words after a pause comma that go on with the clause before it: the result of a condition. */
const CARRIES_ON = new Set(['就', '都', '也', '还', '才', '便', '马上', '立马', '立刻', '直接', '一下子', '能', '可以', '会', '就能', '就会', '就可以']);

