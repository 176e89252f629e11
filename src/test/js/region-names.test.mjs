// The names, populations and time zone of the region: modules/region-names.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RegionNames } from '../../main/resources/META-INF/resources/wall/modules/region-names.mjs';

const REGION = {
  id: 'spb',
  timeZone: 'Europe/Moscow',
  municipalities: [
    { id: 'spb-kolpino', name: 'город Колпино', shortName: 'Колпино', population: 150000 },
    { id: 'spb-nevskiy', name: 'Невский округ', population: 0 },
    { id: 'unknown', name: 'не определено' },
    null
  ],
  categories: [{ id: 'improvement', name: 'Благоустройство' }, { id: 'roads' }, {}]
};

test('short names, full names and category names, with the ids as a fallback', () => {
  const names = new RegionNames();
  names.load(REGION);
  assert.deepEqual([
    names.municipalityName('spb-kolpino'), names.municipalityName('spb-nevskiy'), names.municipalityName('unknown'),
    names.municipalityName('spb-elsewhere'), names.municipalityName(null),
    names.fullName('spb-kolpino'), names.fullName('spb-elsewhere'),
    names.categoryName('improvement'), names.categoryName('roads'), names.categoryName(null)
  ], ['Колпино', 'Невский округ', 'не определено', 'spb-elsewhere', '—', 'город Колпино', null, 'Благоустройство', 'roads', '']);
});

test('per-capita only when every municipality but the unknown one has a population', () => {
  const names = new RegionNames();
  assert.equal(names.perCapitaAvailable(), false);
  names.load(REGION);
  assert.deepEqual([names.perCapitaAvailable(), names.population('spb-kolpino'), names.population('spb-nevskiy'), names.population('x')],
    [false, 150000, 0, 0]);
  names.load({ municipalities: [REGION.municipalities[0], { id: 'unknown' }] });
  assert.equal(names.perCapitaAvailable(), true);
});

test('the clock follows the region\'s zone; an unknown zone keeps the one in use', () => {
  const names = new RegionNames();
  const at = new Date('2026-01-01T09:05:07Z');
  names.load(REGION);
  assert.equal(names.times.clock.format(at), '12:05:07');
  names.load({ ...REGION, timeZone: 'Mars/Olympus_Mons' });
  assert.deepEqual([names.times.clock.format(at), names.municipalityName('spb-kolpino')], ['12:05:07', 'Колпино']);
});
