/** English wording of the demo corpus. */
import type { DemoTexts } from '../types.js';
import { basis, caseNumber, courts, crimes, procedures } from './cases.js';
import { provisions1 } from './provisions-1.js';
import { provisions2 } from './provisions-2.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const UNITS = { year: ['year', 'years'], month: ['month', 'months'], day: ['day', 'days'], person: ['person', 'persons'] } as const;

/** Names that take "the" in running text ("the United States", "the Philippines"). */
const WITH_THE = /^(United |Russian Federation|Netherlands|Philippines|Bahamas|Gambia|Comoros|Maldives|Seychelles|Marshall Islands|Solomon Islands|Dominican Republic|Central African Republic|Czech Republic|Democratic Republic|Republic of|Lao People|Syrian Arab Republic|Islamic Republic|Plurinational|Holy See|State of|Sudan$|Niger$|Congo)/;

const act = (name: string): DemoTexts['laws'][keyof DemoTexts['laws']] => ({
  title: (p) => `${name} ${p.year}`,
  citation: (p) => `Act No. ${p.n} of ${p.year}`,
});

const inForce = { title: 'Entry into force and termination', text: 'This Treaty shall enter into force on the thirtieth day after the exchange of the instruments of ratification. Either Party may terminate it by notice in writing; termination shall take effect six months after the date of the notice.' };

