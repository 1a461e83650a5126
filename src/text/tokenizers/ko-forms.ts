/**
 * Korean tokens mended after MeCab: forms ko-dic reads as another word than the one said. Pure.
 */
import type { Token } from '../tokenizer.js';

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
