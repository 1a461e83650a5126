/**
 * The contract's transcript JSON: `{ language?, segments: [{ start, end, text, words? }] }`.
 * Pure: the caller reads the file.
 *
 * Every error points at the offending value. Unknown members are ignored (the contract only
 * ever adds fields), so Whisper's own JSON output reads too; a word's text may be `text` or
 * Whisper's `word`. `start`/`end` may be null (or left out) on every segment for a transcript
 * without timing, but not on some segments only: half-timed findings would be misleading.
 */
import { LocatedJson, type JsonNode } from './json-located.js';
import { languageFromTag, type Language, type Segment, type Transcript, type Word } from './model.js';
import { quote } from './clock.js';

export function parseTranscriptJson(content: string, file: string): Transcript {
  const { root, json } = LocatedJson.parse(content, file);
  return new TranscriptReader(json).transcript(root);
}

function describe(node: JsonNode): string {
  switch (node.kind) {
    case 'object':
      return 'an object';
    case 'array':
      return 'an array';
    case 'string':
      return `the string ${quote(node.value)}`;
    case 'number':
    case 'boolean':
      return String(node.value);
    case 'null':
      return 'null';
  }
}

type Members = Map<string, JsonNode>;

class TranscriptReader {
  /** Whether the first segment had times; every other segment must agree. */
  private timed: boolean | undefined;

  constructor(private readonly json: LocatedJson) {}

  private fail(node: JsonNode, reason: string): never {
    throw this.json.error(node.at, reason);
  }

  transcript(root: JsonNode): Transcript {
    if (root.kind !== 'object') this.fail(root, `expected a JSON object like {"language": "ja", "segments": [...]}, found ${describe(root)}`);
    const segmentsNode = root.members.get('segments');
    if (!segmentsNode) this.fail(root, 'expected the top-level object to have a "segments" array');
    if (segmentsNode.kind !== 'array') this.fail(segmentsNode, `expected "segments" to be an array, found ${describe(segmentsNode)}`);
    const language = this.language(root.members.get('language'));
    const segments = segmentsNode.items.map((item, i) => this.segment(item, `segments[${i}]`));
    const t: Transcript = language ? { language, segments } : { segments };
    if (this.timed === false) t.untimed = true;
    return t;
  }

  private language(node: JsonNode | undefined): Language | undefined {
    if (!node || node.kind === 'null') return undefined;
    const expected = 'expected "language" to be "ja", "zh" or "ko" (or left out to detect it)';
    if (node.kind !== 'string') this.fail(node, `${expected}, found ${describe(node)}`);
    return languageFromTag(node.value) ?? this.fail(node, `${expected}, found ${describe(node)}`);
  }

  private segment(node: JsonNode, path: string): Segment {
    if (node.kind !== 'object') this.fail(node, `expected ${path} to be an object like {"start": 0, "end": 1.5, "text": "…"}, found ${describe(node)}`);
    const m = node.members;
    const textNode = m.get('text');
    if (!textNode) this.fail(node, `expected ${path} to have a "text" string`);
    const text = this.string(textNode, `${path}.text`);
    const line = this.json.lines.position(textNode.at).line;
    const times = this.times(node, m, path);
    if (!times) {
      const words = m.get('words');
      if (words && words.kind !== 'null') this.fail(words, `expected no "words" in ${path}, which has no "start" and "end"`);
      return { start: null, end: null, text, line };
    }
    const words = this.words(m.get('words'), path);
    return words ? { ...times, text, words, line } : { ...times, text, line };
  }

  /** The segment's start and end, or undefined when it has neither; checks timed/untimed agree. */
  private times(node: JsonNode, m: Members, path: string): { start: number; end: number } | undefined {
    const startNode = m.get('start');
    const endNode = m.get('end');
    const has = (n: JsonNode | undefined) => n !== undefined && n.kind !== 'null';
    const timed = has(startNode) || has(endNode);
    this.timed ??= timed;
    if (timed !== this.timed) {
      const where = (timed ? startNode : (startNode ?? endNode)) ?? node;
      const reason = timed
        ? `expected ${path} to have no "start" and "end" like the segments before it: a transcript is timed throughout or not at all`
        : `expected ${path} to have "start" and "end" like the segments before it: a transcript is timed throughout or not at all`;
      this.fail(where, reason);
    }
    if (!timed) return undefined;
    return this.span(node, startNode, endNode, path);
  }

  private span(owner: JsonNode, startNode: JsonNode | undefined, endNode: JsonNode | undefined, path: string): { start: number; end: number } {
    if (!startNode || startNode.kind === 'null') this.fail(startNode ?? owner, `expected ${path} to have a "start" time in seconds, since it has an "end"`);
    if (!endNode || endNode.kind === 'null') this.fail(endNode ?? owner, `expected ${path} to have an "end" time in seconds, since it has a "start"`);
    const start = this.seconds(startNode, `${path}.start`);
    const end = this.seconds(endNode, `${path}.end`);
    if (end < start) this.fail(endNode, `expected ${path}.end (${end}) to be at or after its start (${start})`);
    return { start, end };
  }

  private words(node: JsonNode | undefined, path: string): Word[] | undefined {
    if (!node || node.kind === 'null') return undefined;
    if (node.kind !== 'array') this.fail(node, `expected ${path}.words to be an array, found ${describe(node)}`);
    return node.items.map((item, i) => this.word(item, `${path}.words[${i}]`));
  }

  private word(node: JsonNode, path: string): Word {
    if (node.kind !== 'object') this.fail(node, `expected ${path} to be an object like {"start": 0, "end": 0.4, "text": "…"}, found ${describe(node)}`);
    const m = node.members;
    const textNode = m.get('text') ?? m.get('word');
    if (!textNode) this.fail(node, `expected ${path} to have a "text" string`);
    const text = this.string(textNode, `${path}.${m.has('text') ? 'text' : 'word'}`);
    return { ...this.span(node, m.get('start'), m.get('end'), path), text };
  }

  private string(node: JsonNode, path: string): string {
    if (node.kind !== 'string') this.fail(node, `expected ${path} to be a string, found ${describe(node)}`);
    return node.value;
  }

  private seconds(node: JsonNode, path: string): number {
    if (node.kind !== 'number') this.fail(node, `expected ${path} to be a number of seconds, found ${describe(node)}`);
    if (!Number.isFinite(node.value) || node.value < 0) this.fail(node, `expected ${path} to be a number of seconds, 0 or more, found ${describe(node)}`);
    return node.value;
  }
}
