/** Translators of the writer's catalogues: interface (writer), the document's fixed parts (document), questions and choices (questions). */
import { translator } from '../../platform/i18n/messages.js';
import type { Lang } from '../../platform/i18n/languages.js';
import { writerMessages } from './writer.messages.js';
import { documentMessages } from './document.messages.js';
import { questionsMessages } from './questions.messages.js';

export const wT = (lang: Lang) => translator(writerMessages, lang);
export type WT = ReturnType<typeof wT>;

/** Loose translators (keys built from ids: title_<kind>, q_<question>, opt_<choice>); a missing key shows itself. */
export const docT = (lang: Lang) => translator(documentMessages, lang) as (key: string, values?: Record<string, string | number>) => string;
const qt = (lang: Lang) => translator(questionsMessages, lang) as (key: string, values?: Record<string, string | number>) => string;

/** Question labels: q_<id>; a condition of the requested State (cond_<measure>) names its measure. */
export const questionT = (lang: Lang) => {
  const t = qt(lang);
  return (key: string, values?: Record<string, string | number>) => {
    const cond = /^q_cond_(.+)$/.exec(key);
    return cond ? t('q_cond', { measure: cond[1]!.replace(/_/g, '-') }) : t(key, values);
  };
};
