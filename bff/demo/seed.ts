import type { Database, Queryable } from '../db/database.ts';
import { hashPassword } from '../auth/passwords.ts';
import {
  addBuilding,
  addResident,
  addStaff,
  addUnit,
  isActivated,
  readmitAccountInTransaction,
  reissueActivationCode,
  setTenancy,
  type BuildingInput,
  type ResidentInput,
  type UnitInput,
} from '../onboarding/use-cases.ts';
import {
  expireActivationCodes,
  findAccountIdByEmail,
  findBuildingId,
  findResidentAccountId,
  findUnitId,
  residentExists,
} from '../onboarding/repository.ts';
import type { TenantInput } from '../contract/onboarding.ts';
import { addAllowedOrigins, asTenantAdmin, createTenant, findTenantBySlug } from '../tenants/use-cases.ts';
import { seedDemoDocuments, type DemoDocument } from '../documents/demo-documents.ts';
import { setDemoCredentials, setDemoPermissions } from './repository.ts';
import { demoThemes } from './themes.ts';
import { totpSecretContext, type SecretBox } from '../secrets/secret-box.ts';
import { CASE_TYPES } from '../contract/enums.ts';
import type { SettingsChange } from '../contract/settings.ts';
import { upsertRoutingRule } from '../cases/routing-repository.ts';
import { createSettingsUseCases } from '../settings/use-cases.ts';
import { seedDemoLeads, type DemoLeads } from '../leads/demo-leads.ts';
import { seedDemoViewingSlots, type DemoViewingSlots } from '../viewings/demo-slots.ts';
import type { StaffPermission } from '../contract/enums.ts';

/**
 * Demo data for `npm start`: two housing companies with buildings, units and residents, and sign-in-able
 * demo accounts. DEMO ONLY: the passwords and TOTP secrets below are public (they are printed at start
 * and shown at /dev/demo-logins); the seed refuses to run with NODE_ENV=production.
 */

export interface DemoCredentials {
  email: string;
  /** Demo-only password, public by design. */
  password: string;
  /** Demo-only base32 TOTP secret (RFC 6238, SHA-1, 6 digits, 30 s), public by design. */
  totpSecret: string;
}

interface DemoResident extends ResidentInput {
  /** Activated with these credentials at every start. */
  login?: DemoCredentials;
  /** Not activated: a fresh activation code is issued at every start so the printed one always works. */
  awaitsActivation?: boolean;
}

interface DemoStaff extends DemoCredentials {
  displayName: string;
  role: 'clerk' | 'admin';
  /** `letting`: sees and searches the phone and address of rental leads (docs/leads.md). */
  permissions?: StaffPermission[];
}

export interface DemoCompany {
  tenant: Omit<TenantInput, 'allowedOrigins'>;
  /** Embed origins of the company's own (imaginary) website; the BFF's URL is added at seeding. */
  websiteOrigins: string[];
  buildings: BuildingInput[];
  units: UnitInput[];
  residents: DemoResident[];
  staff: DemoStaff[];
  /** Published once, as the company's clerk, to "Meine Dokumente". */
  documents: DemoDocument[];
  /** Company settings; the portal page URL is the BFF's demo page `portalPage` (docs/settings.md). */
  settings: Omit<SettingsChange, 'portalPageUrl'>;
  /** The demo page with the company's `<tenant-portal url-state>`, below the BFF's URL: links in e-mails open it. */
  portalPage: string;
  /** Listings on the portals, the lead webhook's secrets (public: demo only) and enquiries as the portals sent them. */
  leads: DemoLeads;
  /** Viewing slots offered for a listing (upcoming, counted from the start), e.g. a group viewing. */
  viewingSlots?: DemoViewingSlots[];
}

const DEMO_RESIDENT_PASSWORD = 'Demo-Mieter-2026';
const DEMO_CLERK_PASSWORD = 'Demo-Sachbearbeitung-2026';
const DEMO_ADMIN_PASSWORD = 'Demo-Verwaltung-2026';

