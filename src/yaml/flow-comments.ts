/**
 * Comments that swallow items of a flow collection. In YAML a `#` after a space starts a comment that runs to the end of
 * the line, also inside `[ … ]`: `good: [a, b,  # round 57  c, d]` keeps a and b and silently drops c and d (and the `]`,
 * so the list runs on into the next line). Such a comment is legal YAML, so nothing fails; `rules lint` warns about it.
 * Pure: reads the text with the yaml package's lexer (quotes and block scalars as YAML reads them), loaded on first use.
 */

export interface FlowComment {
  line: number;
  column: number;
  /** The comment as written, `#` included. */
  text: string;
}

/** A control token of the lexer (document, flow-scalar and scalar markers): not part of the source text. */
const isMarker = (t: string) => t.length === 1 && t.charCodeAt(0) < 0x20 && t !== '\n' && t !== '\t';

/**
 * Comments inside a flow collection, after other text on their line, that hold what looks like the collection's own
 * text: a closing `]` or `}`, or a trailing comma (an item list cut short). A comment on a line of its own, or one that
 * only notes something (`[a, b,  # round 57 (zhf)` with the items going on below), is left alone.
 */
export async function commentsInFlow(text: string): Promise<FlowComment[]> {
  const { CST, Lexer } = await import('yaml');
  const out: FlowComment[] = [];
  let depth = 0;
  let line = 1;
  let column = 1;
  let contentOnLine = false;
  let scalarNext = false;
  for (const tok of new Lexer().lex(text)) {
    if (isMarker(tok)) {
      scalarNext = tok === '\u001f';
      continue;
    }
    const type = scalarNext ? 'scalar' : CST.tokenType(tok);
    scalarNext = false;
    if (type === 'flow-seq-start' || type === 'flow-map-start') depth++;
    else if ((type === 'flow-seq-end' || type === 'flow-map-end') && depth > 0) depth--;
    else if (type === 'comment' && depth > 0 && contentOnLine && /[\]}]|,\s*$/u.test(tok)) out.push({ line, column, text: tok });
    if (type !== 'space' && type !== 'newline' && type !== 'comment') contentOnLine = true;
    // Where the next token starts.
    const breaks = tok.split('\n');
    if (breaks.length > 1) {
      line += breaks.length - 1;
      column = (breaks[breaks.length - 1] as string).length + 1;
      contentOnLine = false;
    } else column += tok.length;
  }
  return out;
}
