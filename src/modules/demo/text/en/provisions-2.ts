/** English: provisions of the other laws (money-laundering, trafficking, cybercrime, extradition...). */
import type { ProvisionsOf, Part2Kinds } from '../types.js';

export const provisions2: ProvisionsOf<Part2Kinds> = {
  'aml-offence': {
    h: 'Offence of money-laundering',
    b: [
      'Money-laundering is punishable by imprisonment for a term of up to {years} and a fine of up to twice the value of the laundered property.',
      ['Laundering by the author of the predicate offence is punishable.', 'A conviction for the predicate offence is not required for a conviction for money-laundering.'],
      'The penalty is doubled where the offence is committed habitually or by an organized criminal group.',
    ],
  },
  'aml-cdd': {
    h: 'Customer due diligence and record-keeping',
    b: [
      'Banks, other financial institutions and designated non-financial businesses and professions identify their customers and beneficial owners, verify their identity on the basis of reliable documents and monitor business relationships.',
      'They keep records of transactions and identification data for at least five years after the end of the business relationship and make them available to the competent authorities on request.',
      ['Enhanced due diligence applies to politically exposed persons.', 'Anonymous accounts and accounts in fictitious names are prohibited.'],
    ],
  },
  'aml-fiu': {
    h: 'Financial intelligence unit',
    b: [
      'The financial intelligence unit is the national centre for the receipt and analysis of suspicious transaction reports and for the dissemination of the results of that analysis to the competent authorities.',
      'Reporting entities report to the unit without delay any transaction that they suspect to involve the proceeds of crime or the financing of terrorism.',
      'The unit may exchange information with foreign financial intelligence units, spontaneously or on request.',
    ],
  },
  'aml-freeze': {
    h: 'Suspension of transactions and freezing of assets',
    b: [
      'The financial intelligence unit may suspend a suspicious transaction for up to {days} and informs the public prosecutor without delay.',
      'The public prosecutor may apply to the court for the freezing of the funds concerned, including at the request of a foreign authority.',
    ],
  },
  'aml-sharing': {
    h: 'Disposal and sharing of confiscated assets',
    b: [
      'Property confiscated at the request of a foreign State may be returned to that State so that it can compensate the victims of the crime or return the property to its legitimate owners.',
      'Confiscated property may also be shared with foreign States, regularly or case by case, in accordance with agreements concluded for that purpose.',
    ],
  },
  'tip-definition': {
    h: 'Definitions',
    b: [
      'Exploitation includes, at a minimum, the exploitation of the prostitution of others or other forms of sexual exploitation, forced labour or services, slavery or practices similar to slavery, servitude and the removal of organs.',
      'A child is any person under eighteen years of age.',
      'The recruitment, transportation, transfer, harbouring or receipt of a child for the purpose of exploitation is trafficking in persons even if it does not involve any of the means of coercion.',
    ],
  },
  'tip-offence': {
    h: 'Offence of trafficking in persons',
    b: [
      'Trafficking in persons is punishable by imprisonment for a term of not less than {min} and not more than {years}.',
      'The penalty is increased where the victim is a child, where the offender is a public official, where the offence was committed by an organized criminal group or where it caused serious harm to the victim.',
      ['Attempt, participation as an accomplice and organizing or directing others to commit the offence are punishable.', 'The consent of a victim to the intended exploitation is irrelevant.'],
    ],
  },
  'tip-assistance': {
    h: 'Assistance to and protection of victims',
    b: [
      'Victims of trafficking receive appropriate housing, counselling and information in a language they understand, medical, psychological and material assistance, and employment, educational and training opportunities.',
      'Assistance is provided whether or not the victim cooperates with the authorities and takes into account the age, gender and special needs of victims, in particular of children.',
      ['The privacy and identity of victims are protected.', 'Victims are informed of the possibility of obtaining compensation.'],
    ],
  },
  'tip-residence': {
    h: 'Residence of victims',
    b: [
      'A foreign victim of trafficking is granted a recovery and reflection period of not less than {days}, during which no expulsion order may be enforced.',
      'A temporary residence permit may then be issued for the duration of the criminal proceedings or on humanitarian grounds.',
    ],
  },
  'tip-repatriation': {
    h: 'Repatriation of victims',
    b: [
      'The return of a victim to his or her State of nationality or permanent residence takes place with due regard for his or her safety and for the status of any legal proceedings, and preferably on a voluntary basis.',
      'The competent authorities cooperate with those of the State of origin to verify the nationality of the victim and to issue travel documents without undue delay.',
    ],
  },
  'tip-prevention': {
    h: 'Prevention and exchange of information',
    b: [
      'The Government adopts policies, programmes and information campaigns to prevent trafficking in persons and to protect victims from revictimization, in cooperation with non-governmental organizations.',
      'Law enforcement and immigration authorities exchange information with their foreign counterparts on travel documents, routes and methods used by traffickers.',
    ],
  },
  'cy-access': {
    h: 'Illegal access to a computer system',
    b: [
      'Any person who intentionally accesses the whole or any part of a computer system without right shall be punished by imprisonment for a term of up to {years}.',
      ['The penalty is increased where the offence is committed by infringing security measures with the intent of obtaining computer data.', 'The penalty is increased where the system concerned is part of critical infrastructure.'],
    ],
  },
  'cy-fraud': {
    h: 'Computer-related fraud',
    b: [
      'Any person who, with fraudulent intent, causes a loss of property to another person by any input, alteration, deletion or suppression of computer data, or by any interference with the functioning of a computer system, in order to procure an economic benefit, shall be punished by imprisonment for a term of not less than {min} and not more than {years}.',
    ],
  },
  'cy-preservation': {
    h: 'Expedited preservation of stored computer data',
    b: [
      'Where there are grounds to believe that stored computer data, including traffic data, are particularly vulnerable to loss or modification, the public prosecutor may order any person in possession or control of the data to preserve them expeditiously.',
      'The person concerned preserves the integrity of the data for up to {days}, a period that may be renewed, and keeps the order confidential.',
    ],
  },
  'cy-production': {
    h: 'Production order',
    b: [
      'The public prosecutor may order a person on the national territory to submit specified computer data in that person’s possession or control, and a service provider offering its services on the national territory to submit subscriber information relating to those services.',
      'Subscriber information includes the type of service used, the identity, postal address and telephone number of the subscriber, and billing and payment information.',
    ],
  },
  'cy-search': {
    h: 'Search and seizure of stored computer data',
    b: [
      'The investigating judge may authorize the search of a computer system or a data storage medium and the seizure or copying of computer data.',
      'Where the data sought are stored in another system on the national territory that is lawfully accessible from the initial system, the search may be expeditiously extended to that system.',
    ],
  },
  'cy-traffic': {
    h: 'Real-time collection of traffic data',
    b: [
      'For the investigation of serious offences, the investigating judge may order a service provider to collect or record in real time traffic data associated with specified communications, for a period of not more than {months}.',
      'The data collected are destroyed once they are no longer needed for the proceedings.',
    ],
  },
  'cy-intl-preservation': {
    h: 'Preservation and disclosure of data at the request of a foreign State',
    b: [
      'At the request of a foreign State that intends to submit a request for mutual assistance, the competent authority orders the expeditious preservation of data stored by means of a computer system on the national territory.',
      'The data are preserved for at least sixty days pending the request for mutual assistance; dual criminality is not required for preservation.',
      'Where it appears that a service provider in another State was involved in the transmission of a communication, enough traffic data are disclosed to the requesting State to identify that provider and the path of the communication.',
    ],
  },
  'cy-247': {
    h: '24/7 point of contact',
    b: [
      'The cybercrime unit of the national police is the point of contact available twenty-four hours a day, seven days a week, to ensure immediate assistance in investigations of offences related to computer systems and data and in the collection of evidence in electronic form.',
      'The point of contact gives technical advice, ensures the preservation of data, helps to locate suspects and communicates with its foreign counterparts on an expedited basis.',
    ],
  },
  'cy-emergency': {
    h: 'Emergency disclosure of data',
    b: [
      'Where there is a significant and imminent risk to the life or safety of a person, a service provider may disclose, at the request of a national or foreign competent authority, the subscriber information or traffic data needed to avert that risk.',
      'The request is confirmed in writing within seventy-two hours.',
    ],
  },
  'ex-offences': {
    h: 'Extraditable offences',
    b: [
      'Extradition may be granted for offences punishable under the laws of both the requesting State and the requested State by deprivation of liberty for a maximum period of at least one year.',
      'Where extradition is requested for the enforcement of a sentence, the part of the sentence remaining to be served must be at least {months}.',
      'Dual criminality is established whether or not the laws of the two States place the offence in the same category or name it in the same terms.',
    ],
  },
  'ex-basis': {
    h: 'Legal basis for extradition',
    b: [
      'In the absence of an extradition treaty with the requesting State, extradition may be granted on the basis of the United Nations Convention against Transnational Organized Crime, of another multilateral convention that applies to the offence, or of reciprocity.',
      'The offences covered by such a convention are deemed to be included as extraditable offences in every extradition treaty in force.',
    ],
  },
  'ex-nationals': {
    h: 'Extradition of nationals',
    b: [
      ['Nationals are not extradited.', 'Nationals may be extradited only on condition that they are returned to serve any sentence imposed in the requesting State.'],
      'Where extradition is refused on the ground of nationality, the case is submitted without undue delay, at the request of the requesting State, to the competent authorities for prosecution, and the requesting State is informed of the outcome.',
    ],
  },
  'ex-refusal': {
    h: 'Grounds for refusing extradition',
    b: [
      'Extradition is refused where the offence is a political offence, where there are substantial grounds for believing that the request has been made to prosecute or punish the person on account of sex, race, religion, nationality, ethnic origin or political opinions, or where the person would be exposed to torture or to cruel, inhuman or degrading treatment.',
      'Extradition may not be refused on the sole ground that the offence also involves fiscal matters.',
      ['Where the offence is punishable by death in the requesting State, extradition is granted only if that State gives sufficient assurances that the death penalty will not be carried out.', 'Extradition is refused where the person has been finally acquitted or convicted for the same offence.'],
    ],
  },
  'ex-provisional': {
    h: 'Provisional arrest',
    b: [
      'In case of urgency, the requesting State may ask for the provisional arrest of the person sought, through diplomatic channels or through the International Criminal Police Organization (INTERPOL), pending the request for extradition.',
      'The person is released if the request for extradition and the supporting documents have not been received within {days} of the arrest, without prejudice to a new arrest once they are received.',
    ],
  },
  'ex-simplified': {
    h: 'Simplified extradition',
    b: [
      'The person sought may consent before the court to his or her surrender, after being informed of the consequences of that consent.',
      'Where the person consents, the surrender is ordered without formal extradition proceedings and carried out within {days}.',
    ],
  },
  'ex-speciality': {
    h: 'Rule of speciality',
    b: [
      'An extradited person may not be prosecuted, sentenced or detained for an offence committed before the surrender other than the one for which he or she was extradited, unless the requested State consents or the person, having been free to leave the requesting State, has not left it within forty-five days or has returned to it.',
    ],
  },
  'ex-transfer-sentenced': {
    h: 'Transfer of sentenced persons',
    b: [
      'A person sentenced abroad may be transferred to serve the sentence on the national territory, and a foreign national sentenced by a national court may be transferred to his or her State of nationality, with the consent of the sentenced person and of both States.',
      'Where the sentence is incompatible by its nature or duration with national law, the court adapts it to the penalty prescribed for a similar offence, without aggravating it.',
    ],
  },
  'wp-programme': {
    h: 'Witness protection programme',
    b: [
      'A witness protection programme provides effective protection from retaliation or intimidation for witnesses who testify about offences committed by organized criminal groups and, as appropriate, for their relatives and persons close to them.',
      'Protection may include physical protection, relocation, a change of identity and restrictions on the disclosure of information on the identity and whereabouts of the persons protected.',
    ],
  },
  'wp-relocation': {
    h: 'International relocation agreements',
    b: [
      'The authority responsible for the programme may conclude agreements or arrangements with other States for the relocation of protected persons, and may admit to the programme persons relocated from abroad.',
      'Information on the identity and whereabouts of relocated persons is exchanged only through designated contact points.',
    ],
  },
  'wp-testimony': {
    h: 'Testimony of protected witnesses',
    b: [
      'Protected witnesses may testify by video link or other adequate means of communication, from a place that is not disclosed.',
      'Where a protected witness is abroad, the testimony may be taken by video conference in accordance with the provisions on mutual legal assistance.',
    ],
  },
  'wp-cooperators': {
    h: 'Persons who cooperate with justice',
    b: [
      'A person who has participated in an organized criminal group and who supplies information useful for investigative and evidentiary purposes may benefit from a reduced penalty or, in exceptional cases, from immunity from prosecution.',
      'Such persons may be admitted to the witness protection programme under the same conditions as witnesses.',
    ],
  },
  'som-offence': {
    h: 'Smuggling of migrants',
    b: [
      'Any person who, in order to obtain a financial or other material benefit, procures the illegal entry of a person into the national territory or the territory of another State, or enables a person to remain illegally on the national territory, shall be punished by imprisonment for a term of up to {years}.',
      'Producing, procuring, providing or possessing a fraudulent travel or identity document for that purpose is punishable by the same penalty.',
    ],
  },
  'som-aggravation': {
    h: 'Aggravating circumstances',
    b: [
      'The penalty is imprisonment for a term of not less than {min} and not more than {years} where the offence endangers the lives or safety of the migrants or entails their inhuman or degrading treatment, including for exploitation.',
      'The same penalty applies where the migrants include unaccompanied children or where the offence is committed by an organized criminal group.',
    ],
  },
  'som-migrants': {
    h: 'Rights of smuggled migrants',
    b: [
      'Migrants are not liable to criminal prosecution for having been the object of smuggling.',
      'The competent authorities protect the rights of smuggled migrants, in particular the right to life and the right not to be subjected to torture or other cruel, inhuman or degrading treatment, and inform them without delay of their right to consular assistance.',
    ],
  },
  'som-sea': {
    h: 'Smuggling of migrants by sea',
    b: [
      'Where there are reasonable grounds to suspect that a vessel flying the national flag is engaged in the smuggling of migrants by sea, the competent authorities may request the assistance of other States.',
      'The competent authority responds expeditiously to a request from another State to confirm the registry of a vessel and to authorize its boarding and search, ensuring the safety and humane treatment of the persons on board.',
    ],
  },
  'fa-manufacturing': {
    h: 'Illicit manufacturing of and trafficking in firearms',
    b: [
      'Any person who manufactures or assembles firearms, their parts and components or ammunition without a licence, or without marking the firearms at the time of manufacture, shall be punished by imprisonment for a term of not less than {min} and not more than {years}.',
      'The same penalty applies to the import, export, sale or transfer of firearms, their parts and components and ammunition without authorization, and to the falsification or illicit removal of markings.',
    ],
  },
  'fa-marking': {
    h: 'Marking of firearms',
    b: [
      'Every firearm manufactured on or imported into the national territory bears a unique marking showing the name of the manufacturer, the country or place of manufacture and the serial number, so that the competent authorities can trace it.',
      'Firearms transferred from government stocks to permanent civilian use are marked accordingly.',
    ],
  },
  'fa-records': {
    h: 'Record-keeping and tracing',
    b: [
      'The national firearms authority keeps, for not less than ten years, records of the markings of firearms and of international transactions in firearms, their parts and components and ammunition.',
      'The authority answers requests from other States for assistance in tracing firearms within {days}, and the information exchanged is kept confidential.',
    ],
  },
  'fa-licensing': {
    h: 'Export, import and transit licences',
    b: [
      'The export, import and transit of firearms, their parts and components and ammunition require a licence issued by the competent authority.',
      'Before issuing an export licence, the authority verifies that the importing State has issued an import licence and that the transit States have no objection to the transit.',
    ],
  },
  'ac-foreign-bribery': {
    h: 'Bribery of foreign public officials',
    b: [
      'Any person who promises, offers or gives to a foreign public official or an official of a public international organization an undue advantage, in order that the official act or refrain from acting in the exercise of official duties to obtain or retain business, shall be punished by imprisonment for a term of up to {years}.',
      'Legal persons are liable for this offence when it is committed for their benefit.',
    ],
  },
  'ac-illicit-enrichment': {
    h: 'Illicit enrichment',
    b: [
      'A public official who cannot reasonably explain a significant increase in his or her assets in relation to his or her lawful income is punishable by imprisonment for a term of up to {years} and the confiscation of the unexplained assets.',
      'Public officials declare their assets and interests when they take up and leave office and periodically during their term.',
    ],
  },
  'ac-asset-recovery': {
    h: 'Recovery of assets through international cooperation',
    b: [
      'At the request of another State party to the United Nations Convention against Corruption, the competent court may give effect to a confiscation order issued by a court of that State.',
      'Confiscation may be ordered without a criminal conviction where the offender cannot be prosecuted by reason of death, flight or absence.',
      'The court may order the freezing or seizure of property on the basis of a freezing or seizure order issued in the requesting State.',
    ],
  },
  'ac-mla': {
    h: 'Mutual legal assistance in corruption cases',
    b: [
      'Mutual legal assistance is afforded to the fullest extent possible in investigations, prosecutions and judicial proceedings concerning the offences established in accordance with the United Nations Convention against Corruption.',
      'In the absence of dual criminality, assistance that does not involve coercive action is given, in particular for the recovery of assets.',
    ],
  },
  'ac-whistleblowers': {
    h: 'Protection of reporting persons',
    b: [
      'Any person who reports in good faith and on reasonable grounds to the competent authorities facts concerning corruption offences is protected against any unjustified treatment, including dismissal and other retaliation.',
      'The identity of the reporting person is kept confidential unless he or she consents to its disclosure.',
    ],
  },
  'dr-trafficking': {
    h: 'Illicit trafficking in narcotic drugs and psychotropic substances',
    b: [
      'Any person who, without authorization, cultivates, produces, manufactures, offers for sale, sells, distributes, transports, imports or exports a narcotic drug or psychotropic substance shall be punished by imprisonment for a term of not less than {min} and not more than {years}.',
      'The manufacture, transport or distribution of equipment, materials or precursors, knowing that they are to be used for such purposes, is punishable by the same penalty.',
    ],
  },
  'dr-controlled-delivery': {
    h: 'Controlled delivery',
    b: [
      'With the authorization of the public prosecutor, consignments of narcotic drugs or psychotropic substances may be allowed to pass out of, through or into the national territory under the supervision of the competent authorities, in order to identify the persons involved in the offence.',
      'Controlled deliveries involving other States are carried out in accordance with agreements or arrangements with those States.',
    ],
  },
  'te-offence': {
    h: 'Terrorist offences',
    b: [
      'Any person who commits a serious offence against persons or property with the aim of seriously intimidating a population or compelling a Government or an international organization to do or to abstain from doing any act shall be punished by imprisonment for a term of not less than {min} and not more than {years}.',
      'Offences under this law are not regarded as political offences for the purposes of extradition or mutual legal assistance.',
    ],
  },
  'te-financing': {
    h: 'Financing of terrorism',
    b: [
      'Any person who provides or collects funds, by any means, with the intention that they should be used, or in the knowledge that they are to be used, to carry out a terrorist act or by a terrorist organization shall be punished by imprisonment for a term of up to {years}.',
      'The funds are frozen without delay upon designation of the person or entity concerned and may be confiscated.',
    ],
  },
  'wl-trafficking': {
    h: 'Trafficking in protected species of wild fauna and flora',
    b: [
      'Any person who takes, possesses, transports, sells, imports or exports specimens of protected species of wild fauna and flora, or their parts and products, without a permit, shall be punished by imprisonment for a term of up to {years} and the confiscation of the specimens.',
      'The penalty is doubled where the offence is committed by an organized criminal group or concerns a species threatened with extinction.',
    ],
  },
  'wl-fisheries': {
    h: 'Illegal fishing and related offences',
    b: [
      'Fishing without a licence, in a closed area or with prohibited gear, and the transshipment or landing of illegally caught fish, are punishable by a fine and the confiscation of the catch, gear and vessel.',
      'The competent authorities exchange information with flag, coastal and port States on vessels suspected of illegal fishing and of related offences such as document fraud and forced labour on board.',
    ],
  },
  'cu-trafficking': {
    h: 'Trafficking in cultural property',
    b: [
      'Any person who exports, imports, sells or acquires movable cultural property knowing that it has been stolen, illicitly excavated or illicitly exported shall be punished by imprisonment for a term of up to {years}.',
      'Dealers in cultural property keep a register recording the origin of each object and the identity of the supplier.',
    ],
  },
  'cu-return': {
    h: 'Return of cultural property',
    b: [
      'Cultural property illicitly exported from another State and found on the national territory is seized and returned to that State at its request, in accordance with the international agreements in force.',
      'The competent authorities exchange information on stolen cultural property with foreign authorities and with the International Criminal Police Organization (INTERPOL).',
    ],
  },
  'md-falsified': {
    h: 'Falsified medical products',
    b: [
      'Any person who manufactures, supplies, offers, imports or exports a medical product that deliberately and fraudulently misrepresents its identity, composition or source shall be punished by imprisonment for a term of not less than {min} and not more than {years}.',
      'The penalty is increased where the product caused death or serious harm to health, or where it was offered for sale on the Internet.',
    ],
  },
  'md-counterfeit': {
    h: 'Counterfeit goods',
    b: [
      'The manufacture, import, storage and sale of goods bearing without authorization a trademark identical to or indistinguishable from a registered trademark are punishable by imprisonment for a term of up to {years}.',
      'Customs authorities may suspend the release of goods suspected of being counterfeit and destroy them after a final decision.',
    ],
  },
};
