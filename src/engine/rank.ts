// Orders items by a number, largest first, ties by id (SPEC §3.4's nextSteps), without a
// comparator: stable LSD radix sorts, first by a number that orders like the start of each id,
// then by the keys' bits; only items whose key and id start are both equal need a string compare.
// A comparator sort took ~100 ms on 90k leaves with many equal gains (every tie a string compare
// through a closure); sorting each run of equal gains by id with the native sort still cost about
// as much as the rest of nextSteps (90k string compares and id lookups; every leaf of the bench
// tree ties with others).

const SMALL = 2048;
/** Characters of an id that idKey packs: 7 × 7 bits fit a double's 53-bit integers exactly. */
const ID_CHARS = 7;

/**
 * A number that orders like `id` (UTF-16 code units, as `<` compares) as far as it can tell:
 * key(a) < key(b) implies a < b; equal keys say nothing. Each of the first 7 units is one base-128
 * digit (0 = the id ended, so a prefix comes first); units from 126 up share the top digit, and
 * the packing stops after one of them (a later digit must never decide what that one did not).
 */
export function idKey(id: string): number {
  let key = 0;
  let i = 0;
  while (i < ID_CHARS && i < id.length) {
    const c = id.charCodeAt(i++);
    key = key * 128 + (c < 126 ? c + 1 : 127);
    if (c >= 126) break;
  }
  for (; i < ID_CHARS; i++) key *= 128;
  return key;
}

/** Stable LSD radix sort of `order` (indexes) ascending by the 64-bit digits hi:lo, 16 bits a pass. */
function radix(hi: Uint32Array, lo: Uint32Array, order: Uint32Array, count: Uint32Array): Uint32Array {
  const n = order.length;
  let spare: Uint32Array = new Uint32Array(n);
  for (let pass = 0; pass < 4; pass++) {
    const digits = pass < 2 ? lo : hi;
    const shift = pass & 1 ? 16 : 0;
    count.fill(0);
    for (let i = 0; i < n; i++) count[((digits[i]! >>> shift) & 0xffff) + 1]!++;
    if (n === 0 || count[((digits[0]! >>> shift) & 0xffff) + 1] === n) continue; // one digit for all: nothing moves
    for (let d = 1; d <= 0x10000; d++) count[d]! += count[d - 1]!;
    for (let i = 0; i < n; i++) {
      const j = order[i]!;
      spare[count[(digits[j]! >>> shift) & 0xffff]!++] = j;
    }
    const t = order;
    order = spare;
    spare = t;
  }
  return order;
}

/** Indexes of `keys` (finite numbers), largest key first; equal keys keep their order in `order`. */
export function orderDescending(
  keys: Float64Array,
  order?: Uint32Array,
  count: Uint32Array = new Uint32Array(0x10001),
): Uint32Array {
  const n = keys.length;
  const bits = new Uint32Array(keys.buffer, keys.byteOffset, 2 * n);
  // a double's bits as two unsigned digits that sort ascending for descending keys
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    // -0 and 0 are one key, just after the smallest positive
    if (keys[i] === 0) {
      hi[i] = 0x7fffffff;
      lo[i] = 0xffffffff;
      continue;
    }
    const h = bits[2 * i + 1]!;
    const l = bits[2 * i]!;
    if (h & 0x80000000) {
      hi[i] = h; // negatives after zero, the smallest magnitude first
      lo[i] = l;
    } else {
      hi[i] = (h ^ 0x7fffffff) >>> 0; // positives first, the largest first
      lo[i] = ~l >>> 0;
    }
  }
  if (!order) {
    order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
  }
  return radix(hi, lo, order, count);
}

/** `items` by key, largest first, equal keys by id (string order, as `<` compares). */
export function rankByKey<T extends { id: string }>(items: readonly T[], keys: Float64Array): T[] {
  const n = items.length;
  // below a few thousand items a comparator sort wins (the radix passes cost 4 × 65,536 counters)
  if (n < SMALL) {
    const order = Array.from(items.keys());
    order.sort(
      (a, b) => keys[b]! - keys[a]! || (items[a]!.id < items[b]!.id ? -1 : items[a]!.id > items[b]!.id ? 1 : 0),
    );
    return order.map((i) => items[i]!);
  }
  // by id start first (idKey < 2^49: hi holds the top 17 bits), then stably by key
  const idKeys = new Float64Array(n);
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  const identity = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const k = idKey(items[i]!.id);
    idKeys[i] = k;
    hi[i] = k / 0x100000000;
    lo[i] = k % 0x100000000;
    identity[i] = i;
  }
  const count = new Uint32Array(0x10001);
  const order = orderDescending(keys, radix(hi, lo, identity, count), count);
  // runs of equal key and equal id start: ordered by the whole id (rare: ids sharing 7 characters)
  for (let i = 0; i < n;) {
    const a = order[i]!;
    let j = i + 1;
    while (j < n && keys[order[j]!] === keys[a] && idKeys[order[j]!] === idKeys[a]) j++;
    if (j - i > 1) {
      const run = Array.from(order.subarray(i, j));
      run.sort((x, y) => (items[x]!.id < items[y]!.id ? -1 : items[x]!.id > items[y]!.id ? 1 : 0));
      order.set(run, i);
    }
    i = j;
  }
  const out = new Array<T>(n);
  for (let i = 0; i < n; i++) out[i] = items[order[i]!]!;
  return out;
}
