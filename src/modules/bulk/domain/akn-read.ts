/**
 * Streaming reader of an Akoma Ntoso 3.0 document (saxes): FRBR metadata, the plain full text, and
 * each article-level unit (the outermost <section> or <article> of the main body) with its number,
 * heading and text. Fed text chunks; holds only the extracted text. Pure (no I/O).
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import type { LineIssue } from './report.js';
import { AKN_NS, BLOCK_ELEMENTS, CONTAINER_ELEMENTS, MAX_TEXT_CHARS, PALERMO_NS, PlainText, SKIPPED_ELEMENTS, inline, isAknNamespace } from './akn-text.js';

export interface AknUnit {
  line: number;
  /** section or article of an act; paragraph of a judgment. */
  kind: 'section' | 'article' | 'paragraph';
  eId?: string;
  /** GUID attribute: Palermo exports put "palermo:<entry id>" there. */
  guid?: string;
  num?: string;
  heading?: string;
  body: string;
}

export interface AknFrbr {
  uri?: string;
  this?: string;
  dates: { date: string; name?: string }[];
  aliases: { name?: string; value: string }[];
  country?: string;
  number?: string;
  name?: string;
  subtype?: string;
  language?: string;
  /** FRBRauthor href ("#ewca-civil"). */
  author?: string;
}

/** A TLC reference of <references> (TLCOrganization, TLCPerson, TLCRole…) by its eId. */
export type AknReference = { kind: string; showAs?: string; href?: string };

/** What a <judgment> states in its inline mark-up (header and body), in document order. */
export interface AknJudgmentMarks {
  neutralCitation: string[];
  courtType: string[];
  docDate: string[];
  docNumber: string[];
  judge: string[];
  party: { name: string; refersTo?: string; as?: string }[];
}

type MarkKind = Exclude<keyof AknJudgmentMarks, 'docDate'>;
const MARK_KINDS = new Set<string>(['neutralCitation', 'courtType', 'docNumber', 'judge', 'party']);

export interface AknDocument {
  /** act, bill, … (the element under <akomaNtoso>). */
  docType?: string;
  docLine: number;
  /** The namespace of the root element: Akoma Ntoso 3.0 or a pre-release of it. */
  namespace?: string;
  /** identification source ("#tna"). */
  source?: string;
  references: Record<string, AknReference>;
  judgment: AknJudgmentMarks;
  /** Judgments: the text before the first numbered paragraph (court, parties, judges as laid out). */
  headText?: string;
  work: AknFrbr;
  expression: AknFrbr;
  /** Palermo's own metadata (<proprietary><palermo:law …>), when the file is a Palermo export. */
  palermo?: { attributes: Record<string, string>; fullText?: string };
  docTitle?: string;
  shortTitle?: string;
  longTitle?: string;
  fullText: string;
  fullTextOverflow: boolean;
  units: AknUnit[];
  issues: LineIssue[];
  warnings: LineIssue[];
}

/** Units outside any section that are appended to the preceding section (a frequent mark-up slip). */
const ORPHANS = new Set(['subsection', 'paragraph', 'subparagraph', 'clause', 'subclause', 'point', 'list', 'hcontainer', 'blockContainer', 'content', 'blockList']);
const UNIT_KINDS = new Set(['section', 'article']);
const JUDGMENT_UNIT_KINDS = new Set(['paragraph']);

interface Frame {
  local: string;
  akn: boolean;
  opens?: 'unit' | 'orphan' | 'num' | 'unitNum' | 'unitHeading' | 'title' | 'mark' | 'palermoText';
}

type TitleKind = 'docTitle' | 'shortTitle' | 'longTitle';
const TITLE_KINDS = new Set<string>(['docTitle', 'shortTitle', 'longTitle']);

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

interface OpenUnit {
  data: AknUnit;
  text: PlainText;
}

