/**
 * `keras.datasets`: Keras's loaders (`mnist`, `fashionMnist`, `cifar10`, `imdb`, `reuters`,
 * `bostonHousing`), `decodeSequence` for the word-index sets, and scikit-learn's toy sets shipped inside Horn.
 * @example const [[xTrain, yTrain], [xTest, yTest]] = await keras.datasets.mnist.loadData();
 */
export {
  bostonHousing,
  breastCancer,
  cifar10,
  decodeSequence,
  diabetes,
  digits,
  fashionMnist,
  imdb,
  iris,
  mnist,
  reuters,
  wine,
} from '@horn/datasets';
