/**
 * Draws the example photos of the example content (illustrations, no real photos, nothing
 * downloaded) into the media folder, so the image pipeline runs on real pages:
 *   node scripts/beispielbilder.mjs   (via `npx node …` for the project's Node)
 * Deterministic: same script, same files. The entries using them say „Beispielbild“.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';

const ORDNER = join(process.cwd(), 'src', 'assets', 'uploads');
const B = 1600;
const H = 1067;

/** Small seeded PRNG (mulberry32) so plants land in the same place every run. */
function zufall(seed) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GRUENS = ['#2f6b2f', '#3f8a3a', '#5aa447', '#77b85a', '#2d5e3a'];

/** A raised bed: wooden box with plants, tomatoes and herbs. */
function hochbeet(x, y, breite, hoehe, r) {
  const teile = [];
  // plants behind the front board
  for (let i = 0; i < breite / 14; i++) {
    const px = x + 10 + r() * (breite - 20);
    const py = y - 10 - r() * 70;
    const g = GRUENS[Math.floor(r() * GRUENS.length)];
    teile.push(`<ellipse cx="${px.toFixed(1)}" cy="${py.toFixed(1)}" rx="${(16 + r() * 22).toFixed(1)}" ry="${(12 + r() * 18).toFixed(1)}" fill="${g}"/>`);
  }
  for (let i = 0; i < breite / 60; i++) {
    const px = x + 20 + r() * (breite - 40);
    const py = y - 20 - r() * 50;
    teile.push(`<circle cx="${px.toFixed(1)}" cy="${py.toFixed(1)}" r="${(6 + r() * 4).toFixed(1)}" fill="#c8372d"/>`);
  }
  // the box: planks with a darker edge and a shadow on the ground
  teile.push(`<ellipse cx="${x + breite / 2}" cy="${y + hoehe + 8}" rx="${breite * 0.55}" ry="14" fill="#000" opacity="0.18"/>`);
  teile.push(`<rect x="${x}" y="${y}" width="${breite}" height="${hoehe}" fill="url(#holz)" rx="4"/>`);
  for (let k = 1; k < 4; k++) teile.push(`<line x1="${x}" x2="${x + breite}" y1="${y + (hoehe * k) / 4}" y2="${y + (hoehe * k) / 4}" stroke="#6b4424" stroke-width="3" opacity="0.6"/>`);
  teile.push(`<rect x="${x - 6}" y="${y - 8}" width="${breite + 12}" height="12" fill="#8a5a31" rx="3"/>`);
  return teile.join('');
}

function fensterRaster(x0, y0, spalten, zeilen, fb, fh, dx, dy, r) {
  const f = [];
  for (let z = 0; z < zeilen; z++)
    for (let s = 0; s < spalten; s++) {
      const hell = r() < 0.25;
      f.push(`<rect x="${x0 + s * dx}" y="${y0 + z * dy}" width="${fb}" height="${fh}" fill="${hell ? '#f6e7b8' : '#7d98ad'}" stroke="#5d6b75" stroke-width="3"/>`);
      f.push(`<rect x="${x0 + s * dx}" y="${y0 + z * dy + fh - 8}" width="${fb}" height="8" fill="#d9d4c7"/>`);
    }
  return f.join('');
}

const DEFS = `<defs>
  <linearGradient id="himmel" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#9cc6e6"/><stop offset="1" stop-color="#e8f2f8"/></linearGradient>
  <linearGradient id="fassade" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#e9e0cf"/><stop offset="1" stop-color="#d8ccb6"/></linearGradient>
  <linearGradient id="holz" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#b07a45"/><stop offset="1" stop-color="#8d5d32"/></linearGradient>
  <linearGradient id="boden" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#b9b6ad"/><stop offset="1" stop-color="#9c988e"/></linearGradient>
  <linearGradient id="glas" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#cfe3ee"/><stop offset="1" stop-color="#7fa3ba"/></linearGradient>
  <radialGradient id="licht" cx="0.8" cy="0.1" r="0.9"><stop offset="0" stop-color="#fff8e0" stop-opacity="0.55"/><stop offset="1" stop-color="#fff8e0" stop-opacity="0"/></radialGradient>
</defs>`;

function baum(x, y, s, r) {
  const t = [`<rect x="${x - 10 * s}" y="${y - 160 * s}" width="${20 * s}" height="${170 * s}" fill="#6d4c33"/>`];
  for (let i = 0; i < 14; i++) {
    const bx = x + (r() - 0.5) * 180 * s;
    const by = y - 200 * s - r() * 160 * s;
    t.push(`<circle cx="${bx.toFixed(1)}" cy="${by.toFixed(1)}" r="${((50 + r() * 40) * s).toFixed(1)}" fill="${GRUENS[i % GRUENS.length]}" opacity="0.95"/>`);
  }
  return t.join('');
}

