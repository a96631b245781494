/** Data of the map (places, opening data, Quartier boundaries); fetched by the map after consent. */
import type { APIRoute } from 'astro';
import { kartenDaten } from '../../data/karte';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await kartenDaten()), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
