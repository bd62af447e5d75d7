import { describe, expect, test } from 'vitest';
import { packageEntries, sourceProgram, tsdocGaps } from '../lib/tsdoc-coverage.js';

describe('every public export has TSDoc with an @example', () => {
  const program = sourceProgram();
  const gaps = tsdocGaps(program);

  test('reads every package', () => {
    expect([...packageEntries().keys()].length).toBeGreaterThanOrEqual(12);
  });

  test('no public export lacks TSDoc or its @example', () => {
    const lines = gaps.map((g) => `${g.pkg} ${g.name} (${g.at}): ${g.missing}`);
    console.log(lines.join('\n'));
    expect(lines).toEqual([]);
  });
});
