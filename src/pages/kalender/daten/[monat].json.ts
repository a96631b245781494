/** The calendar island's data: one file per month, /kalender/daten/<YYYY-MM>.json (see KalenderEintrag). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { kalenderKontext, kalenderMonate, terminQuellen } from '../../../data/kalender';
import { kalenderMonat } from '../../../lib/kalender';

export const getStaticPaths = (() => kalenderMonate().map((monat) => ({ params: { monat } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const eintraege = kalenderMonat(await terminQuellen(), params.monat!, await kalenderKontext());
  return new Response(JSON.stringify(eintraege), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
