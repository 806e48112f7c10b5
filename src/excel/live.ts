/**
 * Live mode: one onChanged handler on the bound sheet; a change that is not the add-in's own
 * calls the subscribers, debounced.
 */
import { debounce } from "./events";
import type { HostState } from "./state";

export interface Live {
  subscribe(onChanged: () => void): () => void;
  /** the bound sheet changed: move the handler there (when someone listens) */
  rebind(): void;
}

export function createLive(s: HostState): Live {
  const subscribers = new Set<() => void>();
  let registration: { sheetId: string; remove(): Promise<void> } | null = null;
  const fire = debounce(() => subscribers.forEach((cb) => cb()), s.env.debounceMs);

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
    await s.env.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(id);
      const handler = ws.onChanged.add(async (ev: Excel.WorksheetChangedEventArgs) => {
        if (s.own.isOwn(ev)) return;
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
    });
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
