import { css, html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { defineElement } from '../internal/portal-element.ts';
import { AdminSettingsView } from '../internal/admin-settings-view.ts';
import { AreaTexts, TextArea } from '../internal/area-texts.ts';
import { CatalogueAdminApi, type AdminCatalogue, type CatalogueLevel } from '../internal/catalogue-admin-api.ts';
import { DOCUMENT_READERS, type DocumentReaders } from '../../bff/contract/enums.ts';
import de, { type CatalogueMessages } from './i18n/de.ts';

const catalogueTexts = new TextArea<CatalogueMessages>(de, { en: () => import('./i18n/en.ts') });
const TRANSLATED = ['en', 'tr', 'pl', 'uk'] as const;
type Translations = Partial<Record<(typeof TRANSLATED)[number], string>>;

interface Entry {
  id: string;
  label: string;
  translations: Record<string, string>;
  position: number;
}

/** The open form: a new entry (with its parent) or an existing one, as typed so far. */
interface Editor {
  level: CatalogueLevel;
  /** Set when an existing entry is edited. */
  id?: string;
  parentId?: string;
  heading: string;
  label: string;
  translations: Translations;
  commonArea: boolean;
  readers: DocumentReaders;
  /** The values the form opened with: "changed" compares against them. */
  initial: string;
}

const snapshot = (editor: Pick<Editor, 'label' | 'translations' | 'commonArea' | 'readers'>) =>
  JSON.stringify([editor.label, editor.translations, editor.commonArea, editor.readers]);

/**
 * The admins' editor of the damage catalogue (locations with the common-area flag, their categories and kinds)
 * and the document types residents may request, each with its German label and translations
 * (docs/portal-admin.md). One entry is edited at a time, in place; a failed save keeps the form open with
 * everything typed and the BFF's message at the field. Removing asks once more.
 *
 * In `<staff-portal>` it is part of the admins' "Einstellungen", imported when first opened.
 *
 * @tagname catalogue-settings
 * @summary The admins' damage catalogue and document types.
 *
 * @csspart base - The outer section.
 * @csspart heading - The heading (not shown with `embedded`).
 * @csspart loading - The text shown while the catalogue loads.
 * @csspart alert - An error: loading failed, no admin, a refused removal.
 * @csspart retry - The "Erneut versuchen" button.
 * @csspart section - "Schadenskatalog" and "Dokumentarten".
 * @csspart entry - One entry's line: label, translations, buttons.
 * @csspart badge - "Gemeinschaftsfläche" beside a location.
 * @csspart editor - The open form of a new or edited entry.
 * @csspart field - A label, control, hint and error group.
 * @csspart label - A field label.
 * @csspart input - A one-line input.
 * @csspart hint - A field hint.
 * @csspart field-error - The BFF's message for a wrong value, under its field.
 * @csspart add - The "… hinzufügen" buttons.
 * @csspart save - The editor's "Eintrag speichern" button.
 * @csspart notice - "Gespeichert …" and other confirmations.
 *
 * @cssproperty --mp-color-primary - Buttons and accents.
 * @cssproperty --mp-color-on-primary - Text on the save button.
 * @cssproperty --mp-color-text - Body text.
 * @cssproperty --mp-color-muted - Hints.
 * @cssproperty --mp-color-surface - Background of inputs.
 * @cssproperty --mp-color-border - Borders and the tree's lines.
 * @cssproperty --mp-color-error - Errors and wrong fields.
 * @cssproperty --mp-color-success - "Gespeichert".
 * @cssproperty --mp-color-focus - Focus ring.
 * @cssproperty --mp-font-family - Font family.
 * @cssproperty --mp-font-size - Base font size; everything scales with it.
 * @cssproperty --mp-radius - Corner radius.
 * @cssproperty --mp-spacing - Base spacing.
 */
export class CatalogueSettingsElement extends AdminSettingsView {
  static override styles = [
    AdminSettingsView.styles,
    css`
      .group {
        display: grid;
        gap: 0.75em;
        padding-top: var(--_space);
        margin-top: var(--_space);
        border-top: 1px solid var(--_border);
      }
      .group-heading {
        font-size: 1.15em;
        font-weight: 700;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.5em;
      }
      ul ul {
        padding-inline-start: 1.25em;
        border-inline-start: 2px solid var(--_border);
        margin-top: 0.5em;
      }
      .entry {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25em 0.5em;
        align-items: center;
      }
      .entry-label {
        font-weight: 600;
      }
      .badge {
        font-size: 0.8em;
        padding: 0.1em 0.5em;
        border: 1px solid var(--_primary);
        border-radius: 1em;
        color: var(--_primary);
      }
      .editor {
        display: grid;
        gap: 0.5em;
        padding: 0.75em;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        margin: 0.5em 0;
      }
      .editor-heading {
        font-weight: 700;
      }
      fieldset.translations {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(12em, 1fr));
        gap: 0 0.75em;
        margin: 0;
        padding: 0.5em 0.75em;
      }
    `,
  ];

  @state() private catalogue?: AdminCatalogue;
  @state() private editor?: Editor;
  /** The entry whose "Entfernen" was pressed once and waits for "Wirklich entfernen". */
  @state() private confirming?: string;

  private readonly catalogueTexts = new AreaTexts(this, catalogueTexts);

  private get catalogueApi(): CatalogueAdminApi {
    return new CatalogueAdminApi(this.apiClient);
  }

  protected override get heading(): string {
    return this.catalogueTexts.texts.heading;
  }

  protected override textsReady(): Promise<void> {
    return this.catalogueTexts.ready(this.locale);
  }

  protected override async loadData(isCurrent: () => boolean): Promise<void> {
    const catalogue = await this.catalogueApi.catalogue();
    if (isCurrent()) this.catalogue = catalogue;
  }

  protected override clearData(): void {
    this.catalogue = undefined;
    this.editor = undefined;
  }

  // -------------------------------------------------------------------------------------------------
  // Editing

  private get dirty(): boolean {
    return !!this.editor && snapshot(this.editor) !== this.editor.initial;
  }

  /** Opens a form; an open one with changes stays open (nothing typed is lost). */
  private open(editor: Omit<Editor, 'initial'>): void {
    if (this.dirty) {
      this.formError = this.catalogueTexts.texts.finishEditingFirst;
      void this.focusFirstError();
      return;
    }
    this.editor = { ...editor, initial: snapshot(editor) };
    this.fieldErrors = {};
    this.formError = '';
    this.notice = '';
    this.confirming = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#editor-label')?.focus());
  }

  private openNew(level: CatalogueLevel, heading: string, parentId?: string): void {
    this.open({ level, parentId, heading, label: '', translations: {}, commonArea: false, readers: 'all' });
  }

  private openEdit(level: CatalogueLevel, entry: Entry & { commonArea?: boolean; readers?: DocumentReaders }): void {
    this.open({
      level,
      id: entry.id,
      heading: this.catalogueTexts.texts.editing(entry.label),
      label: entry.label,
      translations: { ...entry.translations },
      commonArea: entry.commonArea ?? false,
      readers: entry.readers ?? 'all',
    });
  }

  private update_(change: Partial<Editor>, path: string): void {
    this.editor = { ...this.editor!, ...change };
    this.edited(path);
  }

  private cancel(): void {
    const key = this.editor?.id;
    this.editor = undefined;
    this.fieldErrors = {};
    this.formError = '';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(key ? `#edit-${key}` : '#add-locations')?.focus());
  }

  private readonly save = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const editor = this.editor;
    if (!editor) return;
    const translations = Object.fromEntries(Object.entries(editor.translations).map(([language, text]) => [language, text?.trim() ?? '']));
    const body = {
      label: editor.label,
      translations,
      ...(editor.level === 'locations' ? { commonArea: editor.commonArea } : {}),
      ...(editor.level === 'document-types' ? { readers: editor.readers } : {}),
    };
    // The BFF checks the label and translations: its messages show at their fields.
    await this.saveForm(
      () => ({}),
      async () => {
        this.catalogue = editor.id
          ? await this.catalogueApi.change(editor.level, editor.id, body)
          : await this.catalogueApi.add(editor.level, { ...body, ...(editor.parentId ? { parentId: editor.parentId } : {}) });
        const label = editor.label.trim();
        this.editor = undefined;
        return editor.id ? this.catalogueTexts.texts.saved(label) : this.catalogueTexts.texts.added(label);
      },
    );
  };

  private async removeEntry(level: CatalogueLevel, entry: Entry): Promise<void> {
    if (this.confirming !== entry.id) {
      this.confirming = entry.id;
      this.notice = '';
      this.formError = '';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#remove-${entry.id}`)?.focus();
      return;
    }
    this.confirming = undefined;
    try {
      this.catalogue = await this.catalogueApi.remove(level, entry.id);
      this.notice = this.catalogueTexts.texts.removed(entry.label);
    } catch (error) {
      this.formError = this.errorText(error);
      await this.focusFirstError();
    }
  }

  private async moveUp(level: CatalogueLevel, entry: Entry, index: number): Promise<void> {
    try {
      this.catalogue = await this.catalogueApi.change(level, entry.id, { position: index - 1 });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#edit-${entry.id}`)?.focus();
    } catch (error) {
      this.formError = this.errorText(error);
      await this.focusFirstError();
    }
  }

  // -------------------------------------------------------------------------------------------------
  // Rendering

  protected override renderReady(): TemplateResult {
    const texts = this.catalogueTexts.texts;
    const catalogue = this.catalogue!;
    return html`
      <p class="muted">${texts.intro}</p>
      <div class="alert" part="alert" role="alert" tabindex="-1">${this.formError}</div>
      <p class="notice" part="notice" role="status">${this.notice}</p>
      ${this.group(
        'damage',
        texts.damageSection,
        html`
          ${
            catalogue.damageLocations.length
              ? html`<ul>
                ${catalogue.damageLocations.map(
                  (location, index) => html`<li>
                    ${this.renderEntry('locations', location, index, location.commonArea)}
                    <ul>
                      ${location.categories.map(
                        (category, categoryIndex) => html`<li>
                          ${this.renderEntry('categories', category, categoryIndex)}
                          <ul>
                            ${category.kinds.map((kind, kindIndex) => html`<li>${this.renderEntry('kinds', kind, kindIndex)}</li>`)}
                          </ul>
                          ${category.kinds.length ? nothing : html`<p class="muted">${texts.noKinds}</p>`}
                          ${this.renderAdd('kinds', texts.addKind(category.label), texts.newKind(category.label), category.id)}
                        </li>`,
                      )}
                    </ul>
                    ${location.categories.length ? nothing : html`<p class="muted">${texts.noCategories}</p>`}
                    ${this.renderAdd('categories', texts.addCategory(location.label), texts.newCategory(location.label), location.id)}
                  </li>`,
                )}
              </ul>`
              : html`<p class="muted">${texts.noLocations}</p>`
          }
          ${this.renderAdd('locations', texts.addLocation, texts.newLocation)}
          <p class="hint">${texts.removeHint}</p>
        `,
      )}
      ${this.group(
        'documents',
        texts.documentsSection,
        html`
          ${
            catalogue.documentTypes.length
              ? html`<ul>
                ${catalogue.documentTypes.map(
                  (type, index) => html`<li>${this.renderEntry('document-types', type, index, undefined, type.readers)}</li>`,
                )}
              </ul>`
              : html`<p class="muted">${texts.noDocumentTypes}</p>`
          }
          ${this.renderAdd('document-types', texts.addDocumentType, texts.newDocumentType)}
        `,
      )}
    `;
  }

  private group(id: string, heading: string, content: TemplateResult): TemplateResult {
    return html`<section class="group" part="section" aria-labelledby="${id}-heading">
      <div class="group-heading" id="${id}-heading" role="heading" aria-level=${this.sectionLevel}>${heading}</div>
      ${content}
    </section>`;
  }

  private renderEntry(level: CatalogueLevel, entry: Entry, index: number, commonArea?: boolean, readers?: DocumentReaders): TemplateResult {
    const texts = this.catalogueTexts.texts;
    if (this.editor?.id === entry.id) return this.renderEditor(this.editor);
    const translated = Object.values(entry.translations).filter(Boolean).length;
    const confirming = this.confirming === entry.id;
    return html`
      <div class="entry" part="entry">
        <span class="entry-label">${entry.label}</span>
        ${commonArea ? html`<span class="badge" part="badge">${texts.commonArea}</span>` : nothing}
        ${readers && readers !== 'all' ? html`<span class="badge" part="badge">${texts.readerChoices[readers]}</span>` : nothing}
        <span class="hint">${texts.translationsOf(translated)}</span>
        <button type="button" class="link" id="edit-${entry.id}" aria-label=${texts.editLabel(entry.label)} @click=${() => this.openEdit(level, { ...entry, commonArea, readers })}>
          ${this.adminTexts.texts.edit}
        </button>
        ${
          index > 0
            ? html`<button type="button" class="link" aria-label=${texts.moveUp(entry.label)} @click=${() => this.moveUp(level, entry, index)}>
              ${texts.moveUpShort}
            </button>`
            : nothing
        }
        <button
          type="button"
          class="link"
          id="remove-${entry.id}"
          aria-label=${confirming ? texts.confirmRemoveLabel(entry.label) : texts.removeLabel(entry.label)}
          @click=${() => this.removeEntry(level, entry)}
        >
          ${confirming ? this.adminTexts.texts.confirmRemove : this.adminTexts.texts.remove}
        </button>
      </div>
    `;
  }

  private renderAdd(level: CatalogueLevel, label: string, heading: string, parentId?: string): TemplateResult {
    const open = this.editor && !this.editor.id && this.editor.level === level && this.editor.parentId === parentId;
    if (open) return this.renderEditor(this.editor!);
    return html`<div>
      <button type="button" part="add" id=${parentId ? `add-${level}-${parentId}` : `add-${level}`} @click=${() => this.openNew(level, heading, parentId)}>
        ${label}
      </button>
    </div>`;
  }

  private renderEditor(editor: Editor): TemplateResult {
    const texts = this.catalogueTexts.texts;
    const admin = this.adminTexts.texts;
    return html`
      <form class="editor" part="editor" novalidate aria-labelledby="editor-heading" @submit=${this.save}>
        <div class="editor-heading" id="editor-heading">${editor.heading}</div>
        ${this.control('editor.label', texts.label, editor.label, this.fieldErrors.label, (label) => this.update_({ label }, 'label'))}
        <fieldset class="translations">
          <legend>${admin.translations}</legend>
          ${TRANSLATED.map((language) =>
            this.control(
              `editor.translation.${language}`,
              admin.languageNames[language],
              editor.translations[language] ?? '',
              this.fieldErrors[`translations.${language}`] ?? (language === 'en' ? this.fieldErrors.translations : undefined),
              (text) => this.update_({ translations: { ...editor.translations, [language]: text } }, `translations.${language}`),
            ),
          )}
        </fieldset>
        ${
          editor.level === 'locations'
            ? html`<div class="field">
              <label class="check"
                ><input
                  type="checkbox"
                  id="editor-common-area"
                  aria-describedby="editor-common-area-hint"
                  .checked=${editor.commonArea}
                  @change=${(event: Event) => this.update_({ commonArea: (event.target as HTMLInputElement).checked }, 'commonArea')}
                />${texts.commonArea}</label
              >
              <p class="hint" id="editor-common-area-hint">${texts.commonAreaHint}</p>
            </div>`
            : nothing
        }
        ${
          editor.level === 'document-types'
            ? html`<div class="field">
              <label for="editor-readers">${texts.readers}</label>
              <select
                id="editor-readers"
                @change=${(event: Event) => this.update_({ readers: (event.target as HTMLSelectElement).value as DocumentReaders }, 'readers')}
              >
                ${DOCUMENT_READERS.map(
                  (readers) =>
                    html`<option value=${readers} ?selected=${editor.readers === readers}>${texts.readerChoices[readers]}</option>`,
                )}
              </select>
            </div>`
            : nothing
        }
        ${this.fieldErrors.parentId ? html`<p class="field-error">${this.fieldErrors.parentId}</p>` : nothing}
        <div class="actions">
          <button type="submit" class="primary" part="save" aria-disabled=${this.saving ? 'true' : 'false'} aria-busy=${this.saving ? 'true' : 'false'}>
            ${this.saving ? admin.saving : texts.saveEntry}
          </button>
          <button type="button" @click=${() => this.cancel()}>${admin.cancel}</button>
          ${this.dirty && !this.saving ? html`<p class="muted">${admin.unsaved}</p>` : nothing}
        </div>
      </form>
    `;
  }
}

defineElement('catalogue-settings', CatalogueSettingsElement);

declare global {
  interface HTMLElementTagNameMap {
    'catalogue-settings': CatalogueSettingsElement;
  }
}
