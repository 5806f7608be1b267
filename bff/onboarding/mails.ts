import type { Language } from '../contract/enums.ts';
import type { Mail } from '../mail/mailer.ts';

/**
 * The notice that an account was re-admitted (docs/sign-in.md, "Re-admission"), in the account's language.
 * It carries no code: the new activation code goes on a letter. A person who did not ask for it learns at
 * once that their access was reset.
 */

interface Readmission {
  to: string;
  displayName: string;
  tenantName: string;
}

const readmissionTexts: Record<Language, (input: Readmission) => { subject: string; lines: string[] }> = {
  de: (i) => ({
    subject: `Ihr Zugang zum Mieterportal von ${i.tenantName} wurde zurückgesetzt`,
    lines: [
      `Guten Tag ${i.displayName},`,
      '',
      `${i.tenantName} hat Ihren Zugang zum Mieterportal zurückgesetzt: Sie wurden auf allen Geräten abgemeldet,`,
      'Ihr Passwort und Ihr zweiter Faktor (Authenticator-App oder E-Mail-Code) gelten nicht mehr.',
      'Mit dem neuen Aktivierungscode aus Ihrem Brief richten Sie den Zugang wieder ein.',
      '',
      `Wenn Sie das nicht veranlasst haben, wenden Sie sich bitte an ${i.tenantName}.`,
      '',
      `Ihre ${i.tenantName}`,
    ],
  }),
  en: (i) => ({
    subject: `Your access to the ${i.tenantName} tenant portal was reset`,
    lines: [
      `Hello ${i.displayName},`,
      '',
      `${i.tenantName} has reset your access to the tenant portal: you were signed out on all devices, and your`,
      'password and second factor (authenticator app or e-mail code) no longer work.',
      'Use the new activation code from your letter to set up your access again.',
      '',
      `If you did not ask for this, please contact ${i.tenantName}.`,
      '',
      i.tenantName,
    ],
  }),
  tr: (i) => ({
    subject: `${i.tenantName} kiracı portalına erişiminiz sıfırlandı`,
    lines: [
      `Merhaba ${i.displayName},`,
      '',
      `${i.tenantName} kiracı portalına erişiminizi sıfırladı: tüm cihazlarda oturumunuz kapatıldı, şifreniz ve`,
      'ikinci faktörünüz (doğrulama uygulaması veya e-posta kodu) artık geçerli değil.',
      'Erişiminizi yeniden kurmak için mektubunuzdaki yeni etkinleştirme kodunu kullanın.',
      '',
      `Bunu siz talep etmediyseniz lütfen ${i.tenantName} ile iletişime geçin.`,
      '',
      i.tenantName,
    ],
  }),
  pl: (i) => ({
    subject: `Dostęp do portalu najemcy ${i.tenantName} został zresetowany`,
    lines: [
      `Dzień dobry ${i.displayName},`,
      '',
      `${i.tenantName} zresetował(a) Państwa dostęp do portalu najemcy: nastąpiło wylogowanie na wszystkich urządzeniach,`,
      'a hasło i drugi składnik (aplikacja uwierzytelniająca lub kod e-mail) przestały działać.',
      'Nowy kod aktywacyjny z listu pozwala ponownie skonfigurować dostęp.',
      '',
      `Jeśli nie prosili Państwo o to, prosimy o kontakt z ${i.tenantName}.`,
      '',
      i.tenantName,
    ],
  }),
  uk: (i) => ({
    subject: `Ваш доступ до порталу орендаря ${i.tenantName} скинуто`,
    lines: [
      `Добрий день, ${i.displayName},`,
      '',
      `${i.tenantName} скинула ваш доступ до порталу орендаря: ви вийшли з системи на всіх пристроях, а ваш пароль`,
      'і другий фактор (застосунок автентифікації або код з e-mail) більше не діють.',
      'Скористайтеся новим кодом активації з листа, щоб знову налаштувати доступ.',
      '',
      `Якщо ви цього не просили, зверніться, будь ласка, до ${i.tenantName}.`,
      '',
      i.tenantName,
    ],
  }),
};

export function readmissionMail(input: Readmission, language: Language): Mail {
  const { subject, lines } = readmissionTexts[language](input);
  return { to: input.to, subject, text: lines.join('\n') };
}
