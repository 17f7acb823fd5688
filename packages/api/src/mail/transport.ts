import nodemailer from "nodemailer";
import { type ApiConfig, apiConfig } from "../config.ts";

export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  html: string | null;
  /** Extra headers as the outbox stored them (a JSON object of strings), or null. */
  headers?: unknown;
};

/** The stored headers, as strings only: anything else in the column is not a header. */
function headersOf(stored: unknown): Record<string, string> | undefined {
  if (!stored || typeof stored !== "object") return undefined;
  return Object.fromEntries(
    Object.entries(stored).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
}

/** Hands one message to a mail server; rejects when the server does not accept it. */
export type MailTransport = { send(message: MailMessage): Promise<void> };

export type SmtpSettings = ApiConfig["smtp"];

export function smtpTransport(settings: SmtpSettings = apiConfig().smtp): MailTransport {
  const transporter = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: settings.user ? { user: settings.user, pass: settings.password } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    async send(message) {
      await transporter.sendMail({
        from: settings.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html ?? undefined,
        headers: headersOf(message.headers),
      });
    },
  };
}
