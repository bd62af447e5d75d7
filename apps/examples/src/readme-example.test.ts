import { readFileSync } from 'node:fs';
import { expect, test, vi } from 'vitest';

test('the README example is this file, verbatim, and prints what the README says', async () => {
  const source = readFileSync(new URL('./readme-example.ts', import.meta.url), 'utf8').trim();
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  expect(readme).toContain(source);
  const printed: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((line: string) => {
    printed.push(line);
  });
  await import('./readme-example.js');
  spy.mockRestore();
  expect(printed).toEqual(['[[12. 16.  9.]\n [24. 28. 15.]\n [15. 17.  9.]]', '[ 5. 14. 29.]']);
  expect(readme).toContain(printed.join('\n'));
});
