/**
 * What the demo corpus is made of, independent of language: kinds of laws and their provisions,
 * case scenarios and procedures, strategy topics and bilateral treaty kinds, each with the tags
 * (instrument articles and taxonomy codes) its entries carry. The wording lives in ../text/.
 */

export interface Tags {
  /** Instrument articles, "untoc:18". Dropped at seed time when the instrument is not loaded. */
  articles?: readonly string[];
  crime?: readonly string[];
  coop?: readonly string[];
  issues?: readonly string[];
  measures?: readonly string[];
}

export const LAW_KINDS = {
  'criminal-code': { from: 1995, weight: 10, numbers: [100, 480], picks: [6, 10], provisions: ['cc-ocg', 'cc-laundering', 'cc-bribery', 'cc-obstruction', 'cc-legal-persons', 'cc-tip', 'cc-som', 'cc-drugs', 'cc-jurisdiction', 'cc-confiscation', 'cc-limitation', 'cc-piracy'] },
  'criminal-procedure': { from: 1995, weight: 9, numbers: [100, 620], picks: [6, 9], provisions: ['cp-sit', 'cp-interception', 'cp-witness', 'cp-video', 'cp-freezing', 'cp-search', 'cp-victims', 'cp-jit', 'cp-transfer-proceedings'] },
  'mla-law': { from: 1995, weight: 9, numbers: [1, 60], picks: [8, 12], provisions: ['mla-scope', 'mla-central-authority', 'mla-convention-basis', 'mla-request-content', 'mla-language', 'mla-refusal', 'mla-confidentiality', 'mla-evidence', 'mla-records', 'mla-transfer-detained', 'mla-spontaneous', 'mla-urgent'] },
  'aml-law': { from: 1998, weight: 7, numbers: [1, 80], picks: [4, 5], provisions: ['aml-offence', 'aml-cdd', 'aml-fiu', 'aml-freeze', 'aml-sharing'] },
  'tip-law': { from: 2001, weight: 7, numbers: [1, 60], picks: [4, 6], provisions: ['tip-definition', 'tip-offence', 'tip-assistance', 'tip-residence', 'tip-repatriation', 'tip-prevention'] },
  'cybercrime-law': { from: 2002, weight: 7, numbers: [1, 70], picks: [7, 9], provisions: ['cy-access', 'cy-fraud', 'cy-preservation', 'cy-production', 'cy-search', 'cy-traffic', 'cy-intl-preservation', 'cy-247', 'cy-emergency'] },
  'extradition-law': { from: 1995, weight: 8, numbers: [1, 70], picks: [6, 8], provisions: ['ex-offences', 'ex-basis', 'ex-nationals', 'ex-refusal', 'ex-provisional', 'ex-simplified', 'ex-speciality', 'ex-transfer-sentenced'] },
  'witness-protection-law': { from: 2000, weight: 4, numbers: [1, 50], picks: [3, 4], provisions: ['wp-programme', 'wp-relocation', 'wp-testimony', 'wp-cooperators'] },
  'som-law': { from: 2002, weight: 4, numbers: [1, 50], picks: [3, 4], provisions: ['som-offence', 'som-aggravation', 'som-migrants', 'som-sea'] },
  'firearms-law': { from: 2002, weight: 3, numbers: [1, 90], picks: [3, 4], provisions: ['fa-manufacturing', 'fa-marking', 'fa-records', 'fa-licensing'] },
  'anti-corruption-law': { from: 2004, weight: 5, numbers: [1, 90], picks: [3, 5], provisions: ['ac-foreign-bribery', 'ac-illicit-enrichment', 'ac-asset-recovery', 'ac-mla', 'ac-whistleblowers'] },
  'drug-law': { from: 1995, weight: 3, numbers: [1, 120], picks: [2, 2], provisions: ['dr-trafficking', 'dr-controlled-delivery'] },
  'terrorism-law': { from: 2001, weight: 3, numbers: [1, 60], picks: [2, 2], provisions: ['te-offence', 'te-financing'] },
  'wildlife-law': { from: 1998, weight: 2, numbers: [1, 150], picks: [2, 2], provisions: ['wl-trafficking', 'wl-fisheries'] },
  'cultural-property-law': { from: 1995, weight: 2, numbers: [1, 120], picks: [2, 2], provisions: ['cu-trafficking', 'cu-return'] },
  'medical-products-law': { from: 2005, weight: 2, numbers: [1, 140], picks: [2, 2], provisions: ['md-falsified', 'md-counterfeit'] },
} as const;

