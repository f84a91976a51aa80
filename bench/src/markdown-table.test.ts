import { describe, expect, it } from 'vitest';
import type { BenchReport } from './bench-report.ts';
import { OVERLOAD_TABLE_HEADER, renderMarkdown, TABLE_HEADER } from './markdown-table.ts';
import { renderChart, renderOverloadChart } from './svg-chart.ts';

const report: BenchReport = {
  generatedAt: '2026-01-01T00:00:00.000Z',
  machine: { node: 'v20.20.2', platform: 'linux x64', cpus: 2, cpuModel: 'Test CPU' },
  pinning: 'unpinned: test',
  clockTicksPerSecond: 100,
  options: {
    durationSeconds: 5,
    rounds: 3,
    connections: 20,
    warmupSeconds: 2,
    targets: ['floor', 'gateway', 'yoga-fetch'],
    smoke: false,
  },
  targets: [
    {
      name: 'floor',
      status: 'measured',
      rounds: [],
      summary: {
        requestsPerSecond: 8412.4,
        p50Ms: 2.3141,
        p99Ms: 3.9,
        cpuMicrosPerRequest: 118.6,
        rssMb: 61.7,
        peakRssMb: 70,
        failures: 0,
        upstreamCallsPerRequest: 1,
      },
    },
    { name: 'gateway', status: 'unavailable', reason: 'apps/gateway/src/main.ts not found' },
    { name: 'yoga-fetch', status: 'failed', reason: 'check answered 500: a|b <c>\nd' },
  ],
  ratios: [],
  goals: [{ description: 'gateway throughput >= 0.3 x floor', met: null, observed: 'n/a' }],
};

describe('renderMarkdown', () => {
  const markdown = renderMarkdown(report);
  const lines = markdown.split('\n');

  it('has the header and one row per target, figures formatted for reading', () => {
    expect(lines).toContain(TABLE_HEADER);
    expect(lines).toContain('| floor | 8,412 | 2.31 | 3.90 | 119 | 62 | 0 | 1.00 | |');
  });

  it('says why a target has no figures, keeping the row one line and its cells intact', () => {
    expect(lines).toContain(
      '| gateway | – | – | – | – | – | – | – | not available: apps/gateway/src/main.ts not found |',
    );
    const failed = lines.find((line) => line.startsWith('| yoga-fetch |'));
    expect(failed).toContain('failed: check answered 500: a\\|b <c> d');
  });

  it('states the conditions of the run and each goal', () => {
    expect(markdown).toContain('20 connections, 3 interleaved round(s) of 5 s');
    expect(markdown).toContain('- not measured: gateway throughput >= 0.3 x floor');
  });
});

describe('renderChart', () => {
  const svg = renderChart(report);

  it('draws one throughput and one p99 bar per measured target', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/class="bar"/g)).toHaveLength(2);
    expect(svg).toContain('>8412<');
    expect(svg).toContain('>3.90 ms<');
  });

  it('labels targets without figures instead of drawing them', () => {
    expect(svg).toContain('not available');
    expect(svg).toContain('failed');
  });

  it('escapes text, so a name or reason cannot break the markup', () => {
    const hostile = renderChart({
      ...report,
      generatedAt: '<script>&',
    });
    expect(hostile).toContain('&lt;script&gt;&amp;');
    expect(hostile).not.toContain('<script>');
  });
});

describe('the overload scenario', () => {
  const floor = report.targets[0];
  const withOverload: BenchReport = {
    ...report,
    overload: {
      upstream: { capacity: 32, latencyMs: 100 },
      connections: 256,
      targets: [
        floor as NonNullable<typeof floor>,
        { name: 'gateway', status: 'failed', reason: 'died during load' },
      ],
      offeredPerSecond: { floor: 2500.4 },
    },
  };

  it('adds its table: offered load, goodput, p99, calls per request, beside the conditions', () => {
    const lines = renderMarkdown(withOverload).split('\n');
    expect(lines).toContain(OVERLOAD_TABLE_HEADER);
    expect(lines).toContain('| floor | 2,500 | 8,412 | 3.90 | 0 | 1.00 | 119 | |');
    expect(lines).toContain('| gateway | – | – | – | – | – | – | failed: died during load |');
    expect(lines.join('\n')).toContain('32 calls at once, 100 ms each (320 calls/s at most)');
    expect(renderMarkdown(report)).not.toContain(OVERLOAD_TABLE_HEADER);
  });

  it('draws its chart like the main one: goodput, p99 and upstream calls per request per measured target', () => {
    const svg = renderOverloadChart(withOverload) ?? '';
    expect(svg).toContain('Goodput (successes/s, higher is better)');
    expect(svg).toContain('Upstream calls per request (lower is better)');
    expect(svg.match(/class="bar"/g)).toHaveLength(3);
    expect(svg).toContain('>1.00<');
    expect(renderOverloadChart(report)).toBeNull();
  });
});
