import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { Measured, SHAPES } from './support/scaling-shapes';

/*
 * Linear on every shape of input: for each shape a user (or an attacker) can write, ten
 * times the input may cost at most twelve times the work. The work is counted, not timed
 * (test/support/work.ts counts the blocks of JavaScript run), so a quadratic step fails
 * here on any machine, however busy; `bench/` times the same shapes
 * (docs/performance.md). The shapes are in test/support/scaling-shapes.ts, counted in a
 * process of their own with V8's optimising compilers off: optimised code counts nothing.
 */

/** Ten times the input may cost this many times the work. */
const MOST_GROWTH = 12;

describe('scaling: ten times the input costs at most twelve times the work, on every shape', function () {
  this.timeout(300_000);
  let measured: Map<string, Measured>;

  before(() => {
    const program = path.join(__dirname, 'support', 'scaling-shapes.js');
    const output = execFileSync(process.execPath, ['--no-opt', '--no-maglev', '--no-sparkplug', program], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    measured = new Map((JSON.parse(output) as Measured[]).map((m) => [m.name, m]));
  });

  for (const shape of SHAPES) {
    it(shape.name, () => {
      const { floor, small, large } = measured.get(shape.name)!;
      // The work of the smallest input (one of each) is what any input costs, whatever
      // its size: taken off both, what is left grows with the input alone.
      const grown = (at: { total: number }, floorOf: number): number => at.total - floorOf;
      const growth = grown(large, floor.total) / Math.max(1, grown(small, floor.total));
      const byFile = (file: string): number =>
        ((large.byFile[file] ?? 0) - (floor.byFile[file] ?? 0)) / Math.max(1, (small.byFile[file] ?? 0) - (floor.byFile[file] ?? 0));
      const worst = Object.keys(large.byFile).sort((a, b) => byFile(b) - byFile(a))[0];
      assert.ok(growth <= MOST_GROWTH, `× ${growth.toFixed(1)} the work for × 10 the input; grew most in ${worst} (× ${byFile(worst).toFixed(1)})`);
    });
  }

  it('counts work: a quadratic loop fails the check, a linear one passes', () => {
    // The check itself, on made-up counts: 10 n² against n² grows a hundredfold.
    const growth = (floor: number, small: number, large: number): number => (large - floor) / (small - floor);
    assert.ok(growth(10, 10 + 100 ** 2, 10 + 1000 ** 2) > MOST_GROWTH);
    assert.ok(growth(10, 10 + 100, 10 + 1000) <= MOST_GROWTH);
  });
});
