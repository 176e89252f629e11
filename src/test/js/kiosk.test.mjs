// The kiosk parameters of the wall's URL, the layout and the rotation of views: modules/kiosk.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  chooseLayout, kioskParameters, rotationPlan, rotationText
} from '../../main/resources/META-INF/resources/wall/modules/kiosk.mjs';

test('no parameters: 24 h of tension, nothing else asked for', () => {
  assert.deepEqual(kioskParameters(''), {
    window: '24h', metric: 'tension', layout: null, region: null, municipality: null, rotate: null, views: null
  });
});

test('every parameter as given', () => {
  assert.deepEqual(kioskParameters('?window=7d&metric=percapita&layout=laptop&region=kursk&municipality=spb-kolpino&rotate=60&views=count:1h,tension:24h'), {
    window: '7d', metric: 'percapita', layout: 'laptop', region: 'kursk', municipality: 'spb-kolpino', rotate: '60', views: 'count:1h,tension:24h'
  });
});

test('unknown windows and metrics fall back to the defaults, empty values count as absent', () => {
  assert.deepEqual(kioskParameters('?window=2h&metric=constructor&layout=&region='), {
    window: '24h', metric: 'tension', layout: null, region: null, municipality: null, rotate: null, views: null
  });
  assert.deepEqual([kioskParameters('?window=__proto__').window, kioskParameters('?window=toString&metric=hasOwnProperty').metric],
    ['24h', 'tension']);
});

test('the layout asked for wins, else laptop below 1700 px', () => {
  assert.deepEqual([chooseLayout('wall', 800), chooseLayout('laptop', 3840), chooseLayout(null, 1699), chooseLayout(null, 1700), chooseLayout('tv', 1366)],
    ['wall', 'laptop', 'laptop', 'wall', 'laptop']);
});

test('a rotation needs a period of at least 5 s and two known views', () => {
  assert.deepEqual([rotationPlan(null, null), rotationPlan('4', null), rotationPlan('soon', null), rotationPlan('30', 'count:1h,count:2h')],
    [null, null, null, null]);
  assert.deepEqual(rotationPlan('60', null), {
    views: [{ metric: 'tension', window: '24h' }, { metric: 'count', window: '1h' }, { metric: 'count', window: '24h' }, { metric: 'count', window: '7d' },
      { metric: 'forecast', window: '7d' }],
    periodMs: 60000
  });
  assert.deepEqual(rotationPlan('5', 'count:1h, tension:24h ,bogus:1h,count:2h'), {
    views: [{ metric: 'count', window: '1h' }, { metric: 'tension', window: '24h' }],
    periodMs: 5000
  });
});

test('the rotation line counts down in whole seconds', () => {
  assert.deepEqual([rotationText(1, 4, 16200), rotationText(0, 2, -50)],
    ['вид 2 из 4 · смена через 17 с', 'вид 1 из 2 · смена через 0 с']);
});
