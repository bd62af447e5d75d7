import { ValueError } from '@horn/tensor';

const FIELD = /\{([A-Za-z_][\w]*)(?::([^}]*))?\}/g;
const SPEC = /^(0)?(\d+)?(?:\.(\d+))?([dfeEgs%])?$/;

function formatNumber(value: number, spec: string, field: string, template: string): string {
  const m = SPEC.exec(spec);
  if (!m) throw new ValueError(`ModelCheckpoint: unsupported format '{${field}:${spec}}' in filepath '${template}'`);
  const [, zero, width, precision, type] = m;
  const p = precision === undefined ? undefined : Number(precision);
  let text: string;
  if (!Number.isFinite(value)) text = Number.isNaN(value) ? 'nan' : value > 0 ? 'inf' : '-inf';
  else if (type === 'd') {
    if (!Number.isInteger(value)) {
      throw new ValueError(
        `ModelCheckpoint: '{${field}:${spec}}' needs an integer, got ${value} (filepath '${template}')`,
      );
    }
    text = String(value);
  } else if (type === 'f') text = value.toFixed(p ?? 6);
  else if (type === '%') text = `${(value * 100).toFixed(p ?? 6)}%`;
  else if (type === 'e' || type === 'E') {
    text = value.toExponential(p ?? 6).replace(/e([+-])(\d)$/, 'e$10$2');
    if (type === 'E') text = text.toUpperCase();
  } else if (type === 'g' || (type === undefined && p !== undefined)) text = String(Number(value.toPrecision(p || 1)));
  else text = String(value);
  if (width !== undefined && text.length < Number(width)) {
    const pad = Number(width) - text.length;
    text =
      zero && /^-/.test(text)
        ? `-${'0'.repeat(pad)}${text.slice(1)}`
        : zero
          ? '0'.repeat(pad) + text
          : ' '.repeat(pad) + text;
  }
  return text;
}

/**
 * Fills a checkpoint path template as Python's `str.format` does for the fields Keras passes:
 * `{epoch}`, `{epoch:02d}`, `{val_loss:.2f}`, `{accuracy:.4e}`, ... (zero padding, width, precision,
 * types `d f e E g %`). A field that is not in `values` is an error naming the available ones.
 * @example formatFilepath('ckpt/{epoch:02d}-{val_loss:.2f}', { epoch: 3, val_loss: 0.1234 }) // 'ckpt/03-0.12'
 */
export function formatFilepath(template: string, values: Readonly<Record<string, number>>): string {
  return template.replace(FIELD, (_, field: string, spec: string | undefined) => {
    if (!(field in values)) {
      throw new ValueError(
        `ModelCheckpoint: failed to format the filepath '${template}': no value for '{${field}}'; available: ${Object.keys(values).join(', ')}`,
      );
    }
    return formatNumber(values[field], spec ?? '', field, template);
  });
}
