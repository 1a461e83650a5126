/**
 * A small, strict XML 1.0 well-formedness checker and parser for the tests (no DTDs): elements,
 * attributes, character data, the five predefined entities and character references, comments,
 * CDATA and an XML declaration. Throws with the offset on anything not well-formed.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: (XmlElement | string)[];
}

const NAME_START = /[:A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD]/;
const NAME_CHAR = /[-.0-9:A-Z_a-z\u00B7\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u037D\u037F-\u1FFF\u200C-\u200D\u203F-\u2040\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD]/;

function isXmlChar(c: number): boolean {
  return c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
}

export class XmlError extends Error {}

export function parseXml(input: string): XmlElement {
  // Every character must be an XML 1.0 Char (lone surrogates are not).
  for (let i = 0; i < input.length; i++) {
    const c = input.codePointAt(i)!;
    if (c >= 0xd800 && c <= 0xdfff) throw new XmlError(`lone surrogate at ${i}`);
    if (!isXmlChar(c)) throw new XmlError(`character U+${c.toString(16).padStart(4, '0')} not allowed in XML 1.0 at ${i}`);
    if (c > 0xffff) i++;
  }
  const s = input.replace(/\r\n?/g, '\n');
  let i = 0;
  const fail = (why: string): never => {
    throw new XmlError(`${why} at ${i}: ${JSON.stringify(s.slice(i, i + 30))}`);
  };
  const skipSpace = () => {
    while (i < s.length && /[ \t\n]/.test(s[i]!)) i++;
  };
  const name = (): string => {
    const start = i;
    if (!NAME_START.test(s[i] ?? '')) fail('expected a name');
    i++;
    while (i < s.length && NAME_CHAR.test(s[i]!)) i++;
    return s.slice(start, i);
  };
  const reference = (): string => {
    // at '&'
    const end = s.indexOf(';', i);
    if (end < 0) fail('unterminated reference');
    const ref = s.slice(i + 1, end);
    let out: string;
    if (ref === 'lt') out = '<';
    else if (ref === 'gt') out = '>';
    else if (ref === 'amp') out = '&';
    else if (ref === 'quot') out = '"';
    else if (ref === 'apos') out = "'";
    else if (/^#[0-9]+$/.test(ref) || /^#x[0-9a-fA-F]+$/.test(ref)) {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!isXmlChar(code) || (code >= 0xd800 && code <= 0xdfff)) fail(`character reference to a non-character ${ref}`);
      out = String.fromCodePoint(code);
    } else out = fail(`unknown entity &${ref};`);
    i = end + 1;
    return out;
  };
  const misc = () => {
    for (;;) {
      skipSpace();
      if (s.startsWith('<!--', i)) comment();
      else if (s.startsWith('<?', i)) pi();
      else return;
    }
  };
  const comment = () => {
    const end = s.indexOf('-->', i + 4);
    if (end < 0) fail('unterminated comment');
    if (s.slice(i + 4, end).includes('--')) fail('"--" inside a comment');
    i = end + 3;
  };
  const pi = () => {
    const end = s.indexOf('?>', i + 2);
    if (end < 0) fail('unterminated processing instruction');
    i = end + 2;
  };
  const element = (): XmlElement => {
    if (s[i] !== '<') fail('expected <');
    i++;
    const el: XmlElement = { name: name(), attrs: {}, children: [] };
    for (;;) {
      const hadSpace = /[ \t\n]/.test(s[i] ?? '');
      skipSpace();
      if (s.startsWith('/>', i)) {
        i += 2;
        return el;
      }
      if (s[i] === '>') {
        i++;
        break;
      }
      if (!hadSpace) fail('expected space before an attribute');
      const an = name();
      skipSpace();
      if (s[i] !== '=') fail('expected =');
      i++;
      skipSpace();
      const q = s[i];
      if (q !== '"' && q !== "'") fail('expected a quoted attribute value');
      i++;
      let v = '';
      while (s[i] !== q) {
        if (i >= s.length) fail('unterminated attribute value');
        const ch = s[i]!;
        if (ch === '<') fail('< in an attribute value');
        if (ch === '&') v += reference();
        else {
          v += /[\t\n]/.test(ch) ? ' ' : ch; // attribute-value normalisation
          i++;
        }
      }
      i++;
      if (an in el.attrs) fail(`duplicate attribute ${an}`);
      el.attrs[an] = v;
    }
    let text = '';
    const flush = () => {
      if (text) el.children.push(text);
      text = '';
    };
    for (;;) {
      if (i >= s.length) fail(`unclosed <${el.name}>`);
      if (s.startsWith('</', i)) {
        i += 2;
        const close = name();
        if (close !== el.name) fail(`</${close}> closes <${el.name}>`);
        skipSpace();
        if (s[i] !== '>') fail('expected >');
        i++;
        flush();
        return el;
      }
      if (s.startsWith('<!--', i)) comment();
      else if (s.startsWith('<![CDATA[', i)) {
        const end = s.indexOf(']]>', i);
        if (end < 0) fail('unterminated CDATA');
        text += s.slice(i + 9, end);
        i = end + 3;
      } else if (s.startsWith('<?', i)) pi();
      else if (s[i] === '<') {
        flush();
        el.children.push(element());
      } else if (s[i] === '&') text += reference();
      else {
        if (s.startsWith(']]>', i)) fail(']]> in character data');
        text += s[i];
        i++;
      }
    }
  };
  if (s.startsWith('\uFEFF')) i++;
  if (s.startsWith('<?xml', i)) pi();
  misc();
  const root = element();
  misc();
  if (i !== s.length) fail('content after the root element');
  return root;
}

/** All descendant elements with this name, in document order. */
export function findAll(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (c.name === name) out.push(c);
    out.push(...findAll(c, name));
  }
  return out;
}

/** The text inside an element (its descendants' text joined). */
export function textOf(el: XmlElement): string {
  return el.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}
