/** JSON Schema of a ruleset file (what `rules lint` and every load check). */
import { BASES, PRODUCT_CATEGORIES, SCOPES } from './model.js';
import { SEVERITIES } from '../core/finding.js';
import { LANGUAGES } from '../core/language.js';

/** A vocab list's or a named cue group's name. */
const NAME = '^[A-Za-z_][A-Za-z0-9_-]*$';
const stringList = { type: 'array', items: { type: 'string', minLength: 1 } } as const;
/** A list of words, or one bare vocab reference "{name}" (parse.ts makes it a list; another bare string is an error there). */
const wordList = { type: ['array', 'string'], items: { type: 'string', minLength: 1 }, minLength: 1 } as const;
/** A number written in a vocab list, as a seq's number element (units or true, bounds). */
const vocabNumber = {
  type: 'object',
  additionalProperties: false,
  required: ['number'],
  properties: { number: { oneOf: [{ const: true }, { ...stringList, minItems: 1 }] }, min: { type: 'number' }, max: { type: 'number' } },
} as const;
const cues = {
  type: 'object',
  additionalProperties: false,
  properties: {
    before: wordList,
    after: wordList,
    around: wordList,
    inside: wordList,
    anywhere: wordList,
    then: wordList,
    notPast: wordList,
    notWith: wordList,
    notWithScope: { enum: [...SCOPES] },
    quoted: { type: 'boolean' },
    window: { type: 'integer', minimum: 0, maximum: 200 },
    scope: { enum: [...SCOPES] },
    wholeWords: { type: 'boolean' },
    nearby: { type: 'integer', minimum: 1, maximum: 3600 },
    side: { enum: ['before', 'after'] },
    except: wordList,
    use: { type: 'string', pattern: NAME },
  },
} as const;
/** A category's name (a rule's, or a matcher's own). */
const categoryName = { type: 'string', pattern: '^[a-z][a-z0-9-]*$' } as const;
/** One group of cues, or a list of groups with their own windows. */
const cueGroups = { oneOf: [cues, { type: 'array', minItems: 1, items: cues }] } as const;
/** A matcher entry; the elements of `seq` are checked by parse.ts, which says what was expected. */
const matchEntry = {
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: {
    id: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]*$' },
    words: { ...wordList, minItems: 1 },
    not: { ...wordList, minItems: 1 },
    notAfter: { ...wordList, minItems: 1 },
    seq: { type: 'array', minItems: 1 },
    regex: { type: 'string', minLength: 1 },
    unless: cueGroups,
    onlyWith: cueGroups,
    category: categoryName,
  },
} as const;
const matcher = {
  match: { type: 'array', minItems: 1, items: matchEntry },
  terms: stringList,
  patterns: stringList,
} as const;
const badExample = {
  oneOf: [
    { type: 'string', minLength: 1 },
    {
      type: 'object',
      additionalProperties: false,
      required: ['text'],
      properties: {
        text: { type: 'string', minLength: 1 },
        match: { oneOf: [{ type: 'string', minLength: 1 }, { ...stringList, minItems: 1 }] },
        matcher: { type: 'string', minLength: 1 },
      },
    },
  ],
} as const;
const message = {
  type: 'object',
  additionalProperties: false,
  required: ['en'],
  properties: {
    en: { type: 'string', minLength: 1 },
    ja: { type: 'string', minLength: 1 },
    zh: { type: 'string', minLength: 1 },
    ko: { type: 'string', minLength: 1 },
  },
} as const;
const seconds = { type: 'number', exclusiveMinimum: 0 } as const;

const common = {
  id: { type: 'string', pattern: '^[a-z0-9][a-z0-9._/-]*$' },
  kind: { enum: ['prohibit', 'require'] },
  category: categoryName,
  severity: { enum: [...SEVERITIES] },
  message,
  reference: { type: 'string', minLength: 1 },
  url: { type: 'string', pattern: '^https?://' },
  description: { type: 'string' },
  products: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: [...PRODUCT_CATEGORIES] } },
  declaredSeverity: { enum: [...SEVERITIES] },
  basis: { enum: [...BASES] },
  ...matcher,
  examples: {
    type: 'object',
    additionalProperties: false,
    required: ['bad', 'good'],
    properties: {
      bad: { type: 'array', minItems: 1, items: badExample },
      good: { ...stringList, minItems: 1 },
    },
  },
} as const;

const prohibitRule = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'kind', 'category', 'severity', 'message', 'reference', 'examples'],
  properties: {
    ...common,
    kind: { const: 'prohibit' },
    unless: cueGroups,
    // true, false, or per group ({ quotation: false }); the object keywords apply to an object only.
    respectContext: { type: ['boolean', 'object'], additionalProperties: false, minProperties: 1, properties: { negation: { type: 'boolean' }, quotation: { type: 'boolean' } } },
    onlyWhen: { enum: ['sponsored', 'declared'] },
  },
} as const;

const requireRule = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'kind', 'category', 'severity', 'message', 'reference', 'examples'],
  properties: {
    ...common,
    kind: { const: 'require' },
    timing: {
      type: 'object',
      additionalProperties: false,
      properties: {
        within: seconds,
        every: seconds,
        end: seconds,
        after: {
          type: 'object',
          additionalProperties: false,
          required: ['within'],
          properties: { ...matcher, within: seconds },
        },
      },
    },
    when: { type: 'object', additionalProperties: false, properties: { ...matcher } },
    channel: { enum: ['spoken', 'shown', 'either'] },
  },
} as const;

export const rulesetSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'language'],
  properties: {
    id: { type: 'string', pattern: '^[a-z0-9][a-z0-9._/-]*$' },
    vocab: {
      type: 'object',
      propertyNames: { pattern: NAME },
      // A word, or a number among the words (`{number: [斤], min: 5}`: an alternative where the list is a seq element).
      additionalProperties: { type: 'array', minItems: 1, items: { oneOf: [{ type: 'string', minLength: 1 }, vocabNumber] } },
    },
    // Named cue groups: `unless: [{use: name}]` (a rule's, a matcher's unless or onlyWith, the context) stands for one.
    cues: { type: 'object', propertyNames: { pattern: NAME }, additionalProperties: cueGroups },
    name: { type: 'string' },
    description: { type: 'string' },
    language: { enum: [...LANGUAGES] },
    extends: { oneOf: [{ type: 'string', minLength: 1 }, stringList] },
    overrides: {
      type: 'object',
      additionalProperties: {
        oneOf: [
          { const: 'off' },
          {
            type: 'object',
            additionalProperties: false,
            properties: { severity: { enum: [...SEVERITIES] }, enabled: { type: 'boolean' } },
          },
        ],
      },
    },
    context: {
      type: 'object',
      additionalProperties: false,
      properties: { negation: cueGroups, quotation: cueGroups },
    },
    rules: {
      type: 'array',
      items: {
        type: 'object',
        required: ['kind'],
        properties: { kind: { enum: ['prohibit', 'require'] } },
        if: { properties: { kind: { const: 'prohibit' } } },
        then: prohibitRule,
        else: requireRule,
      },
    },
  },
} as const;
