/** What a resident needs to file a case (docs/cases.md): catalogue, "Bereits gemeldet?", uploads, filing. */
import type { ApiClient } from './api-client.ts';

import type {
  BodyOf,
  CaseCatalogue,
  CompanyContact,
  JoinedIncident,
  OpenDamageReport,
  operations,
  ResidentCase,
  StagedUpload,
} from '../../bff/contract/index.ts';
import { STORED_FILE_TYPES, UPLOAD_LIMITS, type ResidentCaseType, type Urgency } from '../../bff/contract/enums.ts';

// The wire shapes come from the contract (bff/contract/); these names are what the filing forms use.
export type { CaseCatalogue, CompanyContact, OpenDamageReport, StagedUpload };
export type FilingCaseType = ResidentCaseType;
export type FilingUrgency = Urgency;
export type DamageLocation = CaseCatalogue['damageLocations'][number];
export type DamageCategory = DamageLocation['categories'][number];
export type CatalogueEntry = DamageCategory['kinds'][number];
export type JoinedDamageReport = JoinedIncident;
/** The body of `POST /api/cases`, by type. */
export type NewCaseInput = BodyOf<typeof operations.fileCase>;
/** The filed case as its resident sees it: the receipt is `caseNumber`, `createdAt` and `status`. */
export type FiledCase = ResidentCase;

/** Limits of `POST /api/uploads` and of one filing (docs/cases.md, "Uploads and attachments"). */
export const uploadLimits = {
  maxFiles: UPLOAD_LIMITS.maxFilesPerRequest,
  maxBytes: UPLOAD_LIMITS.maxBytes,
  accept: [...STORED_FILE_TYPES, '.jpg', '.jpeg', '.png', '.webp', '.pdf'].join(','),
} as const;

const segment = encodeURIComponent;

/** The filing side of the case API, on the shared `ApiClient` (session cookie, CSRF token, errors). */
export class CaseFilingApi {
  constructor(readonly client: ApiClient) {}

  catalogue(): Promise<CaseCatalogue> {
    return this.client.request('GET', '/api/cases/catalogue');
  }

  /** The housing company's emergency numbers and contact (docs/settings.md); public, no session needed. */
  companyContact(tenantSlug: string): Promise<CompanyContact> {
    return this.client.request('GET', `/api/tenants/${segment(tenantSlug)}/contact`);
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
      { idempotent: true },
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
    const answer = await this.client.request<{ case: FiledCase }>('POST', '/api/cases', input, { idempotent: true });
    return answer.case;
  }
}