export const DEMO_COMPANIES: DemoCompany[] = [
  {
    tenant: {
      slug: 'wohnbau-nord',
      name: 'Wohnbau Nord eG',
      theme: demoThemes['wohnbau-nord'],
    },
    websiteOrigins: ['https://www.wohnbau-nord.example'],
    portalPage: '/',
    viewingSlots: [
      {
        listing: { provider: 'immoscout24', providerListingId: '158963214' },
        slots: [
          {
            inDays: 2,
            at: '17:00',
            durationMinutes: 45,
            capacity: 8,
            note: 'Sammelbesichtigung. Treffpunkt vor dem Haus, Klingel „Verwaltung“.',
          },
          { inDays: 3, at: '10:30', durationMinutes: 30, capacity: 1, note: '' },
          { inDays: 5, at: '18:00', durationMinutes: 30, capacity: 2, note: 'Bitte pünktlich: Der Aufzug ist nur bis 19 Uhr in Betrieb.' },
        ],
      },
    ],
    leads: {
      listings: [
        {
          unitRef: 'HH-HAF-5-02',
          title: 'Helle 3-Zimmer-Dachgeschosswohnung mit Elbblick',
          rooms: 3,
          livingArea: 78.4,
          coldRent: 1120,
          serviceCharges: 240,
          availableFrom: '2026-06-01',
          commission: 'Provisionsfrei für Mietinteressenten (Vermietung im Auftrag der Eigentümerin)',
          portalIds: [
            { provider: 'immoscout24', providerListingId: '158963214' },
            { provider: 'immowelt', providerListingId: 'IW-2GFK7Q' },
          ],
        },
        {
          unitRef: 'HH-OST-88-01',
          title: '2-Zimmer-Wohnung in Eimsbüttel, ruhig zum Hof',
          rooms: 2,
          livingArea: 54.2,
          coldRent: 780,
          serviceCharges: 165,
          availableFrom: null,
          commission: 'provisionsfrei',
          portalIds: [{ provider: 'immowelt', providerListingId: 'IW-2HBX3M' }],
        },
        {
          unitRef: 'HH-LIN-12-03',
          title: '1-Zimmer-Apartment (Wohnberechtigungsschein erforderlich)',
          rooms: 1,
          livingArea: 31,
          coldRent: 398,
          serviceCharges: 95,
          availableFrom: '2026-05-15',
          commission: 'provisionsfrei',
          portalIds: [{ provider: 'openimmo', providerListingId: 'WN-OI-0815' }],
        },
      ],
      webhookSecrets: {
        immoscout24: 'whsec_RGVtby1Xb2huYmF1LU5vcmQtSW1tb1Njb3V0MjQtMjAyNg==',
        estatesync: 'whsec_RGVtby1Xb2huYmF1LU5vcmQtRXN0YXRlU3luYy0yMDI2',
      },
      enquiries: [
        {
          provider: 'immoscout24',
          payload: {
            enquiryId: 'demo-is24-1001',
            listingId: '158963214',
            firstName: 'Jana',
            lastName: 'Beispiel',
            email: 'jana.beispiel@example.org',
            phone: '0151 23456789',
            address: { street: 'Birkenweg 3', postalCode: '22765', city: 'Hamburg' },
            message:
              'Guten Tag, ich interessiere mich sehr für die Wohnung und würde sie gerne besichtigen. Ich verdiene 3.200 € netto.\n' +
              'Weitere Daten zum Interessenten; Gewünschter Einzugstermin: 01.06.2026; Haushaltsgröße: Zwei Erwachsene; ' +
              'Tiere im Haushalt: Nein; Haushaltsnettoeinkommen: 4.000 € - 5.000 €; SCHUFA-Bonitätscheck: vorhanden',
          },
        },
        {
          provider: 'immoscout24',
          payload: {
            enquiryId: 'demo-is24-1002',
            listingId: '158963214',
            name: 'Jonas Weber',
            email: 'jonas.weber@example.org',
            phone: '+49 160 1112223',
            message:
              'Hallo, ist die Wohnung noch frei? Ich könnte ab sofort einziehen.\nWeitere Daten zum Interessenten; Haushaltsgröße: Einpersonenhaushalt; Tiere im Haushalt: Ja',
          },
        },
        {
          provider: 'estatesync',
          payload: {
            enquiryId: 'demo-es-2001',
            portal: 'immowelt',
            listingId: 'IW-2GFK7Q',
            name: 'J. Beispiel',
            email: 'jana.privat@example.org',
            phone: '0049 151 234 567 89',
            message: 'Guten Tag, wir (zwei Erwachsene, keine Haustiere) würden die Wohnung gerne ansehen.',
          },
        },
        {
          provider: 'estatesync',
          payload: {
            enquiryId: 'demo-es-2002',
            portal: 'immowelt',
            listingId: 'IW-2HBX3M',
            firstName: 'Aylin',
            lastName: 'Demir',
            email: 'aylin.demir@example.org',
            message: 'Hallo, ich suche eine ruhige Wohnung für mich und meine Katze.\nHaushaltsgröße: 1\nTierfreier Haushalt: Nein',
          },
        },
        {
          provider: 'immoscout24',
          payload: {
            enquiryId: 'demo-is24-1003',
            listingId: '149999999',
            name: 'Ole Hansen',
            email: 'ole.hansen@example.org',
            message: 'Ist die Wohnung in der Schanze noch zu haben?',
          },
        },
      ],
    },
    settings: {
      emergencyNumbers: [
        { label: 'Notdienst Wasser, Heizung, Strom (rund um die Uhr)', phone: '040 123 456' },
        { label: 'Aufzug-Notruf', phone: '040 123 457' },
      ],
      officeHours: 'Mo–Do 8–16 Uhr, Fr 8–12 Uhr',
      contactEmail: 'service@wohnbau-nord.example',
      contactPhone: '040 123 400',
      houseRules: [
        { title: 'Ruhezeiten', text: 'Mittagsruhe 13–15 Uhr, Nachtruhe 22–6 Uhr; sonn- und feiertags ganztägig Ruhe.' },
        { title: 'Treppenhaus', text: 'Fluchtwege bleiben frei: keine Schuhe, Kinderwagen oder Fahrräder im Treppenhaus.' },
        { title: 'Mülltrennung', text: 'Gelbe Tonne für Verpackungen, blaue für Papier; Sperrmüll nur nach Anmeldung.' },
      ],
    },
    buildings: [
      { externalRef: 'HH-LIN-12', street: 'Lindenallee 12', postalCode: '20259', city: 'Hamburg' },
      { externalRef: 'HH-HAF-5', street: 'Hafenstraße 5', postalCode: '20359', city: 'Hamburg' },
      { externalRef: 'HH-OST-88', street: 'Osterstraße 88', postalCode: '20255', city: 'Hamburg' },
    ],
    units: [
      { externalRef: 'HH-LIN-12-01', buildingRef: 'HH-LIN-12', label: 'EG links' },
      { externalRef: 'HH-LIN-12-02', buildingRef: 'HH-LIN-12', label: 'EG rechts' },
      { externalRef: 'HH-LIN-12-03', buildingRef: 'HH-LIN-12', label: '1. OG links' },
      { externalRef: 'HH-HAF-5-01', buildingRef: 'HH-HAF-5', label: '2. OG Mitte' },
      { externalRef: 'HH-HAF-5-02', buildingRef: 'HH-HAF-5', label: 'DG' },
      { externalRef: 'HH-OST-88-01', buildingRef: 'HH-OST-88', label: '3. OG rechts' },
    ],
    residents: [
      {
        externalRef: 'WN-10001',
        unitRef: 'HH-LIN-12-01',
        firstName: 'Erika',
        lastName: 'Mustermann',
        contactEmail: 'erika.mustermann@wohnbau-nord.example',
        // The chat answers from it: "Wann kommt meine Nebenkostenabrechnung?" → at the latest 31.12.2026.
        tenancy: {
          tenancyStart: '2019-04-01',
          coldRent: 612.4,
          advancePayments: [
            { label: 'Betriebskosten', amount: 145 },
            { label: 'Heizkosten', amount: 85 },
          ],
          caretakerArea: 'Hausmeisterbezirk Eimsbüttel, Herr Krause, 040 123 458',
          clauses: [
            { title: 'Haustiere', text: 'Kleintiere sind erlaubt; Hunde und Katzen nur mit schriftlicher Zustimmung der Vermieterin.' },
            { title: 'Kleinreparaturen', text: 'Kleinreparaturen bis 100 € je Fall, höchstens 8 % der Jahreskaltmiete, trägt der Mieter.' },
          ],
          billingPeriodStart: '2025-01-01',
          billingPeriodEnd: '2025-12-31',
        },
        login: {
          email: 'erika.mustermann@wohnbau-nord.example',
          password: DEMO_RESIDENT_PASSWORD,
          totpSecret: 'UGJKY3VM56PHCP34IV2R3UQTOS6FH3FM',
        },
      },
      {
        externalRef: 'WN-10002',
        unitRef: 'HH-LIN-12-02',
        firstName: 'Max',
        lastName: 'Nachbar',
        contactEmail: 'max.nachbar@wohnbau-nord.example',
        awaitsActivation: true,
      },
      { externalRef: 'WN-10003', unitRef: 'HH-LIN-12-03', firstName: 'Aylin', lastName: 'Yılmaz' },
      { externalRef: 'WN-10004', unitRef: 'HH-HAF-5-01', firstName: 'Jan', lastName: 'Petersen' },
      { externalRef: 'WN-10005', unitRef: 'HH-HAF-5-02', firstName: 'Greta', lastName: 'Hansen' },
      { externalRef: 'WN-10006', unitRef: 'HH-OST-88-01', firstName: 'Piotr', lastName: 'Nowak' },
      // An owner (docs/owners.md): owns Erika's rented-out flat and the one upstairs; sees what is for owners.
      {
        externalRef: 'WN-ET-501',
        unitRef: 'HH-LIN-12-01',
        relation: 'owner',
        furtherUnits: [{ unitRef: 'HH-LIN-12-03', relation: 'owner' }],
        firstName: 'Helga',
        lastName: 'Brandt',
        contactEmail: 'helga.brandt@wohnbau-nord.example',
        login: {
          email: 'helga.brandt@wohnbau-nord.example',
          password: DEMO_RESIDENT_PASSWORD,
          totpSecret: 'IZUOFD5KWWHM2KNV5ZGRCNDZWH7EQT5N',
        },
      },
    ],
    staff: [
      {
        displayName: 'Clara Sachbearbeiterin',
        role: 'clerk',
        permissions: ['letting'],
        email: 'clara.sachbearbeiterin@wohnbau-nord.example',
        password: DEMO_CLERK_PASSWORD,
        totpSecret: 'Q6BDYJL67BIH2UGC4LYBJFEDDVHAH53Q',
      },
      {
        displayName: 'Anton Verwalter',
        role: 'admin',
        email: 'anton.verwalter@wohnbau-nord.example',
        password: DEMO_ADMIN_PASSWORD,
        totpSecret: 'P4FEQTTFRKS4E7VE5KLBHIQB2HXP3CXH',
      },
    ],
    documents: [
      {
        title: 'Betriebskostenabrechnung 2025',
        category: 'utility_statement',
        audience: 'resident',
        ref: 'WN-10001',
        fileName: 'Betriebskostenabrechnung-2025.pdf',
        daysAgo: 12,
        paragraphs: [
          'Sehr geehrte Frau Mustermann,',
          'anbei erhalten Sie die Betriebskostenabrechnung für den Zeitraum 01.01.2025 bis 31.12.2025. Aus der Abrechnung ergibt sich ein Guthaben von 86,40 €, das wir Ihrem Mietkonto gutschreiben.',
          'Die monatliche Vorauszahlung bleibt unverändert.',
        ],
      },
      {
        title: 'Hausordnung Lindenallee 12',
        category: 'contract',
        audience: 'building',
        ref: 'HH-LIN-12',
        fileName: 'Hausordnung-Lindenallee-12.pdf',
        daysAgo: 40,
        paragraphs: [
          'Liebe Bewohnerinnen und Bewohner,',
          'die Ruhezeiten gelten werktags von 22 bis 6 Uhr sowie sonn- und feiertags ganztägig. Fahrräder und Kinderwagen stellen Sie bitte im Fahrradkeller ab, nicht im Treppenhaus.',
          'Die Treppenhausreinigung übernimmt die Firma Glanz & Co. jeweils dienstags.',
        ],
      },
      {
        title: 'Hausgeldabrechnung 2025',
        category: 'owner_statement',
        audience: 'unit',
        ref: 'HH-LIN-12-01',
        readers: 'owners',
        fileName: 'Hausgeldabrechnung-2025.pdf',
        daysAgo: 20,
        paragraphs: [
          'Sehr geehrte Eigentümerin, sehr geehrter Eigentümer,',
          'anbei erhalten Sie die Hausgeldabrechnung 2025 für die Wohnung EG links. Auf Ihre Wohnung entfallen 3.184,20 € bei Vorauszahlungen von 3.240,00 €; das Guthaben von 55,80 € wird mit dem nächsten Hausgeld verrechnet.',
        ],
      },
      {
        title: 'Protokoll der Eigentümerversammlung 2026',
        category: 'meeting_minutes',
        audience: 'building',
        ref: 'HH-LIN-12',
        readers: 'owners',
        fileName: 'Protokoll-Eigentuemerversammlung-2026.pdf',
        daysAgo: 30,
        paragraphs: [
          'Eigentümerversammlung der WEG Lindenallee 12 am 12. Oktober 2026.',
          'TOP 3: Die Erneuerung der Klingelanlage wird mit 9 von 11 Stimmen beschlossen. TOP 4: Der Wirtschaftsplan 2027 wird genehmigt.',
        ],
      },
      {
        title: 'Ankündigung: Ablesung der Heizkostenverteiler',
        category: 'letter',
        audience: 'unit',
        ref: 'HH-LIN-12-01',
        readers: 'tenants',
        fileName: 'Ablesung-Heizkostenverteiler.pdf',
        daysAgo: 2,
        paragraphs: [
          'Guten Tag,',
          'am Donnerstag, dem 4. Dezember, zwischen 8 und 12 Uhr werden die Heizkostenverteiler in Ihrer Wohnung abgelesen. Bitte ermöglichen Sie den Zugang zu allen Heizkörpern.',
        ],
      },
    ],
  },
  {
    tenant: {
      slug: 'stadthaus-sued',
      name: 'Stadthaus Süd GmbH',
      theme: demoThemes['stadthaus-sued'],
    },
    websiteOrigins: ['https://www.stadthaus-sued.example'],
    portalPage: '/stadthaus.html',
    leads: {
      listings: [
        {
          unitRef: 'M-SEN-7-02',
          title: 'Altbau-Wohnung mit 2,5 Zimmern in der Altstadt',
          rooms: 2.5,
          livingArea: 66,
          coldRent: 1290,
          serviceCharges: 230,
          availableFrom: '2026-07-01',
          commission: 'provisionsfrei',
          portalIds: [{ provider: 'immoscout24', providerListingId: '161234567' }],
        },
        {
          unitRef: 'M-LEO-40-02',
          title: 'Familienwohnung in Schwabing, 4 Zimmer',
          rooms: 4,
          livingArea: 104.5,
          coldRent: 2150,
          serviceCharges: 380,
          availableFrom: '2026-08-01',
          commission: 'provisionsfrei',
          portalIds: [{ provider: 'immowelt', providerListingId: 'IW-3MUC9T' }],
        },
      ],
      webhookSecrets: {
        immoscout24: 'whsec_RGVtby1TdGFkdGhhdXMtU3VlZC1JbW1vU2NvdXQyNA==',
        immowelt: 'whsec_RGVtby1TdGFkdGhhdXMtU3VlZC1JbW1vd2VsdC0yMDI2',
      },
      enquiries: [
        {
          provider: 'immoscout24',
          payload: {
            enquiryId: 'demo-is24-3001',
            listingId: '161234567',
            name: 'Lena Maier',
            email: 'lena.maier@example.org',
            phone: '089 1234567',
            message:
              'Grüß Gott, ich hätte großes Interesse an einer Besichtigung.\nWeitere Daten zum Interessenten; Gewünschter Einzugstermin: flexibel',
          },
        },
        {
          provider: 'immowelt',
          payload: {
            enquiryId: 'demo-iw-3002',
            listingId: 'IW-3MUC9T',
            firstName: 'Tobias',
            lastName: 'Schneider',
            email: 'tobias.schneider@example.org',
            message: 'Wir sind eine Familie mit zwei Kindern und suchen ab August.',
            fields: { Haushaltsgröße: '2 Erwachsene, 2 Kinder', Einzugstermin: '01.08.2026' },
          },
        },
      ],
    },
    settings: {
      emergencyNumbers: [{ label: 'Hausmeister-Notdienst (rund um die Uhr)', phone: '089 765 432' }],
      officeHours: 'Mo–Fr 9–13 Uhr, Di und Do auch 14–18 Uhr',
      contactEmail: 'kundenservice@stadthaus-sued.example',
      contactPhone: '089 765 400',
    },
    buildings: [
      { externalRef: 'M-LEO-40', street: 'Leopoldstraße 40', postalCode: '80802', city: 'München' },
      { externalRef: 'M-SEN-7', street: 'Sendlinger Straße 7', postalCode: '80331', city: 'München' },
    ],
    units: [
      { externalRef: 'M-LEO-40-01', buildingRef: 'M-LEO-40', label: 'EG' },
      { externalRef: 'M-LEO-40-02', buildingRef: 'M-LEO-40', label: '1. OG' },
      { externalRef: 'M-SEN-7-01', buildingRef: 'M-SEN-7', label: '2. OG links' },
      { externalRef: 'M-SEN-7-02', buildingRef: 'M-SEN-7', label: '2. OG rechts' },
    ],
    residents: [
      {
        externalRef: 'SS-20001',
        unitRef: 'M-LEO-40-01',
        firstName: 'Sophie',
        lastName: 'Huber',
        contactEmail: 'sophie.huber@stadthaus-sued.example',
        tenancy: { tenancyStart: '2021-10-01', billingPeriodStart: '2025-01-01', billingPeriodEnd: '2025-12-31' },
        login: {
          email: 'sophie.huber@stadthaus-sued.example',
          password: DEMO_RESIDENT_PASSWORD,
          totpSecret: 'RB2EBFNOA2SLJPWJ22CLYCZKSNKPM3KV',
        },
      },
      {
        externalRef: 'SS-20002',
        unitRef: 'M-LEO-40-02',
        firstName: 'Lukas',
        lastName: 'Bauer',
        contactEmail: 'lukas.bauer@stadthaus-sued.example',
        awaitsActivation: true,
      },
      { externalRef: 'SS-20003', unitRef: 'M-SEN-7-01', firstName: 'Fatma', lastName: 'Demir' },
      { externalRef: 'SS-20004', unitRef: 'M-SEN-7-02', firstName: 'Josef', lastName: 'Gruber' },
    ],
    staff: [
      {
        displayName: 'Sabine Sachbearbeiterin',
        role: 'clerk',
        permissions: ['letting'],
        email: 'sabine.sachbearbeiterin@stadthaus-sued.example',
        password: DEMO_CLERK_PASSWORD,
        totpSecret: '2MVE7NTWQU7YG2RZ5IGTVATJRNTII7LB',
      },
      {
        displayName: 'Alois Verwalter',
        role: 'admin',
        email: 'alois.verwalter@stadthaus-sued.example',
        password: DEMO_ADMIN_PASSWORD,
        totpSecret: 'HR757EKR2JWFRCZZHV4QHFPUAXQX4B76',
      },
    ],
    documents: [
      {
        title: 'Mieterinformation: Austausch der Rauchwarnmelder',
        category: 'letter',
        audience: 'building',
        ref: 'M-LEO-40',
        fileName: 'Rauchwarnmelder-Leopoldstrasse-40.pdf',
        daysAgo: 5,
        paragraphs: [
          'Liebe Mieterinnen und Mieter,',
          'im Januar tauschen wir in allen Wohnungen der Leopoldstraße 40 die Rauchwarnmelder aus. Den genauen Termin hängen wir eine Woche vorher im Treppenhaus aus.',
        ],
      },
      {
        title: 'Betriebskostenabrechnung 2025',
        category: 'utility_statement',
        audience: 'resident',
        ref: 'SS-20001',
        fileName: 'Betriebskostenabrechnung-2025.pdf',
        daysAgo: 20,
        paragraphs: [
          'Sehr geehrte Frau Huber,',
          'anbei erhalten Sie die Betriebskostenabrechnung 2025. Es ergibt sich eine Nachzahlung von 112,15 €, die wir mit der Miete für Februar einziehen.',
        ],
      },
    ],
  },
];

