/**
 * The wording of the demo corpus in one language. Every language implements the same interface, so
 * the type checker refuses a language that lacks a text. Where a text offers alternatives (an array
 * in a Slot), the alternatives are parallel across languages: the generator picks one index and
 * uses it in every language version of the entry, so translations say the same thing.
 *
 * Placeholders in braces are filled by the generator: {years} {min} {months} {days} (durations,
 * already worded with their unit by `count`), {authority}/{Authority} (a central authority, the
 * capitalized form at the start of a sentence), {crime}, {partner}, {court}, {date}, {n}, {year},
 * {start}, {end}, {a}, {b}.
 */
import type { Lang } from '../../../platform/i18n/languages.js';
import type { LAW_KINDS, LawKind, ProcedureKey, ProvisionKey, ScenarioKey, StrategyTopic, TreatyKind } from '../generator/spec.js';

/** A sentence, or parallel alternatives. */
export type Slot = string | readonly string[];

export interface LawTitleParams {
  /** Number of the law. */
  n: number;
  year: number;
  /** Date of adoption, ISO. */
  date: string;
  /** The law's country writes in this language (e.g. China in Chinese): native style of title. */
  native: boolean;
  iso3: string;
}

export interface ProvisionText {
  /** Heading of the article (the extract's title). */
  h: string;
  /** Body, sentence by sentence. */
  b: readonly Slot[];
}
/** The provisions of some kinds of laws (each language splits its provisions over two files). */
export type ProvisionsOf<K extends LawKind> = Record<(typeof LAW_KINDS)[K]['provisions'][number], ProvisionText>;
export type Part1Kinds = 'criminal-code' | 'criminal-procedure' | 'mla-law';
export type Part2Kinds = Exclude<LawKind, Part1Kinds>;

export type CourtLevel = 'apex' | 'appeal' | 'trial';

export interface DemoTexts {
  lang: Lang;
  /** Between sentences ('' for Chinese, whose full stop carries the spacing). */
  sep: string;
  /** A date inside running text: "14 March 2011", "14 mars 2011", "2011年3月14日". */
  date(iso: string): string;
  /**
   * A duration or a number of persons with its unit. Russian: the genitive, as every Russian template
   * uses it after от/до/в течение/не более/по истечении; Arabic: the counted-noun rules after a preposition.
   */
  count(n: number, unit: 'year' | 'month' | 'day' | 'person'): string;
  /** Article number as cited in this language: "Article 12", "المادة 12", "第十二条". */
  articleRef(n: number): string;
  /** Final touch on a filled text, e.g. French elision ("de attaques" → "d’attaques") when a placeholder brings a vowel. */
  polish?(text: string): string;
  /** A country name placed inside running text, as in treaty titles (English adds "the" where the name needs it). */
  inline(name: string): string;
  /** Central authorities, parallel across languages, with the article where the language needs one. */
  authorities: readonly string[];
  laws: Record<LawKind, { title(p: LawTitleParams): string; citation(p: LawTitleParams): string }>;
  provisions: Record<ProvisionKey, ProvisionText>;
  /** Court names in this language (not parallel: a case's court is named in its original language only). */
  courts: Record<CourtLevel, readonly string[]>;
  caseNumber(level: CourtLevel, n: number, year: number): string;
  crimes: Record<ScenarioKey, { label: string; facts: readonly Slot[] }>;
  procedures: Record<
    ProcedureKey,
    {
      /** Title with {crime}. */
      title: string;
      /** One or two sentences with {partner}. */
      summary: string;
      decision: readonly Slot[];
      commentary: readonly Slot[];
    }
  >;
  /** The legal basis of the cooperation: the Convention, or (parallel alternatives) another basis. */
  basis: { untoc: string; other: readonly string[] };
  sourceTitle(court: string, date: string): string;
  strategies: Record<StrategyTopic, { title: string; summary: string; goal: string }>;
  /** Paragraphs common to all strategies ({end}). */
  strategyBody: readonly Slot[];
  /** Who adopted a strategy (not parallel). */
  adoptedBy: readonly string[];
  treaties: Record<TreatyKind, { title: string; provisions: readonly { title: string; text: string }[] }>;
}
