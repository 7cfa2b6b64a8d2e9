/**
 * The checks a catalogue must pass (run by src/platform/i18n/catalogues.test.ts in `npm test`):
 * the files' shape, the same keys in the six languages, a real description for every English
 * string, every string valid ICU MessageFormat, the same placeholders in every language, and
 * plural forms that cover what each language's plural rules need.
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { INTL_LOCALE, LANGS, type Lang } from './languages.js';
import type { CatalogueFiles } from './catalogue-files.js';

/** The description the converter gives a string that has none yet; the check refuses it. */
export const TODO_DESCRIPTION = 'TODO';

const KEY = /^[a-z][a-z0-9_-]*$/;

interface ArgUse {
  /** 'argument' | 'number' | 'date' | 'time' | 'select' | 'plural' | 'selectordinal' */
  kinds: Set<string>;
  /** Option keys of the select, plural or selectordinal uses. */
  options: Set<string>;
}

type Args = Map<string, ArgUse>;

function collect(elements: MessageFormatElement[], args: Args): void {
  const use = (name: string, kind: string): ArgUse => {
    let u = args.get(name);
    if (!u) args.set(name, (u = { kinds: new Set(), options: new Set() }));
    u.kinds.add(kind);
    return u;
  };
  for (const el of elements) {
    switch (el.type) {
      case TYPE.argument:
        use(el.value, 'argument');
        break;
      case TYPE.number:
        use(el.value, 'number');
        break;
      case TYPE.date:
        use(el.value, 'date');
        break;
      case TYPE.time:
        use(el.value, 'time');
        break;
      case TYPE.select:
      case TYPE.plural: {
        const kind = el.type === TYPE.select ? 'select' : el.pluralType === 'ordinal' ? 'selectordinal' : 'plural';
        const u = use(el.value, kind);
        for (const [key, option] of Object.entries(el.options)) {
          u.options.add(key);
          collect(option.value, args);
        }
        break;
      }
      case TYPE.tag:
        collect(el.children, args);
        break;
      default:
        break;
    }
  }
}

/** Integers that show every plural category of the six languages (French and Spanish "many" is 1,000,000). */
const SAMPLE = [...Array.from({ length: 1001 }, (_, i) => i), 1e4, 1e5, 1e6, 2e6, 1e7, 1e9];

const CLDR_ORDER = ['zero', 'one', 'two', 'few', 'many', 'other'];

/** The plural categories of a language in CLDR order (ICU versions list them in different orders: Node 20 and 24 differ). */
export function pluralCategoriesOf(lang: Lang, type: 'cardinal' | 'ordinal'): string[] {
  const categories = new Intl.PluralRules(INTL_LOCALE[lang], { type }).resolvedOptions().pluralCategories as string[];
  return [...categories].sort((a, b) => CLDR_ORDER.indexOf(a) - CLDR_ORDER.indexOf(b));
}

/**
 * Problems with the options of one plural or selectordinal element in `lang`: an option that is
 * neither `=N` nor a category of the language, or a category of the language that is not covered
 * (present, or all its integers given as `=N`). `other` is always required.
 */
export function pluralProblems(lang: Lang, type: 'cardinal' | 'ordinal', options: readonly string[]): string[] {
  const rules = new Intl.PluralRules(INTL_LOCALE[lang], { type });
  const categories = pluralCategoriesOf(lang, type);
  const exact = new Set(options.filter((o) => /^=\d+$/.test(o)).map((o) => Number(o.slice(1))));
  const problems: string[] = [];
  for (const option of options) {
    if (!/^=\d+$/.test(option) && !categories.includes(option)) problems.push(`"${option}" is not a ${type} plural category of ${lang} (${categories.join(', ')})`);
  }
  for (const category of categories) {
    if (options.includes(category)) continue;
    const numbers = SAMPLE.filter((n) => rules.select(n) === category);
    const covered = category !== 'other' && numbers.length > 0 && numbers.every((n) => exact.has(n));
    if (!covered) problems.push(`lacks the ${lang} plural category "${category}"${numbers.length ? ` (e.g. ${numbers.slice(0, 3).join(', ')})` : ''}`);
  }
  return problems;
}

function sameSet(a: Set<string>, b: Set<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}

function list(s: Iterable<string>): string {
  return [...s].sort().join(', ') || '(none)';
}

