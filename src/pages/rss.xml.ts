/**
 * /rss.xml: new and changed Angebote and Termine (see src/lib/rss-eintraege.ts for which date
 * counts as "changed" and why).
 */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { inhalte, ortVon } from '../data/inhalte';
import { jetzt } from '../data/jetzt';
import { rssEintraege } from '../lib/rss-eintraege';
import { t } from '../i18n/de';

export const GET: APIRoute = async ({ site }) => {
  const alle = await inhalte();
  const items = rssEintraege(
    alle.angebote,
    alle.termine,
    { ortName: (e) => ortVon(e, alle)?.name, quartierName: (id) => alle.quartier.get(id)?.data.name },
    jetzt(),
  );
  return rss({
    title: `${t('site.name')}: neue und geänderte Angebote und Termine`,
    description: 'Termine der nächsten Wochen und kürzlich geprüfte oder geänderte Angebote in Krefelds Quartieren.',
    site: site!,
    items,
    customData: '<language>de-de</language>',
    trailingSlash: true,
  });
};
