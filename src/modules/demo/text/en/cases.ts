/** English: case law (facts by crime, decisions by kind of cooperation, courts). */
import type { DemoTexts } from '../types.js';

export const crimes: DemoTexts['crimes'] = {
  'tip-sexual': {
    label: 'trafficking in persons for sexual exploitation',
    facts: [
      'From {year}, the accused, acting within a structured group of {n}, recruited young women abroad with false promises of work in restaurants and hotels.',
      ['On arrival, their passports were taken from them and they were forced into prostitution to repay fictitious travel debts.', 'The victims were housed in flats controlled by the group and forced into prostitution under threats against their families.'],
      'The proceeds were collected in cash and sent abroad through money transfer services.',
    ],
  },
  'tip-labour': {
    label: 'trafficking in persons for forced labour',
    facts: [
      'From {year}, the accused recruited workers abroad for farms and construction sites, promising them wages that were never paid.',
      'Labour inspectors identified more than {n} held in debt bondage, deprived of their identity documents and housed in overcrowded containers.',
      ['The wages owed were transferred to accounts held abroad by relatives of the accused.', 'Part of the profits was invested in real estate through a company registered abroad.'],
    ],
  },
  'som-sea': {
    label: 'smuggling of migrants by sea',
    facts: [
      'In {year}, the accused organized several sea crossings on unseaworthy boats for migrants who had paid large sums for the journey.',
      ['During one crossing the engine failed and the coast guard rescued more than {n} from the sea.', 'More than {n} were transferred at sea to smaller boats and abandoned near the coast.'],
      'The payments were made through informal money transfer systems in several countries.',
    ],
  },
  'drugs-cocaine': {
    label: 'international cocaine trafficking',
    facts: [
      'In {year}, customs officers found cocaine concealed in a container of fruit arriving by sea.',
      ['A controlled delivery allowed the investigators to identify the members of the network, a group of {n}, who received the consignment.', 'The investigation revealed that a group of {n} had organized several earlier shipments by the same route.'],
      'The drugs had been shipped from a port abroad by a company controlled by the network.',
    ],
  },
  laundering: {
    label: 'laundering the proceeds of crime through shell companies',
    facts: [
      'From {year}, the accused laundered the proceeds of fraud and drug trafficking through companies registered in several jurisdictions.',
      ['The funds were moved with fictitious invoices for consulting services and then invested in real estate.', 'The accused used accounts opened in the names of front persons and transferred the funds abroad in small amounts.'],
      'The financial intelligence unit reported the suspicious transactions to the public prosecutor.',
    ],
  },
  bribery: {
    label: 'bribery of public officials in public procurement',
    facts: [
      'In {year}, a construction company obtained public contracts after paying bribes to officials of the ministry responsible for public works.',
      ['The bribes were paid through an intermediary company abroad under fictitious consultancy contracts.', 'The officials received the bribes in accounts opened abroad in the names of relatives.'],
      'An internal audit and a report by a whistle-blower led to the opening of the investigation.',
    ],
  },
  ransomware: {
    label: 'ransomware attacks against hospitals and companies',
    facts: [
      'In {year}, the computer systems of hospitals and companies were encrypted by ransomware, and the victims were asked to pay a ransom in crypto-assets.',
      ['The investigation traced the attacks to a group of {n} operating servers located abroad.', 'The investigators identified the accused through the crypto-asset addresses used to collect the ransoms.'],
      'Data held by foreign service providers were essential to identify the perpetrators.',
    ],
  },
  'online-fraud': {
    label: 'online investment fraud',
    facts: [
      'From {year}, the accused ran call centres that offered fictitious online investments to thousands of victims in several countries.',
      ['The money of the victims was transferred to accounts abroad and then converted into crypto-assets.', 'The websites used by the group were hosted abroad and registered under false identities.'],
      'The total loss was estimated at several million United States dollars.',
    ],
  },
  firearms: {
    label: 'trafficking in firearms',
    facts: [
      'In {year}, the police seized a consignment of pistols and assault rifles whose serial numbers had been removed.',
      ['Tracing showed that the weapons had been bought legally abroad and smuggled across the border in vehicles with hidden compartments.', 'Some of the weapons had been assembled from parts and components ordered online.'],
      'A group of {n} was suspected of supplying the weapons to criminal organizations.',
    ],
  },
  cultural: {
    label: 'trafficking in cultural property',
    facts: [
      'In {year}, archaeological objects looted from excavation sites were offered for sale by an auction house abroad.',
      ['The objects had been exported with forged certificates describing them as modern replicas.', 'Experts established that the objects came from a protected archaeological site.'],
      'The authorities of the State of origin requested the seizure and return of the objects.',
    ],
  },
  wildlife: {
    label: 'trafficking in protected wildlife',
    facts: [
      'In {year}, customs officers seized several hundred kilograms of ivory and pangolin scales hidden in a shipment declared as timber.',
      ['The investigation identified a network of {n} who organized the transport from the source countries to the markets.', 'The shipment had transited through several ports with falsified documents.'],
      'Forensic analysis established the origin of the ivory.',
    ],
  },
  piracy: {
    label: 'piracy and armed robbery against ships',
    facts: [
      'In {year}, armed men boarded a merchant vessel on the high seas and held its crew hostage for several weeks.',
      ['The suspects were apprehended by a naval patrol and handed over for prosecution.', 'The shipowner paid a ransom, part of which was later traced to accounts abroad.'],
      'The crew included nationals of several States, who testified as witnesses.',
    ],
  },
  counterfeit: {
    label: 'trafficking in counterfeit goods',
    facts: [
      'In {year}, customs officers seized a large consignment of counterfeit clothing, electronic devices and spare parts.',
      ['The goods were distributed through online marketplaces and warehouses controlled by a group of {n}.', 'The investigation showed that the goods were imported through several transit ports to avoid controls.'],
      'The trademark holders joined the proceedings as civil parties.',
    ],
  },
  medicines: {
    label: 'trafficking in falsified medical products',
    facts: [
      'In {year}, the health authorities detected falsified antibiotics and antimalarial medicines sold in pharmacies and online.',
      ['Laboratory analysis showed that the products contained no active ingredient.', 'The products had been manufactured abroad and imported under false declarations.'],
      'Several patients suffered serious harm after taking the products.',
    ],
  },
  'terror-financing': {
    label: 'financing of terrorism',
    facts: [
      'From {year}, the accused collected funds through a charity and transferred them to members of a terrorist organization abroad.',
      ['The transfers were made through money remittance services in small amounts to avoid detection.', 'The funds were used to buy weapons and to pay fighters.'],
      'The financial intelligence unit identified the transactions.',
    ],
  },
  obstruction: {
    label: 'obstruction of justice and intimidation of witnesses',
    facts: [
      'In {year}, during the trial of members of an organized criminal group, several prosecution witnesses withdrew their statements.',
      ['The investigation showed that they had been threatened and offered money by associates of the accused.', 'One witness, who had moved abroad, reported that he had been threatened by telephone.'],
      'The prosecution opened separate proceedings for obstruction of justice.',
    ],
  },
};

