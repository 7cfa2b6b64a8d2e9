/**
 * Small authentic-language extracts in the layout of resources/instruments/ for the import of
 * authentic texts. Test data only: a few lines in the shape of the texts, never a full treaty.
 */
export interface ExtractArticle {
  number: string;
  title?: string;
  paragraphs: string[];
}

/** A Markdown file: "## title", a chapter heading, then "### <word> N", "#### heading" and paragraphs. */
export function anAuthenticExtract(options: { title?: string; word?: string; articles?: ExtractArticle[] } = {}): string {
  const word = options.word ?? 'Article';
  const articles = options.articles ?? [
    { number: '1', title: 'Objet', paragraphs: ['Extrait d’essai de l’article premier (objet).'] },
    { number: '18', title: 'Entraide judiciaire', paragraphs: ['1. Extrait d’essai : les États Parties s’accordent l’entraide judiciaire la plus large possible.', '2. Deuxième paragraphe de l’extrait d’essai.'] },
  ];
  const lines = [`## ${options.title ?? 'Convention d’essai (extrait)'}`, '', 'Préambule de l’extrait, ignoré.', '', '### Chapitre premier', '#### Dispositions générales', ''];
  for (const a of articles) {
    lines.push(`### ${word} ${a.number}`);
    if (a.title) lines.push(`#### ${a.title}`);
    lines.push('', ...a.paragraphs.flatMap((p) => [p, '']));
  }
  return lines.join('\n');
}
