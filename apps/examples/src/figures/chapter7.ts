/**
 * The figures of the course's chapter 7 (recurrent networks): the training and validation loss and
 * accuracy of the SimpleRNN sentiment model on the UCI sentences (7.2) — it learns the training set
 * in a few epochs and then overfits — and the per-epoch loss of the character-level LSTM language
 * model trained with truncated BPTT (7.3). Run: `node dist/figures/chapter7.js [dir]`.
 */
import { linePlot } from '@horn/plot';
import { charLanguageModel } from '../chapters/char-lm-bptt.js';
import { sentimentModel } from '../chapters/rnn.js';
import { type FigureRunOptions, type FigureWriter, runFiguresIfMain } from './figure-writer.js';
import { historyFigure } from './history-plots.js';

/** Draws chapter 7's figures. */
export async function chapter7Figures(writer: FigureWriter, options: FigureRunOptions = {}): Promise<void> {
  const fast = options.fast ?? false;
  const quiet = { write: (_: string) => true };
  const rnn = sentimentModel({ epochs: fast ? 2 : 8, out: quiet });
  await writer.write(
    'ch7-rnn-sentiment',
    '7.2',
    historyFigure(
      { loss: rnn.loss, val_loss: rnn.valLoss, accuracy: rnn.accuracy, val_accuracy: rnn.valAccuracy },
      `SimpleRNN sentiment (${rnn.trainSize} sentences, ${rnn.validationSize} held out)`,
    ),
    { loss: rnn.loss, valLoss: rnn.valLoss, valAccuracy: rnn.valAccuracy },
  );
  const lm = charLanguageModel({ length: fast ? 6000 : 24_000, epochs: fast ? 2 : 6 });
  await writer.write(
    'ch7-char-lm-loss',
    '7.3',
    linePlot({
      series: [{ name: 'training cross-entropy', y: lm.loss }],
      title: `Character LSTM with truncated BPTT: ${lm.corpus.alphabet.length} characters, ln = ${Math.log(lm.corpus.alphabet.length).toFixed(2)}`,
      xLabel: 'epoch',
      yLabel: 'loss (nats per character)',
    }),
    { loss: lm.loss, carried: lm.carried, reset: lm.reset },
  );
}

runFiguresIfMain(import.meta.url, chapter7Figures);