export type LawKind = keyof typeof LAW_KINDS;
export type ProvisionKey = (typeof LAW_KINDS)[LawKind]['provisions'][number];
export const LAW_KIND_KEYS = Object.keys(LAW_KINDS) as LawKind[];

export const PROVISION_TAGS: Record<ProvisionKey, Tags> = {
  'cc-ocg': { articles: ['untoc:2', 'untoc:5'], crime: ['organized-criminal-group'] },
  'cc-laundering': { articles: ['untoc:6', 'uncac:23'], crime: ['money-laundering'] },
  'cc-bribery': { articles: ['untoc:8', 'uncac:15'], crime: ['corruption'] },
  'cc-obstruction': { articles: ['untoc:23', 'uncac:25'], crime: ['obstruction-of-justice'], issues: ['witness-protection'] },
  'cc-legal-persons': { articles: ['untoc:10', 'uncac:26'], issues: ['liability-of-legal-persons'] },
  'cc-tip': { articles: ['untoc-tip:3', 'untoc-tip:5'], crime: ['trafficking-in-persons'], issues: ['children', 'gender'] },
  'cc-som': { articles: ['untoc-som:3', 'untoc-som:6'], crime: ['smuggling-of-migrants'] },
  'cc-drugs': { crime: ['drug-offences'] },
  'cc-jurisdiction': { articles: ['untoc:15', 'uncac:42'], issues: ['jurisdiction'] },
  'cc-confiscation': { articles: ['untoc:12', 'uncac:31'], coop: ['confiscation'], measures: ['tracing-proceeds'] },
  'cc-limitation': { articles: ['untoc:11', 'uncac:29'], issues: ['statute-of-limitations'] },
  'cc-piracy': { crime: ['piracy-maritime-crime'], issues: ['jurisdiction'] },

  'cp-sit': { articles: ['untoc:20', 'uncac:50'], coop: ['special-investigative-techniques'], crime: ['organized-criminal-group'] },
  'cp-interception': { articles: ['untoc:20', 'coe-cybercrime:21'], measures: ['interception-content-data'], issues: ['electronic-evidence', 'human-rights-safeguards'] },
  'cp-witness': { articles: ['untoc:24', 'uncac:32'], issues: ['witness-protection'] },
  'cp-video': { articles: ['untoc:18', 'untoc:24'], issues: ['video-conference'], measures: ['video-hearing'] },
  'cp-freezing': { articles: ['untoc:12', 'untoc:13'], coop: ['confiscation'], measures: ['search-seizure-freezing'] },
  'cp-search': { measures: ['search-seizure-freezing', 'examining-objects-sites'], issues: ['human-rights-safeguards'] },
  'cp-victims': { articles: ['untoc:25'], issues: ['victim-assistance'] },
  'cp-jit': { articles: ['untoc:19', 'uncac:49'], coop: ['joint-investigations'] },
  'cp-transfer-proceedings': { articles: ['untoc:21', 'uncac:47'], coop: ['transfer-proceedings'] },

  'mla-scope': { articles: ['untoc:18', 'coe-mla:1'], coop: ['mla'], measures: ['other-assistance'] },
  'mla-central-authority': { articles: ['untoc:18', 'uncac:46'], coop: ['mla'] },
  'mla-convention-basis': { articles: ['untoc:18', 'uncac:46'], coop: ['mla'] },
  'mla-request-content': { articles: ['untoc:18', 'coe-mla:14'], coop: ['mla'] },
  'mla-language': { articles: ['untoc:18', 'coe-mla:16'], coop: ['mla'] },
  'mla-refusal': { articles: ['untoc:18', 'coe-mla:2'], coop: ['mla'], issues: ['dual-criminality', 'human-rights-safeguards'] },
  'mla-confidentiality': { articles: ['untoc:18'], coop: ['mla'], issues: ['confidentiality'] },
  'mla-evidence': { articles: ['untoc:18', 'coe-mla:3'], coop: ['mla'], measures: ['taking-evidence', 'service-of-documents'] },
  'mla-records': { articles: ['untoc:18', 'uncac:40'], coop: ['mla'], measures: ['documents-records', 'information-expert-evaluations'] },
  'mla-transfer-detained': { articles: ['untoc:18', 'coe-mla:11'], coop: ['mla'], measures: ['voluntary-appearance'] },
  'mla-spontaneous': { articles: ['untoc:18'], coop: ['mla'], measures: ['information-expert-evaluations'] },
  'mla-urgent': { articles: ['untoc:18'], coop: ['mla'], measures: ['other-assistance'] },

  'aml-offence': { articles: ['untoc:6'], crime: ['money-laundering'] },
  'aml-cdd': { articles: ['untoc:7', 'uncac:14'], crime: ['money-laundering'], measures: ['documents-records'] },
  'aml-fiu': { articles: ['untoc:7', 'uncac:58'], crime: ['money-laundering'], coop: ['law-enforcement-cooperation'] },
  'aml-freeze': { articles: ['untoc:12'], coop: ['confiscation'], measures: ['search-seizure-freezing'] },
  'aml-sharing': { articles: ['untoc:13', 'untoc:14'], coop: ['confiscation'] },

  'tip-definition': { articles: ['untoc-tip:3'], crime: ['trafficking-in-persons'], issues: ['children'] },
  'tip-offence': { articles: ['untoc-tip:5'], crime: ['trafficking-in-persons'], issues: ['children', 'gender'] },
  'tip-assistance': { articles: ['untoc-tip:6', 'untoc:25'], crime: ['trafficking-in-persons'], issues: ['victim-assistance', 'gender'] },
  'tip-residence': { articles: ['untoc-tip:7'], crime: ['trafficking-in-persons'], issues: ['victim-assistance'] },
  'tip-repatriation': { articles: ['untoc-tip:8'], crime: ['trafficking-in-persons'], coop: ['law-enforcement-cooperation'], issues: ['victim-assistance'] },
  'tip-prevention': { articles: ['untoc-tip:9', 'untoc-tip:10'], crime: ['trafficking-in-persons'], coop: ['law-enforcement-cooperation'] },

  'cy-access': { articles: ['coe-cybercrime:2'], crime: ['cybercrime'] },
  'cy-fraud': { articles: ['coe-cybercrime:8'], crime: ['cybercrime'] },
  'cy-preservation': { articles: ['coe-cybercrime:16'], crime: ['cybercrime'], measures: ['data-preservation'], issues: ['electronic-evidence'] },
  'cy-production': { articles: ['coe-cybercrime:18'], measures: ['subscriber-information'], issues: ['electronic-evidence'] },
  'cy-search': { articles: ['coe-cybercrime:19'], measures: ['stored-data-access', 'search-seizure-freezing'], issues: ['electronic-evidence'] },
  'cy-traffic': { articles: ['coe-cybercrime:20'], measures: ['real-time-traffic-data'], issues: ['electronic-evidence', 'human-rights-safeguards'] },
  'cy-intl-preservation': { articles: ['coe-cybercrime:29', 'coe-cybercrime:30'], coop: ['mla'], measures: ['data-preservation', 'traffic-data-disclosure'], issues: ['electronic-evidence'] },
  'cy-247': { articles: ['coe-cybercrime:35'], coop: ['law-enforcement-cooperation'], issues: ['electronic-evidence'] },
  'cy-emergency': { articles: ['coe-cybercrime:31'], coop: ['mla'], measures: ['emergency-disclosure'], issues: ['electronic-evidence'] },

  'ex-offences': { articles: ['untoc:16', 'coe-extradition:2'], coop: ['extradition'], issues: ['dual-criminality'] },
  'ex-basis': { articles: ['untoc:16', 'uncac:44'], coop: ['extradition'] },
  'ex-nationals': { articles: ['untoc:16', 'coe-extradition:6'], coop: ['extradition'], issues: ['jurisdiction'] },
  'ex-refusal': { articles: ['untoc:16', 'coe-extradition:3'], coop: ['extradition'], issues: ['human-rights-safeguards'] },
  'ex-provisional': { articles: ['untoc:16', 'coe-extradition:16'], coop: ['extradition'] },
  'ex-simplified': { articles: ['untoc:16'], coop: ['extradition'] },
  'ex-speciality': { articles: ['coe-extradition:14'], coop: ['extradition'] },
  'ex-transfer-sentenced': { articles: ['untoc:17', 'uncac:45'], coop: ['transfer-sentenced-persons'] },

  'wp-programme': { articles: ['untoc:24'], issues: ['witness-protection'] },
  'wp-relocation': { articles: ['untoc:24'], coop: ['law-enforcement-cooperation'], issues: ['witness-protection'] },
  'wp-testimony': { articles: ['untoc:24', 'untoc:18'], issues: ['witness-protection', 'video-conference'], measures: ['video-hearing'] },
  'wp-cooperators': { articles: ['untoc:26', 'uncac:37'], issues: ['witness-protection'] },

  'som-offence': { articles: ['untoc-som:6'], crime: ['smuggling-of-migrants'] },
  'som-aggravation': { articles: ['untoc-som:6'], crime: ['smuggling-of-migrants'], issues: ['children', 'human-rights-safeguards'] },
  'som-migrants': { articles: ['untoc-som:5', 'untoc-som:16'], crime: ['smuggling-of-migrants'], issues: ['human-rights-safeguards'] },
  'som-sea': { articles: ['untoc-som:7', 'untoc-som:8'], crime: ['smuggling-of-migrants'], coop: ['law-enforcement-cooperation'] },

  'fa-manufacturing': { articles: ['untoc-firearms:5'], crime: ['firearms-trafficking'] },
  'fa-marking': { articles: ['untoc-firearms:8'], crime: ['firearms-trafficking'] },
  'fa-records': { articles: ['untoc-firearms:7', 'untoc-firearms:12'], crime: ['firearms-trafficking'], measures: ['documents-records'] },
  'fa-licensing': { articles: ['untoc-firearms:10'], crime: ['firearms-trafficking'] },

  'ac-foreign-bribery': { articles: ['uncac:16'], crime: ['corruption'] },
  'ac-illicit-enrichment': { articles: ['uncac:20'], crime: ['corruption'] },
  'ac-asset-recovery': { articles: ['uncac:54', 'uncac:55'], crime: ['corruption'], coop: ['confiscation'], measures: ['tracing-proceeds'] },
  'ac-mla': { articles: ['uncac:46'], crime: ['corruption'], coop: ['mla'] },
  'ac-whistleblowers': { articles: ['uncac:33'], crime: ['corruption'], issues: ['witness-protection'] },

  'dr-trafficking': { crime: ['drug-offences'] },
  'dr-controlled-delivery': { articles: ['untoc:20'], crime: ['drug-offences'], coop: ['special-investigative-techniques'] },
  'te-offence': { crime: ['terrorism'] },
  'te-financing': { crime: ['terrorism', 'money-laundering'], measures: ['search-seizure-freezing'] },
  'wl-trafficking': { crime: ['wildlife-forest-fisheries-crime'] },
  'wl-fisheries': { crime: ['wildlife-forest-fisheries-crime'], coop: ['law-enforcement-cooperation'] },
  'cu-trafficking': { crime: ['cultural-property-trafficking'] },
  'cu-return': { crime: ['cultural-property-trafficking'], coop: ['law-enforcement-cooperation'] },
  'md-falsified': { crime: ['falsified-medical-products'] },
  'md-counterfeit': { crime: ['counterfeiting', 'falsified-medical-products'] },
};

