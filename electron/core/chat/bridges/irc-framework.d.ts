/** The slice of irc-framework (kiwiirc, plain JS, no bundled types) the IRC bridge uses. */
declare module 'irc-framework' {
  import type { EventEmitter } from 'node:events';

  export interface ConnectOptions {
    host: string;
    port: number;
    nick: string;
    username?: string;
    gecos?: string;
    password?: string;
    tls?: boolean;
    rejectUnauthorized?: boolean;
    auto_reconnect?: boolean;
    ping_interval?: number;
    ping_timeout?: number;
    message_max_length?: number;
  }

  export interface PrivmsgEvent {
    nick: string;
    target: string;
    message: string;
    type: string;
    tags?: Record<string, string>;
  }

  export class Client extends EventEmitter {
    constructor(options?: Partial<ConnectOptions>);
    connect(options: ConnectOptions): void;
    join(channel: string, key?: string): void;
    say(target: string, message: string): void;
    quit(message?: string): void;
    connected: boolean;
  }

  const irc: { Client: typeof Client };
  export default irc;
}
