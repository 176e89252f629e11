// What an alert's row says: place and subject in full, the generic words as a lead, figures written by
// the wall: modules/alert-title.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alertFigures, alertTitle, childName, childrenLabel } from '../../main/resources/META-INF/resources/wall/modules/alert-title.mjs';
import { timeFormats } from '../../main/resources/META-INF/resources/wall/modules/format.mjs';

const NNBSP = '\u202f';
const names = {
  municipalityName: id => ({ 'spb-kolpino': 'Колпино' }[id] || id),
  categoryName: id => ({ improvement: 'Благоустройство', 'illegal-street-trade': 'Незаконная реализация товаров с торгового оборудования (прилавок, ящик, с земли)' }[id] || id)
};
const times = timeFormats('Europe/Moscow');

test('a region-wide spike shows «весь регион» and its category and topic, the generic words as a lead', () => {
  assert.deepEqual(alertTitle({ kind: 'tension', labels: { scope: 'region', category: 'improvement', topic: 'Наледь на тротуарах' },
    title: 'Всплеск обращений по всему региону: Благоустройство — Наледь на тротуарах' }, names),
  { lead: 'всплеск', place: 'весь регион', subject: 'Благоустройство — Наледь на тротуарах' });
});

test('a district\'s spike shows its municipality and its category, however long', () => {
  assert.deepEqual(alertTitle({ kind: 'tension', labels: { municipality: 'spb-kolpino', category: 'illegal-street-trade' },
    title: 'Всплеск обращений: Колпино, Незаконная реализация…' }, names),
  { lead: 'всплеск', place: 'Колпино', subject: 'Незаконная реализация товаров с торгового оборудования (прилавок, ящик, с земли)' });
});

test('ids the region does not know fall back to the names in the details, then to the ids', () => {
  assert.deepEqual([
    alertTitle({ kind: 'tension', labels: { municipality: 'spb-new', category: 'roof' }, details: { place: 'Новое', categoryName: 'Кровля' } }, names),
    alertTitle({ kind: 'tension', labels: { municipality: 'spb-new', category: 'roof' } }, names)
  ], [
    { lead: 'всплеск', place: 'Новое', subject: 'Кровля' },
    { lead: 'всплеск', place: 'spb-new', subject: 'roof' }
  ]);
});

test('a spike without labels is read from its title; anything else keeps its title', () => {
  assert.deepEqual([
    alertTitle({ kind: 'tension', labels: {}, title: 'Всплеск обращений по всему региону: Кровля' }, names),
    alertTitle({ kind: 'tension', labels: {}, title: 'Всплеск обращений: Колпино, Кровля — Сосульки' }, names),
    alertTitle({ kind: 'tension', labels: { scope: 'region' }, title: 'Всплеск обращений по всему городу' }, names),
    alertTitle({ kind: 'pipeline', title: 'Очередь классификации растёт' }, names),
    alertTitle({ id: 'a1' }, names)
  ], [
    { lead: 'всплеск', place: 'весь регион', subject: 'Кровля' },
    { lead: 'всплеск', place: 'Колпино', subject: 'Кровля — Сосульки' },
    { lead: 'всплеск', place: 'весь регион', subject: 'Всплеск обращений по всему городу' },
    { lead: '', place: null, subject: 'Очередь классификации растёт' },
    { lead: '', place: null, subject: 'a1' }
  ]);
});

test('deadline alerts: the executor is the place, the case or the count the subject', () => {
  assert.deepEqual([
    alertTitle({ kind: 'deadline', labels: { case: '4100', executor: 'ГУП «ТЭК СПб»', municipality: 'spb-kolpino' }, title: 'Просрочен срок первого ответа' }, names),
    alertTitle({ kind: 'deadline', labels: { case: '4101', executor: '', municipality: 'spb-kolpino' }, title: 'Срок решения на исходе (80%)' }, names),
    alertTitle({ kind: 'deadline', labels: { scope: 'group', executor: 'ГУП «ТЭК СПб»' }, title: 'ГУП «ТЭК СПб»: 12 просроченных обращений' }, names),
    alertTitle({ kind: 'deadline', labels: { scope: 'group', executor: 'ГУП «ТЭК СПб»' }, title: 'ГУП «ТЭК СПб»: 1234 просроченных обращений',
      details: { overdue: 1234 } }, names),
    alertTitle({ kind: 'deadline', labels: { scope: 'group', executor: 'ГУП «ТЭК СПб»' }, details: { overdue: 21 } }, names)
  ], [
    { lead: 'просрочен срок первого ответа', place: 'ГУП «ТЭК СПб»', subject: 'обращение №4100' },
    { lead: 'срок решения на исходе (80%)', place: 'исполнитель не назначен', subject: 'обращение №4101' },
    { lead: 'сроки', place: 'ГУП «ТЭК СПб»', subject: '12 просроченных обращений' },
    { lead: 'сроки', place: 'ГУП «ТЭК СПб»', subject: '1\u202f234 просроченных обращения' },
    { lead: 'сроки', place: 'ГУП «ТЭК СПб»', subject: '21 просроченное обращение' }
  ]);
});

