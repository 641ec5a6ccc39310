import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clusterArgs } from './cluster-args';

describe('clusterArgs', () => {
  it('is null without --instances and --workers: the one-process load', () => {
    expect(clusterArgs([])).toBeNull();
    expect(clusterArgs(['--seconds', '3'])).toBeNull();
  });

  it('reads both in any order, one defaulting when only the other is given', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 8 }), (instances, workers) => {
        const a = ['--instances', String(instances)];
        const b = ['--workers', String(workers)];
        expect(clusterArgs([...a, ...b])).toEqual({ instances, workers });
        expect(clusterArgs([...b, ...a])).toEqual({ instances, workers });
        expect(clusterArgs(a)).toEqual({ instances, workers: 0 });
        expect(clusterArgs(b)).toEqual({ instances: 1, workers });
      }),
    );
  });

  it('refuses what is not a count, naming the option', () => {
    expect(() => clusterArgs(['--instances'])).toThrow('--instances takes a whole number');
    expect(() => clusterArgs(['--workers', 'two'])).toThrow('--workers takes a whole number');
    expect(() => clusterArgs(['--instances', '1.5'])).toThrow('--instances');
    expect(() => clusterArgs(['--instances', '9'])).toThrow('from 0 to 8');
    expect(() => clusterArgs(['--instances', '0'])).toThrow('--instances must be at least 1');
  });
});
