import type { APIRoute } from 'astro';
import { jsonAntwort, offeneDaten } from '../../data/offene-daten';

export const GET: APIRoute = async ({ site }) => jsonAntwort((await offeneDaten(site)).treffs(), 'application/geo+json');
