// E-mail through the portal's mail server. Subjects and bodies are UTF-8 (Lao
// script), which nodemailer encodes for the headers and the text part.
import nodemailer, { type Transporter } from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import type { SmtpConfig } from "./transport-config.server";
import type { MessageTransport, OutgoingMessage, SendReceipt } from "./transport.server";

export class SmtpTransport implements MessageTransport {
  private readonly mailer: Transporter<SMTPTransport.SentMessageInfo>;

  constructor(private readonly config: SmtpConfig) {
    const auth = config.user ? { user: config.user, pass: config.password ?? "" } : undefined;
    const timeouts = { connectionTimeout: config.timeoutMs, greetingTimeout: config.timeoutMs, socketTimeout: config.timeoutMs };
    const options: SMTPTransport.Options = config.url
      ? { url: config.url, auth, ...timeouts }
      : {
          host: config.host,
          port: config.port,
          secure: config.secure === "tls",
          // STARTTLS is required, not hoped for: a server that does not offer it gets no password.
          requireTLS: config.secure === "starttls",
          ignoreTLS: config.secure === "none",
          auth,
          ...timeouts,
        };
    this.mailer = nodemailer.createTransport(options);
  }

  async send(message: OutgoingMessage): Promise<SendReceipt> {
    if (message.channel !== "email") throw new Error(`The SMTP transport sends e-mail, not ${message.channel}.`);
    const info = await this.mailer.sendMail({
      from: this.config.from,
      to: message.recipient,
      subject: message.subject ?? "",
      text: message.body,
    });
    return { providerMessageId: info.messageId ?? null };
  }

  close(): void {
    this.mailer.close();
  }
}