/** Case facts by crime. */
export const SCENARIOS = {
  'tip-sexual': { crime: ['trafficking-in-persons', 'organized-criminal-group'], articles: ['untoc-tip:3', 'untoc-tip:5', 'untoc:5'], issues: ['victim-assistance', 'gender'] },
  'tip-labour': { crime: ['trafficking-in-persons'], articles: ['untoc-tip:3', 'untoc-tip:5'], issues: ['victim-assistance'] },
  'som-sea': { crime: ['smuggling-of-migrants', 'organized-criminal-group'], articles: ['untoc-som:6', 'untoc-som:8'], issues: ['human-rights-safeguards'] },
  'drugs-cocaine': { crime: ['drug-offences', 'organized-criminal-group'], articles: ['untoc:5'] },
  'laundering': { crime: ['money-laundering'], articles: ['untoc:6'], issues: ['liability-of-legal-persons'] },
  'bribery': { crime: ['corruption', 'money-laundering'], articles: ['uncac:15', 'uncac:23'] },
  'ransomware': { crime: ['cybercrime'], articles: ['coe-cybercrime:2', 'coe-cybercrime:4'], issues: ['electronic-evidence'] },
  'online-fraud': { crime: ['cybercrime', 'money-laundering'], articles: ['coe-cybercrime:8'], issues: ['electronic-evidence'] },
  'firearms': { crime: ['firearms-trafficking', 'organized-criminal-group'], articles: ['untoc-firearms:5'] },
  'cultural': { crime: ['cultural-property-trafficking'], articles: [] },
  'wildlife': { crime: ['wildlife-forest-fisheries-crime', 'organized-criminal-group'], articles: ['untoc:5'] },
  'piracy': { crime: ['piracy-maritime-crime'], articles: [], issues: ['jurisdiction'] },
  'counterfeit': { crime: ['counterfeiting'], articles: [] },
  'medicines': { crime: ['falsified-medical-products', 'counterfeiting'], articles: [] },
  'terror-financing': { crime: ['terrorism', 'money-laundering'], articles: [] },
  'obstruction': { crime: ['obstruction-of-justice', 'organized-criminal-group'], articles: ['untoc:23'], issues: ['witness-protection'] },
} as const satisfies Record<string, Tags>;
export type ScenarioKey = keyof typeof SCENARIOS;
export const SCENARIO_KEYS = Object.keys(SCENARIOS) as ScenarioKey[];

