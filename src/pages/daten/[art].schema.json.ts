import type { APIRoute, GetStaticPaths } from 'astro';
import { jsonAntwort, exportRahmen } from '../../data/offene-daten';
import { DATEIEN, jsonSchemaVon, type DateiArt } from '../../lib/offene-daten';

// /daten/treffs.schema.json, /daten/angebote.schema.json … — generated from the zod model.
export const getStaticPaths = (() => Object.keys(DATEIEN).map((art) => ({ params: { art } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) => jsonAntwort(jsonSchemaVon(params.art as DateiArt, exportRahmen(site).site), 'application/schema+json');
