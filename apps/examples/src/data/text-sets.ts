import { readFileSync } from 'node:fs';
import { splitIndices } from '@horn/preprocessing';
import { sharedDataPath } from './shared-data.js';

/** Labelled texts: the strings and their 0/1 labels, in file order. */
export interface LabelledTexts {
  texts: string[];
  labels: number[];
}

/** A fixed, seeded, stratified train / held-out split of labelled texts. */
export interface TextSplit {
  train: LabelledTexts;
  test: LabelledTexts;
}

/**
 * The SMS Spam Collection v.1 (Almeida & Gómez Hidalgo, UCI) from the shared data folder:
 * 5,574 messages, `ham|spam<TAB>message` per line; label 1 is spam (747 of them).
 * @example loadSmsSpam().texts.length // 5574
 */
export function loadSmsSpam(): LabelledTexts {
  const texts: string[] = [];
  const labels: number[] = [];
  for (const line of readFileSync(sharedDataPath('sms-spam/SMSSpamCollection'), 'utf8').split('\n')) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    labels.push(line.slice(0, tab) === 'spam' ? 1 : 0);
    texts.push(line.slice(tab + 1).trim());
  }
  return { texts, labels };
}

/**
 * Splits labelled texts into train and held-out parts, stratified by label and seeded, so every
 * run (and every program of the chapter) holds out the same texts.
 * @example heldOutSplit(loadSmsSpam(), 0.2, 42).test.texts.length // 1115
 */
export function heldOutSplit(data: LabelledTexts, testSize: number, seed: number): TextSplit {
  const [trainRows, testRows] = splitIndices(data.texts.length, { testSize, stratify: data.labels, seed });
  const pick = (rows: Int32Array): LabelledTexts => ({
    texts: Array.from(rows, (i) => data.texts[i]),
    labels: Array.from(rows, (i) => data.labels[i]),
  });
  return { train: pick(trainRows), test: pick(testRows) };
}
