/** The transcript formats: the ones read and written, and the ones `transcribe` writes. */
export const TRANSCRIPT_FORMATS = ['srt', 'vtt', 'json', 'txt'] as const;
export type TranscriptFormat = (typeof TRANSCRIPT_FORMATS)[number];

/** What `livecomply transcribe --format` writes (a timed format: plain text would drop the end times). */
export const TRANSCRIBE_FORMATS = ['srt', 'vtt', 'json'] as const satisfies readonly TranscriptFormat[];
export type TranscribeFormat = (typeof TRANSCRIBE_FORMATS)[number];
