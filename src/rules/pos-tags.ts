/**
 * The parts of speech each language's analyser gives a token, so a rule's tag (`{pos: NNP}`, a cue word `이@MM`) can
 * be checked: a tag no token ever carries matches nothing, silently. Tags match a token's part of speech by prefix
 * (`N` is every Korean noun, `名詞` every Japanese one). Pure.
 */
import type { Language } from '../transcript/model.js';

/** mecab-ko-dic's tags (NA and UNA for a few of its entries), and UNK for a word it does not know (an unknown Latin word, number or Hanja keeps its class: SL, SN, SH). A token of a compound or inflection joins its parts' tags with `+` (VV+EC). */
const KO_TAGS = [
  'NNG', 'NNP', 'NNB', 'NNBC', 'NR', 'NP', 'VV', 'VA', 'VX', 'VCP', 'VCN', 'MM', 'MAG', 'MAJ', 'IC',
  'JKS', 'JKC', 'JKG', 'JKO', 'JKB', 'JKV', 'JKQ', 'JX', 'JC', 'EP', 'EF', 'EC', 'ETN', 'ETM',
  'XPN', 'XSN', 'XSV', 'XSA', 'XR', 'SF', 'SE', 'SSO', 'SSC', 'SC', 'SY', 'SL', 'SH', 'SN', 'NA', 'UNA', 'UNK',
] as const;

/** IPADIC's parts of speech as the Japanese analyser writes them: the part and its first subdivision (名詞-固有名詞), never a second one. */
const JA_TAGS = [
  ...['一般', '固有名詞', '代名詞', '副詞可能', 'サ変接続', '形容動詞語幹', '数', '非自立', '特殊', '接尾', '接続詞的', '動詞非自立的', '引用文字列', 'ナイ形容詞語幹'].map((d) => `名詞-${d}`),
  ...['自立', '非自立', '接尾'].flatMap((d) => [`動詞-${d}`, `形容詞-${d}`]),
  '副詞-一般', '副詞-助詞類接続',
  ...['格助詞', '係助詞', '副助詞', '接続助詞', '終助詞', '並立助詞', '連体化', '副詞化', '副助詞／並立助詞／終助詞', '特殊'].map((d) => `助詞-${d}`),
  ...['一般', '句点', '読点', '空白', '括弧開', '括弧閉', 'アルファベット'].map((d) => `記号-${d}`),
  ...['名詞接続', '動詞接続', '形容詞接続', '数接続'].map((d) => `接頭詞-${d}`),
  '連体詞', '接続詞', '助動詞', '感動詞', 'フィラー', 'その他-間投',
];

/** jieba's tags (its dictionary's, eng for a Latin word, x for anything else it does not know). */
const ZH_TAGS = [
  'a', 'ad', 'ag', 'an', 'b', 'c', 'd', 'df', 'dg', 'e', 'eng', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'mg', 'mq',
  'n', 'ng', 'nr', 'nrfg', 'nrt', 'ns', 'nt', 'nz', 'o', 'p', 'q', 'r', 'rg', 'rr', 'rz', 's', 't', 'tg',
  'u', 'ud', 'ug', 'uj', 'ul', 'uv', 'uz', 'v', 'vd', 'vg', 'vi', 'vn', 'vq', 'x', 'y', 'z', 'zg',
] as const;

const TAGS: Record<Language, readonly string[]> = { ko: KO_TAGS, ja: JA_TAGS, zh: ZH_TAGS };

/** The tags the language's analyser gives, as a rule may write them in full. */
export function analyserTags(language: Language): readonly string[] {
  return TAGS[language];
}

/**
 * Whether some token can carry a tag that `tag` begins (the match is by prefix): a beginning of one of the language's
 * tags; in Korean also whole tags joined with `+` and a beginning of one last (VV+EC, VV+E).
 */
export function isAnalyserTag(tag: string, language: Language): boolean {
  if (tag.length === 0) return false;
  const tags = TAGS[language];
  const begins = (t: string) => tags.some((known) => known.startsWith(t));
  if (language !== 'ko' || !tag.includes('+')) return begins(tag);
  const parts = tag.split('+');
  const last = parts.pop() as string;
  return parts.every((p) => tags.includes(p)) && begins(last);
}

/**
 * Whether a `word@TAG` of a sequence's words looks meant as a part of speech in this language (MeCab-ko's capitals,
 * IPADIC's 名詞-style names, jieba's short lower-case tags), so that an unknown one is worth a warning; `@cosme` (a
 * shop's name) does not, and stays a word as written.
 */
export function looksLikeTag(tag: string, language: Language): boolean {
  if (language === 'ko') return /^[A-Z]+(?:\+[A-Z]+)*$/u.test(tag);
  if (language === 'ja') return /詞|記号|フィラー|その他/u.test(tag);
  return /^[a-z]{1,4}$/u.test(tag);
}
