import type { SessionUser } from '../widgets/internal/api-client.ts';

export const wohnbauNord = { slug: 'wohnbau-nord', name: 'Wohnbau Nord eG' };

export const resident: SessionUser = { role: 'resident', displayName: 'Anna Müller', tenant: wohnbauNord };

export const clerk: SessionUser = { role: 'clerk', displayName: 'Clara Kaiser', tenant: wohnbauNord };

export const admin: SessionUser = { role: 'admin', displayName: 'Dora Verwalter', tenant: wohnbauNord };

export const longNameResident: SessionUser = {
  role: 'resident',
  displayName: 'Maximiliane Alexandra von Hohenzollern-Sigmaringen-Schwarzenberg-Leutkirchen',
  tenant: { slug: 'wohnbau-nord', name: 'Gemeinnützige Wohnungsbaugenossenschaft Nord-Ostholstein-Lauenburg eG' },
};

/** Story globals that show a story on the narrowest phone the widgets support (viewport presets: .storybook/preview.ts). */
export const phone320 = { viewport: { value: 'phone320', isRotated: false } };

/** Story globals for a page in English, Polish, Ukrainian, Turkish. */
export const english = { locale: 'en' };
export const polish = { locale: 'pl' };
export const ukrainian = { locale: 'uk' };
export const turkish = { locale: 'tr' };
