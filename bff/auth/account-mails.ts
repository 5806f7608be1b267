import type { Language } from '../contract/enums.ts';
import type { Mail } from '../mail/mailer.ts';

/**
 * The self-service e-mails. German and English; Turkish, Polish and Ukrainian accounts get the English text
 * until translations exist. Plain text: the link must survive every mail client.
 */

interface Person {
  to: string;
  displayName: string;
  tenantName: string;
}

type Texts<T> = (input: T) => { subject: string; lines: string[] };

const passwordChanged: Record<'de' | 'en', Texts<Person>> = {
  de: (i) => ({
    subject: 'Ihr Passwort wurde geändert',
    lines: [
      `Guten Tag ${i.displayName},`,
      '',
      `das Passwort Ihres Kontos im Mieterportal von ${i.tenantName} wurde soeben geändert.`,
      'Alle anderen Sitzungen wurden dabei beendet.',
      'Wenn Sie das nicht selbst waren, setzen Sie bitte sofort ein neues Passwort („Passwort vergessen“) und',
      `wenden Sie sich an ${i.tenantName}.`,
      '',
      `Ihre ${i.tenantName}`,
    ],
  }),
  en: (i) => ({
    subject: 'Your password was changed',
    lines: [
      `Hello ${i.displayName},`,
      '',
      `the password of your account in the tenant portal of ${i.tenantName} was just changed.`,
      'All other sessions were ended.',
      `If this was not you, please set a new password at once ("Forgot password") and contact ${i.tenantName}.`,
      '',
      i.tenantName,
    ],
  }),
};

const emailConfirmation: Record<'de' | 'en', Texts<Person & { link: string; minutes: number }>> = {
  de: (i) => ({
    subject: `Neue E-Mail-Adresse für das Mieterportal von ${i.tenantName} bestätigen`,
    lines: [
      `Guten Tag ${i.displayName},`,
      '',
      `diese Adresse soll künftig für Ihr Konto im Mieterportal von ${i.tenantName} gelten.`,
      `Bitte bestätigen Sie das innerhalb von ${i.minutes} Minuten über diesen Link:`,
      '',
      i.link,
      '',
      'Der Link funktioniert nur einmal. Bis zur Bestätigung bleibt Ihre bisherige Adresse gültig.',
      'Wenn Sie das nicht angefordert haben, ignorieren Sie diese E-Mail.',
      '',
      `Ihre ${i.tenantName}`,
    ],
  }),
  en: (i) => ({
    subject: `Confirm your new e-mail address for the tenant portal of ${i.tenantName}`,
    lines: [
      `Hello ${i.displayName},`,
      '',
      `this address is to be used for your account in the tenant portal of ${i.tenantName}.`,
      `Please confirm within ${i.minutes} minutes with this link:`,
      '',
      i.link,
      '',
      'The link works once. Until you confirm, your previous address stays in use.',
      'If you did not ask for this, ignore this e-mail.',
      '',
      i.tenantName,
    ],
  }),
};

const emailChanged: Record<'de' | 'en', Texts<Person & { newAddress: string }>> = {
  de: (i) => ({
    subject: 'Ihre E-Mail-Adresse wurde geändert',
    lines: [
      `Guten Tag ${i.displayName},`,
      '',
      `für Ihr Konto im Mieterportal von ${i.tenantName} gilt ab sofort die Adresse ${i.newAddress}.`,
      'An diese Adresse schicken wir keine Nachrichten mehr.',
      `Wenn Sie das nicht selbst waren, wenden Sie sich bitte sofort an ${i.tenantName}.`,
      '',
      `Ihre ${i.tenantName}`,
    ],
  }),
  en: (i) => ({
    subject: 'Your e-mail address was changed',
    lines: [
      `Hello ${i.displayName},`,
      '',
      `your account in the tenant portal of ${i.tenantName} now uses the address ${i.newAddress}.`,
      'We will no longer send messages to this address.',
      `If this was not you, please contact ${i.tenantName} at once.`,
      '',
      i.tenantName,
    ],
  }),
};

const pick = (language: Language) => (language === 'de' ? 'de' : 'en');

export function passwordChangedMail(input: Person, language: Language = 'de'): Mail {
  const { subject, lines } = passwordChanged[pick(language)](input);
  return { to: input.to, subject, text: lines.join('\n') };
}

export function emailConfirmationMail(input: Person & { link: string; minutes: number }, language: Language = 'de'): Mail {
  const { subject, lines } = emailConfirmation[pick(language)](input);
  return { to: input.to, subject, text: lines.join('\n') };
}

export function emailChangedMail(input: Person & { newAddress: string }, language: Language = 'de'): Mail {
  const { subject, lines } = emailChanged[pick(language)](input);
  return { to: input.to, subject, text: lines.join('\n') };
}
