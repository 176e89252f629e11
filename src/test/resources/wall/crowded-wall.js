/*
 * A crowded day on the wall, fed through window.wallHooks after wallHooks.detach() (run as an asynchronous
 * WebDriver script: arguments[0] the region's categories [{id, name}], arguments[1] its municipalities'
 * short names {id: name}, the last argument the callback). The shapes
 * follow the contracts (heat-map snapshot with scores and learning, /ws/feed and /ws/alerts snapshots,
 * tension points, deadline summary, dynamics); the figures are what a busy region shows: 170 firing
 * alerts (region-wide ones with their districts beneath, districts on their own, deadline alerts), forty
 * tension points (some at 0, some still learning), forty executors and forty messages. Deterministic: the
 * same page gets the same data at any size. Calls back with what it fed: alerts, top-level alerts (those
 * not shown under a parent), tension points with a score above zero, executors, messages, municipalities.
 */
const categoryNames = {};
arguments[0].forEach(c => { categoryNames[c.id] = c.name; });
const categories = arguments[0].map(c => c.id);
const shortNames = arguments[1];
const done = arguments[arguments.length - 1];
const municipalities = Array.from(document.querySelectorAll('path.municipality'))
  .map(p => p.getAttribute('data-municipality')).sort();
let seed = 20240611;
const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const pick = list => list[Math.floor(random() * list.length)];
const now = Date.now();
const iso = ms => new Date(ms).toISOString();
const window24 = wallState.window;
const topics = ['Наледь на тротуарах', 'Сосульки на кровле', 'Не вывезен мусор', 'Яма на проезжей части',
  'Не работает лифт', 'Нет горячей воды', 'Протечка кровли', 'Незаконная торговля у метро',
  'Несанкционированные надписи', 'Брошенный автомобиль', 'Не убран снег во дворе', 'Холодные батареи'];
const texts = [
  'Во дворе дома 38 по пр. Просвещения не вывозят мусор уже 19 дней, контейнеры переполнены, крысы.',
  'Не горит фонарь на опоре освещения напротив дома 148 по ул. Коллонтай.',
  'Сосульки длиной 1.5 м над входом в парадную, прохожие ходят под ними. Просим срочно сбить.',
  'Яма на проезжей части у дома 12к2, глубина около 0.3 м, машины бьют колёса.',
  'Нет горячей воды с понедельника, управляющая компания не отвечает.',
  'Надписи на стене трансформаторной будки во дворе, закрасьте, пожалуйста.',
  'Лифт во второй парадной стоит третий день.',
  'Холодные батареи в квартире 54, температура 16 градусов.'
];
const executors = ['СПб ГКУ ЖА Невского района', 'СПб ГКУ ЖА Центрального района', 'СПб ГКУ ЖА Выборгского района',
  'СПб ГКУ ЖА Калининского района', 'СПб ГКУ ЖА Приморского района', 'СПб ГКУ ЖА Московского района',
  'СПб ГКУ ЖА Фрунзенского района', 'СПб ГКУ ЖА Кировского района', 'СПб ГКУ ЖА Красногвардейского района',
  'СПб ГКУ ЖА Адмиралтейского района', 'СПб ГКУ ЖА Василеостровского района', 'СПб ГКУ ЖА Петроградского района',
  'СПб ГКУ ЖА Колпинского района', 'СПб ГКУ ЖА Пушкинского района', 'СПб ГКУ ЖА Петродворцового района',
  'СПб ГКУ ЖА Курортного района', 'СПб ГКУ ЖА Кронштадтского района', 'СПб ГКУ ЖА Красносельского района',
  'ГУП «Водоканал Санкт-Петербурга»', 'ГУП «ТЭК СПб»', 'Комитет по благоустройству', 'Комитет по транспорту',
  'ГУП «Ленсвет»', 'СПб ГБУ «Мостотрест»', 'Администрация Невского района', 'Администрация Выборгского района',
  'Администрация Приморского района', 'Администрация Калининского района', 'ООО «Жилкомсервис № 1»',
  'ООО «Жилкомсервис № 2»', 'ООО «Жилкомсервис № 3»', 'ООО «ЖКС № 1 Петроградского района»',
  'АО «Петербургская сбытовая компания»', 'Комитет по контролю за имуществом', 'ГИТ в Санкт-Петербурге',
  'Государственная жилищная инспекция', 'СПб ГБУ «Центр повышения эффективности»', 'ООО «Северный город»',
  'ООО «Управляющая компания Шушары»', null];
const name = id => shortNames[id] || id;

// Heat map: counts in every municipality, scores for sixty.
const cells = [];
municipalities.forEach(m => {
  const n = 2 + Math.floor(random() * 5);
  for (let i = 0; i < n; i++) {
    cells.push({ m, c: pick(categories), n: 1 + Math.floor(random() * 40) });
  }
});
const scores = municipalities.slice(0, 60).map((m, i) => ({ m, t: i % 7 === 0 ? 0 : Math.floor(random() * 100) }));
// Still learning: five municipalities, one of them the third tension point's (tension points below).
const learning = {};
municipalities.slice(60, 64).concat([municipalities[(2 * 17) % municipalities.length]]).forEach((m, i) => { learning[m] = 1 + i * 3; });
wallHooks.heatFrame({ type: 'snapshot', window: window24, seq: 9000, at: iso(now), region: 'spb', cells, scores, learning });

// Feed: forty messages, newest first.
const messages = [];
for (let i = 0; i < 40; i++) {
  messages.push({ id: 900000 + 40 - i, createdAt: iso(now - i * 9000), receivedAt: iso(now - i * 9000),
    municipality: pick(municipalities), category: pick(categories), topic: pick(topics), text: pick(texts) });
}
wallHooks.feedFrame({ type: 'snapshot', seq: 7000, at: iso(now), messages });

