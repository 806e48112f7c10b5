/**
 * A list whose elements are made when they are read, one at a time, each time it is read: how the
 * report of a 100,000-row 分工表 is written without holding all its elements (src/cli/json-out.ts
 * writes one element after another). JSON.stringify sees the whole array (toJSON), so a LazyList
 * serialises exactly as the array it stands for.
 */
export class LazyList<T> implements Iterable<T> {
  /** `length`: how many elements a read makes, known without making them (a department's task count) */
  constructor(
    private readonly make: () => Iterable<T>,
    readonly length: number,
  ) {}

  [Symbol.iterator](): Iterator<T> {
    return this.make()[Symbol.iterator]();
  }

  toArray(): T[] {
    return Array.from(this);
  }

  toJSON(): T[] {
    return this.toArray();
  }

  /** Each element passed through `f`, again lazily. */
  map<U>(f: (x: T) => U): LazyList<U> {
    return new LazyList(() => mapIterable(this, f), this.length);
  }
}

function* mapIterable<T, U>(xs: Iterable<T>, f: (x: T) => U): Iterable<U> {
  for (const x of xs) yield f(x);
}

/** `items` mapped with `f` each time the list is read (`f` must be pure: it runs again on every read). */
export function lazyMap<T, U>(items: readonly T[], f: (x: T, i: number) => U): LazyList<U> {
  return new LazyList(function* () {
    for (let i = 0; i < items.length; i++) yield f(items[i], i);
  }, items.length);
}