/** What the court decided, and on which kind of cooperation. `court`: the level of court deciding. */
export const PROCEDURES = {
  'extradition-granted': { court: 'appeal', coop: ['extradition'], articles: ['untoc:16'], issues: ['dual-criminality'], untocShare: 0.5 },
  'extradition-refused': { court: 'apex', coop: ['extradition'], articles: ['untoc:16'], issues: ['human-rights-safeguards', 'jurisdiction'], untocShare: 0.4 },
  'mla-evidence': { court: 'trial', coop: ['mla'], articles: ['untoc:18'], measures: ['taking-evidence', 'documents-records'], untocShare: 0.45 },
  'jit': { court: 'trial', coop: ['joint-investigations', 'mla'], articles: ['untoc:19'], untocShare: 0.35 },
  'confiscation': { court: 'appeal', coop: ['confiscation'], articles: ['untoc:13', 'untoc:14'], measures: ['search-seizure-freezing', 'tracing-proceeds'], untocShare: 0.4 },
  'e-evidence': { court: 'trial', coop: ['mla'], articles: ['coe-cybercrime:29', 'untoc:18'], measures: ['data-preservation', 'subscriber-information'], issues: ['electronic-evidence'], untocShare: 0.2 },
  'video-witness': { court: 'trial', coop: ['mla'], articles: ['untoc:18', 'untoc:24'], measures: ['video-hearing'], issues: ['video-conference', 'witness-protection'], untocShare: 0.35 },
  'transfer-sentenced': { court: 'appeal', coop: ['transfer-sentenced-persons'], articles: ['untoc:17'], untocShare: 0.25 },
  'domestic-conviction': { court: 'trial', coop: ['law-enforcement-cooperation', 'special-investigative-techniques'], articles: ['untoc:20', 'untoc:27'], untocShare: 0 },
} as const satisfies Record<string, Tags & { court: 'apex' | 'appeal' | 'trial'; untocShare: number }>;
export type ProcedureKey = keyof typeof PROCEDURES;
export const PROCEDURE_KEYS = Object.keys(PROCEDURES) as ProcedureKey[];

