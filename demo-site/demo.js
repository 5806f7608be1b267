// Demo only: `?lang=en` shows the widgets in English, the way a site's English pages would set <html lang="en">.
if (new URLSearchParams(location.search).get('lang') === 'en') document.documentElement.lang = 'en';
