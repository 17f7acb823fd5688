import nodemailer from "nodemailer";
import { apiEnv } from "../env.ts";

export type MailMessage = { to: string; subject: string; text: string; html: string | null };

/** Hands one message to a mail server; rejects when the server does not accept it. */
export type MailTransport = { send(message: MailMessage): Promise<void> };

export type SmtpSettings = {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  password?: string;
  from: string;
};

export function smtpSettingsFromEnv(): SmtpSettings {
  const env = apiEnv();
  return {
    host: env.SMTP_HOST,
    port: env.SMTP_PORT,
    secure: env.SMTP_SECURE,
    user: env.SMTP_USER,
    password: env.SMTP_PASSWORD,
    from: env.SMTP_FROM,
  };
}

export function smtpTransport(settings: SmtpSettings = smtpSettingsFromEnv()): MailTransport {
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
      });
    },
  };
}