/** The Treff on the ground floor of a high-rise, ramp to the door, raised beds in front. */
function eingang() {
  const r = zufall(47799);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${B}" height="${H}" viewBox="0 0 ${B} ${H}">${DEFS}
  <rect width="${B}" height="${H}" fill="url(#himmel)"/>
  <rect x="180" y="-40" width="1240" height="860" fill="url(#fassade)"/>
  ${fensterRaster(230, 20, 8, 4, 110, 120, 150, 150, r)}
  <rect x="180" y="620" width="1240" height="200" fill="#cfc3ad"/>
  <rect x="180" y="612" width="1240" height="14" fill="#b5a88f"/>
  <rect x="250" y="650" width="380" height="170" fill="url(#glas)" stroke="#4f5d66" stroke-width="6"/>
  <line x1="440" x2="440" y1="650" y2="820" stroke="#4f5d66" stroke-width="5"/>
  <rect x="720" y="640" width="170" height="180" fill="url(#glas)" stroke="#35434c" stroke-width="8"/>
  <line x1="805" x2="805" y1="640" y2="820" stroke="#35434c" stroke-width="5"/>
  <rect x="690" y="560" width="460" height="60" rx="8" fill="#0d5a8c"/>
  <text x="920" y="601" font-family="DejaVu Sans, sans-serif" font-size="34" font-weight="bold" fill="#fff" text-anchor="middle">Treff am Bleichpfad</text>
  <rect x="980" y="650" width="380" height="170" fill="url(#glas)" stroke="#4f5d66" stroke-width="6"/>
  <line x1="1170" x2="1170" y1="650" y2="820" stroke="#4f5d66" stroke-width="5"/>
  <rect x="0" y="820" width="${B}" height="${H - 820}" fill="url(#boden)"/>
  <polygon points="700,820 910,820 1010,880 600,880" fill="#c9c5bb" stroke="#8e8a80" stroke-width="3"/>
  <line x1="600" y1="850" x2="700" y2="800" stroke="#59636a" stroke-width="6"/>
  <line x1="1010" y1="850" x2="910" y2="800" stroke="#59636a" stroke-width="6"/>
  ${baum(90, 900, 1.15, r)}
  ${hochbeet(150, 905, 360, 110, r)}
  ${hochbeet(1080, 905, 380, 110, r)}
  <rect x="560" y="960" width="200" height="18" rx="6" fill="#7a5234"/>
  <rect x="575" y="978" width="12" height="40" fill="#4b4b4b"/><rect x="733" y="978" width="12" height="40" fill="#4b4b4b"/>
  <rect width="${B}" height="${H}" fill="url(#licht)"/>
</svg>`;
}

/** Close-up of the raised beds with herbs, lettuce and tomatoes, a watering can in front. */
function hochbeete() {
  const r = zufall(4780);
  const beete = [hochbeet(80, 640, 600, 230, r), hochbeet(760, 600, 760, 270, r)].join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${B}" height="${H}" viewBox="0 0 ${B} ${H}">${DEFS}
  <rect width="${B}" height="${H}" fill="url(#himmel)"/>
  <rect x="0" y="0" width="${B}" height="560" fill="url(#fassade)"/>
  ${fensterRaster(60, 40, 6, 3, 180, 130, 260, 170, r)}
  <rect x="0" y="540" width="${B}" height="30" fill="#b5a88f"/>
  <rect x="0" y="570" width="${B}" height="${H - 570}" fill="url(#boden)"/>
  ${beete}
  <g transform="translate(1180 930)">
    <ellipse cx="60" cy="95" rx="95" ry="14" fill="#000" opacity="0.2"/>
    <path d="M0 20 h120 l-10 75 h-100 z" fill="#2e7d6b"/>
    <path d="M120 35 q70 -20 95 -70" stroke="#2e7d6b" stroke-width="14" fill="none"/>
    <path d="M20 20 q40 -60 80 0" stroke="#245f52" stroke-width="10" fill="none"/>
  </g>
  <rect width="${B}" height="${H}" fill="url(#licht)"/>
</svg>`;
}

/** Light grain so the files compress like photos, not like flat vector art. */
async function mitKorn(svg, seed) {
  const basis = sharp(Buffer.from(svg)).removeAlpha();
  const r = zufall(seed);
  const korn = Buffer.alloc(B * H);
  for (let i = 0; i < korn.length; i++) korn[i] = 128 + Math.round((r() - 0.5) * 18);
  const kornPng = await sharp(korn, { raw: { width: B, height: H, channels: 1 } }).png().toBuffer();
  return basis.composite([{ input: kornPng, blend: 'overlay' }]);
}

mkdirSync(ORDNER, { recursive: true });
for (const [name, svg, seed] of [
  ['beispiel-treff-bleichpfad-eingang.jpg', eingang(), 1],
  ['beispiel-hochbeete-bleichpfad.jpg', hochbeete(), 2],
]) {
  const bild = await mitKorn(svg, seed);
  await bild.jpeg({ quality: 82, mozjpeg: true }).withMetadata({ density: 72 }).toFile(join(ORDNER, name));
  console.log(`${name} geschrieben`);
}
