import { AreaTexts, TextArea } from './area-texts.ts';
import type { Locale } from './localize.ts';
import { PortalElement } from './portal-element.ts';
import type { Messages } from './i18n/de.ts';
import staffDe, { type StaffMessages } from './i18n/staff/de.ts';
import './staff-errors.ts';

/**
 * The staff views' texts (board, case detail, work orders): German comes with the staff chunks, English on first
 * use. They are not part of the eager German (`i18n/de.ts`), so a resident's first load does not carry them.
 */
export const staffTexts = new TextArea<StaffMessages>(staffDe, { en: () => import('./i18n/staff/en.ts') });

/**
 * Base of the staff elements that show the board's texts: `msg` holds the shared texts and the staff area's
 * together, in the element's language once both are here (German until then). Staff speak German and English.
 */
export class StaffElement extends PortalElement {
  static override languages: readonly Locale[] = ['de', 'en'];

  private readonly staffArea = new AreaTexts(this, staffTexts);
  private merged?: { shared: Messages; staff: StaffMessages; all: Messages & StaffMessages };

  /** @internal */
  override get msg(): Messages & StaffMessages {
    const shared = super.msg;
    const staff = this.staffArea.texts;
    if (this.merged?.shared !== shared || this.merged.staff !== staff) this.merged = { shared, staff, all: { ...shared, ...staff } };
    return this.merged.all;
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    await this.staffArea.ready(this.locale);
    return super.getUpdateComplete();
  }
}
