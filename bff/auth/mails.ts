import type { Mail } from '../mail/mailer.ts';

/** German texts of the sign-in e-mails. Plain text: links and codes must survive every mail client. */

export function loginCodeMail(input: { to: string; displayName: string; tenantName: string; code: string; minutes: number }): Mail {
  return {
    to: input.to,
    subject: `Ihr Anmeldecode für ${input.tenantName}: ${input.code}`,
    text: [
      `Guten Tag ${input.displayName},`,
      '',
      `Ihr Anmeldecode für das Mieterportal von ${input.tenantName} lautet:`,
      '',
      `    ${input.code}`,
      '',
      `Der Code ist ${input.minutes} Minuten gültig und kann nur einmal verwendet werden.`,
      'Wenn Sie sich nicht gerade anmelden, ignorieren Sie diese E-Mail und ändern Sie bitte Ihr Passwort.',
      '',
      `Ihre ${input.tenantName}`,
    ].join('\n'),
  };
}

export function passwordResetMail(input: { to: string; displayName: string; tenantName: string; link: string; minutes: number }): Mail {
  return {
    to: input.to,
    subject: `Neues Passwort für das Mieterportal von ${input.tenantName}`,
    text: [
      `Guten Tag ${input.displayName},`,
      '',
      `für Ihr Konto im Mieterportal von ${input.tenantName} wurde ein neues Passwort angefordert.`,
      `Über diesen Link legen Sie innerhalb von ${input.minutes} Minuten ein neues Passwort fest:`,
      '',
      input.link,
      '',
      'Der Link funktioniert nur einmal. Danach sind Sie auf allen Geräten abgemeldet.',
      'Wenn Sie kein neues Passwort angefordert haben, ignorieren Sie diese E-Mail; Ihr Passwort bleibt unverändert.',
      '',
      `Ihre ${input.tenantName}`,
    ].join('\n'),
  };
}
