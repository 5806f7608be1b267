/** What a resident needs to file a case (docs/cases.md): catalogue, "Bereits gemeldet?", uploads, filing. */
import type { ApiClient } from './api-client.ts';

export type FilingCaseType = 'contact' | 'complaint' | 'damage' | 'document_request';
export type FilingUrgency = 'normal' | 'urgent' | 'emergency';
export type FilingCaseStatus = 'eingegangen' | 'in_bearbeitung' | 'beauftragt' | 'erledigt' | 'abgelehnt';

export interface CatalogueEntry {
  id: string;
  label: string;
}

export interface DamageCategory extends CatalogueEntry {
  kinds: CatalogueEntry[];
}

export interface DamageLocation extends CatalogueEntry {
  categories: DamageCategory[];
}

/** `GET /api/cases/catalogue`: Schadensort → Schadenskategorie → Schadensart, and the document types. */
export interface CaseCatalogue {
  damageLocations: DamageLocation[];
  documentTypes: CatalogueEntry[];
}

/** An open damage case in the resident's building: no reporter, no description. */
export interface OpenDamageReport {
  caseNumber: string;
  damageLocation: string;
  damageCategory: string;
  damageKind: string;
  status: FilingCaseStatus;
  reportedAt: string;
}

export interface JoinedDamageReport extends OpenDamageReport {
  joinedAt: string;
}

/** A file staged by `POST /api/uploads`, waiting for a filing to take it. */
export interface StagedUpload {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
}

/** The body of `POST /api/cases`, by type. */
export type NewCaseInput =
  | { type: 'contact'; title: string; description: string; attachmentIds?: string[] }
  | { type: 'complaint'; title: string; description: string; urgency?: 'normal' | 'urgent'; attachmentIds?: string[] }
  | {
      type: 'damage';
      damageLocationId: string;
      damageCategoryId: string;
      damageKindId: string;
      description: string;
      urgency?: FilingUrgency;
      title?: string;
      residentAvailability?: string;
      accessConsent?: boolean;
      attachmentIds?: string[];
    }
  | { type: 'document_request'; documentTypeId: string; description?: string; attachmentIds?: string[] };

/** The filed case as its resident sees it: the receipt is `caseNumber`, `createdAt` and `status`. */
export interface FiledCase {
  id: string;
  caseNumber: string;
  type: FilingCaseType;
  title: string;
  description: string;
  status: FilingCaseStatus;
  urgency: FilingUrgency;
  damage: { location: CatalogueEntry; category: CatalogueEntry; kind: CatalogueEntry } | null;
  documentType: CatalogueEntry | null;
  residentAvailability: string | null;
  accessConsent: boolean;
  createdAt: string;
  lastActivityAt: string;
}

/** Limits of `POST /api/uploads` and of one filing (docs/cases.md, "Uploads and attachments"). */
export const uploadLimits = {
  maxFiles: 10,
  maxBytes: 10 * 1024 * 1024,
  accept: 'image/jpeg,image/png,image/webp,application/pdf,.jpg,.jpeg,.png,.webp,.pdf',
} as const;

const segment = encodeURIComponent;

/** The filing side of the case API, on the shared `ApiClient` (session cookie, CSRF token, errors). */
export class CaseFilingApi {
  constructor(readonly client: ApiClient) {}

  catalogue(): Promise<CaseCatalogue> {
    return this.client.request('GET', '/api/cases/catalogue');
  }

  async openDamageReports(categoryId: string): Promise<OpenDamageReport[]> {
    const answer = await this.client.request<{ items: OpenDamageReport[] }>(
      'GET',
      `/api/cases/open-damage-reports?categoryId=${segment(categoryId)}`,
    );
    return answer.items;
  }

  async joinDamageReport(caseNumber: string): Promise<JoinedDamageReport> {
    const answer = await this.client.request<{ incident: JoinedDamageReport }>(
      'POST',
      `/api/cases/open-damage-reports/${segment(caseNumber)}/join`,
      {},
    );
    return answer.incident;
  }

  /** Stages one file; `onProgress` gets 0…1, `signal` cancels. */
  async upload(file: File, options: { onProgress?: (fraction: number) => void; signal?: AbortSignal } = {}): Promise<StagedUpload> {
    const form = new FormData();
    form.append('file', file, file.name);
    const answer = await this.client.upload<{ upload: StagedUpload }>('/api/uploads', form, options);
    return answer.upload;
  }

  async deleteUpload(id: string): Promise<void> {
    await this.client.request('DELETE', `/api/uploads/${segment(id)}`);
  }

  async fileCase(input: NewCaseInput): Promise<FiledCase> {
    const answer = await this.client.request<{ case: FiledCase }>('POST', '/api/cases', input);
    return answer.case;
  }
}
