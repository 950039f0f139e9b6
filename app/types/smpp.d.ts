// The part of the smpp package (0.5.x, which ships no types) that the portal's
// SMS transport and its tests use.
declare module "smpp" {
  import type { EventEmitter } from "node:events";
  import type { Server as NetServer, Socket } from "node:net";

  export type ShortMessage = Buffer | string | { udh?: Buffer | Buffer[]; message: string | Buffer };

  export interface PDU {
    command: string;
    command_id: number;
    command_status: number;
    sequence_number: number;
    system_id?: string;
    password?: string;
    system_type?: string;
    source_addr?: string;
    destination_addr?: string;
    source_addr_ton?: number;
    source_addr_npi?: number;
    esm_class?: number;
    registered_delivery?: number;
    data_coding?: number;
    message_id?: string;
    /** decoded on receipt: the text, and the header's elements when the UDHI bit is set */
    short_message?: { udh?: Buffer[]; message: string | Buffer };
    message_payload?: { udh?: Buffer[]; message: string | Buffer };
    receipted_message_id?: string;
    message_state?: number;
    isResponse(): boolean;
    response(options?: Record<string, unknown>): PDU;
  }

  export class Session extends EventEmitter {
    socket: Socket;
    send(pdu: PDU, responseCallback?: (pdu: PDU) => void, sendCallback?: (pdu: PDU) => void): boolean;
    bind_transceiver(options: Record<string, unknown>, responseCallback?: (pdu: PDU) => void): boolean;
    bind_transmitter(options: Record<string, unknown>, responseCallback?: (pdu: PDU) => void): boolean;
    submit_sm(options: Record<string, unknown>, responseCallback?: (pdu: PDU) => void): boolean;
    deliver_sm(options: Record<string, unknown>, responseCallback?: (pdu: PDU) => void): boolean;
    enquire_link(options?: Record<string, unknown>, responseCallback?: (pdu: PDU) => void): boolean;
    unbind(options?: Record<string, unknown>, responseCallback?: (pdu: PDU) => void): boolean;
    pause(): void;
    resume(): void;
    close(callback?: () => void): void;
    destroy(callback?: () => void): void;
  }

  export interface Server extends NetServer {
    sessions: Session[];
  }

  export type ConnectOptions = {
    host?: string;
    port?: number;
    tls?: boolean;
    url?: string;
    auto_enquire_link_period?: number;
    rejectUnauthorized?: boolean;
  };

  export function connect(options: ConnectOptions, listener?: () => void): Session;
  export function createServer(options: Record<string, unknown>, listener: (session: Session) => void): Server;
  export function createServer(listener: (session: Session) => void): Server;

  export const ESME_ROK: number;
  export const ESME_RBINDFAIL: number;
  export const ESME_RINVPASWD: number;
  export const ESME_RTHROTTLED: number;
  export const ESME_RX_T_APPN: number;
  export const ESME_RSYSERR: number;
  export const errors: Record<string, number>;
}
