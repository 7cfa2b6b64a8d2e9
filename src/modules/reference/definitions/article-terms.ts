/**
 * What the key articles of the instruments are about, as taxonomy terms ("taxonomy:code").
 * An entry tagged with an article (e.g. untoc:18) is found by a search for the labels of the
 * article's terms in any of the six languages ("entraide judiciaire", "司法协助"...), so this
 * mapping is deliberately conservative: a term is listed only when the article is substantially
 * about it. Articles not listed (final clauses, prevention, training...) carry no term.
 * docs/REFERENCE-DATA.md reproduces this table.
 */

type Terms = Record<string, readonly string[]>;

/** The same terms for a range of article numbers. */
function range(from: number, to: number, terms: readonly string[]): Terms {
  const out: Terms = {};
  for (let n = from; n <= to; n++) out[String(n)] = terms;
  return out;
}

/** Merge per-article term lists (later lists add to earlier ones). */
function merge(...parts: Terms[]): Terms {
  const out: Record<string, string[]> = {};
  for (const part of parts) for (const [n, terms] of Object.entries(part)) out[n] = [...new Set([...(out[n] ?? []), ...terms])];
  return out;
}

const MLA_PURPOSES = [
  'measure:taking-evidence',
  'measure:service-of-documents',
  'measure:search-seizure-freezing',
  'measure:examining-objects-sites',
  'measure:information-expert-evaluations',
  'measure:documents-records',
  'measure:tracing-proceeds',
  'measure:voluntary-appearance',
  'measure:other-assistance',
] as const;

const UNTOC: Terms = {
  '2': ['crime:organized-criminal-group'],
  '5': ['crime:organized-criminal-group'],
  '6': ['crime:money-laundering'],
  '7': ['crime:money-laundering'],
  '8': ['crime:corruption'],
  '9': ['crime:corruption'],
  '10': ['issue:liability-of-legal-persons'],
  '11': ['issue:statute-of-limitations'],
  '12': ['cooperation:confiscation'],
  '13': ['cooperation:confiscation', 'measure:tracing-proceeds', 'measure:search-seizure-freezing'],
  '14': ['cooperation:confiscation'],
  '15': ['issue:jurisdiction'],
  '16': ['cooperation:extradition', 'issue:dual-criminality', 'issue:human-rights-safeguards'],
  '17': ['cooperation:transfer-sentenced-persons'],
  '18': ['cooperation:mla', ...MLA_PURPOSES, 'measure:video-hearing', 'issue:video-conference', 'issue:confidentiality', 'issue:dual-criminality'],
  '19': ['cooperation:joint-investigations'],
  '20': ['cooperation:special-investigative-techniques'],
  '21': ['cooperation:transfer-proceedings'],
  '23': ['crime:obstruction-of-justice'],
  '24': ['issue:witness-protection', 'issue:video-conference'],
  '25': ['issue:victim-assistance'],
  '26': ['issue:witness-protection'],
  '27': ['cooperation:law-enforcement-cooperation'],
};

const TIP: Terms = {
  '3': ['crime:trafficking-in-persons', 'issue:children'],
  '5': ['crime:trafficking-in-persons'],
  '6': ['issue:victim-assistance', 'issue:children', 'issue:gender'],
  '7': ['issue:victim-assistance'],
  '8': ['issue:victim-assistance'],
  '10': ['cooperation:law-enforcement-cooperation'],
  '14': ['issue:human-rights-safeguards'],
};

const SOM: Terms = {
  '3': ['crime:smuggling-of-migrants'],
  '5': ['issue:human-rights-safeguards'],
  '6': ['crime:smuggling-of-migrants'],
  '8': ['crime:smuggling-of-migrants', 'cooperation:law-enforcement-cooperation'],
  '10': ['cooperation:law-enforcement-cooperation'],
  '16': ['issue:human-rights-safeguards', 'issue:children', 'issue:gender'],
  '19': ['issue:human-rights-safeguards'],
};

const FIREARMS: Terms = {
  '3': ['crime:firearms-trafficking'],
  '5': ['crime:firearms-trafficking'],
  '6': ['cooperation:confiscation'],
  '12': ['cooperation:law-enforcement-cooperation'],
  '13': ['cooperation:law-enforcement-cooperation'],
};