export interface DemoLogin {
  tenantSlug: string;
  tenantName: string;
  role: 'resident' | 'clerk' | 'admin';
  displayName: string;
  email: string;
  /** Absent for the resident who still has to activate (with the activation code). */
  password?: string;
  totpSecret?: string;
  activationCode?: string;
}

export interface SeedOptions {
  nodeEnv: string;
  /** Origins the demo pages are served from (the BFF's own URL first); added to every demo company. */
  origins: string[];
  /** The server's key for stored secrets: the demo TOTP secrets are stored encrypted like any other. */
  secrets: SecretBox;
}

export class DemoSeedRefused extends Error {}

/**
 * Creates what is missing and leaves the rest, so it runs at every start. Demo accounts get their known
 * credentials back at every start, and the waiting residents a fresh activation code.
 */
export async function seedDemoData(db: Database, options: SeedOptions): Promise<DemoLogin[]> {
  if (options.nodeEnv === 'production') {
    throw new DemoSeedRefused('Die Demo-Daten (mit öffentlich bekannten Passwörtern) werden in Produktion nicht angelegt.');
  }
  const logins: DemoLogin[] = [];
  for (const company of DEMO_COMPANIES) logins.push(...(await seedCompany(db, company, options.origins, options.secrets)));
  return logins;
}