/** Procedures that fit each scenario (e-evidence only where data held abroad matters, confiscation only where there are proceeds). */
export function proceduresFor(s: ScenarioKey): ProcedureKey[] {
  const digital = ['ransomware', 'online-fraud', 'tip-sexual', 'laundering', 'terror-financing', 'drugs-cocaine'].includes(s);
  const proceeds = s !== 'obstruction';
  return PROCEDURE_KEYS.filter((p) => (p !== 'e-evidence' || digital) && (p !== 'confiscation' || proceeds));
}

export const STRATEGY_TOPICS = {
  'organized-crime': { crime: ['organized-criminal-group', 'money-laundering'], coop: ['mla', 'extradition', 'law-enforcement-cooperation'], issues: [] },
  'trafficking-in-persons': { crime: ['trafficking-in-persons'], coop: ['law-enforcement-cooperation'], issues: ['victim-assistance', 'gender', 'children'] },
  'smuggling-of-migrants': { crime: ['smuggling-of-migrants'], coop: ['law-enforcement-cooperation'], issues: ['human-rights-safeguards'] },
  'corruption': { crime: ['corruption'], coop: ['confiscation', 'mla'], issues: ['witness-protection'] },
  'cybercrime': { crime: ['cybercrime'], coop: ['mla', 'law-enforcement-cooperation'], issues: ['electronic-evidence'] },
  'drugs': { crime: ['drug-offences'], coop: ['law-enforcement-cooperation', 'special-investigative-techniques'], issues: [] },
  'money-laundering': { crime: ['money-laundering', 'terrorism'], coop: ['confiscation'], issues: ['liability-of-legal-persons'] },
  'firearms': { crime: ['firearms-trafficking'], coop: ['law-enforcement-cooperation'], issues: [] },
  'wildlife': { crime: ['wildlife-forest-fisheries-crime'], coop: ['law-enforcement-cooperation'], issues: [] },
} as const satisfies Record<string, Tags>;
export type StrategyTopic = keyof typeof STRATEGY_TOPICS;
export const STRATEGY_TOPIC_KEYS = Object.keys(STRATEGY_TOPICS) as StrategyTopic[];

