/** The scenarios the emulator bench runs, in order: raw loopback requests first, then the real SDK. */
import { LARGE_DEFAULTS } from '../../../src/emulator/seed';
import type { Scenario } from './protocol';

/** The names of the scenarios whose req/s is checked against the target, in the order they are reported. */
export interface BenchScenarios {
  all: Scenario[];
  headlines: string[];
}

export function emulatorScenarios(concurrency: number, seconds: number): BenchScenarios {
  const allRegions = [null, ...LARGE_DEFAULTS.regions.slice(1)];
  const deep = { region: 'us-west-2', maxResults: 50, fromPage: 20 };
  const all: Scenario[] = [
    {
      kind: 'raw',
      name: 'DescribeClusters 25/page, us-east-1 unsigned, repeated',
      operation: 'DescribeClusters',
      bodies: ['{"MaxResults":25}'],
      regions: [null],
      concurrency,
      seconds,
    },
    {
      kind: 'raw',
      name: 'DescribeClusters 25/page, 4 regions (scope header), repeated',
      operation: 'DescribeClusters',
      bodies: ['{"MaxResults":25}'],
      regions: allRegions,
      concurrency,
      seconds,
    },
    {
      kind: 'raw',
      name: 'DescribeClusters 25/page, us-east-1 unsigned, all distinct',
      operation: 'DescribeClusters',
      bodies: ['{"MaxResults":25}'],
      regions: [null],
      distinct: true,
      concurrency,
      seconds,
    },
    {
      kind: 'raw',
      name: 'DescribeBackups 50/page, first page, 4 regions, repeated',
      operation: 'DescribeBackups',
      bodies: ['{"MaxResults":50}'],
      regions: allRegions,
      concurrency,
      seconds,
    },
    {
      kind: 'raw',
      name: 'DescribeBackups 50/page, first page, 4 regions, all distinct',
      operation: 'DescribeBackups',
      bodies: ['{"MaxResults":50}'],
      regions: allRegions,
      distinct: true,
      concurrency,
      seconds,
    },
    {
      kind: 'raw',
      name: 'DescribeBackups 50/page, deep pages (NextToken), repeated',
      operation: 'DescribeBackups',
      bodies: [],
      regions: [deep.region],
      deepPages: deep,
      concurrency,
      seconds,
    },
    {
      kind: 'raw',
      name: 'DescribeBackups 50/page, deep pages (NextToken), all distinct',
      operation: 'DescribeBackups',
      bodies: [],
      regions: [deep.region],
      deepPages: deep,
      distinct: true,
      concurrency,
      seconds,
    },
    {
      kind: 'sdk',
      name: 'SDK DescribeClusters 25/page (signed, parsed), repeated',
      operation: 'DescribeClusters',
      maxResults: 25,
      regions: [...LARGE_DEFAULTS.regions],
      concurrency: 16,
      seconds: Math.min(seconds, 3),
    },
    {
      kind: 'sdk',
      name: 'SDK DescribeBackups 50/page (signed, parsed), repeated',
      operation: 'DescribeBackups',
      maxResults: 50,
      regions: [...LARGE_DEFAULTS.regions],
      concurrency: 16,
      seconds: Math.min(seconds, 3),
    },
  ];
  // DescribeClusters unsigned, repeated and all distinct: what a polling dashboard costs, with and without reuse.
  return { all, headlines: [all[0]!.name, all[2]!.name] };
}