test('children are named by what tells them apart under their parent', () => {
  assert.deepEqual([
    childName({ kind: 'tension', labels: { municipality: 'spb-kolpino', category: 'improvement' } }, names),
    childName({ kind: 'deadline', labels: { case: '77', executor: 'X' }, title: 'Просрочен срок решения' }, names),
    childName({ kind: 'other', title: 'Что-то ещё' }, names)
  ], ['Колпино', '№77', 'Что-то ещё']);
});

test('figures are the wall\'s own: Russian numbers, the start in the region\'s time, the driving topics', () => {
  assert.deepEqual([
    alertFigures({ kind: 'tension', summary: '1752 обращений при ожидаемых 0.1 с 01:00 02.12', details: { observed: 1752, expected: 0.14,
      since: '2026-12-02T22:00:00Z', topics: [{ topic: 'Наледь' }, { topic: 'Сосульки' }, { topic: 'Снег' }] } }, times),
    alertFigures({ kind: 'tension', details: { observed: 7, expected: null } }, times),
    alertFigures({ kind: 'tension', summary: 'как есть', details: {} }, times),
    alertFigures({ kind: 'deadline', labels: { case: '1' }, details: { dueAt: '2026-12-03T15:00:00Z' } }, times),
    alertFigures({ kind: 'deadline', labels: { scope: 'group' }, details: { overdue: 7, cases: [1, 2, 3, 4, 5, 6, 7] } }, times),
    alertFigures({ kind: 'other', summary: 'Текст сервиса' }, times),
    alertFigures({ kind: 'other' }, times)
  ], [
    `1${NNBSP}752 при норме 0,1 · с 01:00 · Наледь, Сосульки`,
    '7 при норме —',
    'как есть',
    'срок до 3 дек., 18:00',
    '№1, №2, №3, №4, №5…',
    'Текст сервиса',
    ''
  ]);
});

test('the words before a parent\'s children count them in Russian', () => {
  assert.deepEqual([
    childrenLabel({ kind: 'tension' }, 1), childrenLabel({ kind: 'tension' }, 3), childrenLabel({ kind: 'tension' }, 12),
    childrenLabel({ kind: 'deadline' }, 2), childrenLabel({ kind: 'other' }, 1500)
  ], ['1 муниципалитет:', '3 муниципалитета:', '12 муниципалитетов:', '2 обращения:', 'ещё 1\u202f500:']);
});

test('an incident shows its municipality, its topic with the addresses counted, and its figures and probable cause', () => {
  const alert = { kind: 'incident', labels: { incident: '42', municipality: 'spb-kolpino', category: 'improvement' },
    title: 'Инцидент: Нет горячей воды — 5 адресов, Колпино', summary: 'сервер',
    details: { topic: 'Нет горячей воды', places: 5, messages: 7, expected: 0.42, start: '2026-12-03T08:05:00Z',
      cause: 'теплоснабжение: авария на сети/ИТП' } };
  assert.deepEqual(alertTitle(alert, names), { lead: 'инцидент', place: 'Колпино', subject: 'Нет горячей воды — 5 адресов' });
  assert.deepEqual(alertTitle({ kind: 'incident', labels: { municipality: 'spb-x' }, details: { topic: 'Нет света', places: 21 } }, names),
    { lead: 'инцидент', place: 'spb-x', subject: 'Нет света — 21 адрес' });
  assert.deepEqual(alertTitle({ kind: 'incident', title: 'Инцидент без данных' }, names),
    { lead: 'инцидент', place: null, subject: 'Инцидент без данных' });
  assert.deepEqual([
    alertFigures(alert, times),
    alertFigures({ kind: 'incident', details: { messages: 1, expected: 0.01 } }, times),
    alertFigures({ kind: 'incident', summary: 'как есть', details: {} }, times)
  ], [
    '7 обращений при норме 0,4 · с 11:05 · теплоснабжение: авария на сети/ИТП',
    '1 обращение при норме <0,1',
    'как есть'
  ]);
});
