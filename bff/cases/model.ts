import { notFound } from '../errors.ts';
import type { CaseEventKind, CaseSource, CaseStatus, CaseType, Language, Priority, Urgency } from '../contract/enums.ts';

/**
 * Cases (Vorgänge): the types, states and rules shared by the use cases and the CaseBackend adapters.
 */

/** The statuses as people read them, per language (e-mails; German also in the BFF's own messages). */
export const STATUS_LABELS: Record<Language, Record<CaseStatus, string>> = {
  de: {
    eingegangen: 'Eingegangen',
    in_bearbeitung: 'In Bearbeitung',
    beauftragt: 'Beauftragt',
    erledigt: 'Erledigt',
    abgelehnt: 'Abgelehnt',
  },
  en: { eingegangen: 'Received', in_bearbeitung: 'In progress', beauftragt: 'Commissioned', erledigt: 'Done', abgelehnt: 'Declined' },
  tr: {
    eingegangen: 'Alındı',
    in_bearbeitung: 'İşleniyor',
    beauftragt: 'Görevlendirildi',
    erledigt: 'Tamamlandı',
    abgelehnt: 'Reddedildi',
  },
  pl: { eingegangen: 'Przyjęte', in_bearbeitung: 'W realizacji', beauftragt: 'Zlecone', erledigt: 'Załatwione', abgelehnt: 'Odrzucone' },
  uk: { eingegangen: 'Отримано', in_bearbeitung: 'В обробці', beauftragt: 'Доручено', erledigt: 'Виконано', abgelehnt: 'Відхилено' },
};

/** Another housing company's or another resident's case looks exactly like a missing one. */
export const caseNotFound = () => notFound('Vorgang nicht gefunden.');

export const PRIORITY_BY_URGENCY: Record<Urgency, Priority> = { normal: 'normal', urgent: 'high', emergency: 'critical' };

export interface Labelled {
  id: string;
  label: string;
}

/**
 * Translations of a catalogue label by language (`{ "en": "Dripping tap" }`). The label itself is German,
 * the housing company's own words and the fallback; views pick the person's language (views.ts `labelIn`).
 */
export type LabelTranslations = Partial<Record<Language, string>>;

/** A catalogue entry (damage location, category, kind; document type) with its translations. */
export interface CatalogueEntry extends Labelled {
  translations: LabelTranslations;
}

/** A case as stored, with the catalogue labels resolved. Internal fields included: never sent to residents as is. */
export interface CaseRecord {
  id: string;
  caseNumber: string;
  type: CaseType;
  title: string;
  description: string;
  damageLocation: Labelled | null;
  damageCategory: Labelled | null;
  damageKind: Labelled | null;
  /** `key` is stable across a company's renaming (e.g. `tenant_certificate`); null for a company's own types. */
  documentType: (Labelled & { key: string | null }) | null;
  /** Translations of the four catalogue labels above, for the views; the labels stay German for mails and the wire. */
  labelTranslations: DamageLabelTranslations & { documentType: LabelTranslations };
  urgency: Urgency;
  residentAvailability: string | null;
  accessConsent: boolean;
  status: CaseStatus;
  priority: Priority;
  source: CaseSource;
  deadlineAt: Date;
  /** Null for a letting case: it belongs to an applicant, and only staff see it. */
  residentId: string | null;
  residentName: string | null;
  applicant: Applicant | null;
  buildingId: string;
  buildingAddress: string | null;
  unitLabel: string | null;
  assignee: Labelled | null;
  createdAt: Date;
  updatedAt: Date;
  /** Latest event of any kind (staff) and latest public event (what the resident sees as activity). */
  lastActivityAt: Date;
  lastPublicActivityAt: Date;
  /** In the resident's list only: public activity of others since the resident last opened the case. */
  hasNews?: boolean;
}

/** The person a letting case is for: a rental applicant, not (yet) a resident. */
export interface Applicant {
  name: string;
  email: string | null;
  phone: string | null;
}

export interface CaseEvent {
  id: string;
  kind: CaseEventKind;
  public: boolean;
  actorRole: 'resident' | 'staff' | 'system';
  /** Display name of the acting account; only staff can resolve it. */
  actorName: string | null;
  data: Record<string, unknown>;
  createdAt: Date;
}

export interface CaseMessage {
  id: string;
  authorRole: 'resident' | 'staff';
  /** Display name of the author; only staff can resolve it. */
  authorName: string | null;
  internal: boolean;
  body: string;
  createdAt: Date;
}

/** Translations of a damage report's three catalogue labels. */
export interface DamageLabelTranslations {
  damageLocation: LabelTranslations;
  damageCategory: LabelTranslations;
  damageKind: LabelTranslations;
}

/** An open damage case of the resident's building, without personal data. */
export interface OpenDamageReport {
  caseNumber: string;
  damageLocation: string;
  damageCategory: string;
  damageKind: string;
  status: CaseStatus;
  reportedAt: Date;
  labelTranslations: DamageLabelTranslations;
}

export interface CaseCatalogue {
  damageLocations: Array<CatalogueEntry & { categories: Array<CatalogueEntry & { kinds: CatalogueEntry[] }> }>;
  documentTypes: CatalogueEntry[];
}
