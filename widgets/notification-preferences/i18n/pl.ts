import type { PreferenceMessages } from './de.ts';

const preferences: PreferenceMessages = {
  intro: 'Proszę wybrać, o których zdarzeniach w zgłoszeniach chcą Państwo otrzymywać e-mail.',
  choices: {
    receipt: 'Potwierdzenie otrzymania zgłoszenia',
    replies: 'Każda odpowiedź administracji',
    statusChanges: 'Każda zmiana statusu',
    appointments: 'Terminy z wykonawcami',
  },
  save: 'Zapisz wybór',
  saved: 'Wybór został zapisany.',
};

export default preferences;
