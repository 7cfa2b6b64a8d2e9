/** English: provisions of criminal codes, codes of criminal procedure and laws on mutual legal assistance. */
import type { ProvisionsOf, Part1Kinds } from '../types.js';

export const provisions1: ProvisionsOf<Part1Kinds> = {
  'cc-ocg': {
    h: 'Participation in an organized criminal group',
    b: [
      'Any person who, with knowledge of the aim and general criminal activity of an organized criminal group, takes an active part in its criminal activities shall be punished by imprisonment for a term of not less than {min} and not more than {years}.',
      ['Any person who organizes, directs, aids, abets, facilitates or counsels the commission of a serious crime involving an organized criminal group shall be liable to the same penalty.', 'The penalty is increased by one third where the offender leads the group or where the group uses violence or corruption.'],
      'An organized criminal group is a structured group of three or more persons, existing for a period of time and acting in concert with the aim of committing serious crimes in order to obtain a financial or other material benefit.',
    ],
  },
  'cc-laundering': {
    h: 'Laundering of proceeds of crime',
    b: [
      'Any person who converts or transfers property, knowing that it is the proceeds of crime, for the purpose of concealing or disguising its illicit origin shall be punished by imprisonment for a term of up to {years}.',
      'The same penalty applies to the concealment of the true nature, source, location or ownership of such property, and to its acquisition, possession or use with knowledge of its origin.',
      ['Offences committed abroad are predicate offences where the act is also an offence in the State where it was committed.', 'Knowledge, intent or purpose may be inferred from objective factual circumstances.'],
    ],
  },
  'cc-bribery': {
    h: 'Bribery of public officials',
    b: [
      'A public official who solicits or accepts an undue advantage, for himself or herself or for another person, in order to act or refrain from acting in the exercise of official duties shall be punished by imprisonment for a term of not less than {min} and not more than {years}.',
      'Any person who promises, offers or gives such an advantage to a public official is liable to the same penalty.',
      ['The court also orders the confiscation of the advantage or of property of equivalent value.', 'A person who reports the offence to the authorities before it is discovered may be exempted from punishment.'],
    ],
  },
  'cc-obstruction': {
    h: 'Obstruction of justice',
    b: [
      'Any person who uses physical force, threats or intimidation, or offers or gives an undue advantage, to induce false testimony or to interfere in the giving of testimony or the production of evidence shall be punished by imprisonment for a term of up to {years}.',
      'The same penalty applies to any person who uses force, threats or intimidation to interfere with the official duties of a judge, prosecutor or law enforcement officer.',
    ],
  },
  'cc-legal-persons': {
    h: 'Liability of legal persons',
    b: [
      'A legal person is criminally liable for offences committed on its behalf and for its benefit by its organs or representatives, or made possible by a lack of supervision.',
      'The liability of the legal person does not exclude the criminal liability of the natural persons who committed the offence.',
      ['A legal person may be sentenced to a fine, to confiscation, to exclusion from public procurement or to dissolution.', 'Penalties imposed on legal persons shall be effective, proportionate and dissuasive.'],
    ],
  },
  'cc-tip': {
    h: 'Trafficking in persons',
    b: [
      'Any person who recruits, transports, transfers, harbours or receives a person by means of threat, force, coercion, abduction, fraud, deception or the abuse of power or of a position of vulnerability, for the purpose of exploitation, shall be punished by imprisonment for a term of not less than {min} and not more than {years}.',
      'Where the victim is a child, the offence is established even if none of these means has been used.',
      ['The consent of the victim to the intended exploitation is irrelevant.', 'The penalty is increased where the offence endangered the life of the victim or was committed by an organized criminal group.'],
    ],
  },
  'cc-som': {
    h: 'Smuggling of migrants',
    b: [
      'Any person who, in order to obtain a financial or other material benefit, procures the illegal entry of a person into a State of which that person is not a national or a permanent resident shall be punished by imprisonment for a term of up to {years}.',
      'The penalty is increased where the offence endangers the lives or safety of the migrants or entails their inhuman or degrading treatment.',
    ],
  },
  'cc-drugs': {
    h: 'Illicit trafficking in narcotic drugs',
    b: [
      'Any person who, without authorization, produces, offers, sells, distributes, transports, imports or exports narcotic drugs or psychotropic substances shall be punished by imprisonment for a term of not less than {min} and not more than {years}.',
      ['The penalty is increased where the offence is committed by an organized criminal group or involves the use of children.', 'Possession of such substances in quantities indicating that they are intended for trafficking is punished as trafficking.'],
    ],
  },
  'cc-jurisdiction': {
    h: 'Jurisdiction',
    b: [
      'The criminal law applies to offences committed on the national territory, on board a vessel flying the national flag or on board an aircraft registered under national law.',
      'It also applies to offences committed abroad by or against a national, and to offences committed abroad where the alleged offender is present on the national territory and is not extradited on the ground of nationality.',
    ],
  },
  'cc-confiscation': {
    h: 'Confiscation of proceeds and instrumentalities',
    b: [
      'Upon conviction, the court orders the confiscation of the proceeds of crime or of property of corresponding value, and of the instrumentalities used in or destined for use in the offence.',
      'Where proceeds of crime have been converted into other property or intermingled with lawfully acquired property, that property is liable to confiscation up to the assessed value of the proceeds.',
      ['Income or other benefits derived from the proceeds of crime are liable to confiscation in the same manner.', 'The rights of bona fide third parties are protected.'],
    ],
  },
  'cc-limitation': {
    h: 'Limitation period',
    b: [
      'Prosecution of a serious offence is barred after {years} from the date on which the offence was committed.',
      'The limitation period is suspended while the alleged offender evades the administration of justice, in particular while he or she is abroad and cannot be extradited.',
      'Any act of investigation or prosecution, including a request for mutual legal assistance or for extradition, interrupts the limitation period.',
    ],
  },
  'cc-piracy': {
    h: 'Piracy',
    b: [
      'Any person who commits an illegal act of violence, detention or depredation for private ends against a ship on the high seas, or against persons or property on board such a ship, shall be punished by imprisonment for a term of not less than {min} and not more than {years}.',
      'The courts have jurisdiction over such acts wherever they are committed, where the suspect is present on the national territory.',
    ],
  },
  'cp-sit': {
    h: 'Special investigative techniques',
    b: [
      'Where the investigation of a serious offence committed by an organized criminal group so requires, the public prosecutor may authorize controlled delivery, undercover operations and electronic surveillance for a period of not more than {months}, renewable once.',
      ['Controlled deliveries may be carried out in agreement with the competent authorities of other States, under international agreements or arrangements concluded case by case.', 'Evidence obtained by these techniques is admissible in court provided that the authorization and its execution were recorded.'],
      'The authorization is given in writing, states its reasons and is reviewed by a judge.',
    ],
  },
  'cp-interception': {
    h: 'Interception of communications',
    b: [
      'On a reasoned application by the public prosecutor, the investigating judge may order the interception and recording of telecommunications and of content data transmitted by means of a computer system, where the investigation concerns an offence punishable by imprisonment of not less than {min}.',
      'The order specifies the communications concerned and is issued for a period of not more than {months}; it may be renewed under the same conditions.',
      ['Recordings that are irrelevant to the investigation are destroyed.', 'Communications between the suspect and his or her lawyer may not be transcribed.'],
    ],
  },
  'cp-witness': {
    h: 'Protection of witnesses in criminal proceedings',
    b: [
      'Where there is a serious risk to the life or safety of a witness, an expert or a victim, or of his or her relatives, the court may allow testimony to be given without disclosure of the identity or whereabouts of that person.',
      'Testimony may be given by video link or other adequate means, and the voice and image of the witness may be distorted.',
      ['A conviction may not be based solely or to a decisive extent on anonymous testimony.', 'The defence is given an adequate opportunity to question the protected witness.'],
    ],
  },
  'cp-video': {
    h: 'Hearing by video conference',
    b: [
      'Where a witness or expert is abroad and it is not possible or desirable for him or her to appear in person, the hearing may take place by video conference at the request of a foreign judicial authority, or at the request of a national judicial authority addressed to a foreign State.',
      'The hearing is conducted by the judicial authority of the requesting State in the presence of a judicial authority of the requested State.',
      ['The person heard may be assisted by an interpreter and by counsel.', 'False testimony given in such a hearing is punishable as if it had been given before a national court.'],
    ],
  },
  'cp-freezing': {
    h: 'Seizure and freezing of property',
    b: [
      'In the course of an investigation, the investigating judge may order the freezing or seizure of any property that may be subject to confiscation.',
      'Such a measure may also be ordered on the request of a foreign authority where the property is on the national territory.',
      ['The owner and any third party claiming an interest in the property may challenge the order within {days} of its notification.', 'The measure lapses if no confiscation order has been made within {months}, unless the court extends it.'],
    ],
  },
  'cp-search': {
    h: 'Search and seizure',
    b: [
      'Premises and vehicles may be searched by the judicial police on a warrant issued by a judge, in the presence of the occupant or of two witnesses.',
      'Objects and documents that may serve as evidence are seized, listed and sealed; the examination of premises and objects may be entrusted to experts.',
      ['The occupant receives a copy of the record of the search.', 'Searches at night are permitted only for serious offences committed by organized criminal groups.'],
    ],
  },
  'cp-victims': {
    h: 'Rights of victims',
    b: [
      'Victims are informed of their rights, of the progress of the proceedings and of the release of the offender.',
      'They may join the proceedings as civil parties and claim compensation, and their views and concerns are presented and considered at appropriate stages of the proceedings.',
      ['Victims are entitled to free legal aid and to the assistance of an interpreter.', 'The court may hear a victim in the absence of the accused where this is necessary for the protection of the victim.'],
    ],
  },
  'cp-jit': {
    h: 'Joint investigation teams',
    b: [
      'The public prosecutor may agree with the competent authorities of one or more other States to set up a joint investigation team for a specific purpose and a limited period.',
      'Members of the team from other States may be present when investigative measures are taken on the national territory.',
      ['Information lawfully obtained by the team may be used for the purposes for which the team was set up.', 'The agreement setting up the team determines its composition, duration, leadership and costs.'],
    ],
  },
  'cp-transfer-proceedings': {
    h: 'Transfer of criminal proceedings',
    b: [
      'Where it is in the interests of the proper administration of justice, in particular where several jurisdictions are involved, the public prosecutor may ask a foreign State to take over the prosecution of an offence.',
      'Proceedings may likewise be taken over at the request of a foreign State where the suspect is a national or habitually resides on the national territory.',
      ['Evidence gathered in the requesting State has the same value as if it had been gathered by national authorities.', 'Once the proceedings have been taken over, the prosecution in the requesting State is suspended.'],
    ],
  },
  'mla-scope': {
    h: 'Scope of mutual legal assistance',
    b: [
      'The competent authorities afford the widest measure of mutual legal assistance in investigations, prosecutions and judicial proceedings in relation to criminal offences, including offences for which a legal person may be held liable.',
      'Assistance may be requested for taking evidence or statements, serving judicial documents, executing searches, seizures and freezing, examining objects and sites, providing information, evidentiary items, expert evaluations and records, tracing proceeds of crime, facilitating the voluntary appearance of persons, and any other assistance not contrary to national law.',
    ],
  },
  'mla-central-authority': {
    h: 'Central authority',
    b: [
      '{Authority} is the central authority with the responsibility and power to receive requests for mutual legal assistance and either to execute them or to transmit them to the competent authorities for execution.',
      'The central authority ensures the speedy and proper execution or transmission of the requests and may communicate directly with the central authorities of other States.',
      ['In urgent cases, requests may be transmitted through the International Criminal Police Organization (INTERPOL).', 'The central authority keeps a register of incoming and outgoing requests and of the action taken on them.'],
    ],
  },
  'mla-convention-basis': {
    h: 'Legal basis for assistance',
    b: [
      'Mutual legal assistance may be afforded on the basis of a treaty, of the United Nations Convention against Transnational Organized Crime or another multilateral convention to which the State is a party, or, in the absence of a treaty, on the basis of reciprocity.',
      'Where no treaty is in force with the requesting State, paragraphs 9 to 29 of article 18 of that Convention apply to requests made under it.',
    ],
  },
  'mla-request-content': {
    h: 'Content of requests',
    b: [
      'A request states the authority making it; the subject matter and nature of the investigation, prosecution or proceeding and the authority conducting it; a summary of the relevant facts, except for requests for the service of documents; the assistance sought and any procedure to be followed; where possible, the identity, location and nationality of any person concerned; and the purpose of the request.',
      'The central authority may ask for additional information where it is needed to execute the request.',
    ],
  },
  'mla-language': {
    h: 'Language and form of requests',
    b: [
      'Requests are made in writing or by any means capable of producing a written record, in the official language or in another language acceptable to the central authority, under conditions allowing their authenticity to be established.',
      'In urgent circumstances, requests may be made orally, provided that they are confirmed in writing within {days}.',
    ],
  },
  'mla-refusal': {
    h: 'Grounds for refusal',
    b: [
      'Assistance may be refused if the request does not conform to the law, if its execution is likely to prejudice the sovereignty, security, public order or other essential interests of the State, or if the action requested would be prohibited in respect of a similar offence under national law.',
      'Assistance is refused where there are substantial grounds for believing that the request has been made to prosecute or punish a person on account of sex, race, religion, nationality, ethnic origin or political opinions.',
      ['Assistance may not be refused on the ground of bank secrecy or on the sole ground that the offence also involves fiscal matters.', 'Where the request does not involve coercive action, assistance may be given in the absence of dual criminality.'],
      'Reasons are given for any refusal.',
    ],
  },
  'mla-confidentiality': {
    h: 'Confidentiality and limitation of use',
    b: [
      'At the request of the requesting State, the central authority keeps confidential the fact and substance of the request, except to the extent necessary to execute it; where this is not possible, the requesting State is informed without delay.',
      'Information or evidence furnished by a foreign State is not used for proceedings other than those stated in its request without its prior consent, unless the information is exculpatory to an accused person.',
    ],
  },
  'mla-evidence': {
    h: 'Taking of evidence and service of documents',
    b: [
      'Requests for the hearing of witnesses, experts or suspects, or for the service of judicial documents, are executed in accordance with national law and, to the extent not contrary to it, in accordance with the procedures specified in the request.',
      'Representatives of the requesting authority may, with the consent of the competent judge, attend the execution of the request and put questions through the judge.',
      ['Proof of service is a receipt dated and signed by the addressee or a declaration by the authority that served the document.', 'Statements are recorded in writing and signed by the person heard, the judge and, where applicable, the interpreter.'],
    ],
  },
  'mla-records': {
    h: 'Records, information and expert evaluations',
    b: [
      'On request, the competent authorities provide originals or certified copies of relevant documents and records, including government, bank, financial, corporate or business records, as well as information, evidentiary items and expert evaluations.',
      'Financial institutions comply within {days} with an order to produce records issued for the execution of a request, and bank secrecy may not be invoked against such an order.',
    ],
  },
  'mla-transfer-detained': {
    h: 'Transfer of detained persons to give testimony',
    b: [
      'A person detained or serving a sentence on the national territory whose presence is requested in another State for identification, testimony or other assistance may be transferred if the person freely gives informed consent and the competent authorities of both States agree.',
      'The receiving State keeps the person in custody and returns him or her as soon as the evidence has been given; the time spent in custody abroad counts towards the sentence being served.',
    ],
  },
  'mla-spontaneous': {
    h: 'Spontaneous transmission of information',
    b: [
      'Without prior request, the competent authorities may transmit information relating to criminal matters to a competent authority of another State where they believe that it could assist that authority in inquiries and criminal proceedings or could result in a request for assistance.',
      'The receiving authority may be asked to keep the information confidential or to respect restrictions on its use.',
    ],
  },
  'mla-urgent': {
    h: 'Urgent requests and progress of execution',
    b: [
      'Requests concerning persons in custody, the preservation of evidence or the freezing of assets that may disappear are executed as a matter of priority.',
      'The central authority responds to reasonable requests from the requesting State on the progress of its handling of the request.',
      'Before postponing execution because it would interfere with an ongoing investigation, the central authority consults the requesting State to consider whether assistance may be given subject to conditions.',
    ],
  },
};
