import type { Queryable } from '../db/database.ts';
import {
  hasCatalogue,
  insertDamageCategory,
  insertDamageKind,
  insertDamageLocation,
  insertDocumentType,
} from './catalogue-repository.ts';

/** Schadensort → Schadenskategorie → Schadensarten: a starting point each housing company adapts. */
export const DEFAULT_DAMAGE_CATALOGUE: Record<string, Record<string, string[]>> = {
  Wohnung: {
    'Sanitär': ['Wasserhahn tropft', 'Toilettenspülung defekt', 'Abfluss verstopft', 'Wasserschaden / Leck'],
    'Heizung und Warmwasser': ['Heizkörper wird nicht warm', 'Kein Warmwasser', 'Thermostatventil defekt'],
    'Elektrik': ['Steckdose oder Schalter defekt', 'Sicherung löst immer wieder aus', 'Stromausfall in der Wohnung'],
    'Fenster und Türen': ['Fenster schließt nicht', 'Wohnungstür oder Schloss defekt', 'Rollladen defekt'],
    'Feuchtigkeit und Schimmel': ['Schimmelbildung', 'Feuchte Wände'],
  },
  'Treppenhaus und Eingang': {
    'Beleuchtung': ['Licht im Treppenhaus defekt'],
    'Haustür und Klingel': ['Haustür schließt nicht', 'Klingel oder Gegensprechanlage defekt', 'Briefkasten defekt'],
    'Treppen und Böden': ['Stolperstelle oder Beschädigung'],
  },
  'Keller und Gemeinschaftsräume': {
    'Feuchtigkeit': ['Wasser im Keller', 'Schimmelbildung'],
    'Türen und Beleuchtung': ['Tür oder Schloss defekt', 'Licht defekt'],
  },
  Aufzug: {
    Aufzug: ['Aufzug steht still', 'Tür schließt nicht', 'Ungewöhnliche Geräusche'],
  },
  'Dach und Fassade': {
    Dach: ['Dach undicht', 'Dachrinne verstopft oder beschädigt'],
    Fassade: ['Risse oder Putzschäden', 'Balkon beschädigt'],
  },
  'Außenanlagen': {
    'Wege und Grünflächen': ['Weg oder Zufahrt beschädigt', 'Baum oder Ast droht abzubrechen'],
    'Müllplatz': ['Müllbehälter beschädigt'],
  },
};

export const DEFAULT_DOCUMENT_TYPES = [
  'Mieterbescheinigung',
  'Wohnungsgeberbestätigung',
  'Kopie Mietvertrag',
  'Hausordnung',
  'Betriebskostenabrechnung (Kopie)',
  'Mietschuldenfreiheitsbescheinigung',
];

/**
 * Gives a new housing company the default catalogue. Run it as an admin of that housing company
 * (`asTenantAdmin(db, tenantId, (tx) => seedCaseCatalogue(tx, tenantId))`); a part that already has
 * entries is left as it is, so calling it again changes nothing.
 */
export async function seedCaseCatalogue(tx: Queryable, tenantId: string): Promise<void> {
  const existing = await hasCatalogue(tx);
  if (!existing.damage) {
    for (const [locationIndex, [location, categories]] of Object.entries(DEFAULT_DAMAGE_CATALOGUE).entries()) {
      const locationId = await insertDamageLocation(tx, tenantId, location, locationIndex);
      for (const [categoryIndex, [category, kinds]] of Object.entries(categories).entries()) {
        const categoryId = await insertDamageCategory(tx, tenantId, locationId, category, categoryIndex);
        for (const [kindIndex, kind] of kinds.entries()) await insertDamageKind(tx, tenantId, categoryId, kind, kindIndex);
      }
    }
  }
  if (!existing.documents) {
    for (const [index, label] of DEFAULT_DOCUMENT_TYPES.entries()) await insertDocumentType(tx, tenantId, label, index);
  }
}
