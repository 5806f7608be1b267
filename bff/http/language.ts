import type { Request } from 'express';
import { LANGUAGES, type Language } from '../contract/enums.ts';

/**
 * The product language a request asks for: the first of `Accept-Language` (by weight) that the product
 * speaks, by its primary subtag (`de-AT` → `de`). The widgets send their page's language this way.
 */
export function requestLanguage(req: Request): Language | undefined {
  const ranked = (req.get('accept-language') ?? '')
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = Number(
        params
          .find((param) => param.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { primary: tag.trim().toLowerCase().split('-')[0], q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.primary && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((entry) => entry.primary).find((primary): primary is Language => (LANGUAGES as readonly string[]).includes(primary));
}
