/**
 * The page inside the iframe of frame.test.ts, on another origin than the test page: text that wraps more the
 * narrower the frame is, and with `?grow` more of it a moment later, as a portal grows when a view opens.
 */
const content = document.getElementById('content')!;
const paragraph = (n: number) => {
  const p = document.createElement('p');
  p.textContent = `Absatz ${n}: Die Wohnungsgeberbestätigung und die Mieterbescheinigung liegen unter „Meine Dokumente“ bereit.`;
  return p;
};
for (let n = 1; n <= 20; n++) content.append(paragraph(n));
const box = document.createElement('div');
box.style.height = '600px';
content.append(box);
if (new URLSearchParams(location.search).has('grow')) {
  setTimeout(() => {
    const more = document.createElement('div');
    more.id = 'more';
    more.style.height = '700px';
    content.append(more);
  }, 800);
}