export class AknReader {
  private readonly parser = new SaxesParser({ xmlns: true, position: true });
  private readonly stack: Frame[] = [];
  private readonly full = new PlainText();
  private readonly units: OpenUnit[] = [];
  /** The unit (or the orphan appended to one) being read, and the stack index of its element. */
  private unit?: OpenUnit & { depth: number };
  private adjacent = false;
  /** Exclusive capture: the text goes only here (numbers, headings of units, Palermo full text). */
  private buffer?: { value: string; label?: string };
  private readonly titles: { kind: TitleKind; value: string }[] = [];
  private readonly marks: { kind: MarkKind; value: string; refersTo?: string; as?: string }[] = [];
  private frbr?: AknFrbr;
  private metaDepth = 0;
  private skipDepth = 0;
  private failed = false;
  readonly doc: AknDocument = { docLine: 1, references: {}, judgment: { neutralCitation: [], courtType: [], docDate: [], docNumber: [], judge: [], party: [] }, work: { dates: [], aliases: [] }, expression: { dates: [], aliases: [] }, fullText: '', fullTextOverflow: false, units: [], issues: [], warnings: [] };

  constructor() {
    this.parser.on('opentag', (tag) => this.open(tag as SaxesTagNS));
    this.parser.on('closetag', () => this.close());
    this.parser.on('text', (t) => this.text(t));
    this.parser.on('cdata', (t) => this.text(t));
    this.parser.on('xmldecl', (decl) => {
      if (decl.encoding && !/^utf-?8$/i.test(decl.encoding)) this.fail(1, '(xml)', `declares encoding ${decl.encoding}; only UTF-8 is supported`);
    });
    this.parser.on('doctype', () => this.fail(this.parser.line, '(xml)', 'DOCTYPE declarations are not accepted'));
    this.parser.on('error', (err) => {
      const m = /^(?:.*?:)?(\d+):(\d+): (.*)$/s.exec(err.message);
      this.fail(m ? Number(m[1]) : this.parser.line, '(xml)', m ? `not well-formed at column ${Number(m[2]) + 1}: ${m[3]}` : `not well-formed: ${err.message}`);
    });
  }

  get ok(): boolean {
    return !this.failed;
  }

  write(chunk: string): void {
    if (!this.failed) this.parser.write(chunk);
  }

  end(): AknDocument {
    if (!this.failed) this.parser.close();
    if (!this.failed && !this.doc.docType) this.fail(1, 'akomaNtoso', 'the document has no <akomaNtoso> root element with a document inside');
    this.doc.fullText = this.full.finish();
    this.doc.fullTextOverflow = this.full.overflow;
    this.doc.units = this.units.map((u) => ({ ...u.data, body: u.text.finish() }));
    return this.doc;
  }

  fail(line: number, field: string, message: string): void {
    if (this.failed) return;
    this.failed = true;
    this.doc.issues.push({ line, field, message });
  }

  /** Inside akomaNtoso > (document) > body: the main body, not attachments. */
  private get inMainBody(): boolean {
    const f = this.stack[2];
    return !!f && f.akn && (f.local === 'body' || f.local === 'mainBody' || f.local === 'judgmentBody');
  }

  private get isJudgment(): boolean {
    return this.doc.docType === 'judgment';
  }

