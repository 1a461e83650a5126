/**
 * The languages livecomply audits. The lowest layer: every other folder may import it, it imports nothing.
 */
export const LANGUAGES = ['ja', 'zh', 'ko'] as const;
export type Language = (typeof LANGUAGES)[number];

/** What `--lang` and `lang:` accept: a language, or `auto` (detect it). */
export const LANGUAGE_CHOICES = [...LANGUAGES, 'auto'] as const;
export type LanguageChoice = (typeof LANGUAGE_CHOICES)[number];

export function isLanguage(v: unknown): v is Language {
  return (LANGUAGES as readonly unknown[]).includes(v);
}
