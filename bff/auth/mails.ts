import type { Language } from '../contract/enums.ts';
import type { Mail } from '../mail/mailer.ts';

/**
 * The sign-in e-mails in the account's language. Plain text: links and codes must survive every mail client.
 */

interface LoginCode {
  to: string;
  displayName: string;
  tenantName: string;
  code: string;
  minutes: number;
}

interface PasswordReset {
  to: string;
  displayName: string;
  tenantName: string;
  link: string;
  minutes: number;
}

const loginCodeTexts: Record<Language, (input: LoginCode) => { subject: string; lines: string[] }> = {
  de: (i) => ({
    subject: `Ihr Anmeldecode für ${i.tenantName}: ${i.code}`,
    lines: [
      `Guten Tag ${i.displayName},`,
      '',
      `Ihr Anmeldecode für das Mieterportal von ${i.tenantName} lautet:`,
      '',
      `    ${i.code}`,
      '',
      `Der Code ist ${i.minutes} Minuten gültig und kann nur einmal verwendet werden.`,
      'Wenn Sie sich nicht gerade anmelden, ignorieren Sie diese E-Mail und ändern Sie bitte Ihr Passwort.',
      '',
      `Ihre ${i.tenantName}`,
    ],
  }),
  en: (i) => ({
    subject: `Your sign-in code for ${i.tenantName}: ${i.code}`,
    lines: [
      `Hello ${i.displayName},`,
      '',
      `Your sign-in code for the tenant portal of ${i.tenantName} is:`,
      '',
      `    ${i.code}`,
      '',
      `The code is valid for ${i.minutes} minutes and can be used once.`,
      'If you are not signing in right now, ignore this e-mail and please change your password.',
      '',
      i.tenantName,
    ],
  }),
  tr: (i) => ({
    subject: `${i.tenantName} için giriş kodunuz: ${i.code}`,
    lines: [
      `Merhaba ${i.displayName},`,
      '',
      `${i.tenantName} kiracı portalı için giriş kodunuz:`,
      '',
      `    ${i.code}`,
      '',
      `Kod ${i.minutes} dakika geçerlidir ve yalnızca bir kez kullanılabilir.`,
      'Şu anda giriş yapmıyorsanız bu e-postayı dikkate almayın ve lütfen şifrenizi değiştirin.',
      '',
      i.tenantName,
    ],
  }),
  pl: (i) => ({
    subject: `Kod logowania do ${i.tenantName}: ${i.code}`,
    lines: [
      `Dzień dobry ${i.displayName},`,
      '',
      `kod logowania do portalu najemcy ${i.tenantName} to:`,
      '',
      `    ${i.code}`,
      '',
      `Kod jest ważny przez ${i.minutes} minut i można go użyć tylko raz.`,
      'Jeśli nie logują się Państwo w tej chwili, proszę zignorować tę wiadomość i zmienić hasło.',
      '',
      i.tenantName,
    ],
  }),
  uk: (i) => ({
    subject: `Ваш код входу для ${i.tenantName}: ${i.code}`,
    lines: [
      `Доброго дня, ${i.displayName}!`,
      '',
      `Ваш код входу до порталу орендаря ${i.tenantName}:`,
      '',
      `    ${i.code}`,
      '',
      `Код дійсний ${i.minutes} хвилин і може бути використаний лише один раз.`,
      'Якщо ви зараз не входите, проігноруйте цей лист і, будь ласка, змініть пароль.',
      '',
      i.tenantName,
    ],
  }),
};

const passwordResetTexts: Record<Language, (input: PasswordReset) => { subject: string; lines: string[] }> = {
  de: (i) => ({
    subject: `Neues Passwort für das Mieterportal von ${i.tenantName}`,
    lines: [
      `Guten Tag ${i.displayName},`,
      '',
      `für Ihr Konto im Mieterportal von ${i.tenantName} wurde ein neues Passwort angefordert.`,
      `Über diesen Link legen Sie innerhalb von ${i.minutes} Minuten ein neues Passwort fest:`,
      '',
      i.link,
      '',
      'Der Link funktioniert nur einmal. Danach sind Sie auf allen Geräten abgemeldet.',
      'Wenn Sie kein neues Passwort angefordert haben, ignorieren Sie diese E-Mail; Ihr Passwort bleibt unverändert.',
      '',
      `Ihre ${i.tenantName}`,
    ],
  }),
  en: (i) => ({
    subject: `New password for the tenant portal of ${i.tenantName}`,
    lines: [
      `Hello ${i.displayName},`,
      '',
      `a new password was requested for your account in the tenant portal of ${i.tenantName}.`,
      `Use this link within ${i.minutes} minutes to set a new password:`,
      '',
      i.link,
      '',
      'The link works once. Afterwards you are signed out on all devices.',
      'If you did not request a new password, ignore this e-mail; your password stays as it is.',
      '',
      i.tenantName,
    ],
  }),
  tr: (i) => ({
    subject: `${i.tenantName} kiracı portalı için yeni şifre`,
    lines: [
      `Merhaba ${i.displayName},`,
      '',
      `${i.tenantName} kiracı portalındaki hesabınız için yeni bir şifre talep edildi.`,
      `Bu bağlantıyla ${i.minutes} dakika içinde yeni bir şifre belirleyebilirsiniz:`,
      '',
      i.link,
      '',
      'Bağlantı yalnızca bir kez çalışır. Ardından tüm cihazlarda oturumunuz kapatılır.',
      'Yeni bir şifre talep etmediyseniz bu e-postayı dikkate almayın; şifreniz değişmez.',
      '',
      i.tenantName,
    ],
  }),
  pl: (i) => ({
    subject: `Nowe hasło do portalu najemcy ${i.tenantName}`,
    lines: [
      `Dzień dobry ${i.displayName},`,
      '',
      `dla konta w portalu najemcy ${i.tenantName} zażądano nowego hasła.`,
      `Za pomocą tego linku mogą Państwo w ciągu ${i.minutes} minut ustawić nowe hasło:`,
      '',
      i.link,
      '',
      'Link działa tylko raz. Następnie zostaną Państwo wylogowani na wszystkich urządzeniach.',
      'Jeśli nie zażądali Państwo nowego hasła, proszę zignorować tę wiadomość; hasło pozostanie bez zmian.',
      '',
      i.tenantName,
    ],
  }),
  uk: (i) => ({
    subject: `Новий пароль для порталу орендаря ${i.tenantName}`,
    lines: [
      `Доброго дня, ${i.displayName}!`,
      '',
      `Для вашого облікового запису на порталі орендаря ${i.tenantName} запитано новий пароль.`,
      `За цим посиланням ви можете встановити новий пароль протягом ${i.minutes} хвилин:`,
      '',
      i.link,
      '',
      'Посилання працює лише один раз. Після цього ви вийдете з системи на всіх пристроях.',
      'Якщо ви не запитували новий пароль, проігноруйте цей лист; ваш пароль залишиться без змін.',
      '',
      i.tenantName,
    ],
  }),
};

export function loginCodeMail(input: LoginCode, language: Language = 'de'): Mail {
  const { subject, lines } = loginCodeTexts[language](input);
  return { to: input.to, subject, text: lines.join('\n') };
}

export function passwordResetMail(input: PasswordReset, language: Language = 'de'): Mail {
  const { subject, lines } = passwordResetTexts[language](input);
  return { to: input.to, subject, text: lines.join('\n') };
}
