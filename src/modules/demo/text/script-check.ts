/**
 * Sanity checks of generated text per language, used by the tests: the right script, no stray
 * words in another script, no unfilled placeholder.
 */
const SCRIPT: Record<string, RegExp> = {
  ar: /\p{Script=Arabic}/u,
  zh: /\p{Script=Han}/u,
  ru: /\p{Script=Cyrillic}/u,
  en: /\p{Script=Latin}/u,
  fr: /\p{Script=Latin}/u,
  es: /\p{Script=Latin}/u,
};
const FOREIGN: Record<string, RegExp> = {
  // Latin letters are allowed only as upper-case codes (e.g. a case number prefix); no Latin words.
  ar: /[A-Za-z]*[a-z][A-Za-z]*|\p{Script=Cyrillic}|\p{Script=Han}/u,
  zh: /[A-Za-z]*[a-z][A-Za-z]*|\p{Script=Cyrillic}|\p{Script=Arabic}/u,
  ru: /[A-Za-z]*[a-z][A-Za-z]*|\p{Script=Arabic}|\p{Script=Han}/u,
  en: /\p{Script=Cyrillic}|\p{Script=Arabic}|\p{Script=Han}/u,
  fr: /\p{Script=Cyrillic}|\p{Script=Arabic}|\p{Script=Han}/u,
  es: /\p{Script=Cyrillic}|\p{Script=Arabic}|\p{Script=Han}/u,
};

/** What is wrong with a text written in `lang`, or undefined. */
export function textProblem(lang: string, text: string): string | undefined {
  if (/[{}]/.test(text)) return `unfilled placeholder in "${text.slice(0, 80)}"`;
  if (/\bundefined\b|\bNaN\b/.test(text)) return `"undefined" or "NaN" in "${text.slice(0, 80)}"`;
  if (/ {2}| [.,;:]/.test(text)) return `spacing error in "${text.slice(0, 80)}"`;
  const script = SCRIPT[lang];
  if (script && !script.test(text)) return `no ${lang} script in "${text.slice(0, 80)}"`;
  const foreign = FOREIGN[lang]?.exec(text);
  if (foreign) return `"${foreign[0]}" is not ${lang} text, in "${text.slice(0, 120)}"`;
  return undefined;
}
