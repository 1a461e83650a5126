/**
 * A JSON parser that remembers where every value starts, so validation errors can point at the
 * offending value (`file:line:col`) and syntax errors get a line and column on every Node
 * version (JSON.parse's messages differ between releases). Accepts exactly RFC 8259 JSON, plus a
 * leading BOM. Pure.
 */
import { quote } from './clock.js';
import { TranscriptParseError } from './model.js';
import { LineIndex } from './text.js';

export type JsonNode =
  | { kind: 'object'; at: number; members: Map<string, JsonNode> }
  | { kind: 'array'; at: number; items: JsonNode[] }
  | { kind: 'string'; at: number; value: string }
  | { kind: 'number'; at: number; value: number }
  | { kind: 'boolean'; at: number; value: boolean }
  | { kind: 'null'; at: number };

/** Far deeper than any transcript; stops hostile input from overflowing the stack. */
const MAX_DEPTH = 512;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const PLAIN_STRING_RUN = /[^"\\\u0000-\u001f]*/y;
const ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

export class LocatedJson {
  readonly lines: LineIndex;
  private pos = 0;

  private constructor(
    readonly text: string,
    readonly file: string,
  ) {
    this.lines = new LineIndex(text);
  }

  /** Parse `content` (BOM allowed); the root node and a way to turn offsets into errors. */
  static parse(content: string, file: string): { root: JsonNode; json: LocatedJson } {
    const json = new LocatedJson(content.charCodeAt(0) === 0xfeff ? content.slice(1) : content, file);
    json.skipSpace();
    const root = json.value(0);
    json.skipSpace();
    if (json.pos < json.text.length) json.fail(json.pos, `expected the end of the file after the JSON value, found ${json.found()}`);
    return { root, json };
  }

  /** A TranscriptParseError at a 0-based offset of the text. */
  error(offset: number, reason: string): TranscriptParseError {
    const { line, column } = this.lines.position(offset);
    return new TranscriptParseError(this.file, line, column, reason);
  }

  private fail(offset: number, reason: string): never {
    throw this.error(offset, reason);
  }

  private found(): string {
    if (this.pos >= this.text.length) return 'the end of the file';
    const c = this.text.codePointAt(this.pos) ?? 0;
    return quote(String.fromCodePoint(c));
  }

  private skipSpace(): void {
    while (this.pos < this.text.length) {
      const c = this.text.charCodeAt(this.pos);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return;
      this.pos++;
    }
  }

  private value(depth: number): JsonNode {
    if (depth > MAX_DEPTH) this.fail(this.pos, `expected at most ${MAX_DEPTH} levels of nested arrays and objects`);
    const at = this.pos;
    const c = this.text[at];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') return { kind: 'string', at, value: this.string() };
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    for (const [word, node] of [['true', { kind: 'boolean', at, value: true }], ['false', { kind: 'boolean', at, value: false }], ['null', { kind: 'null', at }]] as const) {
      if (this.text.startsWith(word, at)) {
        this.pos += word.length;
        return node;
      }
    }
    return this.fail(at, `expected a JSON value (an object, array, string, number, true, false or null), found ${this.found()}`);
  }

  private object(depth: number): JsonNode {
    const at = this.pos++;
    const members = new Map<string, JsonNode>();
    this.skipSpace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return { kind: 'object', at, members };
    }
    for (;;) {
      if (this.text[this.pos] !== '"') this.fail(this.pos, `expected a member name in double quotes, found ${this.found()}`);
      const key = this.string();
      this.skipSpace();
      if (this.text[this.pos] !== ':') this.fail(this.pos, `expected ":" after the member name ${quote(key)}, found ${this.found()}`);
      this.pos++;
      this.skipSpace();
      members.set(key, this.value(depth + 1));
      this.skipSpace();
      const next = this.text[this.pos];
      this.pos++;
      if (next === '}') return { kind: 'object', at, members };
      if (next !== ',') this.fail(this.pos - 1, `expected "," or "}" after an object member, found ${this.foundAt(this.pos - 1)}`);
      this.skipSpace();
      this.noTrailingComma('}');
    }
  }

  private array(depth: number): JsonNode {
    const at = this.pos++;
    const items: JsonNode[] = [];
    this.skipSpace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return { kind: 'array', at, items };
    }
    for (;;) {
      items.push(this.value(depth + 1));
      this.skipSpace();
      const next = this.text[this.pos];
      this.pos++;
      if (next === ']') return { kind: 'array', at, items };
      if (next !== ',') this.fail(this.pos - 1, `expected "," or "]" after an array element, found ${this.foundAt(this.pos - 1)}`);
      this.skipSpace();
      this.noTrailingComma(']');
    }
  }

  private noTrailingComma(close: '}' | ']'): void {
    if (this.text[this.pos] === close) this.fail(this.pos, `expected another ${close === ']' ? 'element' : 'member'} after "," (JSON allows no comma before "${close}")`);
  }

  private foundAt(offset: number): string {
    const saved = this.pos;
    this.pos = offset;
    const f = this.found();
    this.pos = saved;
    return f;
  }

  private string(): string {
    const start = this.pos++;
    let out = '';
    for (;;) {
      PLAIN_STRING_RUN.lastIndex = this.pos;
      PLAIN_STRING_RUN.exec(this.text);
      out += this.text.slice(this.pos, PLAIN_STRING_RUN.lastIndex);
      this.pos = PLAIN_STRING_RUN.lastIndex;
      const c = this.text[this.pos];
      if (c === undefined) return this.fail(start, 'expected a closing double quote for this string before the end of the file');
      if (c === '"') {
        this.pos++;
        return out;
      }
      if (c === '\\') out += this.escape();
      else if (c === '\n' || c === '\r') this.fail(this.pos, 'expected a double quote to close the string before the line break (a line break inside a string is written \\n)');
      else this.fail(this.pos, 'expected a control character in a string to be escaped (\\n, \\t, \\u0000…)');
    }
  }

  private escape(): string {
    const at = this.pos;
    const e = this.text[at + 1];
    if (e === 'u') {
      const hex = this.text.slice(at + 2, at + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail(at, 'expected four hexadecimal digits after \\u');
      this.pos = at + 6;
      return String.fromCharCode(parseInt(hex, 16));
    }
    const simple = e === undefined ? undefined : ESCAPES[e];
    if (simple === undefined) this.fail(at, `expected an escape such as \\n, \\" or \\u00e9, found ${quote(`\\${e ?? ''}`)}`);
    this.pos = at + 2;
    return simple;
  }

  private number(): JsonNode {
    const at = this.pos;
    NUMBER.lastIndex = at;
    const m = NUMBER.exec(this.text);
    if (!m) return this.fail(at, `expected a number, found ${this.found()}`);
    this.pos = NUMBER.lastIndex;
    return { kind: 'number', at, value: Number(m[0]) };
  }
}
