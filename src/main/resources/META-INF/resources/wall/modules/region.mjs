/*
 * The region the service serves (GET /api/v1/region): its names for the other panels, its name in the
 * status bar and the page title, the map's attribution, a banner when the wall was meant for another
 * region, and the per-capita choice only when every municipality's population is known.
 */

import { RegionNames } from './region-names.mjs';
import { backoffDelay } from './backoff.mjs';
import { el, showBanner } from './dom.mjs';
import { fetchJson } from './session.mjs';
import { kiosk, state } from './state.mjs';

/** The names of the region's municipalities and categories and its time formats, for every panel. */
export const names = new RegionNames();

/** Asks for the region until it answers, then shows it and calls onLoaded(). */
export function loadRegion(onLoaded, attempt = 0) {
  fetchJson('api/v1/region').then(answer => {
    if (!answer.body || !Array.isArray(answer.body.municipalities)) {
      setTimeout(() => { loadRegion(onLoaded, attempt + 1); }, backoffDelay(attempt, 2000, 30000));
      return;
    }
    showRegion(answer.body);
    onLoaded();
  });
}

function showRegion(body) {
  state.region = body.id;
  names.load(body);
  el.regionName.textContent = body.name || body.id;
  document.title = 'TSUR Pulse — ' + (body.name || body.id);
  if (body.attribution) {
    el.attribution.textContent = body.attribution;
  }
  const wanted = kiosk.region;
  state.regionMismatch = wanted !== null && wanted !== body.id;
  showBanner(state.regionMismatch
    ? 'Стена настроена на регион «' + wanted + '», а сервис обслуживает «' + (body.name || body.id) + '». Показан регион сервиса.'
    : null);
  // Per-capita needs every municipality's population in the region pack; without it the choice is hidden.
  el.metricSwitch.querySelector('[data-metric="percapita"]').hidden = !names.perCapitaAvailable();
}
