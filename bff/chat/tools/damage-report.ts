import type { CaseCatalogue } from '../../contract/cases.ts';
import type { Urgency } from '../../contract/enums.ts';
import type { ChatToolInput, ChatToolResult } from '../tool-contract.ts';

type Missing = Extract<ChatToolResult<'createSchadensmeldung'>, { complete: false }>;

export interface CompleteDamageDraft {
  complete: true;
  draft: {
    ids: { damageLocationId: string; damageCategoryId: string; damageKindId: string };
    location: string;
    category: string;
    kind: string;
    urgency: Urgency;
    description: string;
  };
}

const normalise = (label: string) => label.trim().toLocaleLowerCase('de').replace(/\s+/g, ' ');

/**
 * A catalogue entry named by the model: its label in the resident's language, its German label, or its id.
 * Both catalogues list the same entries in the same order (only the labels differ).
 */
function pick<T extends { id: string; label: string }>(named: string | undefined, entries: T[], german: T[]): T | undefined {
  if (!named) return undefined;
  const wanted = normalise(named);
  const index = entries.findIndex(
    (entry, i) => entry.id === named.trim() || normalise(entry.label) === wanted || normalise(german[i]?.label ?? '') === wanted,
  );
  return index < 0 ? undefined : entries[index];
}

/**
 * Checks what the model collected against the housing company's damage catalogue (location → category →
 * kind). Anything missing or not in the catalogue comes back with the options to ask about; everything
 * present and known makes a complete draft (labels in the resident's language).
 */
export function damageReportDraft(
  input: ChatToolInput<'createSchadensmeldung'>,
  catalogue: CaseCatalogue,
  german: CaseCatalogue,
): Missing | CompleteDamageDraft {
  const missing: Missing['missing'] = [];
  const options: Missing['options'] = {};
  const location = pick(input.location, catalogue.damageLocations, german.damageLocations);
  const germanLocation = german.damageLocations.find((entry) => entry.id === location?.id);
  if (!location) {
    missing.push('location');
    options.location = catalogue.damageLocations.map((entry) => entry.label);
  }
  const category = location && pick(input.category, location.categories, germanLocation?.categories ?? []);
  const germanCategory = germanLocation?.categories.find((entry) => entry.id === category?.id);
  if (!category) {
    if (location || !input.category) missing.push('category');
    if (location) options.category = location.categories.map((entry) => entry.label);
  }
  const kind = category && pick(input.kind, category.kinds, germanCategory?.kinds ?? []);
  if (!kind) {
    if (category || !input.kind) missing.push('kind');
    if (category) options.kind = category.kinds.map((entry) => entry.label);
  }
  if (!input.urgency) missing.push('urgency');
  if (!input.description) missing.push('description');
  if (missing.length || !location || !category || !kind || !input.urgency || !input.description) {
    return { complete: false, missing, options };
  }
  return {
    complete: true,
    draft: {
      ids: { damageLocationId: location.id, damageCategoryId: category.id, damageKindId: kind.id },
      location: location.label,
      category: category.label,
      kind: kind.label,
      urgency: input.urgency,
      description: input.description,
    },
  };
}
