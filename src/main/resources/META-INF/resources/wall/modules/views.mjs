/*
 * What the map shows: the window (1 h, 24 h, 7 d) and the metric, switched by the buttons of the status
 * bar or by the kiosk's rotation of views (every N seconds the next metric:window). A click on a button
 * ends the rotation.
 */

import { isMetric, isWindow } from './settings.mjs';
import { rotationPlan, rotationText } from './kiosk.mjs';
import { el } from './dom.mjs';
import { kiosk, state } from './state.mjs';

/** `heat`: the heat-map stream; `requestRender()`: schedule a render; `windowChanged()`: reload what depends on the window. */
export function createViews({ heat, requestRender, windowChanged }) {
  let rotation = null;

  function setWindow(windowLabel) {
    if (!isWindow(windowLabel) || windowLabel === state.window) {
      return;
    }
    state.window = windowLabel;
    heat.request({ type: 'subscribe', window: windowLabel });
    requestRender();
    windowChanged();
  }

  function setMetric(metric) {
    if (!isMetric(metric)) {
      return;
    }
    state.metric = metric;
    requestRender();
  }

  function applyView(view) {
    setMetric(view.metric);
    setWindow(view.window);
  }

  /** Starts the rotation the URL asks for, if any, on its first view. */
  function startRotation() {
    const plan = rotationPlan(kiosk.rotate, kiosk.views);
    if (!plan) {
      return;
    }
    rotation = { views: plan.views, index: 0, periodMs: plan.periodMs, nextAt: Date.now() + plan.periodMs };
    applyView(plan.views[0]);
    el.rotation.hidden = false;
  }

  /** Called every second: moves to the next view when its time has come and updates the countdown. */
  function tickRotation() {
    if (!rotation) {
      return;
    }
    if (Date.now() >= rotation.nextAt) {
      rotation.index = (rotation.index + 1) % rotation.views.length;
      rotation.nextAt = Date.now() + rotation.periodMs;
      applyView(rotation.views[rotation.index]);
    }
    el.rotation.textContent = rotationText(rotation.index, rotation.views.length, rotation.nextAt - Date.now());
    state.view = rotation.index;
  }

  function stopRotation() {
    rotation = null;
    el.rotation.hidden = true;
  }

  /** The buttons of the status bar: a choice by hand ends the rotation. */
  function listen() {
    el.windowSwitch.addEventListener('click', event => {
      const button = event.target.closest('button[data-window]');
      if (button) {
        stopRotation();
        setWindow(button.getAttribute('data-window'));
      }
    });
    el.metricSwitch.addEventListener('click', event => {
      const button = event.target.closest('button[data-metric]');
      if (button && !button.disabled) {
        stopRotation();
        setMetric(button.getAttribute('data-metric'));
      }
    });
  }

  return { startRotation, tickRotation, listen };
}
