/**
 * A plan's messages are built with template literals, which V8 keeps as a tree of their pieces (a
 * "rope": every piece and every join its own object) until something reads the string whole. A
 * plan holds its messages to the end, and on a 100,000-row 分工表 the flags' ropes alone cost
 * ~65 MB more than the same text laid flat. Reading a string as a number makes V8 lay it flat in
 * place: the same value and the same string object afterwards (other engines: nothing changes).
 */
let read = 0;

/** `text`, laid flat; returns it. */
export function flat(text: string): string {
  // the count is kept so that an optimising compiler cannot drop the read as unused
  if (Number(text) !== Number(text)) read++;
  return text;
}

/** How many texts were read (only so that `read` is used). */
export const flattened = (): number => read;
