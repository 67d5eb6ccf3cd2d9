import { io, type Socket } from 'socket.io-client';
import type { CommandInput, CommandName, CommandOutput } from '../../shared/contract';
import type { Drop } from '../../shared/drops';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/hub-events';
import { z } from 'zod';
import { outputSchema } from '../../shared/contract';
import { ERROR_CODES, fail, ok, type Result } from '../../shared/result';

interface RawEmitter {
  emitWithAck(event: string, payload: unknown): Promise<unknown>;
}

const ResultShape = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }) }),
]);

type ControlSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * The desktop host's own line to the core's `/control` hub, as host: it keeps the drop list current
 * (state:init, then patches) for the tray, and sends the tray's and global shortcuts' commands. The
 * same contract the panel uses; the token travels in the handshake, never in a URL.
 */
export class HostLink {
  private readonly socket: ControlSocket;
  private readonly drops = new Map<number, Drop>();

  constructor(
    origin: string,
    token: string,
    private readonly changed: (drops: Drop[]) => void,
  ) {
    this.socket = io(`${origin}/control`, {
      auth: { token },
      transports: ['websocket'],
      reconnectionDelayMax: 5_000,
    });
    this.socket.on('state:init', (snapshot) => {
      this.drops.clear();
      for (const d of snapshot.drops) this.drops.set(d.id, d);
      this.emit();
    });
    this.socket.on('drop:updated', (drop) => {
      const known = this.drops.get(drop.id);
      if (known && known.updatedAt > drop.updatedAt) return;
      this.drops.set(drop.id, drop);
      this.emit();
    });
  }

  list(): Drop[] {
    return [...this.drops.values()];
  }

  /**
   * Runs a command over the hub and checks the answer against the contract (it crossed a process
   * boundary). A dropped connection answers `timeout`; nothing throws.
   */
  async run<N extends CommandName>(name: N, input: CommandInput<N>): Promise<Result<CommandOutput<N>>> {
    let answer: unknown;
    try {
      // socket.io types a generic event name's ack loosely; the answer is checked below instead.
      const raw = this.socket.timeout(5_000) as unknown as RawEmitter;
      answer = await raw.emitWithAck(name, input);
    } catch {
      return fail('timeout', 'DropDeck’s engine did not answer in 5 s.');
    }
    const result = ResultShape.safeParse(answer);
    if (!result.success) return fail('internal', `The engine answered ${name} in an unknown shape.`);
    if (!result.data.ok) return { ok: false, error: result.data.error };
    const value = outputSchema(name).safeParse(result.data.value);
    return value.success
      ? ok(value.data)
      : fail('internal', `The engine answered ${name} outside its contract.`);
  }

  close(): void {
    this.socket.off();
    this.socket.disconnect();
  }

  private emit(): void {
    this.changed(this.list());
  }
}