/** Bilateral treaties: the terms of each of their provisions, in order (texts in ../text/). */
export const TREATY_KINDS = {
  mla: {
    coop: ['mla'],
    articles: ['untoc:18'],
    provisionTerms: [['cooperation:mla', 'measure:other-assistance'], ['cooperation:mla'], ['cooperation:mla', 'issue:human-rights-safeguards'], ['cooperation:mla'], ['cooperation:mla', 'measure:taking-evidence'], ['issue:confidentiality'], ['issue:video-conference', 'measure:video-hearing'], []],
  },
  extradition: {
    coop: ['extradition'],
    articles: ['untoc:16'],
    provisionTerms: [['cooperation:extradition'], ['cooperation:extradition', 'issue:dual-criminality'], ['cooperation:extradition', 'issue:human-rights-safeguards'], ['cooperation:extradition', 'issue:jurisdiction'], ['cooperation:extradition'], ['cooperation:extradition'], []],
  },
  transfer: {
    coop: ['transfer-sentenced-persons'],
    articles: ['untoc:17'],
    provisionTerms: [['cooperation:transfer-sentenced-persons'], ['cooperation:transfer-sentenced-persons'], ['cooperation:transfer-sentenced-persons', 'issue:human-rights-safeguards'], ['cooperation:transfer-sentenced-persons'], []],
  },
} as const;
export type TreatyKind = keyof typeof TREATY_KINDS;
export const TREATY_KIND_KEYS = Object.keys(TREATY_KINDS) as TreatyKind[];
