/**
 * Reading an Akoma Ntoso act's articles is the bulk module's (its Akoma Ntoso reader); bulk imports
 * this module, so it supplies the reader at start-up (bulk's subscribe), as reference supplies its
 * codes to knowledge. The shapes are the bulk reader's (`readAknArticles`).
 */
export interface AknArticlesRead {
  docType?: string;
  docLine: number;
  /** FRBRlanguage of the expression as a BCP 47 tag. */
  language?: string;
  title?: string;
  articles: { line: number; num?: string; eId?: string; heading?: string; text: string }[];
  issues: { line: number; field: string; message: string }[];
}

export type AknArticleReader = (content: string) => AknArticlesRead;

let reader: AknArticleReader | undefined;

/** Supply the reader (the bulk module does, when openRuntime wires the modules). Supplying again replaces it. */
export function provideAknArticleReader(r: AknArticleReader): void {
  reader = r;
}

export function readAknArticles(content: string): AknArticlesRead {
  if (!reader) throw new Error('No Akoma Ntoso reader: the bulk module supplies it when openRuntime wires the modules');
  return reader(content);
}
