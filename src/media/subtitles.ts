/**
 * Subtitle tracks inside a container: choose one by its language tag, and extract a text track
 * (subrip, ass/ssa, mov_text, webvtt) as SRT through ffmpeg's stdout, parsed into a transcript
 * whose segments say they came from a subtitle track.
 */
import { languageFromTag, type Language, type Transcript } from '../transcript/model.js';
import { parseSrt } from '../transcript/srt.js';
import { inputArg, lastLines, locate, MediaError, runTool, type BinaryOptions } from './ffmpeg.js';
import type { SubtitleStreamInfo } from './probe.js';

/**
 * The text subtitle track to read: the one tagged with the wanted language (the default track
 * first), else — when no language was asked for — the default track, else the first one tagged
 * with a language we audit, else the first. Undefined when there is no text track, or none in
 * the language asked for.
 */
export function pickSubtitleTrack(tracks: readonly SubtitleStreamInfo[], lang: Language | 'auto'): SubtitleStreamInfo | undefined {
  const text = tracks.filter((t) => t.text);
  const tagged = (l: Language) => text.filter((t) => t.language !== null && languageFromTag(t.language) === l);
  const preferDefault = (ts: SubtitleStreamInfo[]) => ts.find((t) => t.default) ?? ts[0];
  if (lang !== 'auto') return preferDefault(tagged(lang));
  const known = text.filter((t) => t.language !== null && languageFromTag(t.language) !== undefined);
  return text.find((t) => t.default) ?? known[0] ?? text[0];
}

/** The ffmpeg arguments that write a subtitle stream to stdout as SRT. */
export function extractSubtitleArgs(file: string, streamIndex: number): string[] {
  return ['-nostdin', '-hide_banner', '-loglevel', 'error', '-i', inputArg(file), '-map', `0:${streamIndex}`, '-c:s', 'srt', '-f', 'srt', 'pipe:1'];
}

/** Read a text subtitle track as a transcript (segments marked `source: "subtitle"`). */
export async function extractSubtitles(
  file: string,
  track: SubtitleStreamInfo,
  opts: BinaryOptions & { signal?: AbortSignal } = {},
): Promise<Transcript> {
  const ffmpeg = locate('ffmpeg', opts).path;
  const r = await runTool(ffmpeg, extractSubtitleArgs(file, track.index), opts.signal ? { signal: opts.signal } : {});
  if (opts.signal?.aborted) throw new MediaError(`${file}: interrupted`);
  if (r.code !== 0) {
    const detail = lastLines(r.stderr.replaceAll(inputArg(file), 'input'), 2);
    throw new MediaError(`${file}: ffmpeg cannot read its subtitle track #${track.index} (${track.codec ?? 'unknown codec'})${detail ? `: ${detail}` : ''}`);
  }
  const label = `${file} (subtitle track #${track.index})`;
  const t = r.stdout.trim() ? parseSrt(r.stdout, label) : { segments: [] };
  const language = track.language ? languageFromTag(track.language) : undefined;
  return {
    ...t,
    ...(language ? { language } : {}),
    segments: t.segments.map((s) => {
      const { line: _line, ...rest } = s;
      return { ...rest, text: cleanCue(rest.text), source: 'subtitle' as const };
    }),
  };
}

/** Drop the markup ffmpeg leaves in SRT made from ASS or mov_text: {\an8}-style overrides and <font>/<i> tags. */
export function cleanCue(text: string): string {
  return text.replace(/\{\\[^}]*\}/g, '').replace(/<\/?(?:font|i|b|u|s)\b[^>]*>/gi, '').trim();
}
