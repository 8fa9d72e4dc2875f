import { chromium } from 'playwright-core';
import { serve } from '../serve.mjs';
const server = await serve({ dir: 'dist' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(`${server.url}notes/vanishing-gradients/?vanishing-gradients=v1,depth:50,width:128`);
await page.locator('.vg').first().scrollIntoViewIfNeeded();
await page.waitForTimeout(6000);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
for (const st of ['act:relu', 'act:tanh', 'scale:2', 'act:sigmoid']) {
  await page.evaluate((st) => window.dispatchEvent(new CustomEvent('figstate', { detail: { fig: 'vanishing-gradients', state: 'v1,depth:50,width:128,' + st } })), st);
  await page.waitForTimeout(400);
}
const { profile } = await cdp.send('Profiler.stop');
const self = new Map();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = profile.timeDeltas; let total = 0;
profile.samples.forEach((id, i) => { const n = byId.get(id); const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`; self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000); total += (dt[i] ?? 0) / 1000; });
console.log('total ms', total.toFixed(0));
console.log([...self.entries()].filter(([k]) => !k.startsWith('(idle)') && !k.startsWith('(program)')).sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => v.toFixed(1).padStart(7) + '  ' + k).join('\n'));
await browser.close(); await server.close();
