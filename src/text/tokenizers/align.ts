import type { Token } from '../tokenizer.js';

export interface RawToken {
  surface: string;
  base?: string;
  pos: string;
  reading?: string | undefined;
}

/**
 * Give analyser output UTF-16 offsets by finding each surface in order. Analysers report offsets
 * in bytes (MeCab) or code points (jieba) or not at all; searching is exact and uniform.
 * Surfaces that cannot be found (an analyser that rewrote its input) are dropped.
 */
export function alignTokens(text: string, raw: readonly RawToken[]): Token[] {
  const out: Token[] = [];
  let cursor = 0;
  for (const r of raw) {
    if (r.surface.length === 0 || /^\s+$/u.test(r.surface)) continue;
    const at = text.indexOf(r.surface, cursor);
    if (at < 0) continue;
    const base = r.base && r.base !== '*' ? r.base : r.surface;
    const token: Token = { surface: r.surface, base, pos: r.pos, start: at, end: at + r.surface.length };
    if (r.reading && r.reading !== '*') token.reading = r.reading;
    out.push(token);
    cursor = at + r.surface.length;
  }
  return out;
}
