/**
 * The contract between the widgets and the BFF: every operation's request and response schemas, the live
 * events, the error codes and the enums. The BFF validates with it and generates /api/openapi.json from it;
 * widgets import its types (`import type`) and the zod-free modules `enums.ts` and `errors.ts` as values.
 * An API change starts here.
 */
import { accountOperations } from './account.ts';
import { attachmentOperations } from './attachments.ts';
import { authOperations } from './auth.ts';
import { caseBackendOperations } from './case-backend.ts';
import { caseOperations } from './cases.ts';
import { catalogueAdminOperations } from './catalogue-admin.ts';
import { chatOperations } from './chat.ts';
import { contractorOperations } from './contractors.ts';
import { creditCheckOperations } from './credit-checks.ts';
import { documentOperations } from './documents.ts';
import { embeddingOperations } from './embedding.ts';
import { leadMessageOperations } from './lead-messages.ts';
import { leadOverviewOperations } from './lead-overview.ts';
import { leadIntakeOperations } from './lead-intake.ts';
import { leadLifecycleOperations, leadOperations } from './leads.ts';
import { notificationOperations } from './notifications.ts';
import { onboardingOperations } from './onboarding.ts';
import { privacyOperations } from './privacy.ts';
import type { Operation } from './operation.ts';
import { reportOperations } from './reports.ts';
import { settingsOperations } from './settings.ts';
import { viewingOperations } from './viewings.ts';

export * from './account.ts';
export * from './attachments.ts';
export * from './auth.ts';
export * from './case-backend.ts';
export * from './cases.ts';
export * from './catalogue-admin.ts';
export * from './chat.ts';
export * from './contractors.ts';
export * from './credit-checks.ts';
export * from './deadlines.ts';
export * from './documents.ts';
export * from './embedding.ts';
export * from './enums.ts';
export * from './errors.ts';
export * from './lead-messages.ts';
export * from './lead-overview.ts';
export * from './lead-intake.ts';
export * from './leads.ts';
export * from './notifications.ts';
export * from './onboarding.ts';
export * from './operation.ts';
export * from './privacy.ts';
export * from './realtime.ts';
export * from './reports.ts';
export * from './settings.ts';
export * from './viewings.ts';

/** Every operation of the API by its operationId. */
export const operations = {
  ...authOperations,
  ...onboardingOperations,
  ...caseOperations,
  ...catalogueAdminOperations,
  ...attachmentOperations,
  ...documentOperations,
  ...caseBackendOperations,
  ...settingsOperations,
  ...embeddingOperations,
  ...chatOperations,
  ...leadOperations,
  ...leadLifecycleOperations,
  ...leadOverviewOperations,
  ...leadMessageOperations,
  ...viewingOperations,
  ...creditCheckOperations,
  ...leadIntakeOperations,
  ...contractorOperations,
  ...accountOperations,
  ...notificationOperations,
  ...privacyOperations,
  ...reportOperations,
} satisfies Record<string, Operation>;
export type OperationId = keyof typeof operations;
