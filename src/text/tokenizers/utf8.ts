/**
 * UTF-8 into a reused buffer, with the UTF-16 offset of every byte that starts a character: a
 * byte-level lattice (./mecab.ts) reads its words' surfaces back as slices of the text, without a
 * TextDecoder call per word or a new byte array per text. Pure.
 */

export class Utf8Text {
  /** The encoded bytes: valid up to `length`. */
  bytes = new Uint8Array(256);
  length = 0;
  /** Per byte that starts a character (and at `length`): its offset in the text. */
  charAt = new Int32Array(257);
  /** Whether the text held a lone surrogate (encoded as U+FFFD, so slices of the text do not match the bytes). */
  lossy = false;

  /** Encodes `text` as TextEncoder does (a lone surrogate as U+FFFD). */
  encode(text: string): void {
    if (this.bytes.length < text.length * 3) {
      this.bytes = new Uint8Array(text.length * 3 + 16);
      this.charAt = new Int32Array(text.length * 3 + 17);
    }
    const b = this.bytes;
    const at = this.charAt;
    let n = 0;
    this.lossy = false;
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      at[n] = i;
      if (c < 0x80) {
        b[n++] = c;
        continue;
      }
      if (c < 0x800) {
        b[n++] = 0xc0 | (c >> 6);
        b[n++] = 0x80 | (c & 0x3f);
        continue;
      }
      if (c >= 0xd800 && c <= 0xdfff) {
        const d = c <= 0xdbff && i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
        if (d >= 0xdc00 && d <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          i++;
          b[n++] = 0xf0 | (c >> 18);
          b[n++] = 0x80 | ((c >> 12) & 0x3f);
          b[n++] = 0x80 | ((c >> 6) & 0x3f);
          b[n++] = 0x80 | (c & 0x3f);
          continue;
        }
        this.lossy = true;
        c = 0xfffd;
      }
      b[n++] = 0xe0 | (c >> 12);
      b[n++] = 0x80 | ((c >> 6) & 0x3f);
      b[n++] = 0x80 | (c & 0x3f);
    }
    at[n] = text.length;
    this.length = n;
  }
}

