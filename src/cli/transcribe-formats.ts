/** `transcribe --format` choices, apart from the command (which loads the speech pipeline). */
export type TranscribeFormat = 'srt' | 'vtt' | 'json';
export const TRANSCRIBE_FORMATS: readonly TranscribeFormat[] = ['srt', 'vtt', 'json'];