const UNCAC: Terms = merge(range(15, 22, ['crime:corruption']), {
  '14': ['crime:money-laundering'],
  '23': ['crime:money-laundering'],
  '24': ['crime:corruption'],
  '25': ['crime:obstruction-of-justice'],
  '26': ['issue:liability-of-legal-persons'],
  '29': ['issue:statute-of-limitations'],
  '31': ['cooperation:confiscation', 'measure:search-seizure-freezing'],
  '32': ['issue:witness-protection', 'issue:video-conference'],
  '37': ['issue:witness-protection'],
  '42': ['issue:jurisdiction'],
  '43': ['issue:dual-criminality'],
  '44': ['cooperation:extradition', 'issue:dual-criminality', 'issue:human-rights-safeguards'],
  '45': ['cooperation:transfer-sentenced-persons'],
  '46': ['cooperation:mla', ...MLA_PURPOSES, 'measure:video-hearing', 'issue:video-conference', 'issue:confidentiality', 'issue:dual-criminality', 'cooperation:confiscation'],
  '47': ['cooperation:transfer-proceedings'],
  '48': ['cooperation:law-enforcement-cooperation'],
  '49': ['cooperation:joint-investigations'],
  '50': ['cooperation:special-investigative-techniques'],
  '51': ['cooperation:confiscation'],
  '52': ['cooperation:confiscation'],
  '53': ['cooperation:confiscation'],
  '54': ['cooperation:confiscation'],
  '55': ['cooperation:confiscation', 'measure:tracing-proceeds', 'measure:search-seizure-freezing'],
  '56': ['cooperation:confiscation'],
  '57': ['cooperation:confiscation'],
});

const EE = 'issue:electronic-evidence';
const BUDAPEST: Terms = merge(range(2, 11, ['crime:cybercrime']), {
  '9': ['issue:children'],
  '12': ['crime:cybercrime', 'issue:liability-of-legal-persons'],
  '14': [EE],
  '15': [EE, 'issue:human-rights-safeguards'],
  '16': [EE, 'measure:data-preservation'],
  '17': [EE, 'measure:data-preservation', 'measure:traffic-data-disclosure'],
  '18': [EE, 'measure:subscriber-information'],
  '19': [EE, 'measure:stored-data-access', 'measure:search-seizure-freezing'],
  '20': [EE, 'measure:real-time-traffic-data'],
  '21': [EE, 'measure:interception-content-data'],
  '22': ['issue:jurisdiction'],
  '24': ['cooperation:extradition', 'issue:dual-criminality'],
  '25': ['cooperation:mla', 'issue:dual-criminality'],
  '26': ['cooperation:mla'],
  '27': ['cooperation:mla', 'issue:confidentiality'],
  '28': ['cooperation:mla', 'issue:confidentiality'],
  '29': ['cooperation:mla', EE, 'measure:data-preservation', 'issue:dual-criminality'],
  '30': ['cooperation:mla', EE, 'measure:traffic-data-disclosure'],
  '31': ['cooperation:mla', EE, 'measure:stored-data-access'],
  '32': [EE],
  '33': ['cooperation:mla', EE, 'measure:real-time-traffic-data'],
  '34': ['cooperation:mla', EE, 'measure:interception-content-data'],
  '35': ['cooperation:law-enforcement-cooperation', EE, 'measure:data-preservation'],
});

/** European Convention on Extradition: articles 1–25 govern extradition. */
const ETS24: Terms = merge(range(1, 25, ['cooperation:extradition']), {
  '2': ['issue:dual-criminality'],
  '3': ['issue:human-rights-safeguards'],
  '7': ['issue:jurisdiction'],
  '10': ['issue:statute-of-limitations'],
  '11': ['issue:human-rights-safeguards'],
});

/** European Convention on Mutual Assistance: chapters I–VII (articles 1–22) govern assistance. */
const ETS30: Terms = merge(range(1, 22, ['cooperation:mla']), {
  '1': ['issue:liability-of-legal-persons'],
  '3': ['measure:taking-evidence', 'measure:documents-records'],
  '5': ['measure:search-seizure-freezing', 'issue:dual-criminality'],
  '7': ['measure:service-of-documents'],
  '8': ['measure:voluntary-appearance'],
  '9': ['measure:voluntary-appearance'],
  '10': ['measure:voluntary-appearance'],
  '13': ['measure:documents-records'],
  '21': ['cooperation:transfer-proceedings'],
});

/** Terms by instrument id, then by article number. */
export const ARTICLE_TERMS: Record<string, Terms> = {
  untoc: UNTOC,
  'untoc-tip': TIP,
  'untoc-som': SOM,
  'untoc-firearms': FIREARMS,
  uncac: UNCAC,
  'coe-cybercrime': BUDAPEST,
  'coe-extradition': ETS24,
  'coe-mla': ETS30,
};
