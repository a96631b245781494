/**
 * Images in the content: only uploads from the one media folder, really there and really an
 * image — otherwise the build stops with a German message naming the field. And the widths the
 * site builds for them.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { treffSchema } from '../../src/schema/collections';
import { formatIssues, mitDeutschenFehlern } from '../../src/schema/errors';
import { BILD_ENDUNGEN, MEDIEN_PFAD, bildDateiname, bildPfadFehler } from '../../src/schema/medien';
import { bildImMedienordner } from '../../src/schema/medienordner';
import { fotoBreiten } from '../../src/lib/foto-groessen';

const ordner = mkdtempSync(join(tmpdir(), 'qp-medien-'));
afterAll(() => rmSync(ordner, { recursive: true, force: true }));
// The smallest real files of two formats, and a document renamed to .jpg.
writeFileSync(join(ordner, 'eingang.png'), Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'));
writeFileSync(join(ordner, 'hof.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1]));
writeFileSync(join(ordner, 'protokoll.jpg'), '%PDF-1.7 kein Bild');

const treff = {
  name: 'Treff am Bleichpfad',
  quartier: 'bleichpfad',
  traeger: 'inter-aktion',
  adresse: { strasse: 'Bleichpfad', hausnummer: '1', plz: '47799' },
  koordinaten: { lat: 51.336, lon: 6.57 },
  oeffnungszeiten: 'Mo 10:00-13:00',
  zuletzt_geprueft: '2026-09-22',
};

/** What the build prints for a Treff with these photos: one line per problem. */
async function buildFehler(fotos: unknown[]): Promise<string[]> {
  const schema = treffSchema({ ids: {}, image: bildImMedienordner(ordner) });
  const r = await mitDeutschenFehlern(schema).safeParseAsync({ ...treff, fotos });
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('Bildfelder im Build', () => {
  it('nimmt ein hochgeladenes Bild mit Alternativtext und Bildnachweis an', async () => {
    expect(
      await buildFehler([
        { src: `${MEDIEN_PFAD}/eingang.png`, alt: 'Der Eingang mit Rampe', bildnachweis: 'Foto: Treff am Bleichpfad' },
        { src: `${MEDIEN_PFAD}/hof.jpg`, alt: 'Der Hof mit Hochbeeten' },
      ]),
    ).toEqual([]);
  });

  it('eine fehlende Bilddatei nennt Feld, Datei und Ordner', async () => {
    expect(await buildFehler([{ src: `${MEDIEN_PFAD}/eingang-neu.jpg`, alt: 'Der Eingang mit Rampe' }])).toMatchInlineSnapshot(`
      [
        "fotos.0.src: „Bilddatei“: Die Bilddatei „eingang-neu.jpg“ fehlt im Medienordner src/assets/uploads/. Bitte das Bild im Redaktionssystem neu hochladen oder den Dateinamen korrigieren.",
      ]
    `);
  });

  it('eine umbenannte andere Datei ist kein Bild', async () => {
    expect(await buildFehler([{ src: `${MEDIEN_PFAD}/protokoll.jpg`, alt: 'Protokoll' }])).toMatchInlineSnapshot(`
      [
        "fotos.0.src: „Bilddatei“: „protokoll.jpg“ im Medienordner ist kein lesbares JPG-Bild (Inhalt passt nicht zur Endung). Bitte das Bild neu als JPG oder PNG speichern und hochladen.",
      ]
    `);
  });

  it('ohne Alternativtext: Meldung beim Alternativtext, auch wenn die Datei fehlt', async () => {
    expect(await buildFehler([{ src: `${MEDIEN_PFAD}/eingang.png` }])).toMatchInlineSnapshot(`
      [
        "fotos.0.alt: „Alternativtext“: Alternativtext fehlt: Beschreiben Sie in einem Satz, was auf dem Bild zu sehen ist.",
      ]
    `);
    expect(await buildFehler([{ src: `${MEDIEN_PFAD}/gibt-es-nicht.png`, alt: '' }])).toHaveLength(2);
  });
});

describe('Bildpfade', () => {
  it.each([
    ['./foto.jpg', 'Bilder liegen im Medienordner src/assets/uploads/ und werden so eingetragen: „../../src/assets/uploads/foto.jpg“. Bitte das Bild im Redaktionssystem mit „Wähle ein Bild“ hochladen.'],
    ['/uploads/foto.jpg', 'Bilder liegen im Medienordner src/assets/uploads/ und werden so eingetragen: „../../src/assets/uploads/foto.jpg“. Bitte das Bild im Redaktionssystem mit „Wähle ein Bild“ hochladen.'],
    ['../../src/assets/uploads/Treff Eingang.jpg', 'Dateiname „Treff Eingang.jpg“: bitte nur Buchstaben a–z, Ziffern, Punkt, - und _ verwenden (keine Leerzeichen oder Umlaute). Das Redaktionssystem benennt hochgeladene Bilder automatisch passend.'],
    ['../../src/assets/uploads/plakat.pdf', '„plakat.pdf“ ist kein Foto im passenden Format. Bitte ein Bild als JPG, PNG, WebP oder AVIF hochladen.'],
    ['../../src/assets/uploads/logo.svg', '„logo.svg“ ist kein Foto im passenden Format. Bitte ein Bild als JPG, PNG, WebP oder AVIF hochladen.'],
    ['https://example.org/foto.jpg', 'Bitte ein hochgeladenes Bild wählen. Web-Adressen (https:, data:, javascript: …) sind nicht erlaubt: das Bild käme sonst von einem fremden Server.'],
  ])('%s wird abgelehnt', (src, meldung) => {
    expect(bildPfadFehler(src)).toBe(meldung);
    expect(bildDateiname(src)).toBeUndefined();
  });

  it('Pfade aus dem Medienordner gelten, auch mit großer Endung', () => {
    expect(bildDateiname('../../src/assets/uploads/treff-eingang_2.JPG')).toBe('treff-eingang_2.JPG');
    expect(bildPfadFehler('../../src/assets/uploads/hof.webp')).toBeUndefined();
  });

  it('der Build liest genau die Endungen, die das Schema erlaubt', () => {
    const quelle = readFileSync(join(import.meta.dirname, '..', '..', 'src', 'medien', 'bilder.ts'), 'utf8');
    const muster = /import\.meta\.glob<ImageMetadata>\('[^']*\*\.\{([^}]+)\}'/.exec(quelle)?.[1].split(',');
    expect(muster).toEqual([...BILD_ENDUNGEN, ...BILD_ENDUNGEN.map((e) => e.toUpperCase())]);
  });

  it('die Meldung nennt das Feld mit seinem Namen im Redaktionssystem', () => {
    const schema = z.object({ fotos: treffSchema({ ids: {}, image: () => z.string() }).shape.fotos });
    const r = schema.safeParse({ fotos: [{ src: './foto.jpg', alt: 'Der Eingang' }] });
    expect(r.success).toBe(false);
    expect(formatIssues(schema, r.error!.issues)[0]).toMatch(/^fotos\.0\.src \(„Bilddatei“\): Bilder liegen im Medienordner/);
  });
});

describe('Bildbreiten', () => {
  it('400, 800 und 1200 Pixel, nie breiter als das hochgeladene Bild', () => {
    expect(fotoBreiten(4000)).toEqual([400, 800, 1200]);
    expect(fotoBreiten(1200)).toEqual([400, 800, 1200]);
    expect(fotoBreiten(1000)).toEqual([400, 800, 1000]);
    expect(fotoBreiten(640)).toEqual([400, 640]);
    expect(fotoBreiten(300)).toEqual([300]);
  });
});
