/**
 * The poster of a map: `GET /api/maps/:id/poster.pdf` (vector PDF on A0, A1, A3 or A4) and
 * `GET /api/maps/:id/poster.png` (the same picture, up to 8192 pixels wide). Who may export a
 * map may print it: a workspace viewer. The layout is the model's (`layoutPoster`); this only
 * reads the map, picks the words in the asked language and writes the file.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  layoutPoster,
  POSTER_TEXTS,
  PosterPngQuery,
  PosterQuery,
  posterDate,
  type MapSnapshot,
  type MeasureText,
  type Poster,
} from '@helhet/model';
import { posterMeasure } from '../poster/fonts.ts';
import { posterPdf } from '../poster/pdf.ts';
import { posterPng } from '../poster/png.ts';
import type { ApiContext } from './context.ts';
import { notFound, parseInput } from './errors.ts';
import { errorResponses, IdParams, jsonSchema } from './schemas.ts';

const params = jsonSchema(IdParams);

/** What the layout needs besides the measure of the writer's font. */
interface PosterSource {
  map: MapSnapshot;
  title: string;
  workspace: string;
  now: Date;
}

/** Registers the poster routes. */
export function posterRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const source = async (rawParams: unknown): Promise<PosterSource> => {
    const { id } = parseInput(IdParams, rawParams, 'path');
    const record = await ctx.maps.get(id);
    if (!record) throw notFound('map', id);
    const content = await ctx.mapService.read(record.id);
    if (!content) throw notFound('map', record.id);
    const workspace = await ctx.workspaces.get(record.workspaceId);
    return {
      map: content.map,
      title: content.map.meta.title,
      workspace: workspace?.name ?? '',
      now: new Date(),
    };
  };

  const layout =
    (src: PosterSource, query: PosterQuery) =>
    (measure: MeasureText): Poster =>
      layoutPoster(src.map, {
        paper: query.paper,
        texts: POSTER_TEXTS[query.lang],
        workspace: src.workspace,
        date: posterDate(src.now, query.lang),
        measure,
        filter: { fieldIds: query.fields, elementIds: query.elements },
      });

  const send = (
    reply: FastifyReply,
    src: PosterSource,
    poster: Poster,
    ext: 'pdf' | 'png',
    type: string,
    body: Buffer,
  ) => {
    const stem = src.title.replace(/[^\p{L}\p{N} _-]+/gu, '').trim() || 'kart';
    return reply
      .header('content-type', type)
      .header('cache-control', 'no-store')
      .header(
        'content-disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent(`${stem}.${ext}`)}`,
      )
      .header('x-poster-text-enlarged', String(poster.textEnlarged))
      .header('x-poster-suggested-paper', poster.suggestedPaper ?? 'none')
      .send(body);
  };

  const describe =
    'Title, legend of the fields and polarities shown, the date and the attribution line ("Helhet · workspace · exported date"), in `lang`. Text is never smaller than the sheet\'s minimum (A4 6 pt, A3 7 pt, A1 10 pt, A0 12 pt); where the map is too big for that on the sheet, `x-poster-text-enlarged` is `true` and `x-poster-suggested-paper` names the smallest sheet that needs no enlarging (`none` when even A0 does). `fields` and `elements` print part of the map.';

  app.get(
    '/api/maps/:id/poster.pdf',
    {
      config: { access: { workspace: 'viewer', from: 'map' }, audit: 'map-exported' },
      schema: {
        tags: ['maps'],
        summary: 'The map as a one-page vector PDF poster (A0, A1, A3 or A4, landscape)',
        description: describe,
        params,
        querystring: jsonSchema(PosterQuery),
        response: {
          200: { description: 'application/pdf', type: 'string', format: 'binary' },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const query = parseInput(PosterQuery, request.query, 'query');
      const src = await source(request.params);
      let poster: Poster | undefined;
      const pdf = await posterPdf((measure) => (poster = layout(src, query)(measure)), {
        title: src.title,
        date: src.now,
      });
      return send(reply, src, poster!, 'pdf', 'application/pdf', pdf);
    },
  );

  app.get(
    '/api/maps/:id/poster.png',
    {
      config: { access: { workspace: 'viewer', from: 'map' }, audit: 'map-exported' },
      schema: {
        tags: ['maps'],
        summary: 'The map poster as a PNG picture, up to 8192 pixels wide',
        description: `${describe} \`width\` is in pixels (256–8192); the height keeps the sheet's proportions.`,
        params,
        querystring: jsonSchema(PosterPngQuery),
        response: {
          200: { description: 'image/png', type: 'string', format: 'binary' },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const query = parseInput(PosterPngQuery, request.query, 'query');
      const src = await source(request.params);
      const poster = layout(src, query)(posterMeasure());
      const png = await posterPng(poster, src.title, query.width);
      return send(reply, src, poster, 'png', 'image/png', png);
    },
  );
}
