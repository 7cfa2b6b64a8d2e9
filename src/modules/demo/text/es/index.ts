/** Versión en español del corpus de demostración. */
import type { DemoTexts } from '../types.js';
import { basis, caseNumber, courts, crimes, procedures } from './cases.js';
import { provisions1 } from './provisions-1.js';
import { provisions2 } from './provisions-2.js';

const MONTHS = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];
const UNITS = { year: ['año', 'años'], month: ['mes', 'meses'], day: ['día', 'días'], person: ['persona', 'personas'] } as const;

const ley = (subject: string): DemoTexts['laws'][keyof DemoTexts['laws']] => ({
  title: (p) => `Ley N.º ${p.n} de ${p.year} ${subject}`,
  citation: (p) => `Ley N.º ${p.n} de ${p.year}`,
});
const codigo = (name: string): DemoTexts['laws'][keyof DemoTexts['laws']] => ({
  title: (p) => `${name} (Ley N.º ${p.n} de ${p.year})`,
  citation: (p) => `Ley N.º ${p.n} de ${p.year}`,
});

const inForce = (acto: string) => ({
  title: 'Entrada en vigor y denuncia',
  text: `El presente ${acto} entrará en vigor el trigésimo día siguiente al canje de los instrumentos de ratificación. Cualquiera de las Partes podrá denunciarlo mediante notificación escrita. La denuncia surtirá efecto seis meses después de la fecha de la notificación.`,
});

