/** What a check is told beyond the transcript, and the message it writes in the language asked for. Pure. */
import type { Language } from '../transcript/model.js';
import type { MessageLanguage } from '../core/choices.js';
import type { LocalizedMessage, ProductCategory } from './model.js';

export interface CheckOptions {
  /** Message language: the audit's language (default) or English. */
  messageLanguage?: MessageLanguage;
  /**
   * Whether the picture was read (its words are segments with `source: "screen"`). When it was not
   * (a transcript file, audio, --screen off), a disclosure required `channel: shown` counts what was
   * said: "never shown" cannot be told without the picture. Default: whether any segment came from
   * the screen.
   */
  screenRead?: boolean;
  /**
   * The manifest declares the stream sponsored (paid or gifted). Rules with `onlyWhen: sponsored`
   * report only then (`rules test` runs their examples as sponsored), and every ad disclosure is
   * owed whatever is said (a required ad disclosure's `when` counts as met).
   */
  sponsored?: boolean;
  /**
   * The product categories a manifest declares. Rules with `onlyWhen: declared` report only when
   * one of their `products` is among them (the manifest stage then keeps only findings about a
   * product of that category); `rules test` runs their examples with every category declared.
   */
  declared?: readonly ProductCategory[];
}

export function messageFor(m: LocalizedMessage, language: Language, opts: CheckOptions): string {
  return opts.messageLanguage === 'en' ? m.en : (m[language] ?? m.en);
}
