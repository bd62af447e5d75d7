/**
 * Chapter 7: SMS spam (the UCI SMS Spam Collection, 5,574 messages, 13.4% spam) with the same
 * recipe as the sentiment model: a seeded, stratified 80 / 20 split, a word tokenizer fitted on
 * the training messages, Embedding(4000, 16) -> Bidirectional(LSTM(16)) -> Dense(1, sigmoid).
 * Run: `pnpm --filter @horn/examples sms-spam`.
 */
import { loadSmsSpam } from '../data/text-sets.js';
import { runIfMain } from '../run-if-main.js';
import { biLstmTextModel, type TextModelOptions, type TextModelResult } from './sentiment-bilstm.js';

/**
 * Spam or ham: trains on 4,459 messages and scores the 1,115 held out.
 * @example (await smsSpam()).testAccuracy // about 0.98 (always answering "ham" gives 0.866)
 */
export function smsSpam(options: TextModelOptions = {}): Promise<TextModelResult> {
  return biLstmTextModel(loadSmsSpam(), { vocabulary: 4000, maxlen: 40, ...options });
}

/**
 * Runs the program as `node dist/chapters/sms-spam.js` does and returns its headline values
 * (the `run all` harness checks them); the short mode trains 1 epoch instead of 2.
 * @example (await run({ short: true })).firstLoss // 0.2177
 */
export async function run({ short } = { short: false }): Promise<{ firstLoss: number; testAccuracy: number }> {
  const result = await smsSpam({ verbose: 2, ...(short ? { epochs: 1 } : {}) });
  console.log(`held-out accuracy ${result.testAccuracy.toFixed(4)} on 1,115 messages`);
  const examples = ['WINNER! You have won a free prize, call 09061701461 now to claim', 'Ok, see you at lunch then'];
  for (const [i, p] of result.predict(examples).entries()) console.log(`${p.toFixed(3)}  ${examples[i]}`);
  return { firstLoss: result.loss[0], testAccuracy: result.testAccuracy };
}

runIfMain(import.meta.url, () => run());
