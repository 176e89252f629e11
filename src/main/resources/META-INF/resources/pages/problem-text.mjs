/*
 * The words a refused request shows to the person who made it: the problem+json's detail and the named
 * fields' messages (the service writes them in Russian), else a plain sentence by status. Pure, tested
 * with node --test.
 */

const BY_STATUS = {
  0: 'Сервис не отвечает: действие не выполнено, повторите позже',
  403: 'Недостаточно прав для этого действия',
  404: 'Не найдено (или недоступно вам)',
  409: 'Действие невозможно в текущем состоянии',
  429: 'Слишком много запросов, повторите через минуту',
  503: 'Сервис временно недоступен, повторите позже'
};

export function problemText(status, contentType, body) {
  if (contentType && contentType.startsWith('application/problem+json') && body) {
    try {
      const problem = JSON.parse(body);
      const parts = [];
      if (typeof problem.detail === 'string' && problem.detail) {
        parts.push(problem.detail);
      } else if (typeof problem.title === 'string' && problem.title) {
        parts.push(problem.title);
      }
      if (Array.isArray(problem.errors)) {
        for (const error of problem.errors) {
          if (error && typeof error.message === 'string') {
            parts.push((error.field ? error.field + ': ' : '') + error.message);
          }
        }
      }
      if (parts.length) {
        return parts.join('; ');
      }
    } catch (ignored) {
      // not JSON after all: fall through to the status's sentence
    }
  }
  return BY_STATUS[status] || ('Ошибка ' + status + ': действие не выполнено');
}
