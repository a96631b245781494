import type { APIRoute } from 'astro';
import { jsonAntwort, offeneDaten } from '../../data/offene-daten';

export const GET: APIRoute = async ({ site }) => jsonAntwort(await (await offeneDaten(site)).feeds());
