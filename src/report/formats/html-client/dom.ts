/** Building the page's elements: text goes in as text nodes only, never as markup. */
type Kid = Node | string | number | null | undefined | false | Kid[];
type Prop = string | number | boolean | null | undefined | Record<string, string> | ((e: Event) => void);

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props?: Record<string, Prop>, ...kids: Kid[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = String(v);
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else if (typeof v === 'function') e.addEventListener(k, v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const kid of (kids as unknown[]).flat(Infinity as 1)) {
    if (kid !== null && kid !== undefined && kid !== false) e.append(kid instanceof Node ? kid : String(kid));
  }
  return e;
}

/** Every occurrence of any of the words marked, the longest word winning where several start at one place. */
export function highlightAll(text: string, words: readonly string[]): (string | HTMLElement)[] {
  const ws = [...new Set(words.filter(Boolean))].sort((a, b) => b.length - a.length);
  if (!ws.length) return [text];
  const out: (string | HTMLElement)[] = [];
  for (let i = 0; i < text.length; ) {
    let at = -1;
    let w = '';
    for (const x of ws) {
      const j = text.indexOf(x, i);
      if (j >= 0 && (at < 0 || j < at)) {
        at = j;
        w = x;
      }
    }
    if (at < 0) {
      out.push(text.slice(i));
      break;
    }
    if (at > i) out.push(text.slice(i, at));
    out.push(el('mark', {}, w));
    i = at + w.length;
  }
  return out;
}

/** The first occurrence of `text` in `context` marked. */
export function highlightOne(context: string, text: string): (string | HTMLElement)[] {
  const i = text ? context.indexOf(text) : -1;
  if (i < 0) return [context];
  return [context.slice(0, i), el('mark', {}, text), context.slice(i + text.length)];
}
