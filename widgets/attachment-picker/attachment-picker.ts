import { html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import { PortalElement, defineElement } from '../internal/portal-element.ts';
import { ApiError, type ApiClient } from '../internal/api-client.ts';
import { errorText } from '../internal/localize.ts';
import { defaultApiClient } from '../internal/default-api-client.ts';
import { CaseFilingApi, uploadLimits, type StagedUpload } from '../internal/case-filing-api.ts';
import { AreaTexts } from '../internal/area-texts.ts';
import { detailTexts } from '../internal/detail-texts.ts';
import { attachmentPickerStyles } from './attachment-picker.styles.ts';

/** One chosen file and where its upload stands. */
interface PickedFile {
  key: number;
  file: File;
  status: 'uploading' | 'uploaded' | 'rejected';
  /** 0…1 once the browser reports progress; `undefined` before (an indeterminate bar). */
  progress?: number;
  upload?: StagedUpload;
  error?: string;
  abort?: AbortController;
  /** A photo's thumbnail before it is uploaded: an object URL of the chosen file, revoked when the file goes. */
  preview?: string;
}

const megabytes = uploadLimits.maxBytes / (1024 * 1024);

/** The photos a browser shows itself (the BFF takes JPEG, PNG and WebP); a PDF gets no thumbnail. */
const previewOf = (file: File) => (/^image\/(jpeg|png|webp)$/.test(file.type) ? URL.createObjectURL(file) : undefined);

/** A file leaves the picker: its upload stops and its thumbnail's object URL is given back. */
function forget(file: PickedFile): void {
  file.abort?.abort();
  if (file.preview) URL.revokeObjectURL(file.preview);
}

/**
 * Lets a resident attach photos and documents to a case. Each file is uploaded the moment it is chosen
 * (`POST /api/uploads`) with its own progress bar, so a slow phone connection shows where it stands and a
 * rejected file (too large, wrong type, too many) is named with the server's reason while the others stay.
 *
 * Form-associated: inside a `<form>` it submits one `name` entry per uploaded file (the upload ids), and
 * it is invalid (`validity.customError`) while an upload is still running, so a form cannot be sent with a
 * half-uploaded photo. It fires `change` whenever its files change; read `value` (the upload ids) and
 * `uploading`. After a successful filing call `clear()`: the case has taken the uploads.
 *
 * @tagname mp-attachment-picker
 * @summary Choose several files (button or drag and drop), each uploaded at once with its own progress.
 *
 * @slot hint - Replaces the text that states the limits (number of files, size, types).
 *
 * @event change - The files changed: one was added, finished uploading, was rejected or removed.
 *
 * @csspart label - The label above the drop zone.
 * @csspart hint - The limits shown up front.
 * @csspart dropzone - The area files can be dropped on.
 * @csspart choose - The "Dateien auswählen" button.
 * @csspart files - The list of chosen files.
 * @csspart file - One chosen file.
 * @csspart thumbnail - A chosen photo, small, before and after its upload.
 * @csspart file-name - The file's name.
 * @csspart file-size - The file's size.
 * @csspart progress - The upload progress bar of a file.
 * @csspart status - The upload state of a file ("Hochgeladen").
 * @csspart file-error - Why a file was not uploaded.
 * @csspart remove - The remove / cancel button of a file.
 *
 * @cssproperty --mp-color-primary - Button border and text, the progress bar and the drop highlight.
 * @cssproperty --mp-color-border - The dashed border of the drop zone and the file rows.
 * @cssproperty --mp-color-surface - Background of the drop zone and rows.
 * @cssproperty --mp-color-muted - The limits and file sizes.
 * @cssproperty --mp-color-error - Rejected files.
 * @cssproperty --mp-color-success - The "Hochgeladen" state.
 * @cssproperty --mp-color-focus - Focus ring.
 * @cssproperty --mp-radius - Corner radius.
 * @cssproperty --mp-spacing - Base spacing.
 */
export class AttachmentPicker extends PortalElement {
  static override styles = [PortalElement.styles, attachmentPickerStyles];
  static formAssociated = true;

  /** The form field name; each uploaded file adds one entry with its upload id. */
  @property({ reflect: true }) name = 'attachmentIds';

  /** The visible label; by default "Fotos und Dokumente". */
  @property() label?: string;

  /** At most this many files (uploaded or uploading); docs/cases.md allows 10 per filing. */
  @property({ type: Number, attribute: 'max-files' }) maxFiles: number = uploadLimits.maxFiles;

  @property({ type: Boolean, reflect: true }) disabled = false;

  /** Base URL of the BFF; by default the origin the widget script was loaded from. */
  @property() api?: string;

  /** The API to talk to; set it to use a fake in stories and tests. */
  @property({ attribute: false }) client?: ApiClient;

  @state() private files: PickedFile[] = [];
  @state() private dragging = false;
  /** The last thing that happened, for screen readers (an `aria-live` region). */
  @state() private announcement = '';

  @query('#file-input') private fileInput!: HTMLInputElement;
  @query('#choose') private chooseButton!: HTMLButtonElement;

  private readonly internals: ElementInternals;
  private readonly detailTexts = new AreaTexts(this, detailTexts);
  private nextKey = 1;

  constructor() {
    super();
    this.internals = this.attachInternals();
  }

  /** The ids of the uploaded files, in the order chosen. */
  get value(): string[] {
    return this.files.flatMap((file) => (file.status === 'uploaded' && file.upload ? [file.upload.id] : []));
  }

  /** The uploaded files as the BFF staged them. */
  get uploads(): StagedUpload[] {
    return this.files.flatMap((file) => (file.status === 'uploaded' && file.upload ? [file.upload] : []));
  }

  /** A file is still being uploaded. */
  get uploading(): boolean {
    return this.files.some((file) => file.status === 'uploading');
  }

  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  get validity(): ValidityState {
    return this.internals.validity;
  }

  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  get willValidate(): boolean {
    return this.internals.willValidate;
  }

  checkValidity(): boolean {
    return this.internals.checkValidity();
  }

  reportValidity(): boolean {
    return this.internals.reportValidity();
  }

  /** Forgets every file without deleting the uploads, e.g. after a filing took them. Running uploads stop. */
  clear(): void {
    for (const file of this.files) forget(file);
    this.files = [];
    this.announcement = '';
    this.syncFormState();
  }

  override focus(options?: FocusOptions): void {
    this.chooseButton?.focus(options);
  }

  formResetCallback(): void {
    this.clear();
  }

  formDisabledCallback(disabled: boolean): void {
    this.disabled = disabled;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.files = this.files.map((file) => (file.preview || file.status === 'rejected' ? file : { ...file, preview: previewOf(file.file) }));
    this.syncFormState();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const file of this.files) forget(file);
    // Moved elsewhere on the page (connected again): the files stay, their thumbnails are made again then.
    this.files = this.files.map((file) => ({ ...file, preview: undefined }));
  }

  private get filingApi(): CaseFilingApi {
    return new CaseFilingApi(this.client ?? defaultApiClient(this.api));
  }

  override render() {
    const label = this.label ?? this.msg.attachmentsLabel;
    return html`
      <div class="picker" role="group" aria-labelledby="label" aria-describedby="hint">
        <p class="label" part="label" id="label">${label}</p>
        <p class="hint" part="hint" id="hint">
          <slot name="hint">${this.msg.attachmentsLimits(this.maxFiles, megabytes)}</slot>
        </p>
        <div
          class="dropzone ${this.dragging ? 'dragging' : ''}"
          part="dropzone"
          @dragenter=${this.onDragOver}
          @dragover=${this.onDragOver}
          @dragleave=${this.onDragLeave}
          @drop=${this.onDrop}
        >
          <input id="file-input" type="file" multiple accept=${uploadLimits.accept} hidden tabindex="-1" @change=${this.onInputChange} />
          <button id="choose" class="choose" part="choose" type="button" ?disabled=${this.disabled} @click=${() => this.fileInput.click()}>
            ${this.msg.chooseFiles}
          </button>
          <span class="drop-text">${this.msg.dropFiles}</span>
        </div>
        ${
          this.files.length
            ? html`<ul class="files" part="files" aria-label=${this.msg.attachedFiles}>
              ${repeat(
                this.files,
                (file) => file.key,
                (file) => this.renderFile(file),
              )}
            </ul>`
            : nothing
        }
        <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
      </div>
    `;
  }

  private renderFile(file: PickedFile) {
    const name = file.file.name;
    const percent = file.progress === undefined ? undefined : Math.round(file.progress * 100);
    return html`
      <li class="file ${file.status} ${file.preview ? 'with-thumbnail' : ''}" part="file">
        ${
          file.preview
            ? html`<img class="thumbnail" part="thumbnail" src=${file.preview} alt=${this.detailTexts.texts.photoAlt(name)} width="64" height="64" decoding="async" />`
            : nothing
        }
        <div class="file-head">
          <span class="file-name" part="file-name">${name}</span>
          <span class="file-size" part="file-size">${this.msg.fileSize(file.file.size)}</span>
        </div>
        ${
          file.status === 'uploading'
            ? html`
              <progress part="progress" max="100" value=${ifDefined(percent)} aria-label=${this.msg.uploadProgressLabel(name)}></progress>
              <span class="status" part="status">${percent === undefined ? this.msg.uploadWaiting : this.msg.uploadingPercent(percent)}</span>
            `
            : file.status === 'uploaded'
              ? html`<span class="status done" part="status">${this.msg.uploadDone}</span>`
              : html`<span class="file-error" part="file-error">${this.msg.uploadFailed}: ${file.error}</span>`
        }
        <button
          class="remove"
          part="remove"
          type="button"
          ?disabled=${this.disabled && file.status !== 'rejected'}
          aria-label=${file.status === 'uploading' ? this.msg.cancelUploadLabel(name) : this.msg.removeFileLabel(name)}
          @click=${() => this.removeFile(file)}
        >
          ${file.status === 'uploading' ? this.msg.cancelUpload : this.msg.removeFile}
        </button>
      </li>
    `;
  }

  private onDragOver(event: DragEvent): void {
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = this.disabled ? 'none' : 'copy';
    this.dragging = !this.disabled;
  }

  private onDragLeave(event: DragEvent): void {
    if (!(event.currentTarget as Element).contains(event.relatedTarget as Node | null)) this.dragging = false;
  }

  private onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragging = false;
    if (!this.disabled) this.addFiles([...(event.dataTransfer?.files ?? [])]);
  }

  private onInputChange(): void {
    this.addFiles([...(this.fileInput.files ?? [])]);
    // The same file chosen again later must fire `change` again.
    this.fileInput.value = '';
  }

  /** Adds files and starts their uploads; files over the count or size limit are shown as rejected at once. */
  addFiles(files: File[]): void {
    let active = this.files.filter((file) => file.status !== 'rejected').length;
    const added: PickedFile[] = files.map((file) => {
      const picked: PickedFile = { key: this.nextKey++, file, status: 'uploading' };
      if (active >= this.maxFiles) return { ...picked, status: 'rejected', error: this.msg.tooManyFiles(this.maxFiles) };
      if (file.size > uploadLimits.maxBytes) return { ...picked, status: 'rejected', error: this.msg.fileTooLarge(megabytes) };
      active += 1;
      return { ...picked, preview: previewOf(file) };
    });
    if (!added.length) return;
    this.files = [...this.files, ...added];
    const rejected = added.filter((file) => file.status === 'rejected');
    if (rejected.length) this.announcement = rejected.map((file) => this.msg.fileRejected(file.file.name, file.error!)).join(' ');
    for (const file of added) if (file.status === 'uploading') void this.upload(file);
    this.changed();
  }

  private async upload(picked: PickedFile): Promise<void> {
    const abort = new AbortController();
    this.patch(picked.key, { abort });
    try {
      const upload = await this.filingApi.upload(picked.file, {
        signal: abort.signal,
        onProgress: (fraction) => this.patch(picked.key, { progress: fraction }),
      });
      if (abort.signal.aborted) return;
      this.patch(picked.key, { status: 'uploaded', upload, progress: 1, abort: undefined });
      this.announcement = this.msg.fileUploaded(picked.file.name);
    } catch (error) {
      if (abort.signal.aborted) return;
      const reason = this.reasonOf(error, picked.file);
      this.patch(picked.key, { status: 'rejected', error: reason, abort: undefined });
      this.announcement = this.msg.fileRejected(picked.file.name, reason);
    }
    this.changed();
  }

  /** Why the BFF refused a file, by its error code; for an iPhone photo in HEIC also what to do instead. */
  private reasonOf(error: unknown, file: File): string {
    const reason = errorText(this.msg, error);
    const heic = /\.hei[cf]$/i.test(file.name) || /^image\/hei[cf]/.test(file.type);
    return error instanceof ApiError && error.code === 'unsupported_file_type' && heic ? `${reason} ${this.msg.heicHint}` : reason;
  }

  private removeFile(shown: PickedFile): void {
    const index = this.files.findIndex((file) => file.key === shown.key);
    const picked = this.files[index] ?? shown;
    forget(picked);
    this.files = this.files.filter((file) => file.key !== picked.key);
    this.announcement = this.msg.fileRemoved(picked.file.name);
    if (picked.status === 'uploaded' && picked.upload) {
      // A staged upload nobody takes expires after 24 h anyway: a failed delete is not worth an error.
      this.filingApi.deleteUpload(picked.upload.id).catch(() => {});
    }
    this.changed();
    // The pressed button is gone: keep focus in the list (the next file, else the choose button).
    void this.updateComplete.then(() => {
      const buttons = this.renderRoot.querySelectorAll<HTMLButtonElement>('button.remove');
      (buttons[Math.min(index, buttons.length - 1)] ?? this.chooseButton)?.focus();
    });
  }

  private patch(key: number, change: Partial<PickedFile>): void {
    this.files = this.files.map((file) => (file.key === key ? { ...file, ...change } : file));
  }

  private changed(): void {
    this.syncFormState();
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  private syncFormState(): void {
    const data = new FormData();
    for (const id of this.value) data.append(this.name, id);
    this.internals.setFormValue(data);
    if (this.uploading) this.internals.setValidity({ customError: true }, this.msg.uploadsPending, this.chooseButton ?? undefined);
    else this.internals.setValidity({});
  }
}

defineElement('mp-attachment-picker', AttachmentPicker);

declare global {
  interface HTMLElementTagNameMap {
    'mp-attachment-picker': AttachmentPicker;
  }
}
