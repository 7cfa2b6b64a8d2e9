/** Bulk data API: the public datasets (JSON Lines, CSV) and each law as Akoma Ntoso. */
import { Readable } from 'node:stream';
import { Type } from 'typebox';
import type { RoutePlugin } from '../../platform/http/app.js';
import { NotFoundError, ValidationError } from '../../platform/http/errors.js';
import { EntryIdSchema } from '../knowledge/index.js';
import { AKN_MEDIA_TYPE, lawAsAkn } from './export/akn.js';
import { DATA_LICENCE, DATASET_NAMES, EXPORT_TYPES, MEDIA_TYPES, datasetChunks, formatsOf, listDatasets, type ExportFormat, type ExportType } from './export/datasets.js';
import { ProblemSchema } from '../../platform/http/problem-schema.js';

const TypeSchema = Type.Enum([...EXPORT_TYPES], {
  description: 'Dataset: law, legislation (article-level extracts), case, treaty, strategy; CSV only: treaty-provision, treaty-party',
});
const FormatSchema = Type.Enum(['jsonl', 'csv'], { description: 'jsonl (JSON Lines, one canonical record per line, full fidelity) or csv (one row per record). Default: jsonl, or csv for CSV-only datasets' });

const DatasetSchema = Type.Object({
  type: TypeSchema,
  records: Type.Integer({ description: 'Records in the dataset now (published content only)' }),
  demo_records: Type.Optional(Type.Integer({ description: 'Of which synthetic demonstration records (flagged "demo": true)' })),
  files: Type.Record(Type.String(), Type.String({ description: 'Download URL' }), { description: 'Download URL by format (jsonl, csv)' }),
});

const DatasetListSchema = Type.Object({
  published_only: Type.Boolean({ description: 'Always true: drafts are never exported' }),
  datasets: Type.Array(DatasetSchema),
  akn: Type.Object({
    laws: Type.Integer({ description: 'Laws available as Akoma Ntoso' }),
    url_template: Type.String({ description: 'URL of one law as Akoma Ntoso 3.0; replace {id} by the law id' }),
  }),
  directory: Type.Object(
    {
      files: Type.Record(Type.String(), Type.String(), { description: 'The public edition of the directory of competent national authorities, by format' }),
      book: Type.Record(Type.String(), Type.String(), { description: 'The directory as a book in the reader\'s language, by format; replace {lang} by ar, zh, en, fr, es or ru' }),
    },
    { description: 'The directory of competent national authorities' },
  ),
  licence: Type.Object({ name: Type.String(), title: Type.String(), url: Type.String(), official_texts: Type.String() }, { description: "Licence of Palermo's own content and data" }),
  documentation: Type.String({ description: 'Where the formats are described' }),
});

export const bulkApi: RoutePlugin = async (app) => {
  const base = app.config.publicUrl;

  app.get(
    '/api/v1/export',
    {
      schema: {
        tags: ['export'],
        summary: 'Bulk download of all public knowledge content',
        description:
          'Without `type`: the list of datasets with their record counts and download URLs. With `type` (and optionally `format`): the whole dataset, streamed, as JSON Lines (the canonical record of each entry, one per line, exactly what `palermo import` reads back) or CSV (one row per record, language versions as suffixed columns such as title_en, lists separated by "|"). Only published language versions are included, never drafts; synthetic demonstration records carry "demo": true. Large datasets are streamed, so downloads start at once whatever their size.',
        querystring: Type.Object({ type: Type.Optional(TypeSchema), format: Type.Optional(FormatSchema) }, { additionalProperties: false }),
        response: {
          200: {
            description: 'The dataset list (application/json), or the dataset file (application/x-ndjson or text/csv, with a Content-Disposition file name)',
            content: {
              'application/json': { schema: DatasetListSchema },
              'application/x-ndjson': { schema: Type.String({ description: 'One JSON record per line' }) },
              'text/csv': { schema: Type.String({ description: 'CSV with a header row, UTF-8 with a byte-order mark' }) },
            },
          },
          400: { description: 'Unknown dataset or format', content: { 'application/problem+json': { schema: ProblemSchema } } },
        },
      },
    },
    async (request, reply) => {
      const { type, format } = request.query as { type?: ExportType; format?: ExportFormat };
      if (!type) {
        if (format) throw new ValidationError([{ field: 'type', message: 'is required when format is given' }]);
        const datasets = await listDatasets(app.db);
        const laws = datasets.find((d) => d.type === 'law')?.records ?? 0;
        return reply.type('application/json; charset=utf-8').send({
          published_only: true,
          datasets: datasets.map((d) => ({
            type: d.type,
            records: d.records,
            ...(d.demo_records !== undefined ? { demo_records: d.demo_records } : {}),
            files: Object.fromEntries(d.formats.map((f) => [f, `${base}/api/v1/export?type=${d.type}&format=${f}`])),
          })),
          akn: { laws, url_template: `${base}/api/v1/laws/{id}/akn` },
          directory: {
            files: { jsonl: `${base}/api/v1/authorities/export?format=jsonl`, csv: `${base}/api/v1/authorities/export?format=csv` },
            book: { pdf: `${base}/{lang}/directory/book.pdf`, docx: `${base}/{lang}/directory/book.docx` },
          },
          licence: DATA_LICENCE,
          documentation: 'docs/IMPORT-FORMATS.md in the Palermo source distribution; the OpenAPI description at /api/openapi.json',
        });
      }
      const chosen = format ?? formatsOf(type)[0]!;
      if (!formatsOf(type).includes(chosen)) throw new ValidationError([{ field: 'format', message: `the ${type} dataset exists as ${formatsOf(type).join(', ')} only` }]);
      const filename = `palermo-${DATASET_NAMES[type]}.${chosen}`;
      async function* body() {
        for await (const chunk of datasetChunks(app.db, type!, chosen)) if (chunk.text) yield Buffer.from(chunk.text, 'utf8');
      }
      return reply
        .type(MEDIA_TYPES[chosen])
        .header('content-disposition', `attachment; filename="${filename}"`)
        .header('cache-control', 'public, max-age=300')
        .send(Readable.from(body(), { objectMode: false }) as never);
    },
  );

  app.get(
    '/api/v1/laws/:id/akn',
    {
      schema: {
        tags: ['export'],
        summary: 'A law as Akoma Ntoso 3.0 XML',
        description:
          'The law with its published legislation extracts as an Akoma Ntoso 3.0 act (namespace http://docs.oasis-open.org/legaldocml/ns/akn/3.0): FRBR work, expression and manifestation metadata, and the extracts as sections or articles of the body. Written in the law’s original language. Palermo-specific fields (identifier, citation, full text) are under <proprietary>, so `palermo import` reads the file back to the same law.',
        params: Type.Object({ id: EntryIdSchema }),
        response: {
          200: { description: 'Akoma Ntoso XML document', content: { 'application/akn+xml': { schema: Type.String() } } },
          400: { description: 'Malformed law id', content: { 'application/problem+json': { schema: ProblemSchema } } },
          404: { description: 'No law with this id', content: { 'application/problem+json': { schema: ProblemSchema } } },
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const xml = await lawAsAkn(app.db, id);
      if (xml === undefined) throw new NotFoundError(`No law with id "${id}"`);
      return reply.type(AKN_MEDIA_TYPE).header('content-disposition', `inline; filename="${id}.xml"`).send(xml);
    },
  );
};
