/**
 * Live mode: one onChanged handler on the bound sheet; a change that is not the add-in's own
 * calls the subscribers, debounced.
 */
import type { SheetChange } from "../host/types";
import { cellsOfRange } from "./cells";
import { debounce } from "./events";
import { runBatch, type HostState } from "./state";

export interface Live {
  subscribe(onChanged: (change?: SheetChange) => void): () => void;
  /** the bound sheet changed: move the handler there (when someone listens) */
  rebind(): void;
}

export function createLive(s: HostState): Live {
  const subscribers = new Set<(change?: SheetChange) => void>();
  let registration: { sheetId: string; remove(): Promise<void> } | null = null;
  /** the changes since the last call are all a coauthor's */
  let onlyRemote = true;
  const fire = debounce(() => {
    const change: SheetChange = { remote: onlyRemote };
    onlyRemote = true;
    subscribers.forEach((cb) => cb(change));
  }, s.env.debounceMs);

  /**
   * A change that only touches cells the last 应用 wrote is not new input: it is the add-in's own
   * write, or Ctrl+Z taking that write back (Excel's undo stack holds the add-in's writes), or a
   * person typing over a score. Writing the scores again would fight Ctrl+Z: the user could never
   * undo past it.
   */
  const onlyOurCells = (address: string | undefined): boolean => {
    const cells = address ? cellsOfRange(address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address) : null;
    return !!cells && cells.length > 0 && cells.every((c) => s.lastWritten.has(c));
  };

  /** Registrations run one after another, so two at once (subscribe and a first load) add one handler. */
  let registering: Promise<void> = Promise.resolve();
  const register = (): Promise<void> => {
    registering = registering.catch(() => undefined).then(registerNow);
    return registering;
  };
  /** A failure leaves live mode quiet, never an unhandled rejection. */
  const listen = () => void register().catch(() => undefined);

  async function registerNow(): Promise<void> {
    const id = s.sheetId;
    if (!id || registration?.sheetId === id) return;
    await registration?.remove();
    registration = null;
    await runBatch(
      s,
      async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(id);
        const handler = ws.onChanged.add(async (ev: Excel.WorksheetChangedEventArgs) => {
          if (s.own.isOwn(ev)) return;
          // coauthoring: another person's edit (source "Remote") refreshes the view, never writes
          if (ev.source !== "Remote" && onlyOurCells(ev.address)) return;
          if (ev.source !== "Remote") onlyRemote = false;
          fire.call();
        });
        await ctx.sync();
        registration = {
          sheetId: id,
          remove: async () => {
            const batch = async (c: Excel.RequestContext) => {
              handler.remove();
              await c.sync();
            };
            // the handler must be removed through the context it was added with
            if (s.env.customRun) await s.env.run(batch);
            else await Excel.run(handler.context, batch);
          },
        };
      },
      { write: false },
    );
  }

  return {
    rebind() {
      if (subscribers.size) listen();
    },
    subscribe(onChanged) {
      subscribers.add(onChanged);
      listen();
      return () => {
        subscribers.delete(onChanged);
        if (!subscribers.size) {
          fire.cancel();
          const r = registration;
          registration = null;
          void r?.remove().catch(() => undefined);
        }
      };
    },
  };
}
