import type { Mail } from '../mail/mailer.ts';

/** The mail asking the person for consent to the credit check (German: the company's language towards applicants). */

const dateFormat = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'long', timeStyle: 'short' });

export function consentRequestMail(
  to: string,
  facts: {
    name: string;
    companyName: string;
    listingTitle: string;
    address: { street: string; postalCode: string; city: string };
    bureauName: string;
    url: string;
    expiresAt: Date;
  },
): Mail {
  const address = `${facts.address.street}, ${facts.address.postalCode} ${facts.address.city}`;
  return {
    to,
    subject: `Einwilligung zur Bonitätsprüfung – ${facts.listingTitle}`,
    text: [
      `Guten Tag ${facts.name},`,
      '',
      `vielen Dank für Ihr Interesse an der Wohnung „${facts.listingTitle}“ (${address}). Für die Entscheidung über den Mietvertrag möchte ${facts.companyName} Ihre Bonität bei ${facts.bureauName} prüfen lassen – aber nur, wenn Sie einwilligen.`,
      '',
      'Die Einwilligung ist freiwillig. Sie können sie jederzeit über denselben Link widerrufen. Auf der Seite sehen Sie, welche Angaben an wen gehen und was wir davon behalten (nur die Einstufung und die Vorgangsnummer der Auskunftei):',
      facts.url,
      '',
      `Der Link gilt bis ${dateFormat.format(facts.expiresAt)} Uhr.`,
      '',
      'Mit freundlichen Grüßen',
      facts.companyName,
    ].join('\n'),
  };
}