  private open(tag: SaxesTagNS): void {
    if (this.failed) return;
    const line = this.parser.line;
    const local = tag.local;
    const depth = this.stack.length;
    const akn = depth === 0 ? isAknNamespace(tag.uri) : tag.uri === this.doc.namespace;
    const attr = (name: string) => tag.attributes[name]?.value;
    const frame: Frame = { local, akn };
    const parent = this.stack[depth - 1];
    this.stack.push(frame);

    if (depth === 0) {
      if (local !== 'akomaNtoso') return this.fail(line, 'akomaNtoso', `the root element is <${tag.name}>, expected <akomaNtoso>`);
      if (!akn) return this.fail(line, 'akomaNtoso', `the namespace is "${tag.uri}", expected Akoma Ntoso 3.0 (${AKN_NS}) or a pre-release of it (${AKN_NS}/CSD13)`);
      this.doc.namespace = tag.uri;
      return;
    }
    if (depth === 1 && akn && !this.doc.docType) {
      this.doc.docType = local;
      this.doc.docLine = line;
    }
    if (this.metaDepth || (akn && local === 'meta')) {
      this.metaDepth++;
      // Only the metadata of the main document (akomaNtoso > document > meta), not of attachments.
      if (this.stack[2]?.local === 'meta') this.meta(tag, frame);
      return;
    }
    if (this.skipDepth || !akn || SKIPPED_ELEMENTS.has(local)) {
      this.skipDepth++;
      return;
    }

    if (local === 'num') {
      frame.opens = this.unit && this.unit.depth === depth - 1 && this.unit.data.num === undefined ? 'unitNum' : 'num';
      this.buffer = { value: '', ...(parent && CONTAINER_ELEMENTS.has(parent.local) ? { label: cap(parent.local) } : {}) };
      return;
    }
    if (local === 'heading' && this.unit && this.unit.depth === depth - 1 && this.unit.data.heading === undefined) {
      frame.opens = 'unitHeading';
      this.buffer = { value: '' };
      this.full.block();
      return;
    }
    if (TITLE_KINDS.has(local)) {
      frame.opens = 'title';
      this.titles.push({ kind: local as TitleKind, value: '' });
    }
    if (this.isJudgment) {
      if (MARK_KINDS.has(local)) {
        frame.opens = 'mark';
        this.marks.push({ kind: local as MarkKind, value: '', ...(attr('refersTo') ? { refersTo: attr('refersTo') } : {}), ...(attr('as') ? { as: attr('as') } : {}) });
      } else if (local === 'docDate' && attr('date')) this.doc.judgment.docDate.push(attr('date')!);
    }

    if (!this.unit && this.inMainBody && this.isJudgment) {
      if (JUDGMENT_UNIT_KINDS.has(local)) {
        const data: AknUnit = { line, kind: 'paragraph', body: '', ...(attr('eId') ? { eId: attr('eId') } : {}), ...(attr('GUID') ? { guid: attr('GUID') } : {}) };
        this.unit = { data, text: new PlainText(), depth };
        this.units.push(this.unit);
        frame.opens = 'unit';
        this.full.paragraph();
      }
    } else if (!this.unit && this.inMainBody) {
      if (UNIT_KINDS.has(local)) {
        const data: AknUnit = { line, kind: local as AknUnit['kind'], body: '', ...(attr('eId') ? { eId: attr('eId') } : {}), ...(attr('GUID') ? { guid: attr('GUID') } : {}) };
        this.unit = { data, text: new PlainText(), depth };
        this.units.push(this.unit);
        frame.opens = 'unit';
        this.adjacent = false;
      } else if (CONTAINER_ELEMENTS.has(local) || local === 'crossHeading') {
        this.adjacent = false;
      } else if (ORPHANS.has(local) && this.adjacent) {
        const last = this.units[this.units.length - 1]!;
        this.unit = { ...last, depth };
        frame.opens = 'orphan';
        const name = `${last.data.kind} ${last.data.num ?? last.data.eId ?? ''}`.trim();
        this.doc.warnings.push({ line, field: `${local}${attr('eId') ? ` ${attr('eId')}` : ''}`, message: `is outside any section; its text was added to the preceding ${name}` });
      }
    }

    if (BLOCK_ELEMENTS.has(local)) {
      // A judgment's text: each numbered paragraph, and each block outside them, a paragraph of its own.
      if (this.isJudgment && !this.unit) this.full.paragraph();
      else this.full.block();
      this.unit?.text.block();
    } else if (local === 'td' || local === 'th') {
      this.full.text(' ');
      this.unit?.text.text(' ');
    }
  }

  private meta(tag: SaxesTagNS, frame: Frame): void {
    const local = tag.local;
    const attr = (name: string) => tag.attributes[name]?.value;
    if (tag.uri === this.doc.namespace && local.startsWith('TLC') && attr('eId')) {
      this.doc.references[attr('eId')!] = { kind: local, ...(attr('showAs') ? { showAs: attr('showAs') } : {}), ...(attr('href') ? { href: attr('href') } : {}) };
      return;
    }
    if (tag.uri === this.doc.namespace && local === 'identification' && attr('source')) this.doc.source ??= attr('source');
    if (tag.uri === PALERMO_NS) {
      if (local === 'law') this.doc.palermo = { attributes: Object.fromEntries(Object.values(tag.attributes).map((a) => [a.local, a.value])) };
      if (local === 'fullText' && this.doc.palermo) {
        frame.opens = 'palermoText';
        this.buffer = { value: '' };
      }
      return;
    }
    if (tag.uri !== this.doc.namespace) return;
    if (local === 'FRBRWork') this.frbr = this.doc.work;
    else if (local === 'FRBRExpression') this.frbr = this.doc.expression;
    else if (local === 'FRBRManifestation' || local === 'FRBRItem') this.frbr = undefined;
    const f = this.frbr;
    if (!f) return;
    const value = attr('value');
    switch (local) {
      case 'FRBRthis':
        f.this ??= value;
        break;
      case 'FRBRuri':
        f.uri ??= value;
        break;
      case 'FRBRalias':
        if (value) f.aliases.push({ value, ...(attr('name') ? { name: attr('name') } : {}) });
        break;
      case 'FRBRdate':
        if (attr('date')) f.dates.push({ date: attr('date')!, ...(attr('name') ? { name: attr('name') } : {}) });
        break;
      case 'FRBRcountry':
        f.country ??= value;
        break;
      case 'FRBRnumber':
        f.number ??= value;
        break;
      case 'FRBRname':
        f.name ??= value;
        break;
      case 'FRBRsubtype':
        f.subtype ??= value;
        break;
      case 'FRBRlanguage':
        f.language ??= attr('language');
        break;
      case 'FRBRauthor':
        f.author ??= attr('href');
        break;
    }
  }

