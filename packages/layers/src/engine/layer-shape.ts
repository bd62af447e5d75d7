/**
 * A shape where `null` stands for an unknown dimension (the batch, usually).
 * @example const s: LayerShape = [null, 28, 28, 1];
 */
export type LayerShape = readonly (number | null)[];
