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

/** Script characters of one piece of text. */
interface Counts {
  hangul: number;
  kana: number;
  han: number;
}

const HANGUL = /\p{Script=Hangul}/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HAN = /\p{Script=Han}/u;

function countScripts(text: string): Counts {
  const c: Counts = { hangul: 0, kana: 0, han: 0 };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // ASCII and Latin (most of a line's punctuation, digits and spaces) cannot be any of the three.
    if (code < 0x1100) continue;
    // The blocks that make up most CJK text, whole in one script (no unassigned or Common code
    // points inside these spans), are counted without a Unicode-property test.
    if (code >= 0xac00 && code <= 0xd7a3) {
      c.hangul++;
      continue;
    }
    if ((code >= 0x3041 && code <= 0x3096) || (code >= 0x30a1 && code <= 0x30fa)) {
      c.kana++;
      continue;
    }
    if (code >= 0x4e00 && code <= 0x9fff) {
      c.han++;
      continue;
    }
    const isPair = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length;
    const ch = isPair ? text.slice(i, i + 2) : text[i] as string;
    if (isPair) i++;
    if (HANGUL.test(ch)) c.hangul++;
    else if (KANA.test(ch)) c.kana++;
    else if (HAN.test(ch)) c.han++;
  }
  return c;
}

/** What the script of one line says: a language, "han" (Chinese characters only: Chinese or Japanese), or nothing. */
export function lineScript(text: string): Language | 'han' | undefined {
  return scriptOf(countScripts(text));
}

function scriptOf(c: Counts): Language | 'han' | undefined {
  const total = c.hangul + c.kana + c.han;
  if (total === 0) return undefined;
  if (c.hangul > 0 && c.hangul >= c.kana && c.hangul >= c.han * 0.5) return 'ko';
  if (c.kana > 0 && c.kana >= total * 0.05) return 'ja';
  return c.han > 0 ? 'han' : 'ja';
}

const LANGUAGE_NAMES: Record<Language, string> = { ja: 'Japanese', zh: 'Chinese', ko: 'Korean' };

export function languageName(l: Language): string {
  return LANGUAGE_NAMES[l];
}

/** Where a declared language came from, for the warning (`--lang`, the configuration, the transcript). */
export interface Declared {
  language: Language;
  by: string;
}

export interface LanguagePlan {
  /** The file's language: the declared one, unless its text is plainly written in another. */
  primary: Language;
  /** The rules each segment is checked with (index = segment index). */
  perSegment: Language[];
  /** Every language used, primary first. */
  languages: Language[];
  /** Said when the declared language and the script disagree. */
  warning?: string;
}

/** Below this many script characters a language is not "plainly" there. */
const PLAIN = 8;

/**
 * Which rules each segment gets. A line in Hangul is Korean and a line with kana is Japanese,
 * whatever was declared; a line of Chinese characters only is the declared language when that is
 * Chinese or Japanese, else Japanese when the file has Japanese lines, else Chinese; a line with
 * no CJK text follows the file. When the declared language has (almost) none of the text and
 * another has it plainly, the file's language is that other one and a warning says so. Pure.
 */
export function planLanguages(texts: readonly string[], declared: Declared | undefined): LanguagePlan | undefined {
  const counts = texts.map(countScripts);
  const scripts = counts.map(scriptOf);
  const weights = counts.map((c) => c.hangul + c.kana + c.han);
  const byScript: Language = scripts.includes('ja') ? 'ja' : 'zh';
  const resolve = (hanAs: Language) => {
    const resolved = scripts.map((s) => (s === 'han' ? hanAs : s));
    const weight: Record<Language, number> = { ja: 0, zh: 0, ko: 0 };
    resolved.forEach((l, i) => {
      if (l) weight[l] += weights[i] ?? 0;
    });
    const ranked = (['ja', 'zh', 'ko'] as const).filter((l) => weight[l] > 0).sort((a, b) => weight[b] - weight[a]);
    return { resolved, weight, ranked };
  };
  let { resolved, weight, ranked } = resolve(declared && declared.language !== 'ko' ? declared.language : byScript);
  const dominant = ranked[0];
  if (!dominant) {
    if (!declared) return undefined;
    return { primary: declared.language, perSegment: texts.map(() => declared.language), languages: [declared.language] };
  }
  let primary: Language = declared?.language ?? dominant;
  let warning: string | undefined;
  if (declared && dominant !== declared.language && weight[dominant] >= PLAIN && weight[dominant] >= 2 * weight[declared.language]) {
    // The declaration is wrong: lines of Chinese characters only go by the script of the file.
    ({ resolved, weight, ranked } = resolve(byScript));
    primary = ranked[0] ?? dominant;
    const share = Math.round((100 * weight[primary]) / ranked.reduce((s, l) => s + weight[l], 0));
    warning =
      `${declared.by} says ${declared.language} (${languageName(declared.language)}), but ${share}% of the text is written in ${languageName(primary)}: ` +
      `checked as ${primary}, each line with the rules of the language it is written in`;
  }
  const perSegment = resolved.map((l) => l ?? primary);
  const languages = [primary, ...ranked.filter((l) => l !== primary && perSegment.includes(l))];
  const plan: LanguagePlan = { primary, perSegment, languages };
  if (warning) plan.warning = warning;
  return plan;
}