  private text(t: string): void {
    if (this.failed || !this.stack.length) return;
    if (this.buffer) {
      this.buffer.value += t;
      if (this.buffer.value.length > MAX_TEXT_CHARS) this.fail(this.parser.line, '(xml)', `an element holds more than ${MAX_TEXT_CHARS.toLocaleString('en')} characters`);
      return;
    }
    if (this.metaDepth || this.skipDepth) return;
    for (const c of this.titles) c.value += t;
    for (const m of this.marks) m.value += t;
    this.full.text(t);
    this.unit?.text.text(t);
    // Stop at once: the text of the extracts would go on growing with the file.
    if (this.full.overflow) this.fail(this.parser.line, this.doc.docType ?? 'act', `the text is longer than ${MAX_TEXT_CHARS.toLocaleString('en')} characters`);
  }

  private close(): void {
    if (this.failed) return;
    const frame = this.stack.pop();
    if (!frame) return;
    if (this.metaDepth) {
      this.metaDepth--;
      if (frame.opens === 'palermoText' && this.doc.palermo) this.doc.palermo.fullText = this.buffer?.value ?? '';
      if (frame.opens === 'palermoText') this.buffer = undefined;
      return;
    }
    if (this.skipDepth) {
      this.skipDepth--;
      return;
    }
    if (frame.opens === 'num' || frame.opens === 'unitNum') {
      const value = inline(this.buffer?.value ?? '');
      const label = this.buffer?.label;
      this.buffer = undefined;
      if (frame.opens === 'unitNum' && this.unit) {
        this.unit.data.num = value;
        // A judgment's head ends at its first numbered paragraph ("1."; not a "-" separator).
        if (this.isJudgment && this.doc.headText === undefined && /^\(?\d/.test(value)) this.doc.headText = this.full.peek();
        if (value) this.full.num(value);
      } else if (value) {
        const shown = label ? `${label} ${value}` : value;
        this.full.num(shown);
        this.unit?.text.num(shown);
      }
      return;
    }
    if (frame.opens === 'unitHeading') {
      const value = inline(this.buffer?.value ?? '');
      this.buffer = undefined;
      if (this.unit) this.unit.data.heading = value;
      this.full.text(value);
      this.full.release();
      this.full.block();
      return;
    }
    if (frame.opens === 'title') {
      const t = this.titles.pop();
      const value = inline(t?.value ?? '');
      if (t && value) {
        if (t.kind === 'docTitle') this.doc.docTitle ??= value;
        else if (t.kind === 'shortTitle') this.doc.shortTitle ??= value;
        else this.doc.longTitle ??= value;
      }
    }
    if (BLOCK_ELEMENTS.has(frame.local)) {
      this.full.block();
      this.unit?.text.block();
    }
    if (frame.opens === 'mark') {
      const m = this.marks.pop();
      const value = inline(m?.value ?? '');
      if (m && value) {
        if (m.kind === 'party') this.doc.judgment.party.push({ name: value, ...(m.refersTo ? { refersTo: m.refersTo } : {}), ...(m.as ? { as: m.as } : {}) });
        else this.doc.judgment[m.kind].push(value);
      }
    }
    if (frame.opens === 'unit') {
      this.unit = undefined;
      this.adjacent = true;
      if (this.isJudgment) this.full.paragraph();
    } else if (frame.opens === 'orphan') {
      this.unit = undefined;
    }
  }
}
