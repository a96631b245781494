import { describe, expect, it } from 'vitest';
import { cmsLink, ohneOrt, oeffnungszeitenUngeprueft, serienEndenBald, veraltet } from '../../src/lib/pflege';

const HEUTE = '2026-11-25';

describe('Was Pflege braucht', () => {
  it('Einträge, die älter als sechs Monate geprüft sind, stehen auf der Liste – die ältesten zuerst', () => {
    const b = veraltet(
      'treffs',
      [
        { id: 'frisch', data: { name: 'Frisch', zuletzt_geprueft: '2026-10-01' } },
        { id: 'alt', data: { name: 'Alt', zuletzt_geprueft: '2026-03-10' } },
        { id: 'sehr-alt', data: { name: 'Sehr alt', zuletzt_geprueft: '2025-09-15' } },
      ],
      HEUTE,
    );
    expect(b.map((x) => x.id)).toEqual(['sehr-alt', 'alt']);
  });

  it('Treffs ohne bestätigte Öffnungszeiten werden genannt', () => {
    expect(oeffnungszeitenUngeprueft([{ id: 'a', data: { name: 'A' } }, { id: 'b', data: { name: 'B', oeffnungszeiten_geprueft: '2026-10-01' } }]).map((x) => x.id)).toEqual(['a']);
  });

  it('Serien, die in den nächsten vier Wochen enden, werden genannt – nicht solche, die schon vorbei sind oder später enden', () => {
    const b = serienEndenBald(
      [
        { id: 'bald', titel: 'Bald', letzterTermin: '2026-12-15' },
        { id: 'vorbei', titel: 'Vorbei', letzterTermin: '2026-11-01' },
        { id: 'spaeter', titel: 'Später', letzterTermin: '2027-03-01' },
        { id: 'offen', titel: 'Offen', letzterTermin: undefined },
      ],
      HEUTE,
    );
    expect(b.map((x) => x.id)).toEqual(['bald']);
  });

  it('Termine ohne Treff und ohne eigenen Ort werden genannt', () => {
    expect(ohneOrt([{ id: 'x', data: { titel: 'X' } }, { id: 'y', data: { titel: 'Y', treff: 't' } }]).map((x) => x.id)).toEqual(['x']);
  });

  it('jeder Befund verlinkt die Bearbeitung im CMS', () => {
    expect(cmsLink({ sammlung: 'termine', id: 'elterncafe-stahldorf' })).toBe('/admin/#/collections/termine/entries/elterncafe-stahldorf');
  });
});
