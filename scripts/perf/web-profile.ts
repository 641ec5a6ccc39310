// PERF_WEB_PROFILE=<folder> npm run perf:web: records a V8 CPU profile of the page (DevTools protocol, 100 µs
// sampling) around each timed interaction, writes it to <folder>/<name>.cpuprofile (open it in Chrome DevTools'
// Performance panel) and prints where the page's main thread spent its time: per script and the top functions by
// self time. Off by default: the profiler slows the page it measures, so the timings of a profiled run are not the
// ones to report.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
};
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
type TraceEvent = { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: unknown };

const folder = process.env.PERF_WEB_PROFILE || null;
export const profiling = folder !== null;
const TOP = 15;

/**
 * Runs `act` under the CPU profiler and a Performance trace (devtools.timeline: style, layout, paint, script) when
 * PERF_WEB_PROFILE is set; otherwise just runs it. The trace's summary says what the CPU profile's "(program)" is.
 */
export async function profiled<T>(page: Page, name: string, act: () => Promise<T>): Promise<T> {
  if (!folder) return act();
  const browser = page.context().browser() as Browser;
  await browser.startTracing(page, { categories: ['devtools.timeline', 'blink.user_timing'] });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  try {
    return await act();
  } finally {
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    await cdp.detach();
    mkdirSync(folder, { recursive: true });
    const file = path.join(folder, `${name}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    console.log(`[perf:web] CPU profile of ${name}: ${file}`);
    console.log(selfTimeReport(profile));
    const trace = await browser.stopTracing();
    writeFileSync(path.join(folder, `${name}.trace.json`), trace);
    console.log(mainThreadReport(JSON.parse(trace.toString('utf8')).traceEvents as TraceEvent[]));
  }
}

/**
 * Self time per trace event name on the renderer's main thread (an event's duration less its children's), largest
 * first: how much of the page's main thread went to style (UpdateLayoutTree), Layout, Paint, script and the rest.
 */
export function mainThreadReport(events: TraceEvent[]): string {
  const main = events.find((e) => e.name === 'thread_name' && (e.args as { name?: string })?.name === 'CrRendererMain');
  const spans = events
    .filter((e) => e.ph === 'X' && main && e.pid === main.pid && e.tid === main.tid && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const self = new Map<string, number>();
  const open: { end: number; name: string }[] = [];
  for (const span of spans) {
    while (open.length > 0 && open[open.length - 1].end <= span.ts) open.pop();
    const parent = open[open.length - 1];
    const ms = (span.dur ?? 0) / 1000;
    self.set(span.name, (self.get(span.name) ?? 0) + ms);
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - ms);
    open.push({ end: span.ts + (span.dur ?? 0), name: span.name });
  }
  const lines = [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP)
    .map(([event, ms]) => `    ${ms.toFixed(1).padStart(8)} ms  ${event}`);
  return `  main thread by trace event (self time):\n${lines.join('\n')}`;
}

/** Self time per script and per function (name, script, line:column of the minified build), largest first. */
export function selfTimeReport(profile: CpuProfile): string {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const byScript = new Map<string, number>();
  const byFunction = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byNode.get(id)?.callFrame;
    if (!frame) return;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const script = frame.url ? path.basename(frame.url.split('?')[0]) : frame.functionName || '(native)';
    const fn = `${frame.functionName || '(anonymous)'} ${script}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
    byScript.set(script, (byScript.get(script) ?? 0) + ms);
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
  });
  const top = (map: Map<string, number>) =>
    [...map]
      .filter(([name]) => name !== '(idle)')
      .sort((a, b) => b[1] - a[1])
      .slice(0, TOP)
      .map(([name, ms]) => `    ${ms.toFixed(1).padStart(8)} ms  ${name}`)
      .join('\n');
  return `  self time by script:\n${top(byScript)}\n  top functions by self time:\n${top(byFunction)}`;
}