export const en: DemoTexts = {
  lang: 'en',
  sep: ' ',
  date(iso) {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    return `${d} ${MONTHS[m - 1]} ${y}`;
  },
  count(n, unit) {
    return `${n} ${UNITS[unit][n === 1 ? 0 : 1]}`;
  },
  articleRef: (n) => `Article ${n}`,
  inline: (name) => (WITH_THE.test(name) ? `the ${name}` : name),
  authorities: ['the Ministry of Justice', 'the Office of the Attorney General', 'the Ministry of the Interior'],
  laws: {
    'criminal-code': { title: (p) => `Criminal Code (Act No. ${p.n} of ${p.year})`, citation: (p) => `Act No. ${p.n} of ${p.year}` },
    'criminal-procedure': { title: (p) => `Code of Criminal Procedure (Act No. ${p.n} of ${p.year})`, citation: (p) => `Act No. ${p.n} of ${p.year}` },
    'mla-law': act('Mutual Legal Assistance in Criminal Matters Act'),
    'aml-law': act('Anti-Money Laundering and Proceeds of Crime Act'),
    'tip-law': act('Prevention and Suppression of Trafficking in Persons Act'),
    'cybercrime-law': act('Cybercrime and Computer-Related Crimes Act'),
    'extradition-law': act('Extradition Act'),
    'witness-protection-law': act('Witness Protection Act'),
    'som-law': act('Prevention of Smuggling of Migrants Act'),
    'firearms-law': act('Firearms, Ammunition and Related Materials Act'),
    'anti-corruption-law': act('Prevention and Combating of Corruption Act'),
    'drug-law': act('Narcotic Drugs and Psychotropic Substances Control Act'),
    'terrorism-law': act('Prevention of Terrorism Act'),
    'wildlife-law': act('Wildlife Conservation and Management Act'),
    'cultural-property-law': act('Protection of Cultural Heritage Act'),
    'medical-products-law': act('Medicines and Health Products Act'),
  },
  provisions: { ...provisions1, ...provisions2 },
  courts,
  caseNumber,
  crimes,
  procedures,
  basis,
  sourceTitle: (court, date) => `Judgment of the ${court}, ${date}`,
  strategies: {
    'organized-crime': {
      title: 'National Strategy against Organized Crime {start}–{end}',
      summary: 'The strategy sets out the priorities of the Government to prevent organized crime, dismantle criminal groups and deprive them of their assets.',
      goal: 'Its objectives are to improve the detection of criminal groups, to make systematic use of financial investigations and to strengthen the protection of witnesses.',
    },
    'trafficking-in-persons': {
      title: 'National Action Plan to Combat Trafficking in Persons {start}–{end}',
      summary: 'The action plan addresses the prevention of trafficking in persons, the prosecution of traffickers and the protection of victims.',
      goal: 'It provides for a national referral mechanism for victims, specialized training for labour inspectors and police officers, and shelters for child victims.',
    },
    'smuggling-of-migrants': {
      title: 'National Strategy to Prevent and Combat the Smuggling of Migrants {start}–{end}',
      summary: 'The strategy aims to dismantle the networks that smuggle migrants while protecting the rights and lives of smuggled migrants.',
      goal: 'It strengthens border management, search and rescue at sea and the investigation of the financial flows of smuggling networks.',
    },
    corruption: {
      title: 'National Anti-Corruption Strategy {start}–{end}',
      summary: 'The strategy seeks to prevent corruption in the public sector, to punish corruption offences and to recover stolen assets.',
      goal: 'It provides for asset declarations by public officials, the protection of reporting persons and transparency in public procurement.',
    },
    cybercrime: {
      title: 'National Cybersecurity and Cybercrime Strategy {start}–{end}',
      summary: 'The strategy protects critical information infrastructure and strengthens the capacity of the State to investigate and prosecute cybercrime.',
      goal: 'It provides for a specialized cybercrime unit, a 24/7 point of contact and training in the handling of electronic evidence.',
    },
    drugs: {
      title: 'National Drug Control Strategy {start}–{end}',
      summary: 'The strategy takes a balanced approach to reducing the supply of and the demand for illicit drugs.',
      goal: 'It strengthens the control of precursors and of ports and airports, and expands prevention and treatment services.',
    },
    'money-laundering': {
      title: 'National Strategy on Anti-Money Laundering and Countering the Financing of Terrorism {start}–{end}',
      summary: 'The strategy responds to the national risk assessment of money-laundering and terrorist financing.',
      goal: 'It improves the transparency of beneficial ownership, the supervision of reporting entities and the confiscation of criminal assets.',
    },
    firearms: {
      title: 'National Action Plan on Small Arms and Light Weapons {start}–{end}',
      summary: 'The action plan aims to prevent the illicit manufacturing of and trafficking in firearms, their parts and components and ammunition.',
      goal: 'It provides for the marking of all firearms, a central register and the destruction of seized and surplus weapons.',
    },
    wildlife: {
      title: 'National Strategy to Combat Wildlife and Forest Crime {start}–{end}',
      summary: 'The strategy treats wildlife and forest crime as serious crime and addresses the criminal networks involved.',
      goal: 'It strengthens inter-agency cooperation among customs, police and wildlife authorities and the use of forensic analysis.',
    },
  },
  strategyBody: [
    'It is based on an assessment of threats and of the gaps in the legal and institutional framework, prepared with law enforcement agencies, the judiciary, civil society and the private sector.',
    [
      'International cooperation is a priority, including the review of treaties on extradition and mutual legal assistance and the use of the United Nations Convention against Transnational Organized Crime as a legal basis.',
      'The central authority for mutual legal assistance is strengthened, and judges and prosecutors are trained in international cooperation.',
    ],
    'An interministerial committee coordinates implementation; progress is assessed every year against indicators, and a final evaluation is due in {end}.',
  ],
  adoptedBy: ['Council of Ministers', 'Cabinet', 'Government', 'National Security Council', 'Office of the President'],
  treaties: {
    mla: {
      title: 'Treaty on Mutual Legal Assistance in Criminal Matters between {a} and {b}',
      provisions: [
        { title: 'Scope of assistance', text: 'The Parties shall provide each other with the widest measure of mutual legal assistance in investigations, prosecutions and proceedings related to criminal matters.' },
        { title: 'Central authorities', text: 'Requests shall be made and received through the central authorities designated by each Party, which shall communicate directly with each other.' },
        { title: 'Refusal of assistance', text: 'Assistance may be refused if the request concerns a political offence, if its execution would prejudice the sovereignty, security or public order of the requested Party, or if there are substantial grounds for believing that it has been made to prosecute a person on account of race, sex, religion, nationality or political opinions.' },
        { title: 'Form and content of requests', text: 'Requests shall be made in writing and shall state the authority conducting the proceedings, the subject matter and nature of the proceedings, a summary of the facts, the assistance sought and its purpose.' },
        { title: 'Execution of requests', text: 'Requests shall be executed promptly in accordance with the law of the requested Party and, to the extent not prohibited by that law, in the manner specified by the requesting Party.' },
        { title: 'Confidentiality and limitation of use', text: 'The requested Party shall keep a request confidential if so asked, and the requesting Party shall not use information or evidence obtained under this Treaty for purposes other than those stated in the request without the prior consent of the requested Party.' },
        { title: 'Hearing by video conference', text: 'Where a person in the territory of one Party has to be heard as a witness or expert by the judicial authorities of the other Party, the hearing may take place by video conference.' },
        inForce,
      ],
    },
    extradition: {
      title: 'Extradition Treaty between {a} and {b}',
      provisions: [
        { title: 'Obligation to extradite', text: 'The Parties agree to extradite to each other persons sought for prosecution or for the imposition or enforcement of a sentence in respect of an extraditable offence.' },
        { title: 'Extraditable offences', text: 'An offence is extraditable if it is punishable under the laws of both Parties by deprivation of liberty for a maximum period of at least one year or by a more severe penalty.' },
        { title: 'Mandatory grounds for refusal', text: 'Extradition shall be refused if the offence is a political offence, if the person would be subjected to torture or to cruel, inhuman or degrading treatment, or if final judgment has been rendered in the requested Party for the same offence.' },
        { title: 'Extradition of nationals', text: 'Each Party may refuse to extradite its own nationals. In that case it shall, at the request of the other Party, submit the case to its competent authorities for prosecution.' },
        { title: 'Provisional arrest', text: 'In case of urgency, a Party may request the provisional arrest of the person sought pending the presentation of the request for extradition, which shall be received within sixty days of the arrest.' },
        { title: 'Rule of speciality', text: 'A person extradited under this Treaty shall not be proceeded against, sentenced or detained for any offence committed before the surrender other than that for which extradition was granted, unless the requested Party consents.' },
        inForce,
      ],
    },
    transfer: {
      title: 'Agreement on the Transfer of Sentenced Persons between {a} and {b}',
      provisions: [
        { title: 'General principle', text: 'A person sentenced in the territory of one Party may be transferred to the territory of the other Party to serve the sentence imposed.' },
        { title: 'Conditions for transfer', text: 'A transfer may take place only if the sentenced person is a national of the administering Party, the judgment is final, at least six months of the sentence remain to be served and the acts constitute an offence under the law of both Parties.' },
        { title: 'Consent of the sentenced person', text: 'The transfer requires the consent of the sentenced person, given voluntarily and with full knowledge of its legal consequences.' },
        { title: 'Continued enforcement of the sentence', text: 'The administering Party shall continue the enforcement of the sentence and shall be bound by its legal nature and duration; if the sentence is incompatible with its law, it may adapt it to the penalty prescribed for a similar offence.' },
        { title: 'Entry into force and termination', text: 'This Agreement shall enter into force on the thirtieth day after the exchange of the instruments of ratification. Either Party may terminate it by notice in writing; termination shall take effect six months after the date of the notice.' },
      ],
    },
  },
};
