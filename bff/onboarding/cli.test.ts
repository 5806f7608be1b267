import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeTestDatabase, testDatabase } from '../test/harness.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
const CODE = /[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}/g;

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `npm run admin -- …` the way an operator does, as a separate process. */
function runCli(args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', cli, ...args],
      { cwd: root, env: { ...process.env, NODE_ENV: 'development', ...env }, timeout: 120_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/**
 * The CLI runs against the same kind of database as the rest of the suite: the PostgreSQL server when
 * DATABASE_URL is set (app and owner URLs, like the server), otherwise PGlite in a temporary DATA_DIR.
 */
describe('admin CLI', () => {
  let dataDir: string;
  let env: Record<string, string>;
  const embeddedEnv = () => ({ DATA_DIR: dataDir, DATABASE_URL: '', DATABASE_OWNER_URL: '' });
  const admin = (...args: string[]) => runCli(args, env);

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'mp-cli-'));
    env = embeddedEnv();
    if (process.env.DATABASE_URL) {
      const { urls } = await testDatabase();
      env = { DATA_DIR: dataDir, DATABASE_URL: urls!.url, DATABASE_OWNER_URL: urls!.ownerUrl };
    }
  });
  after(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await closeTestDatabase();
  });

  it('prints help with --help and exits 0; without a command it exits 2', async () => {
    const help = await admin('--help');
    assert.equal(help.code, 0);
    assert.match(help.stdout, /create-tenant/);
    assert.match(help.stdout, /import-residents/);
    const none = await admin();
    assert.equal(none.code, 2);
  });

  it('onboards a housing company step by step and prints activation codes', async () => {
    const created = await admin(
      'create-tenant',
      '--slug',
      'wohnbau-cli',
      '--name',
      'Wohnbau CLI eG',
      '--origin',
      'https://www.wohnbau-cli.de/mieter',
      '--origin',
      'https://cms.wohnbau-cli.de',
      '--theme-json',
      '{"--mp-color-primary":"#005ca9"}',
    );
    assert.equal(created.code, 0, created.stderr);
    assert.match(created.stdout, /Hausverwaltung angelegt: Wohnbau CLI eG \(wohnbau-cli\)/);
    assert.match(created.stdout, /https:\/\/www\.wohnbau-cli\.de, https:\/\/cms\.wohnbau-cli\.de/);

    const building = await admin(
      'add-building',
      '--tenant',
      'wohnbau-cli',
      '--ref',
      'G-1',
      '--street',
      'Lindenallee 12',
      '--postal-code',
      '20259',
      '--city',
      'Hamburg',
    );
    assert.equal(building.code, 0, building.stderr);
    const unit = await admin('add-unit', '--tenant', 'wohnbau-cli', '--ref', 'W-1', '--building', 'G-1', '--label', 'EG links');
    assert.equal(unit.code, 0, unit.stderr);

    const resident = await admin(
      'add-resident',
      '--tenant',
      'wohnbau-cli',
      '--ref',
      'M-1',
      '--unit',
      'W-1',
      '--first-name',
      'Erika',
      '--last-name',
      'Mustermann',
      '--email',
      'erika@example.de',
    );
    assert.equal(resident.code, 0, resident.stderr);
    assert.match(resident.stdout, /M-1\s+Erika Mustermann\s+[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}/);
    assert.match(resident.stdout, /Aktivierungscode/);

    const staff = await admin(
      'add-staff',
      '--tenant',
      'wohnbau-cli',
      '--email',
      'clara@wohnbau-cli.de',
      '--name',
      'Clara Sachbearbeiterin',
      '--role',
      'clerk',
    );
    assert.equal(staff.code, 0, staff.stderr);
    assert.match(staff.stdout, /Sachbearbeiter angelegt/);
    assert.equal(staff.stdout.match(CODE)?.length, 1);

    const byRef = await admin('issue-code', '--tenant', 'wohnbau-cli', '--resident-ref', 'M-1');
    assert.equal(byRef.code, 0, byRef.stderr);
    assert.notEqual(byRef.stdout.match(CODE)?.[0], resident.stdout.match(CODE)?.[0]);
    const byEmail = await admin('issue-code', '--tenant', 'wohnbau-cli', '--email', 'clara@wohnbau-cli.de');
    assert.equal(byEmail.code, 0, byEmail.stderr);
    const readmitted = await admin('re-admit', '--tenant', 'wohnbau-cli', '--email', 'clara@wohnbau-cli.de');
    assert.equal(readmitted.code, 0, readmitted.stderr);
    assert.match(
      readmitted.stdout,
      /wieder zugelassen: 0 Sitzung\(en\) beendet, Passwort und zweiter Faktor zurückgesetzt\. Benachrichtigt: c\*\*\*@wohnbau-cli\.de/,
    );
    assert.equal(readmitted.stdout.match(CODE)?.length, 1);
  });

  it('imports a CSV file, prints the codes as a table and writes them for the letters', async () => {
    await admin('create-tenant', '--slug', 'stadthaus-cli', '--name', 'Stadthaus CLI GmbH');
    const file = join(dataDir, 'mieter.csv');
    writeFileSync(
      file,
      '\uFEFFMieternummer;Wohnung;Gebäude;Straße;PLZ;Ort;Lage;Vorname;Nachname;E-Mail\r\n' +
        'S-1;M-01;G-M1;Leopoldstraße 40;80802;München;EG;Sophie;Huber;sophie@example.de\r\n' +
        'S-2;M-02;G-M1;Leopoldstraße 40;80802;München;1. OG;Lukas;Bauer;\r\n',
    );
    const out = join(dataDir, 'codes.csv');
    const imported = await admin('import-residents', '--tenant', 'stadthaus-cli', '--file', file, '--out', out);
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, /2 Mieter importiert in Stadthaus CLI GmbH \(neu: 1 Gebäude, 2 Wohnungen\)/);
    assert.match(imported.stdout, /2\s+S-1\s+Sophie Huber\s+M-01\s+[A-Z2-9]{4}-/);
    assert.equal(imported.stdout.match(CODE)?.length, 2);
    const letters = readFileSync(out, 'utf8');
    assert.match(letters, /^\uFEFFMieternummer;Name;Wohnung;Aktivierungscode\r\nS-1;Sophie Huber;M-01;[A-Z2-9-]{14}\r\n/);

    const bad = join(dataDir, 'schlecht.csv');
    writeFileSync(bad, 'Mieternummer,Wohnung,Vorname,Nachname\nS-3,M-01,Anna,Neu\nS-1,M-02,Sophie,Huber\nS-4,M-99,Wer,Wo\n');
    const refused = await admin('import-residents', '--tenant', 'stadthaus-cli', '--file', bad);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /2 fehlerhafte Zeilen\. Es wurde nichts importiert/);
    assert.match(refused.stderr, /Zeile 3: Mieter S-1 wohnt laut Mieterportal in Wohnung M-01, nicht in M-02/);
    assert.match(refused.stderr, /Zeile 4: Wohnung M-99 ist unbekannt/);

    // A dry run of an update and a move-out shows the changes and writes nothing.
    const update = join(dataDir, 'update.csv');
    writeFileSync(
      update,
      'Mieternummer;Wohnung;Vorname;Nachname;Auszugsdatum\nS-1;M-01;Sophie;Huber-Maier;\nS-2;M-02;Lukas;Bauer;31.12.2099\n',
    );
    const dry = await admin('import-residents', '--tenant', 'stadthaus-cli', '--file', update, '--dry-run');
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /Probelauf für Stadthaus CLI GmbH – es wurde nichts geschrieben\./);
    assert.match(dry.stdout, /aktualisiert 2, ausgezogen 1, unverändert 0; fehlerhafte Zeilen 0/);
    assert.match(dry.stdout, /2\s+S-1\s+Sophie Huber-Maier\s+geändert\s+Nachname: Huber → Huber-Maier/);
    assert.match(dry.stdout, /3\s+S-2\s+Lukas Bauer\s+Auszug\s+Zugang endet mit dem 31\.12\.2099/);
    const dryAgain = await admin('import-residents', '--tenant', 'stadthaus-cli', '--file', update, '--dry-run');
    assert.match(dryAgain.stdout, /aktualisiert 2, ausgezogen 1/, 'the first dry run wrote nothing');

    const missingFile = await admin('import-residents', '--tenant', 'stadthaus-cli', '--file', join(dataDir, 'gibt-es-nicht.csv'));
    assert.equal(missingFile.code, 2);
    assert.match(missingFile.stderr, /kann nicht gelesen werden \(ENOENT\)/);

    const list = await admin('list-tenants');
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, /stadthaus-cli\s+Stadthaus CLI GmbH\s+1\s+2\s+2\s+0/, 'S-3 from the refused file was not imported');
    assert.match(list.stdout, /wohnbau-cli\s+Wohnbau CLI eG\s+1\s+1\s+1\s+1\s+https:\/\/www\.wohnbau-cli\.de/);
  });

  it('exits non-zero with a German message on bad input', async () => {
    const cases: [string[], number, RegExp][] = [
      [['rename-tenant'], 2, /Unbekannter Befehl „rename-tenant“/],
      [['add-unit', '--tenant', 'wohnbau-cli', '--ref', 'W-9'], 2, /Es fehlen Angaben für add-unit: --building, --label/],
      [['add-unit', '--tenant', 'wohnbau-cli', '--colour', 'rot'], 2, /Unbekannte Option --colour/],
      [['create-tenant', '--slug', 'Nicht OK', '--name', 'X'], 1, /--slug: Nur Kleinbuchstaben/],
      [['create-tenant', '--slug', 'wohnbau-cli', '--name', 'X'], 1, /Die Kennung „wohnbau-cli“ ist bereits vergeben/],
      [['create-tenant', '--slug', 'x-neu', '--name', 'X', '--theme-json', '{kaputt'], 2, /--theme-json ist kein gültiges JSON/],
      [
        ['add-building', '--tenant', 'wohnbau-cli', '--ref', 'G-2', '--street', 'Weg 1', '--postal-code', '123', '--city', 'Hamburg'],
        1,
        /--postal-code: Postleitzahl muss fünfstellig sein/,
      ],
      [['add-unit', '--tenant', 'wohnbau-cli', '--ref', 'W-9', '--building', 'G-404', '--label', 'EG'], 1, /Gebäude G-404 ist unbekannt/],
      [
        ['add-resident', '--tenant', 'wohnbau-cli', '--ref', 'M-1', '--unit', 'W-1', '--first-name', 'A', '--last-name', 'B'],
        1,
        /Mieter M-1 existiert bereits/,
      ],
      [['add-staff', '--tenant', 'wohnbau-cli', '--email', 'x@y.de', '--name', 'X', '--role', 'chef'], 1, /--role: /],
      [['issue-code', '--tenant', 'wohnbau-cli'], 2, /genau eines angeben/],
      [['re-admit', '--tenant', 'wohnbau-cli'], 2, /genau eines angeben/],
      [['issue-code', '--tenant', 'gibt-es-nicht', '--resident-ref', 'M-1'], 1, /Hausverwaltung „gibt-es-nicht“ nicht gefunden/],
    ];
    const check = async ([args, code, message]: [string[], number, RegExp]) => {
      const result = await admin(...args);
      assert.equal(result.code, code, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, message, args.join(' '));
    };
    // The first three never open the database and may run side by side; the others take turns.
    await Promise.all(cases.slice(0, 3).map(check));
    for (const testCase of cases.slice(3)) await check(testCase);
  });

  it('refuses to open the embedded database while another process uses it', async () => {
    const lock = join(dataDir, 'pglite.lock');
    writeFileSync(lock, JSON.stringify({ pid: process.pid, holder: 'npm start', since: new Date().toISOString() }));
    try {
      const result = await runCli(['list-tenants'], embeddedEnv());
      assert.equal(result.code, 1);
      assert.match(result.stderr, /wird gerade von einem anderen Prozess benutzt \(npm start, PID \d+/);
    } finally {
      rmSync(lock);
    }
    writeFileSync(lock, JSON.stringify({ pid: 2 ** 22 + 12345, holder: 'abgestürzt', since: new Date().toISOString() }));
    const stale = await runCli(['list-tenants'], embeddedEnv());
    assert.equal(stale.code, 0, `a stale lock of a dead process is taken over: ${stale.stderr}`);
    assert.equal(existsSync(lock), false, 'the CLI releases its lock on exit');
  });
});