export const procedures: DemoTexts['procedures'] = {
  'extradition-granted': {
    title: 'Extradition of a person sought for {crime}',
    summary: 'The court authorized the extradition of the person sought to the requesting State ({partner}) for prosecution.',
    decision: [
      'The court found that the offence was punishable under the laws of both States by deprivation of liberty for more than one year and that the request was accompanied by the required documents.',
      ['It held that the person sought had not shown a real risk of ill-treatment in the requesting State.', 'It dismissed the argument that the prosecution was politically motivated.'],
      'Extradition was authorized subject to the rule of speciality.',
    ],
    commentary: ['The decision confirms that dual criminality is assessed on the basis of the underlying conduct, not of the legal qualification of the offence.'],
  },
  'extradition-refused': {
    title: 'Refusal to extradite a person sought for {crime}',
    summary: 'The court refused extradition to the requesting State ({partner}), and the case was referred to the national prosecuting authorities.',
    decision: [
      ['The court found that the person sought was a national and that the Constitution prohibits the extradition of nationals.', 'The court found that the requesting State had not given sufficient assurances about the conditions of detention.'],
      'Under the principle of extradite or prosecute, the case was submitted without undue delay to the competent authorities for prosecution.',
      'The evidence transmitted by the requesting State was admitted in the national proceedings.',
    ],
    commentary: ['The case shows how the obligation to extradite or prosecute ensures that a refusal to extradite does not lead to impunity.'],
  },
  'mla-evidence': {
    title: 'Conviction for {crime} on evidence obtained through mutual legal assistance',
    summary: 'The court convicted the accused on the basis of evidence obtained from the requested State ({partner}) through mutual legal assistance.',
    decision: [
      'The court admitted the bank records and witness statements obtained abroad, finding that they had been gathered in accordance with the law of the requested State and with the procedures specified in the request.',
      'The accused were sentenced to imprisonment for terms of up to {years}.',
      ['The court also ordered the confiscation of the proceeds of the offence.', 'The court rejected the argument of the defence that evidence obtained abroad was inadmissible.'],
    ],
    commentary: ['The case illustrates the importance of specifying in the request the procedure to be followed, so that evidence gathered abroad is admissible at trial.'],
  },
  jit: {
    title: 'Joint investigation into {crime}',
    summary: 'The accused were convicted following a joint investigation by the national authorities and those of the partner State ({partner}).',
    decision: [
      'The court held that the evidence gathered abroad by members of the joint investigation team was admissible, as it had been obtained in accordance with the agreement setting up the team.',
      'The accused were sentenced to imprisonment for terms of up to {years}.',
    ],
    commentary: ['The joint investigation team made it possible to arrest the suspects simultaneously in both States and to freeze their assets in a coordinated way.'],
  },
  confiscation: {
    title: 'Enforcement of a foreign confiscation order in a case of {crime}',
    summary: 'The court gave effect to a confiscation order issued in the requesting State ({partner}) and ordered the confiscation of assets located on the national territory.',
    decision: [
      'The court found that the confiscation order was final, that the owner had been able to defend his or her rights in the requesting State and that the assets were the proceeds of the offence.',
      ['Half of the confiscated assets are to be shared with the requesting State under an asset-sharing agreement.', 'The confiscated assets are to be returned to the requesting State to compensate the victims.'],
    ],
    commentary: ['The decision illustrates the recognition of foreign confiscation orders and the return of confiscated proceeds to the victims of crime.'],
  },
  'e-evidence': {
    title: 'Electronic evidence obtained from abroad in a case of {crime}',
    summary: 'Data stored by service providers in the requested State ({partner}) were preserved and then obtained through mutual legal assistance.',
    decision: [
      'The court admitted subscriber information, traffic data and stored content obtained from a service provider abroad, finding that the chain of custody had been documented.',
      'The accused were sentenced to imprisonment for terms of up to {years}.',
    ],
    commentary: ['A request for expedited preservation sent through the 24/7 network prevented the deletion of the data before the request for mutual legal assistance arrived.'],
  },
  'video-witness': {
    title: 'Hearing of witnesses by video conference in a case of {crime}',
    summary: 'Witnesses in the requested State ({partner}) were heard by video conference during the trial.',
    decision: [
      'The court held that the hearing by video conference, held in the presence of a judicial authority of the requested State and with interpretation, respected the rights of the defence.',
      'The accused were sentenced to imprisonment for terms of up to {years}.',
    ],
    commentary: ['Hearing the witnesses by video conference spared them the journey and protected them from contact with the accused.'],
  },
  'transfer-sentenced': {
    title: 'Transfer of a person sentenced for {crime}',
    summary: 'The court authorized the transfer of a national sentenced in the sentencing State ({partner}) to serve the rest of the sentence on the national territory.',
    decision: [
      'The court found that the sentenced person had consented to the transfer and that the conduct was an offence under national law.',
      'It adapted the sentence to the maximum penalty provided by national law, namely {years} of imprisonment.',
    ],
    commentary: ['The transfer serves the social rehabilitation of the sentenced person, who can serve the sentence close to his or her family.'],
  },
  'domestic-conviction': {
    title: 'Conviction of members of an organized criminal group for {crime}',
    summary: 'Members of the group were convicted after an investigation conducted in cooperation with the police of the partner State ({partner}).',
    decision: [
      'The court found that the accused had acted within a structured group that existed for a period of time and aimed to obtain a financial benefit.',
      'Evidence from undercover operations and intercepted communications authorized by a judge was admitted.',
      'The accused were sentenced to imprisonment for terms of up to {years}.',
    ],
    commentary: ['Information exchanged between the police services of the two States through liaison officers was decisive in identifying the leaders of the group.'],
  },
};

export const basis: DemoTexts['basis'] = {
  untoc: 'The United Nations Convention against Transnational Organized Crime served as the legal basis for the cooperation, as no bilateral treaty was in force between the two States.',
  other: [
    'The cooperation was based on a bilateral treaty between the two States.',
    'In the absence of a treaty, the cooperation was based on reciprocity.',
    'The cooperation was based on a regional convention to which both States are parties.',
  ],
};

export const courts: DemoTexts['courts'] = {
  apex: ['Supreme Court', 'Supreme Court of Justice', 'Court of Final Appeal'],
  appeal: ['Court of Appeal', 'Court of Appeal, Criminal Division', 'High Court, Appellate Division'],
  trial: ['High Court', 'District Court', 'Regional Court', 'Criminal Court of First Instance'],
};

export function caseNumber(level: 'apex' | 'appeal' | 'trial', n: number, year: number): string {
  if (level === 'apex') return `Criminal Appeal No. ${n} of ${year}`;
  if (level === 'appeal') return `Criminal Appeal No. ${n}/${year}`;
  return `Case No. CR-${n}-${year}`;
}
