import { DirectoryImport, DirectoryImportConfirm, DirectoryImportRequest, IdParams, IMPORT_MAX_BYTES } from '@rusfag/core';
import { defineRoute } from '../../platform/http.js';
import * as imports from './import-service.js';

/** Import of HSDS files into the directory: preview, then confirm (import-service.ts). */
export const directoryImportRoutes = [
  defineRoute({
    method: 'POST',
    url: '/api/directory/imports',
    summary: 'Forhåndsvis en import av HSDS 3.0 JSON eller en HSDS 1.x-datapakke (zip): hva som blir opprettet og endret, og hva som ikke kan tas med og hvorfor',
    access: { kind: 'session', action: 'directory.import' },
    body: DirectoryImportRequest,
    // The file travels in the JSON body (a zip as base64): room for 50 MB of content.
    bodyLimit: IMPORT_MAX_BYTES + 10 * 1024 * 1024,
    response: DirectoryImport,
    status: 201,
    handler: async ({ body }, ctx) => imports.previewImport(ctx, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/directory/imports/:id',
    summary: 'En import: forhåndsvisningen og rapporten, eller hvor langt den er kommet og hvordan den gikk',
    access: { kind: 'session', action: 'directory.import' },
    params: IdParams,
    response: DirectoryImport,
    handler: async ({ params }, ctx) => imports.getImport(ctx, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/directory/imports/:id/confirm',
    summary: 'Kjør importen i én transaksjon (alt eller ingenting); skipRefused hopper over postene rapporten avviser',
    access: { kind: 'session', action: 'directory.import' },
    params: IdParams,
    body: DirectoryImportConfirm,
    response: DirectoryImport,
    handler: async ({ params, body }, ctx) => imports.confirmImport(ctx, params.id, body),
  }),
];