export const es: DemoTexts = {
  lang: 'es',
  sep: ' ',
  date(iso) {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    return `${d} de ${MONTHS[m - 1]} de ${y}`;
  },
  count(n, unit) {
    return `${n} ${UNITS[unit][n === 1 ? 0 : 1]}`;
  },
  articleRef: (n) => `Artículo ${n}`,
  inline: (name) => name,
  authorities: ['el Ministerio de Justicia', 'la Fiscalía General', 'el Ministerio del Interior'],
  laws: {
    'criminal-code': codigo('Código Penal'),
    'criminal-procedure': codigo('Código Procesal Penal'),
    'mla-law': ley('sobre asistencia judicial recíproca en materia penal'),
    'aml-law': ley('contra el lavado de activos y la financiación del terrorismo'),
    'tip-law': ley('contra la trata de personas'),
    'cybercrime-law': ley('sobre delitos informáticos'),
    'extradition-law': ley('de extradición'),
    'witness-protection-law': ley('de protección de testigos'),
    'som-law': ley('contra el tráfico ilícito de migrantes'),
    'firearms-law': ley('de control de armas de fuego, municiones y materiales relacionados'),
    'anti-corruption-law': ley('de prevención y sanción de la corrupción'),
    'drug-law': ley('de control de estupefacientes y sustancias psicotrópicas'),
    'terrorism-law': ley('para la prevención y sanción del terrorismo'),
    'wildlife-law': ley('de protección de la fauna y la flora silvestres'),
    'cultural-property-law': ley('de protección del patrimonio cultural'),
    'medical-products-law': ley('de medicamentos y productos sanitarios'),
  },
  provisions: { ...provisions1, ...provisions2 },
  courts,
  caseNumber,
  crimes,
  procedures,
  basis,
  sourceTitle: (court, date) => `${court}, sentencia de ${date}`,
  strategies: {
    'organized-crime': {
      title: 'Estrategia Nacional contra la Delincuencia Organizada {start}–{end}',
      summary: 'La estrategia establece las prioridades del Gobierno para prevenir la delincuencia organizada, desarticular los grupos delictivos y privarlos de sus activos.',
      goal: 'Sus objetivos son mejorar la detección de los grupos delictivos, recurrir sistemáticamente a las investigaciones financieras y reforzar la protección de los testigos.',
    },
    'trafficking-in-persons': {
      title: 'Plan de Acción Nacional contra la Trata de Personas {start}–{end}',
      summary: 'El plan de acción aborda la prevención de la trata de personas, el enjuiciamiento de los tratantes y la protección de las víctimas.',
      goal: 'Prevé un mecanismo nacional de derivación de víctimas, formación especializada para inspectores de trabajo y agentes de policía, y albergues para niños víctimas.',
    },
    'smuggling-of-migrants': {
      title: 'Estrategia Nacional para Prevenir y Combatir el Tráfico Ilícito de Migrantes {start}–{end}',
      summary: 'La estrategia tiene por objeto desarticular las redes de tráfico ilícito de migrantes protegiendo al mismo tiempo los derechos y la vida de los migrantes objeto de tráfico.',
      goal: 'Refuerza la gestión de las fronteras, la búsqueda y el salvamento en el mar y la investigación de los flujos financieros de las redes de tráfico.',
    },
    corruption: {
      title: 'Estrategia Nacional Anticorrupción {start}–{end}',
      summary: 'La estrategia busca prevenir la corrupción en el sector público, sancionar los delitos de corrupción y recuperar los activos sustraídos.',
      goal: 'Prevé declaraciones patrimoniales de los funcionarios públicos, la protección de los denunciantes y la transparencia en la contratación pública.',
    },
    cybercrime: {
      title: 'Estrategia Nacional de Ciberseguridad y contra la Ciberdelincuencia {start}–{end}',
      summary: 'La estrategia protege la infraestructura de información crítica y fortalece la capacidad del Estado para investigar y enjuiciar los delitos informáticos.',
      goal: 'Prevé una unidad especializada en ciberdelincuencia, un punto de contacto 24/7 y formación en el manejo de pruebas electrónicas.',
    },
    drugs: {
      title: 'Estrategia Nacional de Control de Drogas {start}–{end}',
      summary: 'La estrategia adopta un enfoque equilibrado para reducir la oferta y la demanda de drogas ilícitas.',
      goal: 'Refuerza el control de los precursores, los puertos y los aeropuertos, y amplía los servicios de prevención y tratamiento.',
    },
    'money-laundering': {
      title: 'Estrategia Nacional contra el Lavado de Activos y la Financiación del Terrorismo {start}–{end}',
      summary: 'La estrategia responde a la evaluación nacional de riesgos de lavado de activos y financiación del terrorismo.',
      goal: 'Mejora la transparencia de los beneficiarios finales, la supervisión de los sujetos obligados y el decomiso de los activos de origen delictivo.',
    },
    firearms: {
      title: 'Plan de Acción Nacional sobre Armas Pequeñas y Armas Ligeras {start}–{end}',
      summary: 'El plan de acción tiene por objeto prevenir la fabricación y el tráfico ilícitos de armas de fuego, sus piezas y componentes y municiones.',
      goal: 'Prevé la marcación de todas las armas de fuego, un registro central y la destrucción de las armas incautadas y excedentarias.',
    },
    wildlife: {
      title: 'Estrategia Nacional contra los Delitos que Afectan a la Fauna y la Flora Silvestres {start}–{end}',
      summary: 'La estrategia trata los delitos contra la fauna y la flora silvestres como delitos graves y combate las redes delictivas implicadas.',
      goal: 'Refuerza la cooperación entre aduanas, policía y autoridades de vida silvestre, así como el uso de análisis forenses.',
    },
  },
  strategyBody: [
    'Se basa en una evaluación de las amenazas y de las deficiencias del marco jurídico e institucional, realizada con los organismos encargados de hacer cumplir la ley, el poder judicial, la sociedad civil y el sector privado.',
    [
      'La cooperación internacional es una prioridad, incluida la revisión de los tratados de extradición y de asistencia judicial recíproca y el uso de la Convención de las Naciones Unidas contra la Delincuencia Organizada Transnacional como fundamento jurídico.',
      'Se fortalece la autoridad central de asistencia judicial recíproca y se capacita a jueces y fiscales en cooperación internacional.',
    ],
    'Un comité interministerial coordina la aplicación, los avances se evalúan cada año conforme a indicadores y la evaluación final está prevista para {end}.',
  ],
  adoptedBy: ['Consejo de Ministros', 'Presidencia de la República', 'Gobierno Nacional', 'Consejo Nacional de Seguridad', 'Ministerio de Justicia'],
  treaties: {
    mla: {
      title: 'Tratado de asistencia judicial recíproca en materia penal ({a} – {b})',
      provisions: [
        { title: 'Alcance de la asistencia', text: 'Las Partes se prestarán la más amplia asistencia judicial recíproca en las investigaciones, los procesos y las actuaciones relacionados con asuntos penales.' },
        { title: 'Autoridades centrales', text: 'Las solicitudes se presentarán y recibirán por conducto de las autoridades centrales designadas por cada Parte, que se comunicarán directamente entre sí.' },
        { title: 'Denegación de la asistencia', text: 'La asistencia podrá denegarse si la solicitud se refiere a un delito político, si su cumplimiento menoscabaría la soberanía, la seguridad o el orden público de la Parte requerida, o si hay motivos fundados para creer que se ha formulado con el fin de enjuiciar a una persona por razón de su raza, sexo, religión, nacionalidad u opiniones políticas.' },
        { title: 'Forma y contenido de las solicitudes', text: 'Las solicitudes se presentarán por escrito e indicarán la autoridad encargada del procedimiento, el objeto y la índole del procedimiento, un resumen de los hechos, la asistencia solicitada y su finalidad.' },
        { title: 'Cumplimiento de las solicitudes', text: 'Las solicitudes se cumplirán con prontitud de conformidad con la legislación de la Parte requerida y, en la medida en que esta no lo prohíba, en la forma especificada por la Parte requirente.' },
        { title: 'Confidencialidad y limitación del uso', text: 'La Parte requerida mantendrá la reserva sobre la solicitud si así se le pide, y la Parte requirente no utilizará la información o las pruebas obtenidas en virtud del presente Tratado para fines distintos de los indicados en la solicitud sin el consentimiento previo de la Parte requerida.' },
        { title: 'Audiencia por videoconferencia', text: 'Cuando una persona que se encuentre en el territorio de una Parte deba ser oída como testigo o perito por las autoridades judiciales de la otra Parte, la audiencia podrá celebrarse por videoconferencia.' },
        inForce('Tratado'),
      ],
    },
    extradition: {
      title: 'Tratado de extradición ({a} – {b})',
      provisions: [
        { title: 'Obligación de extraditar', text: 'Las Partes se obligan a entregarse recíprocamente a las personas reclamadas para su enjuiciamiento o para la imposición o el cumplimiento de una pena por un delito que dé lugar a extradición.' },
        { title: 'Delitos que dan lugar a extradición', text: 'Darán lugar a extradición los delitos sancionados por la legislación de ambas Partes con una pena privativa de libertad cuyo máximo sea de al menos un año o con una pena más grave.' },
        { title: 'Motivos obligatorios de denegación', text: 'La extradición se denegará si el delito es de carácter político, si la persona pudiera ser sometida a tortura o a tratos crueles, inhumanos o degradantes, o si se ha dictado sentencia firme en la Parte requerida por el mismo delito.' },
        { title: 'Extradición de nacionales', text: 'Cada Parte podrá denegar la extradición de sus nacionales. En tal caso, a solicitud de la otra Parte, someterá el caso a sus autoridades competentes a efectos de enjuiciamiento.' },
        { title: 'Detención preventiva', text: 'En caso de urgencia, una Parte podrá solicitar la detención preventiva de la persona reclamada en espera de la presentación de la solicitud de extradición, que deberá recibirse dentro de los sesenta días siguientes a la detención.' },
        { title: 'Principio de especialidad', text: 'La persona extraditada en virtud del presente Tratado no podrá ser procesada, condenada ni detenida por un delito cometido antes de la entrega distinto de aquel por el que se concedió la extradición, salvo que la Parte requerida lo consienta.' },
        inForce('Tratado'),
      ],
    },
    transfer: {
      title: 'Acuerdo sobre el traslado de personas condenadas ({a} – {b})',
      provisions: [
        { title: 'Principio general', text: 'Una persona condenada en el territorio de una Parte podrá ser trasladada al territorio de la otra Parte para cumplir la condena impuesta.' },
        { title: 'Condiciones del traslado', text: 'El traslado solo podrá efectuarse si la persona condenada es nacional de la Parte de cumplimiento, la sentencia es firme, quedan al menos seis meses de condena por cumplir y los hechos constituyen delito con arreglo a la legislación de ambas Partes.' },
        { title: 'Consentimiento de la persona condenada', text: 'El traslado requerirá el consentimiento de la persona condenada, otorgado voluntariamente y con pleno conocimiento de sus consecuencias jurídicas.' },
        { title: 'Continuación del cumplimiento de la condena', text: 'La Parte de cumplimiento continuará el cumplimiento de la condena y estará vinculada por su naturaleza jurídica y su duración. Si la condena es incompatible con su legislación, podrá adaptarla a la pena prevista para un delito de la misma naturaleza.' },
        inForce('Acuerdo'),
      ],
    },
  },
};
