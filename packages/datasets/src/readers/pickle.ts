import { ValueError } from '@horn/tensor';

/** A Python object as the small unpickler sees it. Tuples and lists are both arrays. */
export type PickleValue =
  | null
  | boolean
  | number
  | string
  | Uint8Array
  | PickleValue[]
  | Map<PickleValue, PickleValue>
  | PickleGlobal
  | PickleCall;

/** A class or function named by a pickle (`numpy._core.multiarray._reconstruct`). */
export interface PickleGlobal {
  global: string;
}

/** An object a pickle builds by calling a global: the call's arguments and any `BUILD` state. */
export interface PickleCall {
  call: string;
  args: PickleValue[];
  state?: PickleValue;
}

const MARK = Symbol('mark');
type Slot = PickleValue | typeof MARK;

/**
 * A small, safe unpickler (protocols 0-5, the opcodes NumPy's object arrays use). It never runs
 * code: globals and calls become plain records ({@link PickleGlobal}, {@link PickleCall}).
 * @example unpickle(bytes) // { call: 'numpy._core.multiarray._reconstruct', args: [...], state: [...] }
 */
export function unpickle(bytes: Uint8Array, name = 'pickle data'): PickleValue {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const decoder = new TextDecoder();
  const stack: Slot[] = [];
  const memo = new Map<number, PickleValue>();
  let at = 0;
  const fail = (why: string): never => {
    throw new ValueError(`unpickle: ${name}: ${why} at byte ${at}`);
  };
  const pop = (): PickleValue => {
    const v = stack.pop();
    if (v === undefined || v === MARK) return fail('stack underflow');
    return v as PickleValue;
  };
  const top = (): PickleValue => stack[stack.length - 1] as PickleValue;
  const popMark = (): PickleValue[] => {
    const i = stack.lastIndexOf(MARK);
    if (i < 0) fail('no MARK on the stack');
    const items = stack.splice(i) as PickleValue[];
    items.shift();
    return items;
  };
  const take = (n: number): Uint8Array => {
    if (at + n > bytes.length) fail('truncated data');
    const out = bytes.subarray(at, at + n);
    at += n;
    return out;
  };
  const line = (): string => {
    const end = bytes.indexOf(0x0a, at);
    if (end < 0) fail('unterminated line');
    const s = decoder.decode(bytes.subarray(at, end));
    at = end + 1;
    return s;
  };
  const u8 = () => take(1)[0];
  // Reads an n-byte number at the cursor and moves past it.
  const num = (n: number, read: (offset: number) => number) => {
    const offset = at;
    take(n);
    return read(offset);
  };
  const u32 = () => num(4, (o) => view.getUint32(o, true));
  const text = (n: number) => decoder.decode(take(n));
  const setItems = (dict: PickleValue, items: PickleValue[]) => {
    if (!(dict instanceof Map)) fail('SETITEM on a non-dict');
    for (let i = 0; i + 1 < items.length; i += 2) (dict as Map<PickleValue, PickleValue>).set(items[i], items[i + 1]);
  };
  const appendTo = (list: PickleValue, items: PickleValue[]) => {
    if (!Array.isArray(list)) fail('APPEND on a non-list');
    for (const item of items) (list as PickleValue[]).push(item);
  };
  while (at < bytes.length) {
    const op = bytes[at++];
    switch (op) {
      case 0x80: // PROTO
        at += 1;
        break;
      case 0x95: // FRAME
        at += 8;
        break;
      case 0x2e: // STOP
        return pop();
      case 0x28: // MARK
        stack.push(MARK);
        break;
      case 0x30: // POP
        stack.pop();
        break;
      case 0x31: // POP_MARK
        popMark();
        break;
      case 0x32: // DUP
        stack.push(top());
        break;
      case 0x4a: // BININT
        stack.push(num(4, (o) => view.getInt32(o, true)));
        break;
      case 0x4b: // BININT1
        stack.push(u8());
        break;
      case 0x4d: // BININT2
        stack.push(num(2, (o) => view.getUint16(o, true)));
        break;
      case 0x8a: // LONG1
        stack.push(littleEndianSigned(take(longLength(u8(), fail))));
        break;
      case 0x8b: // LONG4
        stack.push(littleEndianSigned(take(longLength(u32(), fail))));
        break;
      case 0x49: // INT
      case 0x4c: {
        // LONG
        const s = line().replace(/L$/, '');
        stack.push(s === '01' ? true : s === '00' ? false : Number(s));
        break;
      }
      case 0x46: // FLOAT
        stack.push(Number(line()));
        break;
      case 0x47: // BINFLOAT
        stack.push(num(8, (o) => view.getFloat64(o, false)));
        break;
      case 0x4e: // NONE
        stack.push(null);
        break;
      case 0x88: // NEWTRUE
        stack.push(true);
        break;
      case 0x89: // NEWFALSE
        stack.push(false);
        break;
      case 0x55: // SHORT_BINSTRING
      case 0x8c: // SHORT_BINUNICODE
        stack.push(text(u8()));
        break;
      case 0x54: // BINSTRING
      case 0x58: // BINUNICODE
        stack.push(text(u32()));
        break;
      case 0x8d: // BINUNICODE8
        stack.push(text(num(8, (o) => Number(view.getBigUint64(o, true)))));
        break;
      case 0x43: // SHORT_BINBYTES
        stack.push(take(u8()).slice());
        break;
      case 0x42: // BINBYTES
        stack.push(take(u32()).slice());
        break;
      case 0x53: // STRING
        stack.push(line().replace(/^(['"])(.*)\1$/, '$2'));
        break;
      case 0x56: // UNICODE
        stack.push(line());
        break;
      case 0x5d: // EMPTY_LIST
      case 0x29: // EMPTY_TUPLE
        stack.push([]);
        break;
      case 0x6c: // LIST
      case 0x74: // TUPLE
        stack.push(popMark());
        break;
      case 0x85: // TUPLE1
        stack.push([pop()]);
        break;
      case 0x86: {
        // TUPLE2
        const b = pop();
        stack.push([pop(), b]);
        break;
      }
      case 0x87: {
        // TUPLE3
        const c = pop();
        const b = pop();
        stack.push([pop(), b, c]);
        break;
      }
      case 0x61: {
        // APPEND
        const item = pop();
        appendTo(top(), [item]);
        break;
      }
      case 0x65: {
        // APPENDS
        const items = popMark();
        appendTo(top(), items);
        break;
      }
      case 0x7d: // EMPTY_DICT
        stack.push(new Map());
        break;
      case 0x64: {
        // DICT
        const dict = new Map<PickleValue, PickleValue>();
        setItems(dict, popMark());
        stack.push(dict);
        break;
      }
      case 0x73: {
        // SETITEM
        const value = pop();
        const key = pop();
        setItems(top(), [key, value]);
        break;
      }
      case 0x75: {
        // SETITEMS
        const items = popMark();
        setItems(top(), items);
        break;
      }
      case 0x63: {
        // GLOBAL
        const module = line();
        stack.push({ global: `${module}.${line()}` });
        break;
      }
      case 0x93: {
        // STACK_GLOBAL
        const qualname = pop();
        stack.push({ global: `${String(pop())}.${String(qualname)}` });
        break;
      }
      case 0x52: // REDUCE
      case 0x81: {
        // NEWOBJ
        const args = pop();
        const fn = pop();
        stack.push({ call: isGlobal(fn) ? fn.global : '?', args: Array.isArray(args) ? args : [args] });
        break;
      }
      case 0x62: {
        // BUILD
        const state = pop();
        const obj = top();
        if (obj !== null && typeof obj === 'object' && 'call' in obj) obj.state = state;
        break;
      }
      case 0x70: // PUT
        memo.set(Number(line()), top());
        break;
      case 0x71: // BINPUT
        memo.set(u8(), top());
        break;
      case 0x72: // LONG_BINPUT
        memo.set(u32(), top());
        break;
      case 0x94: // MEMOIZE
        memo.set(memo.size, top());
        break;
      case 0x67: // GET
        stack.push(memo.get(Number(line())) ?? fail('unknown memo key'));
        break;
      case 0x68: // BINGET
        stack.push(memo.get(u8()) ?? fail('unknown memo key'));
        break;
      case 0x6a: // LONG_BINGET
        stack.push(memo.get(u32()) ?? fail('unknown memo key'));
        break;
      default:
        fail(`unsupported pickle opcode 0x${op.toString(16)}`);
    }
  }
  return fail('no STOP opcode');
}

function isGlobal(v: PickleValue): v is PickleGlobal {
  return v !== null && typeof v === 'object' && 'global' in v;
}

/** The widest LONG1 / LONG4 integer read: 8 bytes (int64). No data set's pickle holds wider ones. */
const MAX_LONG_BYTES = 8;

function longLength(n: number, fail: (why: string) => never): number {
  if (n > MAX_LONG_BYTES) {
    fail(`a LONG integer of ${n} bytes is wider than any data set needs (at most ${MAX_LONG_BYTES} bytes, int64)`);
  }
  return n;
}

function littleEndianSigned(b: Uint8Array): number {
  if (b.length === 0) return 0;
  let v = 0n;
  for (let i = b.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[i]);
  if (b[b.length - 1] & 0x80) v -= 1n << BigInt(8 * b.length);
  return Number(v);
}

/**
 * Reads a NumPy object array of integer sequences (as in Keras's `imdb.npz`) from its pickle:
 * one `number[]` per element.
 * @example objectArrayToSequences(parseNpz(bytes).x_train.pickle!) // [[1, 14, 22, ...], ...]
 */
export function objectArrayToSequences(pickle: Uint8Array, name = 'object array'): number[][] {
  const root = unpickle(pickle, name);
  const state = root !== null && typeof root === 'object' && 'call' in root ? root.state : undefined;
  const items = Array.isArray(state) ? state[4] : undefined;
  if (!Array.isArray(items)) {
    throw new ValueError(`unpickle: ${name} is not a pickled NumPy object array`);
  }
  return items.map((item, i) => {
    if (!Array.isArray(item) || item.some((v) => typeof v !== 'number')) {
      throw new ValueError(`unpickle: ${name} element ${i} is not a list of integers`);
    }
    return item as number[];
  });
}
