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

/**
 * The same extract as an Akoma Ntoso 3.0 act: FRBRlanguage (ISO 639-2), a chapter holding
 * <article> elements with <num>, <heading> and numbered <paragraph>s. `num: null` leaves the
 * number to the eId (art_N).
 */
export function anAknExtract(options: { language?: string; docType?: string; namespace?: string; articles?: (ExtractArticle & { num?: string | null })[] } = {}): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const articles = options.articles ?? [
    { number: '1', num: 'Artículo 1', title: 'Finalidad', paragraphs: ['Extracto de prueba del artículo 1 (finalidad).'] },
    { number: '18', num: 'Artículo 18', title: 'Asistencia judicial recíproca', paragraphs: ['Los Estados Parte se prestarán la más amplia asistencia judicial recíproca (extracto de prueba).', 'Segundo párrafo del extracto de prueba.'] },
  ];
  const docType = options.docType ?? 'act';
  const body = articles
    .map((a) => {
      const num = a.num === null ? '' : `<num>${esc(a.num ?? `Article ${a.number}`)}</num>`;
      const heading = a.title ? `<heading>${esc(a.title)}</heading>` : '';
      const paras = a.paragraphs.map((p, i) => `<paragraph eId="art_${a.number}__para_${i + 1}"><num>${i + 1}.</num><content><p>${esc(p)}</p></content></paragraph>`).join('\n        ');
      return `      <article eId="art_${a.number}">${num}${heading}\n        ${paras}\n      </article>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="${options.namespace ?? 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0'}">
  <${docType} name="convention">
    <meta>
      <identification source="#untc">
        <FRBRWork><FRBRthis value="/akn/un/act/2000/untoc/!main"/><FRBRuri value="/akn/un/act/2000/untoc"/><FRBRdate date="2000-11-15" name="adoption"/><FRBRauthor href="#unga"/><FRBRcountry value="un"/></FRBRWork>
        <FRBRExpression><FRBRthis value="/akn/un/act/2000/untoc/${options.language ?? 'spa'}@/!main"/><FRBRuri value="/akn/un/act/2000/untoc/${options.language ?? 'spa'}@"/><FRBRdate date="2000-11-15" name="adoption"/><FRBRauthor href="#unga"/><FRBRlanguage language="${options.language ?? 'spa'}"/></FRBRExpression>
        <FRBRManifestation><FRBRthis value="/akn/un/act/2000/untoc/${options.language ?? 'spa'}@/!main.xml"/><FRBRuri value="/akn/un/act/2000/untoc/${options.language ?? 'spa'}@.akn"/><FRBRdate date="2026-01-01" name="generation"/><FRBRauthor href="#palermo"/></FRBRManifestation>
      </identification>
    </meta>
    <preface><p><docTitle>Convención de prueba (extracto)</docTitle></p></preface>
    <body>
      <chapter eId="chp_1"><num>I</num><heading>Disposiciones generales</heading>
${body}
      </chapter>
    </body>
  </${docType}>
</akomaNtoso>
`;
}
