/*
 * What an alert's row says (README «The control-room wall»): its place (a municipality, «весь регион», an
 * executor) and its subject (the category and topic, a case) in full, as the prominent part — that is
 * what tells a hundred alerts apart — and the generic words («Всплеск обращений», «Просрочен срок») as a
 * small lead; then one line of figures written by the wall itself (format.mjs), never the server's
 * summary for the kinds the wall knows. Built from the alert's labels and details and the region's names;
 * an alert of a kind it does not know shows its own title and summary. Pure: names and time formats are
 * parameters.
 */

import { formatExpected, formatNumber, parseTime, plural } from './format.mjs';

/** The place of an alert about the whole region. */
export const WHOLE_REGION = 'весь регион';
/** The place of a case with no executor yet. */
export const NO_EXECUTOR = 'исполнитель не назначен';

const SPIKE_TITLE = /^Всплеск обращений(?: по всему (?:региону|городу))?:\s*(.+)$/;

/** A label's text, or null when absent or blank. */
function label(alert, key) {
  const labels = alert && alert.labels && typeof alert.labels === 'object' ? alert.labels : {};
  const value = labels[key];
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

function detail(alert, key) {
  const details = alert && alert.details && typeof alert.details === 'object' ? alert.details : {};
  return details[key];
}

/** A number from a detail, or null for anything that is not one (null is not 0). */
function figure(value) {
  const readable = typeof value === 'number' || (typeof value === 'string' && value.trim() !== '');
  return readable && Number.isFinite(Number(value)) ? Number(value) : null;
}

/** A region name for an id, or the fallback when the region does not know it (a lookup that echoes the id). */
function named(lookup, id, fallback) {
  const name = id ? lookup(id) : null;
  return name && name !== id ? name : (fallback || id);
}

function tensionTitle(alert, names) {
  const municipality = label(alert, 'municipality');
  const regionWide = label(alert, 'scope') === 'region';
  const spike = SPIKE_TITLE.exec(String(alert.title || ''));
  let place = regionWide ? WHOLE_REGION
    : municipality ? named(id => names.municipalityName(id), municipality, detail(alert, 'place')) : null;
  const category = label(alert, 'category');
  const topic = label(alert, 'topic');
  let subject = [category ? named(id => names.categoryName(id), category, detail(alert, 'categoryName')) : null, topic]
    .filter(Boolean).join(' — ');
  if (!subject && spike) {
    // No labels to build from: the server's title after its generic words ("Колпино, Благоустройство").
    subject = spike[1];
    if (!place && !/^Всплеск обращений по всему/.test(alert.title)) {
      const comma = subject.indexOf(', ');
      if (comma > 0) {
        place = subject.slice(0, comma);
        subject = subject.slice(comma + 2);
      }
    } else if (!place) {
      place = WHOLE_REGION;
    }
  }
  return { lead: 'всплеск', place, subject: subject || String(alert.title || alert.id || '') };
}

function deadlineTitle(alert) {
  const executor = label(alert, 'executor') || NO_EXECUTOR;
  const title = String(alert.title || '');
  if (label(alert, 'scope') === 'group') {
    // "<executor>: 12 просроченных обращений": the executor is the place, the count (written by the wall) the subject.
    const overdue = figure(detail(alert, 'overdue'));
    const prefix = executor + ': ';
    const subject = overdue !== null
      ? formatNumber(overdue) + ' ' + plural(overdue, 'просроченное обращение', 'просроченных обращения', 'просроченных обращений')
      : title.startsWith(prefix) ? title.slice(prefix.length) : title;
    return { lead: 'сроки', place: executor, subject };
  }
  const kase = label(alert, 'case');
  const lead = title ? title.charAt(0).toLowerCase() + title.slice(1) : 'срок';
  return { lead, place: executor, subject: kase ? 'обращение №' + kase : title };
}

function incidentTitle(alert, names) {
  const municipality = label(alert, 'municipality');
  const place = municipality ? named(id => names.municipalityName(id), municipality, null) : null;
  const topic = detail(alert, 'topic');
  const places = figure(detail(alert, 'places'));
  const what = typeof topic === 'string' && topic.trim() ? topic.trim() : String(alert.title || alert.id || '');
  const subject = places !== null
    ? what + ' — ' + formatNumber(places) + ' ' + plural(places, 'адрес', 'адреса', 'адресов')
    : what;
  return { lead: 'инцидент', place, subject };
}

/**
 * The row's title {lead, place, subject}: `place` may be null; `subject` is never empty. `names` has
 * municipalityName(id) and categoryName(id) (a RegionNames).
 */
export function alertTitle(alert, names) {
  if (alert && alert.kind === 'tension') {
    return tensionTitle(alert, names);
  }
  if (alert && alert.kind === 'deadline') {
    return deadlineTitle(alert);
  }
  if (alert && alert.kind === 'incident') {
    return incidentTitle(alert, names);
  }
  return { lead: '', place: null, subject: String((alert && (alert.title || alert.id)) || '') };
}

/** How a child is named under its parent: its place (tension), its case (deadline), else its title. */
export function childName(alert, names) {
  const title = alertTitle(alert, names);
  if (alert && alert.kind === 'tension' && title.place) {
    return title.place;
  }
  if (alert && alert.kind === 'deadline' && label(alert, 'case')) {
    return '№' + label(alert, 'case');
  }
  return title.place ? title.place + ': ' + title.subject : title.subject;
}

/** The words before a parent's children: «12 муниципалитетов:», «3 обращения:», else «ещё 2:». */
export function childrenLabel(parent, count) {
  const n = formatNumber(count);
  if (parent && parent.kind === 'tension') {
    return n + ' ' + plural(count, 'муниципалитет', 'муниципалитета', 'муниципалитетов') + ':';
  }
  if (parent && parent.kind === 'deadline') {
    return n + ' ' + plural(count, 'обращение', 'обращения', 'обращений') + ':';
  }
  return 'ещё ' + n + ':';
}

/**
 * The line of figures under the title: a spike's observed count against the norm, since when and the
 * topics that drove it; a case's due time; an incident's messages against the expected, since when and its
 * probable cause; else the server's summary. `times` has shortTime and dayTime
 * (format.mjs timeFormats).
 */
export function alertFigures(alert, times) {
  if (alert && alert.kind === 'tension') {
    const observed = figure(detail(alert, 'observed'));
    const expected = figure(detail(alert, 'expected'));
    if (observed !== null) {
      const parts = [formatNumber(observed) + ' при норме ' + (expected !== null ? formatExpected(expected) : '—')];
      const since = parseTime(detail(alert, 'since'));
      if (since !== null) {
        parts.push('с ' + times.shortTime.format(new Date(since)));
      }
      const topics = detail(alert, 'topics');
      if (Array.isArray(topics) && topics.length) {
        parts.push(topics.slice(0, 2).map(t => t && t.topic).filter(Boolean).join(', '));
      }
      return parts.filter(Boolean).join(' · ');
    }
  }
  if (alert && alert.kind === 'deadline') {
    const due = parseTime(detail(alert, 'dueAt'));
    const overdue = figure(detail(alert, 'overdue'));
    if (label(alert, 'scope') === 'group' && overdue !== null) {
      const cases = detail(alert, 'cases');
      return Array.isArray(cases) && cases.length ? cases.slice(0, 5).map(c => '№' + c).join(', ') + (overdue > 5 ? '…' : '') : '';
    }
    if (due !== null) {
      return 'срок до ' + times.dayTime.format(new Date(due));
    }
  }
  if (alert && alert.kind === 'incident') {
    const messages = figure(detail(alert, 'messages'));
    const expected = figure(detail(alert, 'expected'));
    if (messages !== null) {
      const parts = [formatNumber(messages) + ' ' + plural(messages, 'обращение', 'обращения', 'обращений')
        + ' при норме ' + (expected !== null ? formatExpected(expected) : '—')];
      const since = parseTime(detail(alert, 'start'));
      if (since !== null) {
        parts.push('с ' + times.shortTime.format(new Date(since)));
      }
      const cause = detail(alert, 'cause');
      if (typeof cause === 'string' && cause.trim()) {
        parts.push(cause.trim());
      }
      return parts.join(' · ');
    }
  }
  return String((alert && alert.summary) || '');
}
