/**
 * `keras.datasets`: Keras's loaders (`mnist`, `fashionMnist`, `cifar10`, `imdb`, `bostonHousing`)
 * and scikit-learn's toy sets shipped inside Horn.
 * @example const [[xTrain, yTrain], [xTest, yTest]] = await keras.datasets.mnist.loadData();
 */
export {
  bostonHousing,
  breastCancer,
  cifar10,
  diabetes,
  digits,
  fashionMnist,
  imdb,
  iris,
  mnist,
  wine,
} from '@horn/datasets';