/** Every problem of one catalogue, as `<lang> <key>: <problem>` lines; empty when it is right. */
export function catalogueProblems(files: CatalogueFiles): string[] {
  const problems: string[] = [];
  const messages = {} as Record<Lang, Map<string, string>>;
  for (const lang of LANGS) {
    messages[lang] = new Map();
    for (const [key, entry] of Object.entries(files[lang])) {
      if (!KEY.test(key)) problems.push(`${lang} ${key}: a key is lower-case letters, digits, _ and -`);
      if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
        problems.push(`${lang} ${key}: not an object { "defaultMessage": ..., "description": ... }`);
        continue;
      }
      const { defaultMessage, description, ...rest } = entry as Record<string, unknown>;
      if (Object.keys(rest).length) problems.push(`${lang} ${key}: unknown properties ${Object.keys(rest).join(', ')}`);
      if (typeof defaultMessage !== 'string' || defaultMessage === '') {
        problems.push(`${lang} ${key}: defaultMessage is not a non-empty string`);
        continue;
      }
      if (description !== undefined && typeof description !== 'string') problems.push(`${lang} ${key}: description is not a string`);
      if (lang === 'en') {
        const text = typeof description === 'string' ? description.trim() : '';
        if (!text) problems.push(`en ${key}: no description for translators`);
        else if (text.toUpperCase().startsWith(TODO_DESCRIPTION)) problems.push(`en ${key}: the description is still "${text}"`);
      }
      messages[lang].set(key, defaultMessage);
    }
  }

  const english = messages.en;
  for (const lang of LANGS) {
    if (lang === 'en') continue;
    for (const key of english.keys()) if (!messages[lang].has(key)) problems.push(`${lang} ${key}: missing (English has it)`);
    for (const key of messages[lang].keys()) if (!english.has(key)) problems.push(`${lang} ${key}: extra key (not in English)`);
  }

  for (const key of english.keys()) {
    const parsed = new Map<Lang, Args>();
    for (const lang of LANGS) {
      const message = messages[lang].get(key);
      if (message === undefined) continue;
      try {
        const args: Args = new Map();
        collect(parse(message, { ignoreTag: true, requiresOtherClause: true }), args);
        parsed.set(lang, args);
      } catch (err) {
        problems.push(`${lang} ${key}: not valid ICU MessageFormat (${(err as Error).message}): ${message}`);
      }
    }
    const en = parsed.get('en');
    if (!en) continue;
    for (const [lang, args] of parsed) {
      if (lang !== 'en' && !sameSet(new Set(args.keys()), new Set(en.keys()))) {
        problems.push(`${lang} ${key}: placeholders {${list(args.keys())}} differ from English {${list(en.keys())}}: ${messages[lang].get(key)}`);
      }
      for (const [name, use] of args) {
        const enUse = en.get(name);
        if (use.kinds.has('select') && enUse?.kinds.has('select') && lang !== 'en') {
          if (!sameSet(use.options, enUse.options)) problems.push(`${lang} ${key}: select {${name}} has options ${list(use.options)}, English ${list(enUse.options)}`);
        }
        if (use.kinds.has('select') && !use.options.has('other')) problems.push(`${lang} ${key}: select {${name}} lacks "other"`);
        for (const kind of ['plural', 'selectordinal'] as const) {
          if (!use.kinds.has(kind)) continue;
          // Options of all uses of the argument with this kind (usually one element).
          const options = optionsOf(messages[lang].get(key)!, name, kind);
          for (const opts of options) {
            for (const p of pluralProblems(lang, kind === 'plural' ? 'cardinal' : 'ordinal', opts)) problems.push(`${lang} ${key}: {${name}, ${kind}} ${p}`);
          }
        }
      }
      // Where English chooses a plural form, so must every language that has more than one.
      if (lang !== 'en') {
        for (const [name, enUse] of en) {
          for (const kind of ['plural', 'selectordinal'] as const) {
            if (!enUse.kinds.has(kind) || args.get(name)?.kinds.has(kind)) continue;
            const categories = pluralCategoriesOf(lang, kind === 'plural' ? 'cardinal' : 'ordinal');
            if (categories.length > 1) problems.push(`${lang} ${key}: English uses {${name}, ${kind}}, this language needs one too (${categories.join(', ')})`);
          }
        }
      }
    }
  }
  return problems;
}

/** The option keys of each plural (or selectordinal) element on `name` in a message. */
function optionsOf(message: string, name: string, kind: 'plural' | 'selectordinal'): string[][] {
  const out: string[][] = [];
  const walk = (elements: MessageFormatElement[]): void => {
    for (const el of elements) {
      if (el.type === TYPE.plural || el.type === TYPE.select) {
        const k = el.type === TYPE.select ? 'select' : el.pluralType === 'ordinal' ? 'selectordinal' : 'plural';
        if (k === kind && el.value === name) out.push(Object.keys(el.options));
        for (const option of Object.values(el.options)) walk(option.value);
      } else if (el.type === TYPE.tag) walk(el.children);
    }
  };
  walk(parse(message, { ignoreTag: true }));
  return out;
}
