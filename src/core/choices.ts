/**
 * The values of the run's settings that several layers name (the options table, the audit, the
 * checking engine): one list each, the type derived from it.
 */

/** Where a media file's spoken words come from (`--transcript`). */
export const TRANSCRIPT_CHOICES = ['auto', 'asr', 'sidecar', 'embedded'] as const;
export type TranscriptChoice = (typeof TRANSCRIPT_CHOICES)[number];

/** Whether to read the text shown on screen (`--screen`). */
export const SCREEN_CHOICES = ['on', 'off'] as const;
export type ScreenChoice = (typeof SCREEN_CHOICES)[number];

/** The language of finding messages (`--message-lang`): the transcript's own, or English. */
export const MESSAGE_LANGUAGES = ['local', 'en'] as const;
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];