// Alerts: region-wide ones with districts beneath, districts on their own, deadline alerts.
const alerts = [];
const categoryName = id => categoryNames[id] || id;
function tension(labels, place, category, topic, parent, index) {
  const observed = 7 + Math.floor(random() * 900);
  const expected = Math.round(random() * 30) / 10;
  const since = now - (5 + index) * 60000;
  const what = categoryName(category) + (topic ? ' — ' + topic : '');
  const regionWide = labels.scope === 'region';
  const id = 'tension-' + index;
  alerts.push({ id, kind: 'tension', labels, severity: random() < 0.85 ? 'critical' : 'warning', state: 'firing',
    title: regionWide ? 'Всплеск обращений по всему региону: ' + what : 'Всплеск обращений: ' + place + ', ' + what,
    summary: observed + ' обращений при ожидаемых ' + expected.toFixed(1) + ' с 01:00 02.12; больше всего: ' + (topic || pick(topics)),
    details: { place, categoryName: categoryName(category), observed, expected, ratio: Math.round(observed / Math.max(expected, 0.05) * 10) / 10,
      score: 100, peakScore: 100, since: iso(since), through: iso(now), topics: [{ topic: topic || pick(topics), observed: Math.floor(observed / 2), expected: expected / 2 }], samples: [] },
    group: 'tension:category=' + category, parent, startsAt: iso(since), updatedAt: iso(since + 30000), endsAt: null,
    acknowledgedBy: null, acknowledgedAt: null, silencedUntil: null, silenceReason: null, silencedBy: null });
  return id;
}
let index = 0;
categories.slice(0, 10).forEach((category, c) => {
  const topic = c % 3 === 0 ? topics[c] : null;
  const parent = tension({ scope: 'region', category }, 'Санкт-Петербург', category, topic, null, index++);
  for (let k = 0; k < 8 + (c % 5) * 2; k++) {
    const m = municipalities[(c * 13 + k * 7) % municipalities.length];
    tension({ municipality: m, category }, name(m), category, null, parent, index++);
  }
});
while (index < 162) {
  const m = municipalities[(index * 11) % municipalities.length];
  const category = categories[10 + index % Math.max(1, categories.length - 10)] || pick(categories);
  tension({ municipality: m, category }, name(m), category, null, null, index++);
}
for (let d = 0; d < 8; d++) {
  const executor = executors[d];
  alerts.push({ id: 'deadline-' + d, kind: 'deadline', labels: { 'case': String(4100 + d), executor, municipality: pick(municipalities) },
    severity: d < 3 ? 'critical' : 'warning', state: 'firing', title: d < 3 ? 'Просрочен срок первого ответа' : 'Срок решения на исходе (80%)',
    summary: 'Обращение №' + (4100 + d) + ' «' + pick(texts).slice(0, 60) + '»; исполнитель: ' + executor + '; срок до 03.12 18:00',
    details: { 'case': 4100 + d, stage: 'first-reply', percent: d < 3 ? 100 : 80, dueAt: iso(now + 3600e3), deadlineClass: 'standard', escalation: 'supervisor', repeats: 0 },
    group: 'deadline:executor=' + executor, parent: null, startsAt: iso(now - d * 400000), updatedAt: iso(now - d * 400000), endsAt: null,
    acknowledgedBy: d === 1 ? 'дежурный Смирнов' : null, acknowledgedAt: null, silencedUntil: null, silenceReason: null, silencedBy: null });
}
wallHooks.alertsFrame({ type: 'snapshot', seq: 5000, at: iso(now), alerts });

// Tension points: forty, the last ones at 0, a few still learning.
const points = [];
for (let i = 0; i < 40; i++) {
  const m = municipalities[(i * 17) % municipalities.length];
  const category = pick(categories);
  const learningDays = i % 9 === 4 ? 1 + (i % 5) : null;
  points.push({ municipality: i === 0 ? null : m, municipalityName: i === 0 ? null : name(m), category, categoryName: categoryName(category),
    topic: i % 4 === 0 ? pick(topics) : null, score: i >= 34 ? 0 : Math.max(1, 100 - i * 3), observed: 20 + Math.floor(random() * 1800),
    expected: Math.round(random() * 250) / 10, trend: pick(['up', 'down', 'flat']), since: iso(now - 3600e3),
    topics: [{ topic: pick(topics), observed: 30, expected: 6.5 }, { topic: pick(topics), observed: 7, expected: 3.2 }],
    alertId: null, learningDays });
}
wallHooks.tension({ status: 200, body: { window: window24, at: iso(now), points } });

// Deadlines: forty executors.
wallHooks.deadlines({ status: 200, body: { at: iso(now), executors: executors.map((executor, i) => ({ executor,
  overdue: Math.max(0, 12 - i), atRisk: (i * 7) % 11, open: 20 + (i * 37) % 1400 })) } });

// Dynamics: 48 hours.
const hours = [];
for (let h = 0; h < 48; h++) {
  hours.push({ at: iso(now - (47 - h) * 3600e3), observed: 400 + Math.round(300 * Math.sin(h / 4)) + (h === 47 ? 900 : 0), expected: 420.5, upper: 610.2 });
}
wallHooks.dynamics(hours);
const fed = {
  alerts: alerts.length,
  topAlerts: alerts.filter(a => !a.parent).length,
  tensionPoints: points.filter(p => p.score > 0).length,
  executors: executors.length,
  messages: messages.length,
  municipalities: municipalities.length
};
requestAnimationFrame(() => setTimeout(() => done(fed), 300));