async function seedCompany(db: Database, company: DemoCompany, origins: string[], secrets: SecretBox): Promise<DemoLogin[]> {
  const allowedOrigins = [...new Set([...origins, ...company.websiteOrigins])];
  const tenant = (await findTenantBySlug(db, company.tenant.slug)) ?? (await createTenant(db, { ...company.tenant, allowedOrigins }));
  const missingOrigins = allowedOrigins.filter((origin) => !tenant.allowedOrigins.includes(origin));
  if (missingOrigins.length) await addAllowedOrigins(db, tenant.id, missingOrigins);
  const passwordHashes = new Map<string, string>();
  for (const credentials of [...company.staff, ...company.residents.flatMap((r) => (r.login ? [r.login] : []))]) {
    passwordHashes.set(credentials.email, await hashPassword(credentials.password));
  }

  const logins = await asTenantAdmin(db, tenant.id, async (tx) => {
    const base = { tenantSlug: company.tenant.slug, tenantName: company.tenant.name };
    const logins: DemoLogin[] = [];

    for (const building of company.buildings) {
      if (!(await findBuildingId(tx, building.externalRef))) await addBuilding(tx, tenant.id, building);
    }
    for (const unit of company.units) {
      if (!(await findUnitId(tx, unit.externalRef))) await addUnit(tx, tenant.id, unit);
    }
    for (const staff of company.staff) {
      const accountId = (await findAccountIdByEmail(tx, staff.email)) ?? (await addStaff(tx, tenant.id, staff)).id;
      await activateDemoAccount(tx, accountId, staff, passwordHashes.get(staff.email)!, secrets);
      await setDemoPermissions(tx, accountId, staff.permissions ?? []);
      const { email, password, totpSecret, displayName, role } = staff;
      logins.push({ ...base, role, displayName, email, password, totpSecret });
    }
    for (const { login, awaitsActivation, ...resident } of company.residents) {
      if (!(await residentExists(tx, resident.externalRef))) await addResident(tx, tenant.id, resident);
      else if (resident.tenancy) await setTenancy(tx, tenant.id, resident.externalRef, resident.tenancy);
      const displayName = `${resident.firstName} ${resident.lastName}`;
      if (login) {
        const accountId = (await findResidentAccountId(tx, resident.externalRef))!;
        await activateDemoAccount(tx, accountId, login, passwordHashes.get(login.email)!, secrets);
        logins.push({ ...base, role: 'resident', displayName, ...login });
      }
      if (awaitsActivation) {
        // Activated during an earlier demo run: re-admitted, so that the printed code works again.
        const who = { residentRef: resident.externalRef };
        const activationCode = (await isActivated(tx, who))
          ? (await readmitAccountInTransaction(tx, tenant, who)).activationCode
          : await reissueActivationCode(tx, tenant.id, who);
        logins.push({ ...base, role: 'resident', displayName, email: resident.contactEmail!, activationCode });
      }
    }
    // New cases arrive assigned: every case type goes to the company's clerk (routing rules, docs/cases.md).
    const clerk = company.staff.find((staff) => staff.role === 'clerk');
    const clerkId = clerk && (await findAccountIdByEmail(tx, clerk.email));
    if (clerkId) {
      for (const caseType of CASE_TYPES) await upsertRoutingRule(tx, tenant.id, { caseType, damageCategoryId: null, assigneeId: clerkId });
    }
    return logins;
  });
  const portalPageUrl = new URL(company.portalPage, origins[0]).toString();
  await createSettingsUseCases(db).changeAsPlatform(tenant.id, { ...company.settings, portalPageUrl });
  const clerk = company.staff.find((staff) => staff.role === 'clerk');
  if (clerk) await seedDemoDocuments(db, { tenantId: tenant.id, name: company.tenant.name, clerkEmail: clerk.email }, company.documents);
  const clerkId = clerk && (await asTenantAdmin(db, tenant.id, (tx) => findAccountIdByEmail(tx, clerk.email)));
  if (clerkId) await seedDemoLeads(db, secrets, { tenantId: tenant.id, clerkId }, company.leads);
  if (clerkId && company.viewingSlots) await seedDemoViewingSlots(db, { tenantId: tenant.id, clerkId }, company.viewingSlots);
  return logins;
}

export interface DemoLeadWebhook {
  tenantSlug: string;
  provider: string;
  url: string;
  /** Demo-only webhook secret, public by design. */
  secret: string;
}

/** The demo companies' lead webhooks with their (public) secrets, as `npm start` prints them. */
export function demoLeadWebhooks(baseUrl: string): DemoLeadWebhook[] {
  return DEMO_COMPANIES.flatMap((company) =>
    Object.entries(company.leads.webhookSecrets).map(([provider, secret]) => ({
      tenantSlug: company.tenant.slug,
      provider,
      url: `${baseUrl}/hooks/${company.tenant.slug}/leads/${provider}`,
      secret,
    })),
  );
}

/** Sets the known demo credentials (as if the person had activated and set up an authenticator app). */
async function activateDemoAccount(
  tx: Queryable,
  accountId: string,
  credentials: DemoCredentials,
  passwordHash: string,
  secrets: SecretBox,
) {
  const totpSecret = secrets.seal(credentials.totpSecret, totpSecretContext(accountId));
  await setDemoCredentials(tx, accountId, { email: credentials.email, passwordHash, totpSecret });
  // An activated demo account has no open letter.
  await expireActivationCodes(tx, accountId);
}
