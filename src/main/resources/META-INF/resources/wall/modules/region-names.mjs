/*
 * The names the wall writes for ids (municipalities, categories), the populations per-capita needs and
 * the time formats in the region's zone, from GET /api/v1/region. Pure: no DOM; one instance per page.
 */

import { UNKNOWN_ID } from './settings.mjs';
import { timeFormats } from './format.mjs';

export class RegionNames {
  constructor() {
    this.municipalities = new Map();
    this.categories = new Map();
    /** {clock, shortTime, day}: in the computer's zone until the region names its own. */
    this.times = timeFormats(undefined);
  }

  /** Takes the region's answer; an unknown time zone keeps the formats in use. */
  load(region) {
    this.municipalities.clear();
    this.categories.clear();
    region.municipalities.forEach(m => {
      if (m && m.id) {
        this.municipalities.set(m.id, m);
      }
    });
    (region.categories || []).forEach(c => {
      if (c && c.id) {
        this.categories.set(c.id, c);
      }
    });
    if (region.timeZone) {
      try {
        this.times = timeFormats(region.timeZone);
      } catch (e) {
        // An unknown zone in the pack: the wall computer's own zone is used.
      }
    }
  }

  /** The short name shown on the wall; "не определено" for the locator's unknown municipality. */
  municipalityName(id) {
    const m = this.municipalities.get(id);
    if (m) {
      return m.shortName || m.name || id;
    }
    return id === UNKNOWN_ID ? 'не определено' : (id || '—');
  }

  /** The full name (a map shape's tooltip), or null when the region does not know the id. */
  fullName(id) {
    const m = this.municipalities.get(id);
    return m && m.name ? m.name : null;
  }

  categoryName(id) {
    const c = this.categories.get(id);
    return c && c.name ? c.name : (id || '');
  }

  /** Residents of the municipality; 0 when unknown. */
  population(id) {
    const m = this.municipalities.get(id);
    return m && m.population > 0 ? m.population : 0;
  }

  /** Per-capita needs every municipality's population (the unknown one aside). */
  perCapitaAvailable() {
    let known = 0;
    let total = 0;
    this.municipalities.forEach((m, id) => {
      if (id !== UNKNOWN_ID) {
        total++;
        if (m.population > 0) {
          known++;
        }
      }
    });
    return total > 0 && known === total;
  }
}
