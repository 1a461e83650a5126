/** Spoken-language guess from the script of the text: Hangul → ko, kana → ja, Han only → zh. Pure. */
import type { Language } from '../transcript/model.js';

export function detectLanguage(text: string): Language | undefined {
  let hangul = 0;
  let kana = 0;
  let han = 0;
  for (const ch of text) {
    if (/\p{Script=Hangul}/u.test(ch)) hangul++;
    else if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(ch)) kana++;
    else if (/\p{Script=Han}/u.test(ch)) han++;
  }
  const total = hangul + kana + han;
  if (total === 0) return undefined;
  if (hangul >= kana && hangul >= han * 0.5 && hangul > 0) return 'ko';
  // Japanese writes kana in almost every sentence; a few kana in Chinese text are rare.
  if (kana > 0 && kana >= total * 0.05) return 'ja';
  if (han > 0) return 'zh';
  return kana > 0 ? 'ja' : undefined;
}
