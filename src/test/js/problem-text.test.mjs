// The words a refused page action shows: pages/problem-text.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { problemText } from '../../main/resources/META-INF/resources/pages/problem-text.mjs';

test('a problem+json shows its detail and every named field with its message', () => {
  const body = JSON.stringify({ type: 'x', title: 'Неверные данные', status: 400, detail: 'Неверных полей: 2',
    errors: [{ field: 'category', message: 'нет такой категории' }, { field: 'text', message: 'не может быть пустым' }] });
  assert.equal(problemText(400, 'application/problem+json', body),
    'Неверных полей: 2; category: нет такой категории; text: не может быть пустым');
});

test('a problem without a detail shows its title', () => {
  assert.equal(problemText(409, 'application/problem+json', '{"title":"Конфликт","status":409}'), 'Конфликт');
});

test('an answer that is not a problem, or not JSON, shows the sentence of its status', () => {
  assert.deepEqual([
    problemText(409, 'text/html', '<html>'),
    problemText(404, 'application/problem+json', 'not json'),
    problemText(0, null, ''),
    problemText(418, null, '')
  ], [
    'Действие невозможно в текущем состоянии',
    'Не найдено (или недоступно вам)',
    'Сервис не отвечает: действие не выполнено, повторите позже',
    'Ошибка 418: действие не выполнено'
  ]);
});
