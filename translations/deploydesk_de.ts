<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
    <context>
        <name />
        <message>
            <source>cannot read %1: %2</source>
            <translation type="vanished">%1 kann nicht gelesen werden: %2</translation>
        </message>
        <message>
            <source>%1 is not the JSON object `vercel link` writes (%2); fix or delete it, or set "project" and "team" in the stage's with:</source>
            <translation type="vanished">%1 ist nicht das JSON-Objekt, das `vercel link` schreibt (%2); korrigieren oder löschen Sie es, oder setzen Sie "project" und "team" in der Stufe unter with:</translation>
        </message>
        <message>
            <source>not an object</source>
            <translation type="vanished">kein Objekt</translation>
        </message>
        <message>
            <source>project %1</source>
            <translation type="vanished">Projekt %1</translation>
        </message>
        <message>
            <source>project %1 (team %2)</source>
            <translation type="vanished">Projekt %1 (Team %2)</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk</name>
        <message>
            <location filename="../app/cli/main.cpp" line="+81" />
            <source>"%1" is not a run id; run ids are positive numbers as listed by "deploydeskctl history"</source>
            <translation>"%1" ist keine Lauf-ID; Lauf-IDs sind positive Zahlen, wie sie "deploydeskctl history" auflistet</translation>
        </message>
        <message>
            <location line="+13" />
            <location line="+15" />
            <source>usage: %1</source>
            <translation>Aufruf: %1</translation>
        </message>
        <message>
            <location line="+105" />
            <source>DeployDesk on the command line: run, follow and inspect deployment pipelines.</source>
            <translation>DeployDesk auf der Kommandozeile: Deployment-Pipelines ausführen, verfolgen und untersuchen.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>The workspace folder (default: the current folder).</source>
            <translation>Der Arbeitsbereich-Ordner (Standard: der aktuelle Ordner).</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The command to run.</source>
            <translation>Der auszuführende Befehl.</translation>
        </message>
        <message>
            <location filename="../app/gui/main.cpp" line="+75" />
            <source>DeployDesk control panel</source>
            <translation>DeployDesk-Kontrollzentrum</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The workspace folder to open.</source>
            <translation>Der zu öffnende Arbeitsbereich-Ordner.</translation>
        </message>
        <message>
            <location filename="../core/config/pipelineloader.cpp" line="+35" />
            <source>stage "%1" is defined twice (first at line %2)</source>
            <translation>Stufe "%1" ist doppelt definiert (zuerst in Zeile %2)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>environment "%1" is defined twice (first at line %2)</source>
            <translation>Umgebung "%1" ist doppelt definiert (zuerst in Zeile %2)</translation>
        </message>
        <message>
            <location line="+11" />
            <source>the file is too large (%1 bytes); a pipeline file may be at most %2 bytes</source>
            <translation>die Datei ist zu groß (%1 Bytes); eine Pipeline-Datei darf höchstens %2 Bytes groß sein</translation>
        </message>
        <message>
            <source>the file holds a NUL byte (0x00); a pipeline file is UTF-8 text: remove it (a file saved as UTF-16 has them everywhere: save it as UTF-8)</source>
            <translation type="vanished">die Datei enthält ein NUL-Byte (0x00); eine Pipeline-Datei ist UTF-8-Text: entfernen Sie es (eine als UTF-16 gespeicherte Datei enthält sie überall: speichern Sie sie als UTF-8)</translation>
        </message>
        <message>
            <source>the file is not valid UTF-8: byte 0x%1 here does not belong to a UTF-8 character; save the file as UTF-8 (or fix this character)</source>
            <location line="+6" />
            <translation>die Datei ist kein gültiges UTF-8: Byte 0x%1 an dieser Stelle gehört zu keinem UTF-8-Zeichen; speichern Sie die Datei als UTF-8 (oder korrigieren Sie dieses Zeichen)</translation>
        </message>
        <message>
            <location filename="../core/engine/processrunner.cpp" line="+68" />
            <source>unknown signal</source>
            <translation>unbekanntes Signal</translation>
        </message>
        <message>
            <location line="+9" />
            <source>exit code %1</source>
            <translation>Exit-Code %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>killed by signal %1 (%2)</source>
            <translation>durch Signal %1 (%2) beendet</translation>
        </message>
        <message>
            <location line="+4" />
            <source>failed to start: %1</source>
            <translation>Start fehlgeschlagen: %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>timed out</source>
            <translation>Zeitüberschreitung</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="-24" />
            <location line="+9" />
            <location filename="../core/store/eventtext.cpp" line="+90" />
            <source>cancelled</source>
            <translation>abgebrochen</translation>
        </message>
        <message>
            <location line="+238" />
            <source>the stage server ended before it ran "%1"; run the stage again</source>
            <translation>der Stufen-Server wurde beendet, bevor er „%1“ ausführte; führen Sie die Stufe erneut aus</translation>
        </message>
        <message>
            <location line="+218" />
            <source>%1 (running "%2" in "%3")</source>
            <translation>%1 (beim Ausführen von "%2" in "%3")</translation>
        </message>
        <message>
            <location line="+33" />
            <source>timed out after %1</source>
            <translation>Zeitüberschreitung nach %1</translation>
        </message>
        <message>
            <location filename="../core/common/filestore.cpp" line="+26" />
            <location line="+29" />
            <location line="+10" />
            <location line="+18" />
            <location line="+3" />
            <location line="+4" />
            <location filename="../core/engine/stagecache.cpp" line="+201" />
            <location line="+67" />
            <location line="+165" />
            <location line="+20" />
            <source>cannot read %1: %2</source>
            <translation>%1 kann nicht gelesen werden: %2</translation>
        </message>
        <message>
            <location line="-31" />
            <location line="+6" />
            <location line="+8" />
            <location line="+21" />
            <location line="+11" />
            <location line="+43" />
            <location line="+12" />
            <location filename="../core/engine/stagecache.cpp" line="-260" />
            <location line="+9" />
            <location line="+31" />
            <location line="+5" />
            <location line="+219" />
            <location line="+55" />
            <location line="+35" />
            <location line="+9" />
            <source>cannot write %1: %2</source>
            <translation>%1 kann nicht geschrieben werden: %2</translation>
        </message>
        <message>
            <location line="+44" />
            <source>%1 could not be removed: %2</source>
            <translation>%1 konnte nicht entfernt werden: %2</translation>
        </message>
        <message>
            <location filename="../core/run/artifactstore.cpp" line="+61" />
            <source>artifact "%1" of stage "%2" is not kept: %3 resolves to %4, outside the workspace %5; artifacts must stay inside the workspace (replace the symlink with the files it points to)</source>
            <translation>Artefakt "%1" der Stufe "%2" wird nicht aufbewahrt: %3 verweist auf %4, außerhalb des Arbeitsbereichs %5; Artefakte müssen innerhalb des Arbeitsbereichs bleiben (ersetzen Sie den Symlink durch die Dateien, auf die er zeigt)</translation>
        </message>
        <message>
            <location filename="../core/run/runreport.cpp" line="+107" />
            <source>Field</source>
            <translation>Feld</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Value</source>
            <translation>Wert</translation>
        </message>
        <message>
            <location line="+100" />
            <source>Log of stage "%1", an allowed failure (continue-on-error) (last %2 of %3 lines)</source>
            <translation>Protokoll der Stufe "%1", deren Fehlschlag erlaubt ist (continue-on-error) (letzte %2 von %3 Zeilen)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Log of stage "%1", an allowed failure (continue-on-error)</source>
            <translation>Protokoll der Stufe "%1", deren Fehlschlag erlaubt ist (continue-on-error)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Log of failed stage "%1" (last %2 of %3 lines)</source>
            <translation>Protokoll der fehlgeschlagenen Stufe "%1" (letzte %2 von %3 Zeilen)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Log of failed stage "%1"</source>
            <translation>Protokoll der fehlgeschlagenen Stufe "%1"</translation>
        </message>
        <message>
            <location line="+6" />
            <source>First error, line %1: %2</source>
            <translation>Erster Fehler, Zeile %1: %2</translation>
        </message>
        <message>
            <location line="+4" />
            <source>(no output)</source>
            <translation>(keine Ausgabe)</translation>
        </message>
        <message>
            <location line="+35" />
            <source>Run %1 of %2: %3</source>
            <translation>Lauf %1 von %2: %3</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+33" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location line="-32" />
            <source>Pipeline</source>
            <translation>Pipeline</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Workspace</source>
            <translation>Arbeitsbereich</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Environment</source>
            <translation>Umgebung</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Branch</source>
            <translation>Branch</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Commit</source>
            <translation>Commit</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Working tree</source>
            <translation>Arbeitskopie</translation>
        </message>
        <message>
            <location line="+3" />
            <source>uncommitted changes (%1)</source>
            <translation>nicht committete Änderungen (%1)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>clean</source>
            <translation>keine Änderungen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Triggered by</source>
            <translation>Ausgelöst von</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+35" />
            <source>Message</source>
            <translation>Nachricht</translation>
        </message>
        <message>
            <location line="-34" />
            <location filename="../core/store/eventtext.cpp" line="-37" />
            <source>Started</source>
            <translation>Gestartet</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../core/store/eventtext.cpp" line="+1" />
            <source>Finished</source>
            <translation>Beendet</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+18" />
            <source>Duration</source>
            <translation>Dauer</translation>
        </message>
        <message>
            <location line="-15" />
            <source>Re-run of</source>
            <translation>Wiederholung von</translation>
        </message>
        <message>
            <location line="+0" />
            <location filename="../core/store/eventtext.cpp" line="+65" />
            <source>run %1</source>
            <translation>Lauf %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Selected stages</source>
            <translation>Ausgewählte Stufen</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Allowed failures</source>
            <translation>Erlaubte Fehlschläge</translation>
        </message>
        <message>
            <location line="+0" />
            <source>%1 (continue-on-error: they did not fail the run)</source>
            <translation>%1 (continue-on-error: sie haben den Lauf nicht scheitern lassen)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Stages</source>
            <translation>Stufen</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+14" />
            <location line="+7" />
            <source>Stage</source>
            <translation>Stufe</translation>
        </message>
        <message>
            <location line="-21" />
            <source>Attempts</source>
            <translation>Versuche</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Exit</source>
            <translation>Exit-Code</translation>
        </message>
        <message>
            <location line="+0" />
            <location filename="../core/store/eventtext.cpp" line="-67" />
            <source>Note</source>
            <translation>Hinweis</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No stages were recorded.</source>
            <translation>Es wurden keine Stufen aufgezeichnet.</translation>
        </message>
        <message>
            <location line="+42" />
            <source>failed (allowed)</source>
            <translation>fehlgeschlagen (erlaubt)</translation>
        </message>
        <message>
            <location line="+8" />
            <source>reused from run %1 (stage %2)</source>
            <translation>aus Lauf %1 übernommen (Stufe %2)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>reused from an earlier run (its stage %1 is no longer in the history)</source>
            <translation>aus einem früheren Lauf übernommen (dessen Stufe %1 ist nicht mehr im Verlauf)</translation>
        </message>
        <message>
            <source>reused from stage %1</source>
            <translation type="vanished">aus Stufe %1 übernommen</translation>
        </message>
        <message>
            <location line="-45" />
            <location line="+5" />
            <source>signal %1</source>
            <translation>Signal %1</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Events</source>
            <translation>Ereignisse</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Time</source>
            <translation>Zeit</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Kind</source>
            <translation>Art</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Who</source>
            <translation>Wer</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No events were recorded.</source>
            <translation>Es wurden keine Ereignisse aufgezeichnet.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Artifacts</source>
            <translation>Artefakte</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Path</source>
            <translation>Pfad</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Size (bytes)</source>
            <translation>Größe (Bytes)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>SHA-256</source>
            <translation>SHA-256</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No artifacts were kept.</source>
            <translation>Es wurden keine Artefakte aufbewahrt.</translation>
        </message>
        <message>
            <location filename="../core/store/historystore.cpp" line="+42" />
            <source>history database %1: there is no %2 with id %3</source>
            <translation>Verlaufsdatenbank %1: %2 mit der ID %3 existiert nicht</translation>
        </message>
        <message>
            <location line="+14" />
            <source>reading events recorded as text</source>
            <translation>als Text aufgezeichnete Ereignisse lesen</translation>
        </message>
        <message>
            <location line="+121" />
            <location line="+6" />
            <source>cannot create the data directory %1; check its parent's permissions or set DEPLOYDESK_DATA_DIR</source>
            <translation>das Datenverzeichnis %1 kann nicht angelegt werden; prüfen Sie die Berechtigungen des übergeordneten Ordners oder setzen Sie DEPLOYDESK_DATA_DIR</translation>
        </message>
        <message>
            <location filename="../core/store/logblock.cpp" line="+43" />
            <source>a stored log block is damaged at byte %1: %2; the history database may be corrupt</source>
            <translation>ein gespeicherter Protokollblock ist bei Byte %1 beschädigt: %2; die Verlaufsdatenbank ist möglicherweise defekt</translation>
        </message>
        <message>
            <location line="+281" />
            <source>history database %1: the log of stage %2 is damaged from line %3 on</source>
            <translation>Verlaufsdatenbank %1: Das Protokoll von Stufe %2 ist ab Zeile %3 beschädigt</translation>
        </message>
        <message>
            <location line="+8" />
            <source>; `deploydeskctl check` lists what is damaged</source>
            <translation>; `deploydeskctl check` listet auf, was beschädigt ist</translation>
        </message>
        <message>
            <source>history database %1: the log block of stage %2 starting at line %3 is damaged; the database may be corrupt (check it with `sqlite3 %1 'PRAGMA integrity_check'`)</source>
            <translation type="vanished">Verlaufsdatenbank %1: Der Protokollblock von Stufe %2 ab Zeile %3 ist beschädigt; die Datenbank ist möglicherweise defekt (prüfen Sie sie mit `sqlite3 %1 'PRAGMA integrity_check'`)</translation>
        </message>
        <message>
            <location filename="../core/store/logsearch.cpp" line="+126" />
            <source>indexing logs for substring search</source>
            <translation>Indizieren der Protokolle für die Teilwortsuche</translation>
        </message>
        <message>
            <location line="+199" />
            <source>log search: expected some text to look for, got an empty string</source>
            <translation>Protokollsuche: Suchtext erwartet, aber eine leere Zeichenkette erhalten</translation>
        </message>
        <message>
            <location line="+6" />
            <source>searching logs for "%1"</source>
            <translation>Durchsuchen der Protokolle nach "%1"</translation>
        </message>
        <message>
            <location filename="../core/store/logwriter.cpp" line="+340" />
            <source>writing log lines</source>
            <translation>Schreiben von Protokollzeilen</translation>
        </message>
        <message>
            <location line="+63" />
            <source>preparing the log writer</source>
            <translation>Vorbereiten des Protokollschreibers</translation>
        </message>
        <message numerus="yes">
            <location line="+90" />
            <source>%n log line(s) could not be stored</source>
            <translation>
                <numerusform>%n Protokollzeile konnte nicht gespeichert werden</numerusform>
                <numerusform>%n Protokollzeilen konnten nicht gespeichert werden</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../core/store/schema.cpp" line="+281" />
            <source>vector index %1 has schema version %2, newer than this DeployDesk understands (%3); upgrade DeployDesk</source>
            <translation>Vektorindex %1 hat Schemaversion %2, neuer als diese DeployDesk-Version versteht (%3); aktualisieren Sie DeployDesk</translation>
        </message>
        <message>
            <location line="+3" />
            <source>history database %1 has schema version %2, newer than this DeployDesk understands (%3); upgrade DeployDesk</source>
            <translation>Verlaufsdatenbank %1 hat Schemaversion %2, neuer als diese DeployDesk-Version versteht (%3); aktualisieren Sie DeployDesk</translation>
        </message>
        <message>
            <location line="+27" />
            <source>reading the schema</source>
            <translation>Lesen des Schemas</translation>
        </message>
        <message>
            <location line="+8" />
            <source>vector index %1 cannot be read as SQLite (%2); delete the file and build the index again</source>
            <translation>Vektorindex %1 kann nicht als SQLite gelesen werden (%2); löschen Sie die Datei und erstellen Sie den Index neu</translation>
        </message>
        <message>
            <location line="+3" />
            <source>history database %1 cannot be read as SQLite (%2); move the file away or restore it from a backup</source>
            <translation>Verlaufsdatenbank %1 kann nicht als SQLite gelesen werden (%2); verschieben Sie die Datei oder stellen Sie sie aus einer Sicherung wieder her</translation>
        </message>
        <message>
            <location line="+28" />
            <source>migrating to schema version %1</source>
            <translation>Migration auf Schemaversion %1</translation>
        </message>
        <message>
            <location filename="../core/store/sqlutil.cpp" line="+77" />
            <source>vector index %1: %2 failed</source>
            <translation>Vektorindex %1: %2 fehlgeschlagen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>history database %1: %2 failed</source>
            <translation>Verlaufsdatenbank %1: %2 fehlgeschlagen</translation>
        </message>
        <message>
            <location line="+21" />
            <location line="-296" />
            <source>opening</source>
            <translation>Öffnen</translation>
        </message>
        <message>
            <location line="+43" />
            <source>history database %1: expected journal mode "wal", SQLite kept "%2"; check that the directory is on a local file system that supports shared memory</source>
            <translation>Verlaufsdatenbank %1: Journalmodus "wal" erwartet, SQLite behielt "%2"; prüfen Sie, ob das Verzeichnis auf einem lokalen Dateisystem mit Unterstützung für gemeinsamen Speicher liegt</translation>
        </message>
        <message>
            <location filename="../ui/common/statusstyle.cpp" line="+325" />
            <source>Pending</source>
            <translation>Ausstehend</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+21" />
            <source>Running</source>
            <translation>Läuft</translation>
        </message>
        <message>
            <location line="-19" />
            <location line="+21" />
            <source>Success</source>
            <translation>Erfolgreich</translation>
        </message>
        <message>
            <location line="-19" />
            <location line="+21" />
            <source>Failed</source>
            <translation>Fehlgeschlagen</translation>
        </message>
        <message>
            <location line="-19" />
            <source>Skipped</source>
            <translation>Übersprungen</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+19" />
            <source>Cancelled</source>
            <translation>Abgebrochen</translation>
        </message>
        <message>
            <location filename="../core/store/eventtext.cpp" line="+3" />
            <source>Stage started</source>
            <translation>Stufe gestartet</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stage finished</source>
            <translation>Stufe beendet</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Retry</source>
            <translation>Wiederholung</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancel requested</source>
            <translation>Abbruch angefordert</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../ui/common/statusstyle.cpp" line="-17" />
            <location line="+19" />
            <source>Interrupted</source>
            <translation>Unterbrochen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Approval requested</source>
            <translation>Freigabe angefordert</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Approved</source>
            <translation>Freigegeben</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refused</source>
            <translation>Abgelehnt</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Artifact missing</source>
            <translation>Artefakt fehlt</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not recorded</source>
            <translation>Nicht aufgezeichnet</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../ui/common/statusstyle.cpp" line="-10" />
            <source>Queued</source>
            <translation>In Warteschlange</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Queue failed</source>
            <translation>Warteschlange fehlgeschlagen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Deployed</source>
            <translation>Bereitgestellt</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Release</source>
            <translation>Release</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Rollback plan</source>
            <translation>Rollback-Plan</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Automatic rollback</source>
            <translation>Automatischer Rollback</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Rollback held</source>
            <translation>Rollback zurückgehalten</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Rollback impossible</source>
            <translation>Rollback unmöglich</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Rolled back</source>
            <translation>Zurückgerollt</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Rollback failed</source>
            <translation>Rollback fehlgeschlagen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Index switched</source>
            <translation>Index umgeschaltet</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Index switch failed</source>
            <translation>Indexumschaltung fehlgeschlagen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>GitHub</source>
            <translation>GitHub</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Inputs</source>
            <translation>Eingaben</translation>
        </message>
        <message>
            <location line="+6" />
            <source>pending</source>
            <translation>ausstehend</translation>
        </message>
        <message>
            <location line="+1" />
            <source>queued</source>
            <translation>eingereiht</translation>
        </message>
        <message>
            <location line="+1" />
            <source>running</source>
            <translation>läuft</translation>
        </message>
        <message>
            <location line="+1" />
            <source>succeeded</source>
            <translation>erfolgreich</translation>
        </message>
        <message>
            <location line="+1" />
            <source>failed</source>
            <translation>fehlgeschlagen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>skipped</source>
            <translation>übersprungen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>interrupted</source>
            <translation>unterbrochen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>failed (allowed: continue-on-error)</source>
            <translation>fehlgeschlagen (erlaubt: continue-on-error)</translation>
        </message>
        <message>
            <location line="+17" />
            <source>run started by %1</source>
            <translation>Lauf gestartet von %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>run started by %1 for environment %2</source>
            <translation>Lauf gestartet von %1 für Umgebung %2</translation>
        </message>
        <message>
            <location line="+1" />
            <source>run started by %1 (re-run of the failed stages of run %2)</source>
            <translation>Lauf gestartet von %1 (erneute Ausführung der fehlgeschlagenen Stufen von Lauf %2)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>run started by %1 for environment %2 (re-run of the failed stages of run %3)</source>
            <translation>Lauf gestartet von %1 für Umgebung %2 (erneute Ausführung der fehlgeschlagenen Stufen von Lauf %3)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>run started by %1: %2</source>
            <translation>Lauf gestartet von %1: %2</translation>
        </message>
        <message>
            <location line="+1" />
            <source>run started by %1 for environment %2: %3</source>
            <translation>Lauf gestartet von %1 für Umgebung %2: %3</translation>
        </message>
        <message>
            <location line="+1" />
            <source>run started by %1 (re-run of the failed stages of run %2): %3</source>
            <translation>Lauf gestartet von %1 (erneute Ausführung der fehlgeschlagenen Stufen von Lauf %2): %3</translation>
        </message>
        <message>
            <location line="+1" />
            <source>run started by %1 for environment %2 (re-run of the failed stages of run %3): %4</source>
            <translation>Lauf gestartet von %1 für Umgebung %2 (erneute Ausführung der fehlgeschlagenen Stufen von Lauf %3): %4</translation>
        </message>
        <message>
            <location line="+1" />
            <source>rollback of %1 started by %2</source>
            <translation>Rollback von %1 gestartet von %2</translation>
        </message>
        <message>
            <location line="+1" />
            <source>index switch of %1 started by %2</source>
            <translation>Indexwechsel von %1 gestartet von %2</translation>
        </message>
        <message>
            <location line="+2" />
            <source>stage %1 started</source>
            <translation>Stufe %1 gestartet</translation>
        </message>
        <message>
            <location line="+2" />
            <source>stage %1: %2 (%3)</source>
            <translation>Stufe %1: %2 (%3)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 rolled back</source>
            <translation>%1 zurückgerollt</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 not rolled back: %2</source>
            <translation>%1 nicht zurückgerollt: %2</translation>
        </message>
        <message>
            <location line="+1" />
            <source>attempt %1 of stage %2</source>
            <translation>Versuch %1 der Stufe %2</translation>
        </message>
        <message>
            <location line="+1" />
            <source>cancel requested</source>
            <translation>Abbruch angefordert</translation>
        </message>
        <message>
            <location line="+1" />
            <source>cancel requested: %1</source>
            <translation>Abbruch angefordert: %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>the process running this run (pid %1) is gone and did not record the run's end: it stopped, or the history could not be written</source>
            <translation>der Prozess, der diesen Lauf ausführte (PID %1), ist beendet und hat das Ende des Laufs nicht aufgezeichnet: er wurde angehalten, oder der Verlauf konnte nicht geschrieben werden</translation>
        </message>
        <message>
            <location line="+1" />
            <source>deploy to protected environment %1 waits for approval (stages: %2)</source>
            <translation>Bereitstellung in der geschützten Umgebung %1 wartet auf Freigabe (Stufen: %2)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>deploy to %1 approved by %2</source>
            <translation>Bereitstellung in %1 freigegeben von %2</translation>
        </message>
        <message>
            <location line="+1" />
            <source>deploy to %1 approved by %2: %3</source>
            <translation>Bereitstellung in %1 freigegeben von %2: %3</translation>
        </message>
        <message>
            <location line="+1" />
            <source>rollback of %1 to release %2 approved by %3</source>
            <translation>Rollback von %1 auf Release %2 freigegeben von %3</translation>
        </message>
        <message>
            <location line="+1" />
            <source>index switch of %1 to %2 approved by %3</source>
            <translation>Indexwechsel von %1 auf %2 freigegeben von %3</translation>
        </message>
        <message>
            <location line="+1" />
            <source>database of %1 from revision %2 to revision %3 approved by %4</source>
            <translation>Datenbank von %1 von Revision %2 auf Revision %3 freigegeben durch %4</translation>
        </message>
        <message>
            <location line="+1" />
            <source>deploy to %1 refused by %2</source>
            <translation>Bereitstellung in %1 abgelehnt von %2</translation>
        </message>
        <message>
            <location line="+1" />
            <source>deploy to %1 refused by %2: %3</source>
            <translation>Bereitstellung in %1 abgelehnt von %2: %3</translation>
        </message>
        <message>
            <location line="+1" />
            <source>waiting for run %1 (%2) to finish with environment %3</source>
            <translation>warte, bis Lauf %1 (%2) mit Umgebung %3 fertig ist</translation>
        </message>
        <message>
            <location line="+1" />
            <source>waiting for run %1 (%2) of concurrency group %3 to finish</source>
            <translation>wartet, bis Lauf %1 (%2) der Concurrency-Gruppe %3 beendet ist</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 %2 is live in %3 (%4)</source>
            <translation>%1 %2 ist in %3 live (%4)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 %2 is live in %3 at %4 (%5)</source>
            <translation>%1 %2 ist in %3 unter %4 live (%5)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>release %1 of %2 recorded (%3)</source>
            <translation>Release %1 von %2 aufgezeichnet (%3)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>stage %1 failed after the deploy and asks for a rollback: rolling %2 back to release %3</source>
            <translation>Stufe %1 ist nach der Bereitstellung fehlgeschlagen und verlangt ein Rollback: %2 wird auf Release %3 zurückgerollt</translation>
        </message>
        <message>
            <location line="+1" />
            <source>stage %1 failed after the deploy and asks for a rollback; but %2 had no earlier release, so what was deployed stays live</source>
            <translation>Stufe %1 ist nach der Bereitstellung fehlgeschlagen und verlangt ein Rollback; aber %2 hatte kein früheres Release, daher bleibt das Bereitgestellte live</translation>
        </message>
        <message>
            <location line="+1" />
            <source>stage %1 failed after the deploy and asks for a rollback; nothing differs from release %2</source>
            <translation>Stufe %1 ist nach der Bereitstellung fehlgeschlagen und verlangt ein Rollback; nichts unterscheidet sich von Release %2</translation>
        </message>
        <message>
            <location line="+1" />
            <source>stage %1 failed after the deploy and asks for a rollback; only the database differs from release %2, and %3</source>
            <translation>Stufe %1 ist nach der Bereitstellung fehlgeschlagen und verlangt ein Rollback; nur die Datenbank unterscheidet sich von Release %2, und %3</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 is back on release %2</source>
            <translation>%1 ist wieder auf Release %2</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the vector index of %1 serves %2</source>
            <translation>der Vektorindex von %1 antwortet jetzt aus %2</translation>
        </message>
        <message>
            <location line="+1" />
            <source>stage %1 reused from run %2: its inputs, command and environment are unchanged</source>
            <translation>Stufe %1 aus Lauf %2 übernommen: Eingaben, Befehl und Umgebung sind unverändert</translation>
        </message>
        <message>
            <location line="+1" />
            <source>stage %1 runs again: its inputs, command or environment changed since run %2</source>
            <translation>Stufe %1 läuft erneut: Eingaben, Befehl oder Umgebung haben sich seit Lauf %2 geändert</translation>
        </message>
        <message>
            <location line="+1" />
            <source>stage %1 runs: its inputs are those of run %2, but the artifacts that run kept of it are gone</source>
            <translation>Stufe %1 läuft: Ihre Eingaben sind die von Lauf %2, aber die Artefakte, die dieser Lauf von ihr aufbewahrt hat, sind nicht mehr da</translation>
        </message>
        <message>
            <location line="+1" />
            <source>stage %1 runs: its inputs could not be hashed: %2</source>
            <translation>Stufe %1 läuft: Ihre Eingaben konnten nicht gehasht werden: %2</translation>
        </message>
        <message numerus="yes">
            <location line="+5" />
            <source>%n change(s) of this run could not be recorded when they happened; the first: %1</source>
            <translation>
                <numerusform>%n Änderung dieses Laufs konnte beim Eintreten nicht aufgezeichnet werden; die erste: %1</numerusform>
                <numerusform>%n Änderungen dieses Laufs konnten beim Eintreten nicht aufgezeichnet werden; die erste: %1</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../core/common/duration.cpp" line="+92" />
            <source>%1 ms</source>
            <translation>%1 ms</translation>
        </message>
        <message>
            <location line="+6" />
            <location line="+12" />
            <source>%1 s</source>
            <translation>%1 s</translation>
        </message>
        <message>
            <location line="-4" />
            <source>%1 h</source>
            <translation>%1 h</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 min</source>
            <translation>%1 min</translation>
        </message>
        <message>
            <location filename="../ui/settings/settingsdialog.cpp" line="+163" />
            <source>no secret store</source>
            <translation>kein Geheimnisspeicher</translation>
        </message>
        <message>
            <source>artifact "%1" was not found in %2</source>
            <location line="+8" />
            <translation>Artefakt "%1" wurde in %2 nicht gefunden</translation>
        </message>
        <message>
            <source>the kept copy of artifact "%1" is missing: %2</source>
            <location line="+46" />
            <translation>die aufbewahrte Kopie von Artefakt "%1" fehlt: %2</translation>
        </message>
        <message>
            <source>md (Markdown, the default) or html; by default taken from the extension of -o.</source>
            <location filename="../app/cli/exportcommand.cpp" line="+17" />
            <translation>md (Markdown, Standard) oder html; standardmäßig aus der Dateiendung von -o ermittelt.</translation>
        </message>
        <message>
            <source>Write the report to this file instead of stdout.</source>
            <location line="+4" />
            <translation>Den Bericht in diese Datei statt auf stdout schreiben.</translation>
        </message>
        <message>
            <source>--format must be md or html; found "%1"</source>
            <location line="+11" />
            <translation>--format muss md oder html sein; gefunden: "%1"</translation>
        </message>
        <message>
            <source>cannot write the report of run %1 to %2: %3; check that the folder exists and is writable</source>
            <location line="+26" />
            <translation>der Bericht von Lauf %1 kann nicht nach %2 geschrieben werden: %3; prüfen Sie, ob der Ordner existiert und beschreibbar ist</translation>
        </message>
        <message>
            <source>wrote the report of run %1 to %2</source>
            <location line="+6" />
            <translation>Bericht von Lauf %1 nach %2 geschrieben</translation>
        </message>
        <message>
            <source>Only runs for this environment.</source>
            <location filename="../app/cli/historycommand.cpp" line="+25" />
            <translation>Nur Läufe für diese Umgebung.</translation>
        </message>
        <message>
            <source>Only runs with this status (success, failed, cancelled, interrupted, running).</source>
            <location line="+2" />
            <translation>Nur Läufe mit diesem Status (success, failed, cancelled, interrupted, running).</translation>
        </message>
        <message>
            <source>Only runs of this branch.</source>
            <location line="+3" />
            <translation>Nur Läufe dieses Branches.</translation>
        </message>
        <message>
            <source>Only runs triggered by this user.</source>
            <location line="+2" />
            <translation>Nur Läufe, die von diesem Benutzer ausgelöst wurden.</translation>
        </message>
        <message>
            <source>Only runs started since: a date (2026-11-01), a date and time, or an age (30m, 12h, 7d).</source>
            <location line="+3" />
            <translation>Nur Läufe, die seit einem Zeitpunkt gestartet wurden: ein Datum (2026-11-01), Datum und Uhrzeit oder ein Alter (30m, 12h, 7d).</translation>
        </message>
        <message>
            <source>Only runs whose logs contain this text.</source>
            <location line="+4" />
            <translation>Nur Läufe, deren Protokolle diesen Text enthalten.</translation>
        </message>
        <message>
            <source>At most this many runs (default 20).</source>
            <location line="+2" />
            <translation>Höchstens so viele Läufe (Standard: 20).</translation>
        </message>
        <message>
            <source>Only runs older than this run id (paging).</source>
            <location line="+3" />
            <translation>Nur Läufe, die älter als diese Lauf-ID sind (zum Blättern).</translation>
        </message>
        <message>
            <source>Print JSON instead of a table.</source>
            <location line="+2" />
            <translation>JSON statt einer Tabelle ausgeben.</translation>
        </message>
        <message>
            <source>--status must be one of queued, running, success, failed, cancelled, interrupted; found "%1"</source>
            <location line="+118" />
            <translation>--status muss queued, running, success, failed, cancelled oder interrupted sein; gefunden: "%1"</translation>
        </message>
        <message>
            <source>--since needs a date (2026-11-01), a date and time (2026-11-01T08:00) or an age (30m, 12h, 7d); found "%1"</source>
            <location line="+12" />
            <translation>--since erwartet ein Datum (2026-11-01), Datum und Uhrzeit (2026-11-01T08:00) oder ein Alter (30m, 12h, 7d); gefunden: "%1"</translation>
        </message>
        <message>
            <source>--limit needs a whole number of at least 1; found "%1"</source>
            <location line="+9" />
            <translation>--limit erwartet eine ganze Zahl ab 1; gefunden: "%1"</translation>
        </message>
        <message>
            <source>no runs match</source>
            <location line="+27" />
            <translation>keine passenden Läufe</translation>
        </message>
        <message>
            <source>RUN</source>
            <location line="+3" />
            <translation>LAUF</translation>
        </message>
        <message>
            <source>STATUS</source>
            <location line="+108" />
            <location line="+0" />
            <translation>STATUS</translation>
        </message>
        <message>
            <source>ENV</source>
            <location line="-108" />
            <translation>UMGEBUNG</translation>
        </message>
        <message>
            <source>BRANCH</source>
            <location line="+0" />
            <translation>BRANCH</translation>
        </message>
        <message>
            <source>COMMIT</source>
            <location line="+0" />
            <translation>COMMIT</translation>
        </message>
        <message>
            <source>WHO</source>
            <location line="+1" />
            <translation>WER</translation>
        </message>
        <message>
            <source>STARTED</source>
            <location line="+0" />
            <translation>GESTARTET</translation>
        </message>
        <message>
            <source>DURATION</source>
            <location line="+107" />
            <location line="+0" />
            <translation>DAUER</translation>
        </message>
        <message>
            <source>MESSAGE</source>
            <location line="-107" />
            <translation>NACHRICHT</translation>
        </message>
        <message>
            <source>cannot read run %1 from the history</source>
            <location line="+28" />
            <translation>Lauf %1 kann nicht aus dem Verlauf gelesen werden</translation>
        </message>
        <message>
            <source>run %1: %2</source>
            <location line="+53" />
            <translation>Lauf %1: %2</translation>
        </message>
        <message>
            <source>  pipeline     %1 (%2)</source>
            <location line="+1" />
            <translation>  Pipeline      %1 (%2)</translation>
        </message>
        <message>
            <source>  environment  %1</source>
            <location line="+2" />
            <translation>  Umgebung      %1</translation>
        </message>
        <message>
            <source>  triggered by %1</source>
            <location line="+1" />
            <translation>  Ausgelöst von %1</translation>
        </message>
        <message>
            <source>  message      %1</source>
            <location line="+2" />
            <translation>  Nachricht     %1</translation>
        </message>
        <message>
            <source>  commit       %1 (%2)</source>
            <location line="+2" />
            <translation>  Commit        %1 (%2)</translation>
        </message>
        <message>
            <source>detached</source>
            <location line="+1" />
            <translation>losgelöst</translation>
        </message>
        <message>
            <source>  started      %1</source>
            <location line="+4" />
            <translation>  Gestartet     %1</translation>
        </message>
        <message>
            <source>  finished     %1 (%2)</source>
            <location line="+2" />
            <translation>  Beendet       %1 (%2)</translation>
        </message>
        <message>
            <source>  re-run of    run %1</source>
            <location line="+2" />
            <translation>  Wiederholung  von Lauf %1</translation>
        </message>
        <message>
            <source>STAGE</source>
            <location line="+3" />
            <translation>STUFE</translation>
        </message>
        <message>
            <source>ATTEMPTS</source>
            <location line="+0" />
            <translation>VERSUCHE</translation>
        </message>
        <message>
            <source>EXIT</source>
            <location line="+0" />
            <translation>EXIT</translation>
        </message>
        <message>
            <source>NOTE</source>
            <location line="+0" />
            <translation>HINWEIS</translation>
        </message>
        <message>
            <source>artifacts:</source>
            <location line="+8" />
            <translation>Artefakte:</translation>
        </message>
        <message>
            <source>events:</source>
            <location line="+5" />
            <translation>Ereignisse:</translation>
        </message>
        <message>
            <source>run %1 is not running: it ended as %2</source>
            <location line="+15" />
            <translation>Lauf %1 läuft nicht: Er endete mit %2</translation>
        </message>
        <message>
            <source>run %1 has no live runner; it is marked interrupted</source>
            <location line="+4" />
            <translation>Lauf %1 hat keinen aktiven Runner; er ist als unterbrochen markiert</translation>
        </message>
        <message>
            <location filename="../core/store/eventtext.cpp" line="-29" />
            <source>cancel requested by %1 from deploydeskctl (pid %2)</source>
            <translation>Abbruch angefordert von %1 über deploydeskctl (PID %2)</translation>
        </message>
        <message>
            <source>cannot signal the runner of run %1 (pid %2): %3</source>
            <location line="+14" />
            <translation>dem Runner von Lauf %1 (PID %2) kann kein Signal gesendet werden: %3</translation>
        </message>
        <message>
            <source>cancel requested for run %1 (runner pid %2)</source>
            <location line="+6" />
            <translation>Abbruch für Lauf %1 angefordert (Runner-PID %2)</translation>
        </message>
        <message>
            <source>Keep printing new lines until the run ends.</source>
            <location filename="../app/cli/logscommand.cpp" line="+17" />
            <translation>Neue Zeilen ausgeben, bis der Lauf endet.</translation>
        </message>
        <message>
            <source>Start each line with its time.</source>
            <location line="+2" />
            <translation>Jede Zeile mit ihrer Uhrzeit beginnen.</translation>
        </message>
        <message>
            <source>Colours: auto (on a terminal), always or never.</source>
            <location line="+2" />
            <translation>Farben: auto (im Terminal), always oder never.</translation>
        </message>
        <message>
            <source>--color must be auto, always or never; found "%1"</source>
            <location line="+22" />
            <translation>--color muss auto, always oder never sein; gefunden: "%1"</translation>
        </message>
        <message>
            <source>run %1 has no stage "%2"; its stages: %3</source>
            <location line="+22" />
            <translation>Lauf %1 hat keine Stufe "%2"; seine Stufen: %3</translation>
        </message>
        <message>
            <source>The environment to run for.</source>
            <location filename="../app/cli/runcommand.cpp" line="-285" />
            <translation>Die Umgebung, für die ausgeführt wird.</translation>
        </message>
        <message>
            <source>Run only this stage and what it needs (repeatable).</source>
            <location line="+2" />
            <translation>Nur diese Stufe und ihre Abhängigkeiten ausführen (wiederholbar).</translation>
        </message>
        <message>
            <source>Re-run only the failed and skipped stages of this run.</source>
            <location line="+3" />
            <translation>Nur die fehlgeschlagenen und übersprungenen Stufen dieses Laufs erneut ausführen.</translation>
        </message>
        <message>
            <source>Why this run: kept in the history.</source>
            <location line="+3" />
            <translation>Grund für diesen Lauf: wird im Verlauf festgehalten.</translation>
        </message>
        <message>
            <source>Approve the deploy to a protected environment (recorded in the history with -m).</source>
            <location line="+3" />
            <translation>Die Bereitstellung in einer geschützten Umgebung freigeben (mit -m im Verlauf festgehalten).</translation>
        </message>
        <message>
            <source>At most this many stages at once.</source>
            <location line="+2" />
            <translation>Höchstens so viele Stufen gleichzeitig.</translation>
        </message>
        <message>
            <source>1 problem; nothing was run</source>
            <location line="+14" />
            <translation>1 Problem; es wurde nichts ausgeführt</translation>
        </message>
        <message>
            <source>%1 problems; nothing was run</source>
            <location line="+1" />
            <translation>%1 Probleme; es wurde nichts ausgeführt</translation>
        </message>
        <message>
            <source>--- last %1 lines of %2 (all: deploydeskctl logs %3 %2) ---</source>
            <location line="+6" />
            <translation>--- letzte %1 Zeilen von %2 (alle: deploydeskctl logs %3 %2) ---</translation>
        </message>
        <message>
            <source>deploydesk.yml is valid: pipeline "%1", %2 stages, %3 environments</source>
            <translation type="vanished">deploydesk.yml ist gültig: Pipeline "%1", %2 Stufen, %3 Umgebungen</translation>
        </message>
        <message>
            <source>--max-parallel needs a whole number of at least 1; found "%1"</source>
            <location filename="../app/cli/workflowcommand.cpp" line="+90" />
            <location line="+24" />
            <translation>--max-parallel erwartet eine ganze Zahl ab 1; gefunden: "%1"</translation>
        </message>
        <message>
            <source>Environment %1 is protected: stages %2 deploy to it.</source>
            <location line="+7" />
            <translation>Umgebung %1 ist geschützt: Die Stufen %2 stellen in ihr bereit.</translation>
        </message>
        <message>
            <source>Type the environment's name to approve, anything else to cancel:</source>
            <location line="+2" />
            <translation>Geben Sie zur Freigabe den Namen der Umgebung ein, alles andere bricht ab:</translation>
        </message>
        <message>
            <source>not approved: nothing was run</source>
            <location filename="../app/cli/workflowcommand.cpp" line="+337" />
            <location filename="../app/cli/runcommand.cpp" line="+63" />
            <location line="+6" />
            <translation>nicht freigegeben: es wurde nichts ausgeführt</translation>
        </message>
        <message>
            <source>not approved: run without --approve and not on a terminal; run again with --approve -m REASON</source>
            <location line="+12" />
            <translation>nicht freigegeben: ohne --approve und nicht in einem Terminal ausgeführt; führen Sie den Befehl erneut mit --approve -m GRUND aus</translation>
        </message>
        <message>
            <source>environment %1 is protected; stages %2 were not started: %3</source>
            <location line="+2" />
            <translation>Umgebung %1 ist geschützt; die Stufen %2 wurden nicht gestartet: %3</translation>
        </message>
        <message>
            <source>interrupted from the terminal (Ctrl+C)</source>
            <location line="+7" />
            <translation>im Terminal unterbrochen (Strg+C)</translation>
        </message>
        <message>
            <source>cancel requested (signal %1)</source>
            <location line="+1" />
            <translation>Abbruch angefordert (Signal %1)</translation>
        </message>
        <message>
            <source>run %1 %2 in %3</source>
            <location line="+19" />
            <translation>Lauf %1: %2 nach %3</translation>
        </message>
        <message>
            <source>run %1 of "%2"%3 started</source>
            <location line="+13" />
            <translation>Lauf %1 von "%2"%3 gestartet</translation>
        </message>
        <message>
            <source> for %1</source>
            <location line="+4" />
            <translation> für %1</translation>
        </message>
        <message>
            <source>value of %1 (not shown): </source>
            <location filename="../app/cli/secretscommand.cpp" line="+24" />
            <translation>Wert von %1 (wird nicht angezeigt): </translation>
        </message>
        <message>
            <source>no secrets are known; set one with "deploydeskctl secrets set NAME"</source>
            <location line="+43" />
            <translation>keine Geheimnisse bekannt; legen Sie eines mit "deploydeskctl secrets set NAME" fest</translation>
        </message>
        <message>
            <source>set (keychain)</source>
            <location line="+7" />
            <translation>im Schlüsselbund</translation>
        </message>
        <message>
            <source>set (environment)</source>
            <location line="+3" />
            <translation>aus der Umgebung</translation>
        </message>
        <message>
            <source>NOT SET</source>
            <location line="+3" />
            <translation>NICHT GESETZT</translation>
        </message>
        <message>
            <source>used by %1</source>
            <location line="+6" />
            <translation>verwendet von %1</translation>
        </message>
        <message>
            <source>"%1" is not a valid secret name: use letters, digits and _, not starting with a digit (it becomes an environment variable)</source>
            <location line="+8" />
            <translation>"%1" ist kein gültiger Geheimnisname: verwenden Sie Buchstaben, Ziffern und _, nicht mit einer Ziffer beginnend (er wird zu einer Umgebungsvariable)</translation>
        </message>
        <message>
            <source>no value given for %1; nothing was changed</source>
            <location line="+8" />
            <translation>kein Wert für %1 angegeben; es wurde nichts geändert</translation>
        </message>
        <message>
            <source>%1 saved in the keychain</source>
            <location line="+7" />
            <translation>%1 im Schlüsselbund gespeichert</translation>
        </message>
        <message>
            <source>%1 removed</source>
            <location line="+7" />
            <translation>%1 entfernt</translation>
        </message>
        <message>
            <source>usage: deploydeskctl secrets set NAME   (the value is read from the terminal or stdin)
       deploydeskctl secrets list
       deploydeskctl secrets rm NAME</source>
            <location line="+3" />
            <translation>Aufruf: deploydeskctl secrets set NAME   (der Wert wird vom Terminal oder von stdin gelesen)
        deploydeskctl secrets list
        deploydeskctl secrets rm NAME</translation>
        </message>
        <message>
            <source> (attempt %1)</source>
            <location line="+25" />
            <location filename="../app/cli/runcommand.cpp" line="-279" />
            <translation> (Versuch %1)</translation>
        </message>
        <message>
            <source> in %1</source>
            <location line="-19" />
            <translation> nach %1</translation>
        </message>
        <message>
            <source>the file is empty; expected a map with "name" and "stages"</source>
            <location filename="../core/config/pipelineloader.cpp" line="+20" />
            <translation>die Datei ist leer; erwartet wird eine Map mit "name" und "stages"</translation>
        </message>
        <message>
            <source>the file must be a map with "name" and "stages" at the top level; found %1</source>
            <location line="+4" />
            <translation>die Datei muss auf oberster Ebene eine Map mit "name" und "stages" sein; gefunden: %1</translation>
        </message>
        <message>
            <source>at the top level</source>
            <location line="+5" />
            <location line="+5" />
            <translation>auf oberster Ebene</translation>
        </message>
        <message>
            <source>"%1"</source>
            <location line="+5" />
            <translation>"%1"</translation>
        </message>
        <message>
            <source>a whole number from 1 to 1024 (or 0 for the number of CPUs)</source>
            <location line="+7" />
            <translation>eine ganze Zahl von 1 bis 1024 (oder 0 für die Anzahl der CPUs)</translation>
        </message>
        <message>
            <source>missing required key "name"; add e.g. "name: my-pipeline" at the top level</source>
            <location line="+20" />
            <translation>erforderlicher Schlüssel "name" fehlt; fügen Sie auf oberster Ebene z. B. "name: my-pipeline" hinzu</translation>
        </message>
        <message>
            <source>missing required key "stages"; add "stages:" with at least one stage</source>
            <location line="+4" />
            <translation>erforderlicher Schlüssel "stages" fehlt; fügen Sie "stages:" mit mindestens einer Stufe hinzu</translation>
        </message>
        <message>
            <source>"environments" must be a map of environment name: settings; found %1</source>
            <location line="+18" />
            <translation>"environments" muss eine Map aus Umgebungsname: Einstellungen sein; gefunden: %1</translation>
        </message>
        <message>
            <source>in "environments"</source>
            <location line="+6" />
            <translation>in "environments"</translation>
        </message>
        <message>
            <source>environment name "%1" may only contain lowercase letters, digits, "_" and "-"; rename it</source>
            <location line="+6" />
            <translation>Umgebungsname "%1" darf nur Kleinbuchstaben, Ziffern, "_" und "-" enthalten; benennen Sie ihn um</translation>
        </message>
        <message>
            <source>environment "%1" must be a map (use {} for no settings); found %2</source>
            <location line="+7" />
            <translation>Umgebung "%1" muss eine Map sein (verwenden Sie {} für keine Einstellungen); gefunden: %2</translation>
        </message>
        <message>
            <source>in environment "%1"</source>
            <location line="+10" />
            <translation>in Umgebung "%1"</translation>
        </message>
        <message>
            <source>"%1" of environment "%2"</source>
            <location line="+3" />
            <translation>"%1" der Umgebung "%2"</translation>
        </message>
        <message>
            <source>"stages" must define at least one stage; found %1</source>
            <location line="+51" />
            <translation>"stages" muss mindestens eine Stufe definieren; gefunden: %1</translation>
        </message>
        <message>
            <source>nothing</source>
            <location line="+3" />
            <location line="+14" />
            <location line="+1" />
            <location line="+1" />
            <location line="+13" />
            <translation>nichts</translation>
        </message>
        <message>
            <location filename="../core/config/workflowloader.cpp" line="+129" />
            <source>an empty list</source>
            <translation>eine leere Liste</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+0" />
            <source>an empty map</source>
            <translation>eine leere Map</translation>
        </message>
        <message>
            <location line="+12" />
            <source>job "%1" is defined twice (first at line %2)</source>
            <translation>Job "%1" ist doppelt definiert (zuerst in Zeile %2)</translation>
        </message>
        <message>
            <source>"stages" must be a map of stage name: settings; found %1</source>
            <location line="+4" />
            <translation>"stages" muss eine Map aus Stufenname: Einstellungen sein; gefunden: %1</translation>
        </message>
        <message>
            <source>in "stages"</source>
            <location line="+7" />
            <translation>in "stages"</translation>
        </message>
        <message>
            <source>stage "%1" needs itself; remove "%1" from its "needs"</source>
            <location filename="../core/config/crosschecks.cpp" line="+116" />
            <translation>Stufe "%1" benötigt sich selbst; entfernen Sie "%1" aus ihrem "needs"</translation>
        </message>
        <message>
            <source>stage "%1" needs "%2", which is not defined%3</source>
            <location line="+4" />
            <translation>Stufe "%1" benötigt "%2", die nicht definiert ist%3</translation>
        </message>
        <message>
            <source>dependency cycle: %1</source>
            <location line="+49" />
            <translation>Abhängigkeitszyklus: %1</translation>
        </message>
        <message>
            <source>the dependencies hold more cycles than can be listed; break the ones above first</source>
            <location line="+12" />
            <translation>die Abhängigkeiten enthalten mehr Zyklen, als aufgelistet werden können; lösen Sie zuerst die obigen auf</translation>
        </message>
        <message>
            <source>; this file defines no environments (add them under "environments")</source>
            <location line="+18" />
            <translation>; diese Datei definiert keine Umgebungen (fügen Sie sie unter "environments" hinzu)</translation>
        </message>
        <message>
            <source>; defined: %1</source>
            <location line="+2" />
            <translation>; definiert: %1</translation>
        </message>
        <message>
            <source>"if" of stage "%1" names environment "%2", which is not defined%3</source>
            <location line="+3" />
            <translation>"if" der Stufe "%1" nennt Umgebung "%2", die nicht definiert ist%3</translation>
        </message>
        <message>
            <source>this file defines no environments</source>
            <location line="+13" />
            <translation>diese Datei definiert keine Umgebungen</translation>
        </message>
        <message>
            <source>defined: %1</source>
            <location line="+1" />
            <translation>definiert: %1</translation>
        </message>
        <message>
            <source>environment "%1" is not defined; %2</source>
            <location line="+2" />
            <translation>Umgebung "%1" ist nicht definiert; %2</translation>
        </message>
        <message>
            <source>stage "%1" needs secret "%2", which is not set; set it with "deploydeskctl secrets set %2" or export %2</source>
            <location line="+20" />
            <translation>Stufe "%1" benötigt das Geheimnis "%2", das nicht gesetzt ist; setzen Sie es mit "deploydeskctl secrets set %2" oder exportieren Sie %2</translation>
        </message>
        <message>
            <source>; did you mean "%1"?</source>
            <location filename="../core/config/suggest.cpp" line="+69" />
            <translation>; meinten Sie "%1"?</translation>
        </message>
        <message>
            <source>a map</source>
            <location line="+8" />
            <translation>eine Map</translation>
        </message>
        <message>
            <source>a list</source>
            <location line="+2" />
            <translation>eine Liste</translation>
        </message>
        <message>
            <source>key "%1" is defined twice %2 (first at line %3)</source>
            <location line="+5" />
            <translation>Schlüssel "%1" ist %2 doppelt definiert (zuerst in Zeile %3)</translation>
        </message>
        <message>
            <source>keys %1 must be names; found %2</source>
            <location line="+15" />
            <translation>Schlüssel %1 müssen Namen sein; gefunden: %2</translation>
        </message>
        <message>
            <source>; allowed keys: %1</source>
            <location line="+21" />
            <translation>; erlaubte Schlüssel: %1</translation>
        </message>
        <message>
            <source>unknown key "%1" %2%3</source>
            <location line="+2" />
            <translation>unbekannter Schlüssel "%1" %2%3</translation>
        </message>
        <message>
            <source>a string</source>
            <location filename="../core/config/yamlsupport.cpp" line="+306" />
            <location line="+2" />
            <translation>eine Zeichenkette</translation>
        </message>
        <message>
            <source>a non-empty string</source>
            <location line="+8" />
            <translation>eine nicht leere Zeichenkette</translation>
        </message>
        <message>
            <source>%1 must be %2; found %3</source>
            <location line="+12" />
            <location line="+23" />
            <location line="+1" />
            <translation>%1 muss %2 sein; gefunden: %3</translation>
        </message>
        <message>
            <source>%1 must be true or false; found %2</source>
            <location line="-13" />
            <translation>%1 muss true oder false sein; gefunden: %2</translation>
        </message>
        <message>
            <source>%1 must be a duration such as 90s, 10m or 1h; found %2</source>
            <location line="+26" />
            <translation>%1 muss eine Dauer wie 90s, 10m oder 1h sein; gefunden: %2</translation>
        </message>
        <message>
            <source>%1 must be a list of names or a single name; found %2</source>
            <location line="+10" />
            <translation>%1 muss eine Liste von Namen oder ein einzelner Name sein; gefunden: %2</translation>
        </message>
        <message>
            <source>items of %1 must be non-empty strings; found %2</source>
            <location line="+9" />
            <translation>Einträge von %1 müssen nicht leere Zeichenketten sein; gefunden: %2</translation>
        </message>
        <message>
            <source>%1 must be a map of NAME: value; found %2</source>
            <location line="+30" />
            <translation>%1 muss eine Map aus NAME: Wert sein; gefunden: %2</translation>
        </message>
        <message>
            <source>in %1</source>
            <location line="+81" />
            <location line="+553" />
            <location line="+3" />
            <location line="+19" />
            <location line="+149" />
            <location line="+26" />
            <location line="+5" />
            <location line="+4" />
            <translation>in %1</translation>
        </message>
        <message>
            <source>variable name "%1" %2 must start with a letter or "_" and contain only letters, digits and "_"</source>
            <location line="+3" />
            <translation>Variablenname "%1" %2 muss mit einem Buchstaben oder "_" beginnen und darf nur Buchstaben, Ziffern und "_" enthalten</translation>
        </message>
        <message>
            <source> (write "" for an empty value)</source>
            <location line="+7" />
            <translation> (schreiben Sie "" für einen leeren Wert)</translation>
        </message>
        <message>
            <source>value of "%1" %2 must be a string, number or boolean; found %3%4</source>
            <location line="+1" />
            <translation>Wert von "%1" %2 muss eine Zeichenkette, Zahl oder ein Boolescher Wert sein; gefunden: %3%4</translation>
        </message>
        <message>
            <source>cannot create the folder %1 for the secret index: check that it is writable</source>
            <location filename="../core/secrets/secretindex.cpp" line="+74" />
            <translation>der Ordner %1 für den Geheimnisindex kann nicht angelegt werden: prüfen Sie, ob er beschreibbar ist</translation>
        </message>
        <message>
            <source>cannot write the secret index %1: %2</source>
            <location line="+8" />
            <location line="+12" />
            <translation>der Geheimnisindex %1 kann nicht geschrieben werden: %2</translation>
        </message>
        <message>
            <source>"%1" of stage "%2"</source>
            <location filename="../core/config/stagereader.cpp" line="+46" />
            <translation>"%1" der Stufe "%2"</translation>
        </message>
        <message>
            <source>stage name "%1" may only contain letters, digits, ".", "_" and "-"; rename the stage</source>
            <location line="+5" />
            <translation>Stufenname "%1" darf nur Buchstaben, Ziffern, ".", "_" und "-" enthalten; benennen Sie die Stufe um</translation>
        </message>
        <message>
            <source>stage "%1" must be a map with "run" or "uses"; found %2</source>
            <location line="+6" />
            <translation>Stufe "%1" muss eine Map mit "run" oder "uses" sein; gefunden: %2</translation>
        </message>
        <message>
            <source>in stage "%1"</source>
            <location line="+5" />
            <translation>in Stufe "%1"</translation>
        </message>
        <message>
            <source>stage "%1" has neither "run" nor "uses"; add "run:" with a shell command or "uses:" with a built-in stage type</source>
            <location line="+19" />
            <translation>Stufe "%1" hat weder "run" noch "uses"; fügen Sie "run:" mit einem Shell-Befehl oder "uses:" mit einem eingebauten Stufentyp hinzu</translation>
        </message>
        <message>
            <source>stage "%1" has both "run" and "uses"; keep only one</source>
            <location line="+7" />
            <translation>Stufe "%1" hat sowohl "run" als auch "uses"; behalten Sie nur eines davon</translation>
        </message>
        <message>
            <source>"with" of stage "%1" is only allowed together with "uses"; remove it or add "uses:"</source>
            <location line="+3" />
            <translation>"with" der Stufe "%1" ist nur zusammen mit "uses" erlaubt; entfernen Sie es oder fügen Sie "uses:" hinzu</translation>
        </message>
        <message>
            <source>unknown stage type "%1" in stage "%2"; known types: %3</source>
            <location line="+21" />
            <translation>unbekannter Stufentyp "%1" in Stufe "%2"; bekannte Typen: %3</translation>
        </message>
        <message>
            <source>unknown stage type "%1" in stage "%2"; did you mean "%3"? (known types: %4)</source>
            <location line="+2" />
            <translation>unbekannter Stufentyp "%1" in Stufe "%2"; meinten Sie "%3"? (bekannte Typen: %4)</translation>
        </message>
        <message>
            <source>%1 must be a map of parameters; found %2</source>
            <location line="+12" />
            <translation>%1 muss eine Map von Parametern sein; gefunden: %2</translation>
        </message>
        <message>
            <source>parameter "%1" %2 is too large or too deeply nested, or uses a list or map as a key; simplify it</source>
            <location line="-187" />
            <translation>Parameter "%1" %2 ist zu groß oder zu tief verschachtelt oder verwendet eine Liste oder Map als Schlüssel; vereinfachen Sie ihn</translation>
        </message>
        <message>
            <source>a whole number from 0 to %1, or a map such as { count: 2, backoff: 5s }</source>
            <location line="+12" />
            <translation>eine ganze Zahl von 0 bis %1 oder eine Map wie { count: 2, backoff: 5s }</translation>
        </message>
        <message>
            <source>"%1" %2</source>
            <location line="+17" />
            <location line="+151" />
            <location line="+10" />
            <translation>"%1" %2</translation>
        </message>
        <message>
            <source>a whole number from 0 to %1</source>
            <location line="-163" />
            <translation>eine ganze Zahl von 0 bis %1</translation>
        </message>
        <message>
            <source>%1 is missing "count"; write e.g. { count: 2, backoff: 5s }</source>
            <location line="+11" />
            <translation>bei %1 fehlt "count"; schreiben Sie z. B. { count: 2, backoff: 5s }</translation>
        </message>
        <message>
            <source>%1 must be "environment == NAME", "environment != NAME" or "environment in [A, B]"; found %2</source>
            <location line="+16" />
            <translation>%1 muss "environment == NAME", "environment != NAME" oder "environment in [A, B]" sein; gefunden: %2</translation>
        </message>
        <message>
            <source>%1 must be a path relative to the workspace; found the absolute path "%2"</source>
            <location line="+12" />
            <location line="+12" />
            <translation>%1 muss ein Pfad relativ zum Arbeitsbereich sein; gefunden wurde der absolute Pfad "%2"</translation>
        </message>
        <message>
            <source>%1 must stay inside the workspace; found "%2", which contains ".."</source>
            <location line="+6" />
            <location line="+6" />
            <translation>%1 muss innerhalb des Arbeitsbereichs bleiben; gefunden wurde "%2", das ".." enthält</translation>
        </message>
        <message>
            <source>workdir "%1" of stage "%2" does not exist in %3; create the directory or fix the path</source>
            <location line="+13" />
            <translation>workdir "%1" der Stufe "%2" existiert nicht in %3; legen Sie das Verzeichnis an oder korrigieren Sie den Pfad</translation>
        </message>
        <message>
            <source>workdir "%1" of stage "%2" is a file; expected a directory</source>
            <location line="+6" />
            <translation>workdir "%1" der Stufe "%2" ist eine Datei; erwartet wird ein Verzeichnis</translation>
        </message>
        <message>
            <source>workdir "%1" of stage "%2" leads outside the workspace (to %3); use a directory inside it</source>
            <location line="+9" />
            <translation>workdir "%1" der Stufe "%2" führt aus dem Arbeitsbereich heraus (nach %3); verwenden Sie ein Verzeichnis darin</translation>
        </message>
        <message>
            <source>artifact path "%1" of stage "%2" must be relative to the stage's workdir; found an absolute path</source>
            <location line="+14" />
            <translation>Artefaktpfad "%1" der Stufe "%2" muss relativ zum workdir der Stufe sein; gefunden wurde ein absoluter Pfad</translation>
        </message>
        <message>
            <source>artifact path "%1" of stage "%2" must stay inside the workspace; remove the ".."</source>
            <location line="+5" />
            <translation>Artefaktpfad "%1" der Stufe "%2" muss innerhalb des Arbeitsbereichs bleiben; entfernen Sie das ".."</translation>
        </message>
        <message>
            <source>secret name "%1" of stage "%2" must start with a letter or "_" and contain only letters, digits and "_"</source>
            <location line="+12" />
            <translation>Geheimnisname "%1" der Stufe "%2" muss mit einem Buchstaben oder "_" beginnen und darf nur Buchstaben, Ziffern und "_" enthalten</translation>
        </message>
        <message>
            <source>counting the log lines of stage %1</source>
            <location filename="../core/store/logreader.cpp" line="+67" />
            <translation>Zählen der Protokollzeilen von Stufe %1</translation>
        </message>
        <message>
            <source>reading line %1 of stage %2</source>
            <location line="+16" />
            <translation>Lesen von Zeile %1 der Stufe %2</translation>
        </message>
        <message>
            <source>history database %1: stage %2 has no log line %3</source>
            <location line="+12" />
            <translation>Verlaufsdatenbank %1: Stufe %2 hat keine Protokollzeile %3</translation>
        </message>
        <message>
            <source>reading the log of stage %1</source>
            <location line="+28" />
            <location line="+22" />
            <translation>Lesen des Protokolls von Stufe %1</translation>
        </message>
        <message>
            <source>cannot read "%1": it is a directory; name the deploydesk.yml file inside it</source>
            <location filename="../core/config/pipelineloader.cpp" line="+35" />
            <translation>"%1" kann nicht gelesen werden: Es ist ein Verzeichnis; geben Sie die Datei deploydesk.yml darin an</translation>
        </message>
        <message>
            <source>cannot read "%1": %2; check that the file exists and is readable</source>
            <location line="+7" />
            <location line="+9" />
            <translation>"%1" kann nicht gelesen werden: %2; prüfen Sie, ob die Datei existiert und lesbar ist</translation>
        </message>
        <message>
            <source>YAML syntax error: the file is nested too deeply (more than %1 levels)</source>
            <location line="+9" />
            <translation>YAML-Syntaxfehler: Die Datei ist zu tief verschachtelt (mehr als %1 Ebenen)</translation>
        </message>
        <message>
            <source>YAML syntax error: %1</source>
            <location line="+2" />
            <location line="+4" />
            <translation>YAML-Syntaxfehler: %1</translation>
        </message>
        <message>
            <source>cannot parse the file: %1</source>
            <location line="+3" />
            <translation>die Datei kann nicht verarbeitet werden: %1</translation>
        </message>
        <message>
            <source>the file holds more than one YAML document; keep only the first (remove this "---" and what follows)</source>
            <location line="+13" />
            <translation>die Datei enthält mehr als ein YAML-Dokument; behalten Sie nur das erste (entfernen Sie dieses "---" und alles Folgende)</translation>
        </message>
        <message>
            <source>internal error while reading the file: %1</source>
            <location line="+5" />
            <location line="+8" />
            <translation>interner Fehler beim Lesen der Datei: %1</translation>
        </message>
        <message>
            <source>the log of stage %1 ends before line %2</source>
            <location filename="../ui/logview/logscan.cpp" line="+92" />
            <translation>das Protokoll von Stufe %1 endet vor Zeile %2</translation>
        </message>
        <message>
            <source>cannot write the log to %1: %2; choose a folder you can write to</source>
            <location line="+163" />
            <translation>das Protokoll kann nicht nach %1 geschrieben werden: %2; wählen Sie einen Ordner, in den Sie schreiben dürfen</translation>
        </message>
        <message>
            <source>cannot write the log to %1: %2; the file was left as it was</source>
            <location line="+58" />
            <translation>das Protokoll kann nicht nach %1 geschrieben werden: %2; die Datei wurde unverändert gelassen</translation>
        </message>
        <message>
            <location filename="../core/deploy/localservice/localservicetarget.cpp" line="+19" />
            <source>service swap (the kept release starts beside the live one, then takes the stable port)</source>
            <translation>Dienstwechsel (das aufbewahrte Release startet neben dem Live-Release und übernimmt dann den stabilen Port)</translation>
        </message>
        <message>
            <location filename="../core/run/rollbackjob.cpp" line="+18" />
            <location filename="../core/data/index/localindexengine.cpp" line="+78" />
            <location line="+2" />
            <source>none</source>
            <translation>keine</translation>
        </message>
        <message>
            <location line="+58" />
            <source>environment %1 has no releases yet: nothing to roll back to</source>
            <translation>Umgebung %1 hat noch keine Releases: es gibt nichts, worauf zurückgerollt werden kann</translation>
        </message>
        <message>
            <location line="+8" />
            <source>environment %1 has only its live release %2: there is no earlier release to roll back to</source>
            <translation>Umgebung %1 hat nur ihr Live-Release %2: es gibt kein früheres Release, auf das zurückgerollt werden kann</translation>
        </message>
        <message>
            <location line="+13" />
            <source>release %1 belongs to environment %2, not %3</source>
            <translation>Release %1 gehört zu Umgebung %2, nicht zu %3</translation>
        </message>
        <message>
            <location line="+18" />
            <source>release %1 has no %2 layer</source>
            <translation>Release %1 hat keine Ebene %2</translation>
        </message>
        <message>
            <location line="+3" />
            <source>already %1</source>
            <translation>bereits %1</translation>
        </message>
        <message>
            <location line="+5" />
            <source>%1 layers cannot be rolled back by this version of DeployDesk</source>
            <translation>%1-Ebenen können von dieser DeployDesk-Version nicht zurückgerollt werden</translation>
        </message>
        <message>
            <source>%1 must be %2; found %3%4</source>
            <location line="+37" />
            <translation>%1 muss %2 sein; gefunden: %3%4</translation>
        </message>
        <message>
            <source>The branch being deployed (for branch previews).</source>
            <location filename="../app/cli/deploycommand.cpp" line="-6" />
            <translation>Der bereitgestellte Branch (für Branch-Vorschauen).</translation>
        </message>
        <message>
            <source>Why: kept in the history.</source>
            <location filename="../app/cli/migratecommand.cpp" line="+15" />
            <location line="+3" />
            <translation>Begründung: wird im Verlauf festgehalten.</translation>
        </message>
        <message>
            <source>Approve the deploy to a protected environment.</source>
            <location line="+2" />
            <translation>Die Bereitstellung in einer geschützten Umgebung freigeben.</translation>
        </message>
        <message>
            <source>Print JSON.</source>
            <location filename="../app/cli/workflowcommand.cpp" line="+39" />
            <location filename="../app/cli/reembedcommand.cpp" line="+33" />
            <location filename="../app/cli/deploycommand.cpp" line="+31" />
            <location filename="../app/cli/corpuscommand.cpp" line="+19" />
            <translation>JSON ausgeben.</translation>
        </message>
        <message>
            <source>Do not ask before rolling back (refused for protected environments).</source>
            <location line="+3" />
            <translation>Vor dem Zurückrollen nicht nachfragen (bei geschützten Umgebungen abgelehnt).</translation>
        </message>
        <message>
            <source>At most this many releases.</source>
            <location line="+3" />
            <translation>Höchstens so viele Releases.</translation>
        </message>
        <message>
            <source>environment "%1" is not defined in deploydesk.yml; defined: %2</source>
            <location line="+20" />
            <translation>Umgebung "%1" ist in deploydesk.yml nicht definiert; definiert: %2</translation>
        </message>
        <message>
            <source>Environment %1 is protected. Type its name to approve, anything else to cancel:</source>
            <location line="+11" />
            <translation>Umgebung %1 ist geschützt. Geben Sie zur Freigabe ihren Namen ein, alles andere bricht ab:</translation>
        </message>
        <message>
            <source>Go ahead? [y/N]</source>
            <location line="+5" />
            <translation>Fortfahren? [y/N]</translation>
        </message>
        <message>
            <source>"%1" is not a release id; release ids are positive numbers as listed by "deploydeskctl releases ENV"</source>
            <location filename="../app/cli/prunecommand.cpp" line="+17" />
            <location line="+43" />
            <translation>"%1" ist keine Release-ID; Release-IDs sind positive Zahlen, wie sie "deploydeskctl releases ENV" auflistet</translation>
        </message>
        <message>
            <source>usage: deploydeskctl deploy ENV [--branch B] [-m WHY] [--approve]</source>
            <location line="+26" />
            <translation>Aufruf: deploydeskctl deploy ENV [--branch B] [-m GRUND] [--approve]</translation>
        </message>
        <message>
            <source>deploydesk.yml has no deploy stage (uses: local-site, local-service, vercel or railway): nothing would be deployed to %1</source>
            <translation type="vanished">deploydesk.yml hat keine Bereitstellungsstufe (uses: local-site, local-service, vercel oder railway): es würde nichts in %1 bereitgestellt</translation>
        </message>
        <message>
            <source>environment %1 is protected: run again with --approve -m REASON; nothing was run</source>
            <location line="+10" />
            <translation>Umgebung %1 ist geschützt: führen Sie den Befehl erneut mit --approve -m GRUND aus; es wurde nichts ausgeführt</translation>
        </message>
        <message>
            <source>run %1 deploys "%2" to %3</source>
            <location line="+12" />
            <translation>Lauf %1 stellt "%2" in %3 bereit</translation>
        </message>
        <message>
            <source>usage: deploydeskctl promote RUN ENV [-m WHY] [--approve]</source>
            <location line="+10" />
            <translation>Aufruf: deploydeskctl promote LAUF ENV [-m GRUND] [--approve]</translation>
        </message>
        <message>
            <source>run %1 is %2: only a successful run's artifacts can be promoted</source>
            <location line="+22" />
            <translation>Lauf %1 ist %2: nur die Artefakte eines erfolgreichen Laufs können hochgestuft werden</translation>
        </message>
        <message>
            <source>promote run %1 to %2</source>
            <location line="+11" />
            <translation>Lauf %1 nach %2 hochstufen</translation>
        </message>
        <message>
            <source>run %1 promotes the artifacts of run %2 to %3</source>
            <location line="+8" />
            <translation>Lauf %1 stuft die Artefakte von Lauf %2 nach %3 hoch</translation>
        </message>
        <message>
            <source>usage: deploydeskctl releases ENV [--json] [--limit N]</source>
            <translation type="vanished">Aufruf: deploydeskctl releases ENV [--json] [--limit N]</translation>
        </message>
        <message>
            <source>%1 has no releases yet; deploy with: deploydeskctl deploy %1</source>
            <location line="+23" />
            <translation>%1 hat noch keine Releases; bereitstellen mit: deploydeskctl deploy %1</translation>
        </message>
        <message>
            <source>release %1%2  %3  run %4  %5  %6  %7</source>
            <location line="+4" />
            <translation>Release %1%2  %3  Lauf %4  %5  %6  %7</translation>
        </message>
        <message>
            <source> (live)</source>
            <location line="+2" />
            <translation> (live)</translation>
        </message>
        <message>
            <source>no commit</source>
            <location line="+4" />
            <location line="+4" />
            <translation>kein Commit</translation>
        </message>
        <message>
            <source>  restores release %1</source>
            <location line="+3" />
            <translation>  stellt Release %1 wieder her</translation>
        </message>
        <message>
            <source>  (incomplete)</source>
            <location line="+2" />
            <translation>  (unvollständig)</translation>
        </message>
        <message>
            <source>usage: deploydeskctl rollback ENV [RELEASE] [--yes] [-m WHY] [--approve]</source>
            <location line="+20" />
            <translation>Aufruf: deploydeskctl rollback ENV [RELEASE] [--yes] [-m GRUND] [--approve]</translation>
        </message>
        <message>
            <source>nothing to roll back: release %1 has the live versions</source>
            <location line="+29" />
            <translation>nichts zurückzurollen: Release %1 hat die Live-Versionen</translation>
        </message>
        <message>
            <source>%1 is protected: --yes is refused there; approve with --approve -m REASON, or run on a terminal and type the name</source>
            <location line="+6" />
            <translation>%1 ist geschützt: --yes wird dort abgelehnt; geben Sie mit --approve -m GRUND frei, oder führen Sie den Befehl in einem Terminal aus und geben Sie den Namen ein</translation>
        </message>
        <message>
            <source>not on a terminal: confirm with --yes%1; nothing was changed</source>
            <location line="+9" />
            <translation>nicht in einem Terminal: bestätigen Sie mit --yes%1; es wurde nichts geändert</translation>
        </message>
        <message>
            <source> (or --approve for a protected environment)</source>
            <location line="+1" />
            <translation> (oder --approve für eine geschützte Umgebung)</translation>
        </message>
        <message>
            <source>not confirmed: nothing was changed</source>
            <location line="+5" />
            <translation>nicht bestätigt: es wurde nichts geändert</translation>
        </message>
        <message>
            <source>run %1 rolls %2 back to release %3</source>
            <location line="+8" />
            <translation>Lauf %1 rollt %2 auf Release %3 zurück</translation>
        </message>
        <message>
            <source>no deploy or rollback is running or waiting</source>
            <location line="+37" />
            <translation>weder eine Bereitstellung noch ein Rollback läuft oder wartet</translation>
        </message>
        <message>
            <source>%1: run %2 (%3) is deploying since %4</source>
            <location line="+5" />
            <translation>%1: Lauf %2 (%3) stellt seit %4 bereit</translation>
        </message>
        <message>
            <source>%1: run %2 (%3) waits, number %4 in line since %5</source>
            <location line="+4" />
            <translation>%1: Lauf %2 (%3) wartet seit %5, Nummer %4 in der Warteschlange</translation>
        </message>
        <message>
            <source>usage: deploydeskctl compare RELEASE RELEASE</source>
            <location line="+14" />
            <translation>Aufruf: deploydeskctl compare RELEASE RELEASE</translation>
        </message>
        <message>
            <source>release %1 (%2, run %3) → release %4 (%5, run %6)</source>
            <location line="+18" />
            <translation>Release %1 (%2, Lauf %3) → Release %4 (%5, Lauf %6)</translation>
        </message>
        <message>
            <source>  %1: unchanged (%2)</source>
            <location line="+3" />
            <location line="+1" />
            <translation>  %1: unverändert (%2)</translation>
        </message>
        <message>
            <source>  %1: %2 → %3</source>
            <location line="+1" />
            <translation>  %1: %2 → %3</translation>
        </message>
        <message>
            <source>commits: unknown (a release was made outside a git checkout)</source>
            <location line="+3" />
            <translation>Commits: unbekannt (ein Release wurde außerhalb eines Git-Checkouts erstellt)</translation>
        </message>
        <message>
            <source>commits: the same (%1)</source>
            <location line="+4" />
            <translation>Commits: dieselben (%1)</translation>
        </message>
        <message>
            <source>commits: %1 → %2 (git log could not list them: %3)</source>
            <location line="+9" />
            <translation>Commits: %1 → %2 (git log konnte sie nicht auflisten: %3)</translation>
        </message>
        <message>
            <source>commits between them: %1</source>
            <location line="+7" />
            <translation>Commits dazwischen: %1</translation>
        </message>
        <message>
            <source>waiting: run %1 (%2) holds %3; this run starts when it ends (see deploydeskctl queue)</source>
            <location line="+6" />
            <translation>wartet: Lauf %1 (%2) belegt %3; dieser Lauf startet, wenn jener endet (siehe deploydeskctl queue)</translation>
        </message>
        <message>
            <source>  %1 of %2 answers at %3</source>
            <location line="+5" />
            <translation>  %1 von %2 antwortet unter %3</translation>
        </message>
        <message>
            <source>this line is not valid UTF-8; save the file as UTF-8</source>
            <location filename="../core/config/dotenv.cpp" line="+307" />
            <translation>diese Zeile ist kein gültiges UTF-8; speichern Sie die Datei als UTF-8</translation>
        </message>
        <message>
            <location filename="../core/common/regularfile.cpp" line="+24" />
            <source>it is a directory</source>
            <translation>es ist ein Verzeichnis</translation>
        </message>
        <message>
            <location line="+3" />
            <source>a FIFO</source>
            <translation>ein FIFO</translation>
        </message>
        <message>
            <location line="+2" />
            <source>a socket</source>
            <translation>ein Socket</translation>
        </message>
        <message>
            <location line="+2" />
            <source>a device</source>
            <translation>ein Gerät</translation>
        </message>
        <message>
            <location line="+2" />
            <source>a special file</source>
            <translation>eine Spezialdatei</translation>
        </message>
        <message>
            <location line="+2" />
            <source>it is %1, not a regular file</source>
            <translation>es ist %1, keine reguläre Datei</translation>
        </message>
        <message>
            <location line="+68" />
            <source>it is too large (%1 bytes; at most %2 bytes are read)</source>
            <translation>es ist zu groß (%1 Bytes; höchstens %2 Bytes werden gelesen)</translation>
        </message>
        <message>
            <source>a whole number from %1 to %2</source>
            <location filename="../core/config/withchecks.cpp" line="+38" />
            <translation>eine ganze Zahl von %1 bis %2</translation>
        </message>
        <message>
            <source>true or false</source>
            <location line="+2" />
            <translation>true oder false</translation>
        </message>
        <message>
            <source>a duration such as 90s, 10m or 1h</source>
            <location line="+2" />
            <translation>eine Dauer wie 90s, 10m oder 1h</translation>
        </message>
        <message>
            <source>a list of strings or a single string</source>
            <location line="+2" />
            <translation>eine Liste von Zeichenketten oder eine einzelne Zeichenkette</translation>
        </message>
        <message>
            <source>one of %1</source>
            <location line="+2" />
            <translation>eines von %1</translation>
        </message>
        <message>
            <source>unknown parameter "%1" in "with" of stage "%2"; known parameters of %3: %4</source>
            <location line="+114" />
            <translation>unbekannter Parameter "%1" in "with" der Stufe "%2"; bekannte Parameter von %3: %4</translation>
        </message>
        <message>
            <source>unknown parameter "%1" in "with" of stage "%2"; did you mean "%3"? (known parameters of %4: %5)</source>
            <location line="+3" />
            <translation>unbekannter Parameter "%1" in "with" der Stufe "%2"; meinten Sie "%3"? (bekannte Parameter von %4: %5)</translation>
        </message>
        <message>
            <source>"with" of stage "%1" is missing required parameter "%2" of %3%4</source>
            <location line="+11" />
            <translation>in "with" der Stufe "%1" fehlt der erforderliche Parameter "%2" von %3%4</translation>
        </message>
        <message>
            <source>stage "%1" uses %2, which needs parameter "%3"%4; add "with:" with "%3"</source>
            <location line="+4" />
            <translation>Stufe "%1" verwendet %2, das den Parameter "%3"%4 benötigt; fügen Sie "with:" mit "%3" hinzu</translation>
        </message>
        <message>
            <source>(env-file of environment "%1")</source>
            <location filename="../core/config/envfilereader.cpp" line="+23" />
            <translation>(env-file der Umgebung "%1")</translation>
        </message>
        <message>
            <source>(env-file of environments %1)</source>
            <location line="+1" />
            <translation>(env-file der Umgebungen %1)</translation>
        </message>
        <message>
            <source>"env-file" of environment "%1"</source>
            <location line="+7" />
            <translation>"env-file" der Umgebung "%1"</translation>
        </message>
        <message>
            <source>%1 must be a path relative to the workspace, or a list of such paths; found %2</source>
            <location line="+3" />
            <translation>%1 muss ein Pfad relativ zum Arbeitsbereich oder eine Liste solcher Pfade sein; gefunden: %2</translation>
        </message>
        <message>
            <source>cannot read env-file "%1" of environment "%2": %3; check that it is a readable file</source>
            <location line="+36" />
            <translation>env-file "%1" der Umgebung "%2" kann nicht gelesen werden: %3; prüfen Sie, ob es eine lesbare Datei ist</translation>
        </message>
        <message>
            <source>env-file "%1" of environment "%2" is %3; expected a file of NAME=value lines</source>
            <location line="+6" />
            <translation>env-file "%1" der Umgebung "%2" ist %3; erwartet wird eine Datei mit Zeilen der Form NAME=value</translation>
        </message>
        <message>
            <source>env-file "%1" of environment "%2" is too large (%3 bytes); an env-file may be at most %4 bytes</source>
            <location line="+6" />
            <translation>env-file "%1" der Umgebung "%2" ist zu groß (%3 Bytes); ein env-file darf höchstens %4 Bytes groß sein</translation>
        </message>
        <message>
            <source>env-file "%1" of environment "%2" does not exist in %3; create it or fix the path</source>
            <location line="+14" />
            <translation>env-file "%1" der Umgebung "%2" existiert nicht in %3; legen Sie es an oder korrigieren Sie den Pfad</translation>
        </message>
        <message>
            <source>a directory</source>
            <location line="+5" />
            <translation>ein Verzeichnis</translation>
        </message>
        <message>
            <source>not a regular file (it is %1)</source>
            <location line="+2" />
            <translation>keine reguläre Datei (es ist %1)</translation>
        </message>
        <message>
            <source>not a regular file</source>
            <translation type="vanished">keine reguläre Datei</translation>
        </message>
        <message>
            <source>"%1" is a secret (stage "%2" lists it under "secrets"); remove it from this file and keep it in the secret store: deploydeskctl secrets set %1 %3</source>
            <location line="+23" />
            <translation>"%1" ist ein Geheimnis (Stufe "%2" führt es unter "secrets" auf); entfernen Sie es aus dieser Datei und bewahren Sie es im Geheimnisspeicher auf: deploydeskctl secrets set %1 %3</translation>
        </message>
        <message>
            <source>"%1" in "with" of stage "%2"</source>
            <location filename="../core/config/withchecks.cpp" line="-111" />
            <translation>"%1" in "with" der Stufe "%2"</translation>
        </message>
        <message>
            <source>%1 must be a list of strings or a single string; found %2</source>
            <location line="+8" />
            <translation>%1 muss eine Liste von Zeichenketten oder eine einzelne Zeichenkette sein; gefunden: %2</translation>
        </message>
        <message>
            <source>items of %1 must be strings; found %2</source>
            <location line="+8" />
            <translation>Einträge von %1 müssen Zeichenketten sein; gefunden: %2</translation>
        </message>
        <message>
            <source>the folder %1 does not exist</source>
            <location filename="../core/deploy/localservice/releasecopy.cpp" line="+26" />
            <translation>der Ordner %1 existiert nicht</translation>
        </message>
        <message>
            <source>the release folder %1 exists already</source>
            <location line="+2" />
            <translation>der Release-Ordner %1 existiert bereits</translation>
        </message>
        <message>
            <source>cannot create the folder %1</source>
            <location filename="../core/deploy/localservice/serviceroot.cpp" line="+105" />
            <location line="+35" />
            <location line="+11" />
            <translation>der Ordner %1 kann nicht angelegt werden</translation>
        </message>
        <message>
            <source>cannot copy the link %1 to %2</source>
            <location line="+20" />
            <translation>der Link %1 kann nicht nach %2 kopiert werden</translation>
        </message>
        <message>
            <source>cannot copy %1 to %2: %3</source>
            <location line="+11" />
            <translation>%1 kann nicht nach %2 kopiert werden: %3</translation>
        </message>
        <message>
            <source>the command that runs the service (by /bin/sh -c in the release folder); it must listen on 127.0.0.1:$PORT</source>
            <location filename="../core/deploy/localservice/serviceoptions.cpp" line="+27" />
            <translation>der Befehl, der den Dienst ausführt (per /bin/sh -c im Release-Ordner); er muss auf 127.0.0.1:$PORT lauschen</translation>
        </message>
        <message>
            <source>the stable port users call; DeployDesk forwards it to the live instance</source>
            <location line="+8" />
            <translation>der stabile Port, den Benutzer aufrufen; DeployDesk leitet ihn an die Live-Instanz weiter</translation>
        </message>
        <message>
            <source>the folder to release, relative to the workspace (default: the stage's workdir)</source>
            <location line="+7" />
            <translation>der zu veröffentlichende Ordner, relativ zum Arbeitsbereich (Standard: das workdir der Stufe)</translation>
        </message>
        <message>
            <source>the path a new instance must answer with 200 before it takes over (default /health)</source>
            <location line="+7" />
            <translation>der Pfad, unter dem eine neue Instanz mit 200 antworten muss, bevor sie übernimmt (Standard /health)</translation>
        </message>
        <message>
            <source>how long a new instance may take to answer its health check (default 30s)</source>
            <location line="+8" />
            <translation>wie lange eine neue Instanz für die Antwort auf ihre Zustandsprüfung brauchen darf (Standard 30s)</translation>
        </message>
        <message>
            <source>how long the old instance keeps running after the swap (default 2s)</source>
            <location line="+7" />
            <translation>wie lange die alte Instanz nach dem Wechsel weiterläuft (Standard 2s)</translation>
        </message>
        <message>
            <source>how many releases to keep (default 3; the live and the previous one are always kept)</source>
            <location line="+7" />
            <translation>wie viele Releases aufbewahrt werden (Standard 3; das Live-Release und das vorherige werden immer aufbewahrt)</translation>
        </message>
        <message>
            <source>where the releases and the service state live (default: DeployDesk's state folder /services/&lt;environment&gt;)</source>
            <location line="+8" />
            <translation>wo die Releases und der Dienstzustand liegen (Standard: DeployDesks Zustandsordner /services/&lt;environment&gt;)</translation>
        </message>
        <message>
            <source>the public URL of the service (default http://127.0.0.1:&lt;port&gt;)</source>
            <location line="+8" />
            <translation>die öffentliche URL des Dienstes (Standard http://127.0.0.1:&lt;port&gt;)</translation>
        </message>
        <message>
            <source>local-service needs "root" in "with", or an environment and DeployDesk's state folder to put the service in</source>
            <location line="+18" />
            <translation>local-service benötigt "root" in "with" oder eine Umgebung und DeployDesks Zustandsordner, um den Dienst dort abzulegen</translation>
        </message>
        <message>
            <source>"port" of local-service must be a port number (1-65535); found "%1"</source>
            <location line="+13" />
            <translation>"port" von local-service muss eine Portnummer sein (1-65535); gefunden: "%1"</translation>
        </message>
        <message>
            <source>local-service needs "command" in "with": the command that runs the service on 127.0.0.1:$PORT, e.g. "uvicorn app.main:app --port $PORT"</source>
            <location line="+11" />
            <translation>local-service benötigt "command" in "with": den Befehl, der den Dienst auf 127.0.0.1:$PORT ausführt, z. B. "uvicorn app.main:app --port $PORT"</translation>
        </message>
        <message>
            <source>"from" of local-service is %1, which is not a folder; build the service first or fix the path</source>
            <location line="+10" />
            <translation>"from" von local-service ist %1, das kein Ordner ist; bauen Sie zuerst den Dienst oder korrigieren Sie den Pfad</translation>
        </message>
        <message>
            <source>"%1" of local-service must be a duration such as 30s; found "%2"</source>
            <location line="+17" />
            <translation>"%1" von local-service muss eine Dauer wie 30s sein; gefunden: "%2"</translation>
        </message>
        <message>
            <source>"keep" of local-service must be a whole number of at least 1; found "%1"</source>
            <location line="+10" />
            <translation>"keep" von local-service muss eine ganze Zahl ab 1 sein; gefunden: "%1"</translation>
        </message>
        <message>
            <source>cannot open %1: %2</source>
            <location filename="../core/deploy/localservice/serviceprocess.cpp" line="+132" />
            <translation>%1 kann nicht geöffnet werden: %2</translation>
        </message>
        <message>
            <source>cannot start the service: %1</source>
            <location line="+17" />
            <location line="+10" />
            <translation>der Dienst kann nicht gestartet werden: %1</translation>
        </message>
        <message>
            <source>cannot start the service: fork failed</source>
            <location line="+10" />
            <translation>der Dienst kann nicht gestartet werden: fork fehlgeschlagen</translation>
        </message>
        <message>
            <source>cannot run /bin/sh in %1: %2</source>
            <location line="+3" />
            <translation>/bin/sh kann in %1 nicht ausgeführt werden: %2</translation>
        </message>
        <message>
            <source>cannot remove %1</source>
            <location line="+40" />
            <translation>%1 kann nicht entfernt werden</translation>
        </message>
        <message>
            <source>cannot remove the release folder %1</source>
            <location line="+71" />
            <translation>der Release-Ordner %1 kann nicht entfernt werden</translation>
        </message>
        <message>
            <source>"serve" needs a local "url" with a port, such as http://127.0.0.1:8471/; found "%1"</source>
            <location filename="../core/deploy/localsite/siteserver.cpp" line="+36" />
            <translation>"serve" benötigt eine lokale "url" mit Port, etwa http://127.0.0.1:8471/; gefunden: "%1"</translation>
        </message>
        <message>
            <source>already serving %1 at %2 (pid %3)</source>
            <location line="+10" />
            <translation>%1 wird bereits unter %2 ausgeliefert (PID %3)</translation>
        </message>
        <message>
            <source>port %1 is taken by another program, so "serve" cannot answer at %2; choose another port in "url" or stop that program</source>
            <location line="+6" />
            <translation>Port %1 ist von einem anderen Programm belegt, daher kann "serve" nicht unter %2 antworten; wählen Sie einen anderen Port in "url" oder beenden Sie dieses Programm</translation>
        </message>
        <message>
            <source>"serve" needs python3 and setsid on PATH (apt-get install python3); or serve %1 with a web server and drop "serve"</source>
            <location line="+8" />
            <translation>"serve" benötigt python3 und setsid im PATH (apt-get install python3); oder liefern Sie %1 mit einem Webserver aus und entfernen Sie "serve"</translation>
        </message>
        <message>
            <source>could not start the site server: %1</source>
            <location line="+17" />
            <translation>der Site-Server konnte nicht gestartet werden: %1</translation>
        </message>
        <message>
            <source>the site server did not answer at %1 within 5s; see %2</source>
            <location line="+6" />
            <translation>der Site-Server hat nicht innerhalb von 5s unter %1 geantwortet; siehe %2</translation>
        </message>
        <message>
            <source>serving %1 at %2 (python3 http.server, pid %3)</source>
            <location line="+11" />
            <translation>%1 wird unter %2 ausgeliefert (python3 http.server, PID %3)</translation>
        </message>
        <message>
            <source>more than %1 problems; the rest of the file was not read</source>
            <location filename="../core/config/dotenv.cpp" line="-185" />
            <translation>mehr als %1 Probleme; der Rest der Datei wurde nicht gelesen</translation>
        </message>
        <message>
            <source>expected NAME=value; this line has no "="</source>
            <location line="+21" />
            <translation>NAME=value erwartet; diese Zeile hat kein "="</translation>
        </message>
        <message>
            <source>expected NAME=value; found no name before "="</source>
            <location line="+8" />
            <translation>NAME=value erwartet; vor "=" steht kein Name</translation>
        </message>
        <message>
            <source>invalid variable name "%1"; a name starts with a letter or "_" and contains only letters, digits and "_"</source>
            <location line="+5" />
            <translation>ungültiger Variablenname "%1"; ein Name beginnt mit einem Buchstaben oder "_" und enthält nur Buchstaben, Ziffern und "_"</translation>
        </message>
        <message>
            <source>the single-quoted value of "%1" has no closing ' on this line (a value that spans lines needs double quotes)</source>
            <location line="+42" />
            <translation>dem in einfache Anführungszeichen gesetzten Wert von "%1" fehlt das schließende ' in dieser Zeile (ein Wert über mehrere Zeilen braucht doppelte Anführungszeichen)</translation>
        </message>
        <message>
            <source>the double-quoted value of "%1" has no closing "; add it where the value ends</source>
            <location line="+47" />
            <translation>dem in doppelte Anführungszeichen gesetzten Wert von "%1" fehlt das schließende "; fügen Sie es dort ein, wo der Wert endet</translation>
        </message>
        <message>
            <source>unexpected text after the closing quote of "%1"; put the whole value inside the quotes, or start a comment with "#"</source>
            <location line="+19" />
            <translation>unerwarteter Text nach dem schließenden Anführungszeichen von "%1"; setzen Sie den ganzen Wert in die Anführungszeichen oder beginnen Sie einen Kommentar mit "#"</translation>
        </message>
        <message>
            <source>Roll %1 back to release %2 (run %3, %4%5):</source>
            <location line="-176" />
            <translation>%1 auf Release %2 zurückrollen (Lauf %3, %4%5):</translation>
        </message>
        <message>
            <source>  %1: %2 → %3 by %4</source>
            <location line="+5" />
            <translation>  %1: %2 → %3 per %4</translation>
        </message>
        <message numerus="yes">
            <location filename="../app/cli/runcommand.cpp" line="+249" />
            <source>%n environment(s)</source>
            <translation>
                <numerusform>%n Umgebung</numerusform>
                <numerusform>%n Umgebungen</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+132" />
            <source>run %1 %2 in %3, with %n allowed failure(s) (continue-on-error): %4</source>
            <translation>
                <numerusform>Lauf %1: %2 nach %3, mit %n erlaubtem Fehlschlag (continue-on-error): %4</numerusform>
                <numerusform>Lauf %1: %2 nach %3, mit %n erlaubten Fehlschlägen (continue-on-error): %4</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+27" />
            <source>run %1's record is incomplete: %n change(s) could not be recorded in the history when they happened; the first: %2</source>
            <translation>
                <numerusform>die Aufzeichnung von Lauf %1 ist unvollständig: %n Änderung konnte beim Eintreten nicht im Verlauf festgehalten werden; die erste: %2</numerusform>
                <numerusform>die Aufzeichnung von Lauf %1 ist unvollständig: %n Änderungen konnten beim Eintreten nicht im Verlauf festgehalten werden; die erste: %2</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../core/config/frontmatter.cpp" line="+121" />
            <source>the front matter is not valid YAML: %1; fix it or remove the lines between the two "---"</source>
            <translation>der Front Matter ist kein gültiges YAML: %1; korrigieren Sie ihn oder entfernen Sie die Zeilen zwischen den beiden "---"</translation>
        </message>
        <message>
            <location line="+9" />
            <source>the front matter must be a mapping of keys ("title: Intro"), not a list or a single value</source>
            <translation>der Front Matter muss eine Zuordnung von Schlüsseln sein ("title: Intro"), keine Liste und kein Einzelwert</translation>
        </message>
        <message>
            <location line="+8" />
            <source>the front matter could not be read: %1</source>
            <translation>der Front Matter konnte nicht gelesen werden: %1</translation>
        </message>
        <message>
            <location filename="../core/data/corpus/chunkmanifest.cpp" line="+25" />
            <source>chunk manifest %1: %2 failed</source>
            <translation>Abschnittsmanifest %1: %2 fehlgeschlagen</translation>
        </message>
        <message>
            <location line="+98" />
            <source>recording the settings</source>
            <translation>Aufzeichnen der Einstellungen</translation>
        </message>
        <message>
            <location line="+11" />
            <location line="+12" />
            <source>writing chunks</source>
            <translation>Schreiben der Abschnitte</translation>
        </message>
        <message>
            <location filename="../core/data/corpus/markdownchunker.cpp" line="+94" />
            <source>the front matter opened by "---" on line 1 is never closed; end it with a line "---"</source>
            <translation>der in Zeile 1 mit "---" geöffnete Front Matter wird nie geschlossen; beenden Sie ihn mit einer Zeile "---"</translation>
        </message>
        <message numerus="yes">
            <location filename="../core/store/logmarker.cpp" line="+29" />
            <source>[deploydesk] %n log line(s) could not be recorded here: %1</source>
            <translation>
                <numerusform>[deploydesk] %n Protokollzeile konnte hier nicht aufgezeichnet werden: %1</numerusform>
                <numerusform>[deploydesk] %n Protokollzeilen konnten hier nicht aufgezeichnet werden: %1</numerusform>
            </translation>
        </message>
        <message>
            <source>the revision to upgrade to (default head)</source>
            <location filename="../core/data/alembic/alembicoptions.cpp" line="+50" />
            <translation>die Revision, auf die aktualisiert wird (Standard head)</translation>
        </message>
        <message>
            <source>Alembic's configuration file, relative to the stage's workdir (default alembic.ini)</source>
            <location line="+7" />
            <translation>die Konfigurationsdatei von Alembic, relativ zum workdir der Stufe (Standard alembic.ini)</translation>
        </message>
        <message>
            <source>the Python that runs Alembic (a command; default python3); it must be able to import alembic and the database driver</source>
            <location line="+8" />
            <translation>das Python, das Alembic ausführt (ein Befehl; Standard python3); es muss alembic und den Datenbanktreiber importieren können</translation>
        </message>
        <message>
            <source>the variable holding the database URL (default DATABASE_URL); list it under the stage's secrets</source>
            <location line="+8" />
            <translation>die Variable mit der Datenbank-URL (Standard DATABASE_URL); führen Sie sie unter den Geheimnissen der Stufe auf</translation>
        </message>
        <message>
            <source>the database URL when that variable is not set (a local SQLite file, say); never a URL with a password</source>
            <location line="+8" />
            <translation>die Datenbank-URL, wenn diese Variable nicht gesetzt ist (etwa eine lokale SQLite-Datei); niemals eine URL mit Passwort</translation>
        </message>
        <message>
            <source>"revision" of alembic must be a revision such as head, a1b2c3 or +1; found "%1"</source>
            <location line="+24" />
            <translation>"revision" von alembic muss eine Revision wie head, a1b2c3 oder +1 sein; gefunden: "%1"</translation>
        </message>
        <message>
            <source>stage "%1" has no database URL: %2 is not set. Set the secret (deploydeskctl secrets set %2) and list it under the stage's secrets, or give the stage a default-url</source>
            <location line="+19" />
            <translation>Stufe "%1" hat keine Datenbank-URL: %2 ist nicht gesetzt. Setzen Sie das Geheimnis (deploydeskctl secrets set %2) und führen Sie es unter den Geheimnissen der Stufe auf, oder geben Sie der Stufe eine default-url</translation>
        </message>
        <message>
            <source>"default-url" of stage "%1" holds a password; keep that URL in the secret %2 instead (deploydeskctl secrets set %2)</source>
            <location line="+6" />
            <translation>"default-url" der Stufe "%1" enthält ein Passwort; bewahren Sie diese URL stattdessen im Geheimnis %2 auf (deploydeskctl secrets set %2)</translation>
        </message>
        <message>
            <source>Alembic downgrade</source>
            <location filename="../core/data/alembic/alembictarget.cpp" line="+18" />
            <translation>Alembic-Downgrade</translation>
        </message>
        <message>
            <source>the manifest "%1" does not exist</source>
            <location line="+30" />
            <location filename="../core/data/corpus/chunkmanifest.cpp" line="-83" />
            <translation>das Manifest "%1" existiert nicht</translation>
        </message>
        <message>
            <location filename="../core/data/corpus/chunkmanifest.cpp" line="+24" />
            <source>"%1" is not a DeployDesk chunk manifest (written by "deploydeskctl corpus --write-manifest" or a re-embed)</source>
            <translation>"%1" ist kein DeployDesk-Abschnittsmanifest (geschrieben von "deploydeskctl corpus --write-manifest" oder einem Re-Embed)</translation>
        </message>
        <message>
            <location line="+32" />
            <source>the manifest "%1" has format %2, newer than this DeployDesk reads (%3); update DeployDesk</source>
            <translation>das Manifest "%1" hat Format %2, neuer als diese DeployDesk-Version lesen kann (%3); aktualisieren Sie DeployDesk</translation>
        </message>
        <message>
            <source>writing the manifest</source>
            <location line="+18" />
            <translation>Schreiben des Manifests</translation>
        </message>
        <message>
            <source>cannot write the manifest "%1": %2</source>
            <location line="+19" />
            <translation>das Manifest "%1" kann nicht geschrieben werden: %2</translation>
        </message>
        <message>
            <source>recording a re-embed batch</source>
            <location line="+6" />
            <location line="+26" />
            <location line="+29" />
            <translation>Aufzeichnen eines Re-Embed-Stapels</translation>
        </message>
        <message>
            <location line="+96" />
            <source>removing chunks</source>
            <translation>Entfernen von Abschnitten</translation>
        </message>
        <message>
            <source>%1: no damage found (SQLite's integrity check and the log index's check passed)</source>
            <location filename="../app/cli/checkcommand.cpp" line="+23" />
            <translation>%1: keine Beschädigung gefunden (die Integritätsprüfung von SQLite und die Prüfung des Protokollindex waren erfolgreich)</translation>
        </message>
        <message>
            <source>%1 is damaged (%2 problems above); the runs and logs not named there can still be read; restore the file from a backup to get the rest back</source>
            <location line="+7" />
            <translation>%1 ist beschädigt (%2 Probleme oben); die dort nicht genannten Läufe und Protokolle sind weiterhin lesbar; stellen Sie die Datei aus einer Sicherung wieder her, um den Rest zurückzuerhalten</translation>
        </message>
        <message>
            <source>List every chunk (with --json: with its text).</source>
            <location line="+2" />
            <translation>Jeden Abschnitt auflisten (mit --json: mit seinem Text).</translation>
        </message>
        <message>
            <source>Compare with a chunk manifest: new, changed, removed and unchanged chunks, inputs and estimated billed tokens.</source>
            <location line="+2" />
            <translation>Mit einem Abschnittsmanifest vergleichen: neue, geänderte, entfernte und unveränderte Abschnitte, Eingaben und geschätzte abgerechnete Tokens.</translation>
        </message>
        <message>
            <source>Write the chunk manifest of the docs to this file.</source>
            <location line="+4" />
            <translation>Das Abschnittsmanifest der Dokumente in diese Datei schreiben.</translation>
        </message>
        <message>
            <source>Token budget per chunk (default 400).</source>
            <location line="+3" />
            <translation>Token-Budget pro Abschnitt (Standard 400).</translation>
        </message>
        <message>
            <source>Tokens repeated between the parts of a split section (default 0).</source>
            <location line="+3" />
            <translation>Tokens, die zwischen den Teilen eines geteilten Abschnitts wiederholt werden (Standard 0).</translation>
        </message>
        <message>
            <source>Leave out docs matching this glob (repeatable).</source>
            <location line="+4" />
            <translation>Dokumente auslassen, die auf dieses Glob-Muster passen (wiederholbar).</translation>
        </message>
        <message>
            <source>The docs' URL prefix (default /docs).</source>
            <location line="+3" />
            <translation>Das URL-Präfix der Dokumente (Standard /docs).</translation>
        </message>
        <message>
            <source>NEW</source>
            <location line="+67" />
            <translation>NEU</translation>
        </message>
        <message>
            <source>CHANGED</source>
            <location line="+1" />
            <translation>GEÄNDERT</translation>
        </message>
        <message>
            <source>REMOVED</source>
            <location line="+1" />
            <translation>ENTFERNT</translation>
        </message>
        <message>
            <source>SAME</source>
            <location line="+1" />
            <translation>GLEICH</translation>
        </message>
        <message>
            <source>TOKENS</source>
            <location line="+164" />
            <location line="+1" />
            <translation>TOKENS</translation>
        </message>
        <message>
            <source>DOC</source>
            <location line="+164" />
            <location line="-163" />
            <translation>DOKUMENT</translation>
        </message>
        <message>
            <source>(renamed from %1)</source>
            <location line="-158" />
            <translation>(umbenannt von %1)</translation>
        </message>
        <message>
            <source>%1 new, %2 changed, %3 removed, %4 unchanged chunks</source>
            <location line="+9" />
            <translation>%1 neue, %2 geänderte, %3 entfernte, %4 unveränderte Abschnitte</translation>
        </message>
        <message>
            <source>to embed: %1 inputs, about %2 billed tokens (estimate)</source>
            <location line="+5" />
            <translation>einzubetten: %1 Eingaben, etwa %2 abgerechnete Tokens (Schätzung)</translation>
        </message>
        <message>
            <source>of which %1 chunks (about %2 tokens) have the same text as a chunk of the manifest (a renamed or moved doc): their vectors can be copied</source>
            <location line="+4" />
            <translation>davon haben %1 Abschnitte (etwa %2 Tokens) denselben Text wie ein Abschnitt des Manifests (ein umbenanntes oder verschobenes Dokument): ihre Vektoren können kopiert werden</translation>
        </message>
        <message>
            <source>to delete: %1 points</source>
            <location line="+5" />
            <translation>zu löschen: %1 Punkte</translation>
        </message>
        <message>
            <source>note: the manifest was made with other chunking settings</source>
            <location line="+2" />
            <translation>Hinweis: Das Manifest wurde mit anderen Abschnittseinstellungen erstellt</translation>
        </message>
        <message>
            <source>usage: deploydeskctl corpus [DIR] [--json] [--chunks] [--diff MANIFEST] [--write-manifest FILE] [--max-tokens N] [--overlap N] [--ignore GLOB]... [--route-base PATH]</source>
            <location line="+13" />
            <translation>Aufruf: deploydeskctl corpus [DIR] [--json] [--chunks] [--diff MANIFEST] [--write-manifest FILE] [--max-tokens N] [--overlap N] [--ignore GLOB]... [--route-base PATH]</translation>
        </message>
        <message>
            <source>--max-tokens takes a number of at least 32, --overlap a number from 0 to half of --max-tokens</source>
            <location line="+21" />
            <translation>--max-tokens erwartet eine Zahl von mindestens 32, --overlap eine Zahl von 0 bis zur Hälfte von --max-tokens</translation>
        </message>
        <message>
            <source>(draft, not published)</source>
            <location line="+49" />
            <translation>(Entwurf, nicht veröffentlicht)</translation>
        </message>
        <message>
            <source>CHUNKS</source>
            <location line="+48" />
            <translation>ABSCHNITTE</translation>
        </message>
        <message>
            <source>URL</source>
            <location line="+2" />
            <translation>URL</translation>
        </message>
        <message>
            <source>%1 docs, %2 chunks, about %3 tokens (estimate), %4 KiB</source>
            <location line="+3" />
            <translation>%1 Dokumente, %2 Abschnitte, etwa %3 Tokens (Schätzung), %4 KiB</translation>
        </message>
        <message>
            <source>manifest written to %1</source>
            <location line="+7" />
            <translation>Manifest nach %1 geschrieben</translation>
        </message>
        <message>
            <source>%1 docs could not be chunked (see above); the others were</source>
            <location line="+2" />
            <translation>%1 Dokumente konnten nicht in Abschnitte zerlegt werden (siehe oben); die übrigen schon</translation>
        </message>
        <message>
            <source>Approve the rollback's database change by naming both revisions, as the plan shows them: FROM:TO (--yes and --approve do not approve it).</source>
            <location line="+4" />
            <translation>Die Datenbankänderung des Rollbacks freigeben, indem beide Revisionen so genannt werden, wie der Plan sie zeigt: FROM:TO (--yes und --approve geben sie nicht frei).</translation>
        </message>
        <message>
            <source>--approve-downgrade names %1, but this rollback takes the database of %2 from revision %3 to revision %4 (%5); nothing was changed</source>
            <location line="+13" />
            <translation>--approve-downgrade nennt %1, aber dieser Rollback bringt die Datenbank von %2 von Revision %3 auf Revision %4 (%5); es wurde nichts geändert</translation>
        </message>
        <message>
            <source>this rollback takes the database of %1 from revision %2 to revision %3, which can drop what later migrations added; --yes and --approve do not approve that: run again with --approve-downgrade %4; nothing was changed</source>
            <location line="+6" />
            <translation>dieser Rollback bringt die Datenbank von %1 von Revision %2 auf Revision %3, wodurch verloren gehen kann, was spätere Migrationen hinzugefügt haben; --yes und --approve geben das nicht frei: führen Sie den Befehl erneut mit --approve-downgrade %4 aus; es wurde nichts geändert</translation>
        </message>
        <message>
            <source>This rollback takes the database of %1 from revision %2 to revision %3, which can drop what later migrations added. Type %4 to approve, anything else to cancel:</source>
            <location line="+6" />
            <translation>Dieser Rollback bringt die Datenbank von %1 von Revision %2 auf Revision %3, wodurch verloren gehen kann, was spätere Migrationen hinzugefügt haben. Geben Sie %4 zum Freigeben ein, alles andere bricht ab:</translation>
        </message>
        <message>
            <source>database change not approved: nothing was changed</source>
            <location line="+5" />
            <translation>Datenbankänderung nicht freigegeben: es wurde nichts geändert</translation>
        </message>
        <message>
            <source>run %1, stage %2: its log cannot be read after line %3: %4</source>
            <location line="+26" />
            <translation>Lauf %1, Stufe %2: das Protokoll kann nach Zeile %3 nicht gelesen werden: %4</translation>
        </message>
        <message>
            <source>Upgrade to this revision instead of the stage's (head).</source>
            <location filename="../app/cli/migratecommand.cpp" line="-3" />
            <translation>Auf diese Revision statt auf die der Stufe (head) aktualisieren.</translation>
        </message>
        <message>
            <source>Approve the migration of a protected environment.</source>
            <location line="+5" />
            <translation>Die Migration einer geschützten Umgebung freigeben.</translation>
        </message>
        <message>
            <source>usage: deploydeskctl migrate ENV [--revision R] [-m WHY] [--approve]</source>
            <location line="+14" />
            <translation>Aufruf: deploydeskctl migrate ENV [--revision R] [-m WHY] [--approve]</translation>
        </message>
        <message>
            <source>deploydesk.yml has no alembic stage that runs in %1; add one (uses: alembic, see docs/migrations.md)</source>
            <location line="+20" />
            <translation>deploydesk.yml hat keine alembic-Stufe, die in %1 läuft; fügen Sie eine hinzu (uses: alembic, siehe docs/migrations.md)</translation>
        </message>
        <message>
            <source>--revision needs a revision: head, a revision id or +N</source>
            <location line="+7" />
            <translation>--revision benötigt eine Revision: head, eine Revisions-ID oder +N</translation>
        </message>
        <message>
            <source>the stage's revision</source>
            <location line="+7" />
            <translation>die Revision der Stufe</translation>
        </message>
        <message>
            <source>migrate %1 to %2</source>
            <location line="+2" />
            <translation>%1 auf %2 migrieren</translation>
        </message>
        <message>
            <source>run %1 migrates the database of %2 (%3)</source>
            <location line="+9" />
            <translation>Lauf %1 migriert die Datenbank von %2 (%3)</translation>
        </message>
        <message>
            <source>could not record: %1; retrying, and this run will not count as a success</source>
            <location line="+9" />
            <translation>konnte nicht aufgezeichnet werden: %1; neuer Versuch, und dieser Lauf zählt nicht als Erfolg</translation>
        </message>
        <message>
            <source>  database of %1 is at revision %2 (it was at %3)</source>
            <location line="+14" />
            <translation>  Datenbank von %1 ist auf Revision %2 (sie war auf %3)</translation>
        </message>
        <message>
            <source>its end could not be recorded either: the history will show it as interrupted once it can be written</source>
            <location line="+18" />
            <translation>auch sein Ende konnte nicht aufgezeichnet werden: der Verlauf zeigt ihn als unterbrochen an, sobald er geschrieben werden kann</translation>
        </message>
        <message>
            <source>cohere needs a model, such as embed-english-v3.0 or embed-v4.0</source>
            <location filename="../core/data/embed/cohereoptions.cpp" line="+39" />
            <translation>cohere benötigt ein Modell, etwa embed-english-v3.0 oder embed-v4.0</translation>
        </message>
        <message>
            <source>the dimension of Cohere model "%1" is not known to DeployDesk; give it ("dimension"), or use embed-v4.0, embed-english-v3.0, embed-multilingual-v3.0 or their -light- versions</source>
            <location line="+7" />
            <translation>die Dimension des Cohere-Modells "%1" ist DeployDesk nicht bekannt; geben Sie sie an ("dimension") oder verwenden Sie embed-v4.0, embed-english-v3.0, embed-multilingual-v3.0 oder deren -light-Varianten</translation>
        </message>
        <message>
            <source>embed-v4.0 gives 256, 512, 1024 or 1536 dimensions; found %1</source>
            <location line="+9" />
            <translation>embed-v4.0 liefert 256, 512, 1024 oder 1536 Dimensionen; gefunden: %1</translation>
        </message>
        <message>
            <source>Cohere model "%1" gives %2 dimensions, not %3; drop "dimension" or choose embed-v4.0</source>
            <location line="+4" />
            <translation>Cohere-Modell "%1" liefert %2 Dimensionen, nicht %3; entfernen Sie "dimension" oder wählen Sie embed-v4.0</translation>
        </message>
        <message>
            <source>a Cohere batch holds 1 to %1 texts; found %2</source>
            <location line="+8" />
            <translation>ein Cohere-Stapel umfasst 1 bis %1 Texte; gefunden: %2</translation>
        </message>
        <message>
            <source>calls in flight must be from 1 to 16; found %1</source>
            <location line="+6" />
            <translation>gleichzeitige Aufrufe müssen zwischen 1 und 16 liegen; gefunden: %1</translation>
        </message>
        <message>
            <source>the inputs-per-minute budget must be 0 (none) or more; found %1</source>
            <location line="+3" />
            <translation>das Budget an Eingaben pro Minute muss 0 (keines) oder mehr sein; gefunden: %1</translation>
        </message>
        <message>
            <source>truncate must be NONE, START or END; found "%1"</source>
            <location line="+7" />
            <translation>truncate muss NONE, START oder END sein; gefunden: "%1"</translation>
        </message>
        <message>
            <source>the Cohere key's secret must be a secret's name (letters, digits and _), such as COHERE_API_KEY; found "%1"</source>
            <location line="+6" />
            <translation>das Geheimnis für den Cohere-Schlüssel muss ein Geheimnisname sein (Buchstaben, Ziffern und _), etwa COHERE_API_KEY; gefunden: "%1"</translation>
        </message>
        <message>
            <source>the stage</source>
            <location filename="../core/data/index/qdrantoptions.cpp" line="+35" />
            <location line="+7" />
            <translation>die Stufe</translation>
        </message>
        <message>
            <source>stage "%1"</source>
            <location filename="../core/data/index/qdrantoptions.cpp" line="+0" />
            <location line="+0" />
            <translation>Stufe "%1"</translation>
        </message>
        <message>
            <source>cohere needs an API key in the secret %1, which %2 does not have: set it with `deploydeskctl secrets set %1` and list it under the stage's secrets: [%1]</source>
            <location line="+2" />
            <translation>cohere benötigt einen API-Schlüssel im Geheimnis %1, das %2 nicht hat: setzen Sie es mit `deploydeskctl secrets set %1` und führen Sie es unter den Geheimnissen der Stufe auf: [%1]</translation>
        </message>
        <message>
            <source>point %1 of %2: id "%3" is not a UUID; Qdrant takes only UUIDs or unsigned integers (make ids with pointIdFor())</source>
            <translation type="vanished">Punkt %1 von %2: ID "%3" ist keine UUID; Qdrant akzeptiert nur UUIDs oder vorzeichenlose Ganzzahlen (erzeugen Sie IDs mit pointIdFor())</translation>
        </message>
        <message>
            <source>point %1 of %2 (%3): its vector has %4 dimensions, the index version holds %5</source>
            <location line="+7" />
            <translation>Punkt %1 von %2 (%3): sein Vektor hat %4 Dimensionen, die Indexversion enthält %5</translation>
        </message>
        <message>
            <source>point %1 of %2 (%3): its vector holds NaN or infinity</source>
            <location line="+10" />
            <translation>Punkt %1 von %2 (%3): sein Vektor enthält NaN oder Unendlich</translation>
        </message>
        <message>
            <source>an index name is 1 to 64 letters, digits, '-' or '_' (it names files and Qdrant collections), such as docs; found "%1"</source>
            <location line="+19" />
            <translation>ein Indexname besteht aus 1 bis 64 Buchstaben, Ziffern, '-' oder '_' (er benennt Dateien und Qdrant-Collections), etwa docs; gefunden: "%1"</translation>
        </message>
        <message>
            <source>a Qdrant upsert batch holds %1 to %2 points; found %3</source>
            <location filename="../core/data/index/qdrantoptions.cpp" line="-19" />
            <translation>ein Qdrant-Upsert-Stapel umfasst %1 bis %2 Punkte; gefunden: %3</translation>
        </message>
        <message>
            <source>Qdrant upserts in flight must be from 1 to 8; found %1</source>
            <location line="+8" />
            <translation>gleichzeitige Qdrant-Upserts müssen zwischen 1 und 8 liegen; gefunden: %1</translation>
        </message>
        <message>
            <source>qdrant needs an API key in the secret %1, which %2 does not have: set it with `deploydeskctl secrets set %1` and list it under the stage's secrets: [%1] (a Qdrant without authentication takes an empty key secret)</source>
            <location line="+13" />
            <translation>qdrant benötigt einen API-Schlüssel im Geheimnis %1, das %2 nicht hat: setzen Sie es mit `deploydeskctl secrets set %1` und führen Sie es unter den Geheimnissen der Stufe auf: [%1] (ein Qdrant ohne Authentifizierung akzeptiert ein leeres Schlüsselgeheimnis)</translation>
        </message>
        <message>
            <source>vector index %1 in %2 has no version %3 (versions: %4)</source>
            <location line="+41" />
            <translation>Vektorindex %1 in %2 hat keine Version %3 (Versionen: %4)</translation>
        </message>
        <message>
            <source>cannot create the folder %1 for vector index %2</source>
            <location line="+16" />
            <translation>der Ordner %1 für Vektorindex %2 kann nicht angelegt werden</translation>
        </message>
        <message>
            <source>reading the dimension</source>
            <location line="+20" />
            <translation>Lesen der Dimension</translation>
        </message>
        <message>
            <source>%1 does not name a version ({"version": N} expected); activate a version again to rewrite it</source>
            <location line="+5" />
            <translation>%1 nennt keine Version ({"version": N} erwartet); aktivieren Sie erneut eine Version, um die Datei neu zu schreiben</translation>
        </message>
        <message>
            <source>reading the spec</source>
            <location line="+33" />
            <translation>Lesen der Spezifikation</translation>
        </message>
        <message>
            <source>the local vector index searches by cosine only; found distance "%1"</source>
            <location line="+29" />
            <translation>der lokale Vektorindex sucht nur per Kosinus; gefunden: Distanz "%1"</translation>
        </message>
        <message>
            <source>a vector dimension is from 1 to 65536; found %1</source>
            <location line="+5" />
            <translation>eine Vektordimension liegt zwischen 1 und 65536; gefunden: %1</translation>
        </message>
        <message>
            <source>version %1 of vector index %2 exists with %3 dimensions, not %4; build another version or drop this one</source>
            <location line="+11" />
            <translation>Version %1 von Vektorindex %2 existiert mit %3 Dimensionen, nicht %4; erstellen Sie eine andere Version oder verwerfen Sie diese</translation>
        </message>
        <message>
            <source>writing the spec</source>
            <location line="+12" />
            <location line="+10" />
            <translation>Schreiben der Spezifikation</translation>
        </message>
        <message>
            <source>writing points</source>
            <location line="+12" />
            <location line="+3" />
            <location line="+22" />
            <translation>Schreiben von Punkten</translation>
        </message>
        <message>
            <source>deleting points</source>
            <location line="+7" />
            <location line="+2" />
            <location line="+17" />
            <translation>Löschen von Punkten</translation>
        </message>
        <message>
            <source>counting points</source>
            <location line="+17" />
            <translation>Zählen von Punkten</translation>
        </message>
        <message>
            <source>vector index %1 in %2 has no live version yet; activate one</source>
            <location line="+16" />
            <translation>Vektorindex %1 in %2 hat noch keine Live-Version; aktivieren Sie eine</translation>
        </message>
        <message>
            <source>the query vector has %1 dimensions; %2 holds vectors of %3 (was it embedded with another model?)</source>
            <location line="+9" />
            <translation>der Abfragevektor hat %1 Dimensionen; %2 enthält Vektoren mit %3 (wurde er mit einem anderen Modell eingebettet?)</translation>
        </message>
        <message>
            <source>the query vector is all zeros</source>
            <location line="+7" />
            <translation>der Abfragevektor besteht nur aus Nullen</translation>
        </message>
        <message>
            <source>searching</source>
            <location line="+8" />
            <location line="+21" />
            <location line="+6" />
            <translation>Suchen</translation>
        </message>
        <message>
            <source>%1 is the live version of vector index %2; activate another version before dropping it</source>
            <location line="+11" />
            <translation>%1 ist die Live-Version von Vektorindex %2; aktivieren Sie eine andere Version, bevor Sie diese verwerfen</translation>
        </message>
        <message>
            <source>cannot delete %1: %2</source>
            <location line="+11" />
            <translation>%1 kann nicht gelöscht werden: %2</translation>
        </message>
        <message>
            <source>the Qdrant URL (this Qdrant asks for an API key: name its secret)</source>
            <location filename="../core/data/index/qdrantindex.cpp" line="+192" />
            <translation>die Qdrant-URL (dieses Qdrant verlangt einen API-Schlüssel: nennen Sie dessen Geheimnis)</translation>
        </message>
        <message>
            <source>the secret %1 (deploydeskctl secrets set %1)</source>
            <location line="+2" />
            <translation>das Geheimnis %1 (deploydeskctl secrets set %1)</translation>
        </message>
        <message>
            <source>a vector dimension is 1 or more; found %1</source>
            <location line="+56" />
            <translation>eine Vektordimension ist 1 oder mehr; gefunden: %1</translation>
        </message>
        <message>
            <source>Qdrant collection %1 exists with %2 dimensions (%3), not %4 (%5); build another version or drop this one</source>
            <location line="+13" />
            <translation>Qdrant-Collection %1 existiert mit %2 Dimensionen (%3), nicht %4 (%5); erstellen Sie eine andere Version oder verwerfen Sie diese</translation>
        </message>
        <message>
            <source>upserting %1 points into %2, %3 per call, %4 at a time</source>
            <location line="+49" />
            <translation>Upsert von %1 Punkten in %2, %3 pro Aufruf, %4 gleichzeitig</translation>
        </message>
        <message>
            <source>Qdrant has no collection %1 to switch %2 to</source>
            <location line="+91" />
            <translation>Qdrant hat keine Collection %1, auf die %2 umgestellt werden kann</translation>
        </message>
        <message>
            <source>Qdrant accepted the switch to %1 but the alias does not point at it</source>
            <location line="+24" />
            <translation>Qdrant hat die Umstellung auf %1 angenommen, aber der Alias zeigt nicht darauf</translation>
        </message>
        <message>
            <source>%1 is the live version of Qdrant index %2; activate another version before dropping it</source>
            <location line="+33" />
            <translation>%1 ist die Live-Version von Qdrant-Index %2; aktivieren Sie eine andere Version, bevor Sie diese verwerfen</translation>
        </message>
        <message>
            <source>the docs folder "%1" does not exist or is not a folder</source>
            <location filename="../core/data/corpus/docscorpus.cpp" line="+59" />
            <translation>der Dokumentordner "%1" existiert nicht oder ist kein Ordner</translation>
        </message>
        <message>
            <source>the docs folder "%1" cannot be read</source>
            <location line="+2" />
            <translation>der Dokumentordner "%1" kann nicht gelesen werden</translation>
        </message>
        <message>
            <source>the ignore pattern "%1" is not a valid glob</source>
            <location line="+7" />
            <translation>das Ignoriermuster "%1" ist kein gültiges Glob-Muster</translation>
        </message>
        <message>
            <source>[deploydesk] the log may end early here: the process running this stage (pid %1) ended without recording the stage's end</source>
            <location filename="../core/store/logmarker.cpp" line="+8" />
            <translation>[deploydesk] das Protokoll endet hier möglicherweise vorzeitig: der Prozess, der diese Stufe ausführte (PID %1), endete, ohne das Ende der Stufe aufzuzeichnen</translation>
        </message>
        <message>
            <source>adding a line to the log of stage %1</source>
            <location line="+8" />
            <translation>Hinzufügen einer Zeile zum Protokoll von Stufe %1</translation>
        </message>
        <message>
            <source>no space left on the device holding %1 (%2 bytes free); free some space or set DEPLOYDESK_DATA_DIR to a folder on another device</source>
            <location filename="../core/store/storagefault.cpp" line="+109" />
            <translation>kein Platz mehr auf dem Gerät mit %1 (%2 Byte frei); geben Sie Speicherplatz frei oder setzen Sie DEPLOYDESK_DATA_DIR auf einen Ordner auf einem anderen Gerät</translation>
        </message>
        <message>
            <source>the file system holding %1 is mounted read-only; remount it read-write or set DEPLOYDESK_DATA_DIR to a writable folder</source>
            <location line="+6" />
            <translation>das Dateisystem mit %1 ist schreibgeschützt eingehängt; hängen Sie es mit Schreibzugriff neu ein oder setzen Sie DEPLOYDESK_DATA_DIR auf einen beschreibbaren Ordner</translation>
        </message>
        <message>
            <source>%1 or its folder is not writable by this user (permission denied); fix its owner or mode</source>
            <location line="+4" />
            <translation>%1 oder sein Ordner ist für diesen Benutzer nicht beschreibbar (Zugriff verweigert); korrigieren Sie Eigentümer oder Berechtigungen</translation>
        </message>
        <message>
            <source>another process held a lock on the history for longer than the busy timeout (%1 ms)</source>
            <location line="+4" />
            <translation>ein anderer Prozess hielt eine Sperre auf den Verlauf länger als das Busy-Timeout (%1 ms)</translation>
        </message>
        <message>
            <source>the device holding %1 reported an input/output error; check the disk (dmesg) before writing more</source>
            <location line="+4" />
            <translation>das Gerät mit %1 hat einen Ein-/Ausgabefehler gemeldet; prüfen Sie die Festplatte (dmesg), bevor Sie weiter schreiben</translation>
        </message>
        <message>
            <source>the file is damaged or is not an SQLite database; run `deploydeskctl check` to see what is damaged, then restore it from a backup</source>
            <location line="+4" />
            <translation>die Datei ist beschädigt oder keine SQLite-Datenbank; führen Sie `deploydeskctl check` aus, um zu sehen, was beschädigt ist, und stellen Sie sie dann aus einer Sicherung wieder her</translation>
        </message>
        <message>
            <source>%1 cannot be opened</source>
            <location line="+3" />
            <translation>%1 kann nicht geöffnet werden</translation>
        </message>
        <message>
            <source>stage "%1" lists secret "%2" under both "secrets" and "optional-secrets"; keep it in one of them</source>
            <location line="+7" />
            <translation>Stufe "%1" führt Geheimnis "%2" sowohl unter "secrets" als auch unter "optional-secrets" auf; behalten Sie es nur in einem davon</translation>
        </message>
        <message>
            <source>cannot read the doc: %1</source>
            <location filename="../core/data/corpus/markdownchunker.cpp" line="+41" />
            <translation>das Dokument kann nicht gelesen werden: %1</translation>
        </message>
        <message>
            <source>the doc is not UTF-8 text (byte 0x%1 here); save it as UTF-8</source>
            <location line="+14" />
            <translation>das Dokument ist kein UTF-8-Text (hier Byte 0x%1); speichern Sie es als UTF-8</translation>
        </message>
        <message>
            <source>  %1: revision %2 → revision %3 by %4; needs an approval naming both revisions (%5)</source>
            <location line="+2" />
            <translation>  %1: Revision %2 → Revision %3 durch %4; benötigt eine Freigabe, die beide Revisionen nennt (%5)</translation>
        </message>
        <message>
            <source>Rebuild a new index version whole, validate it and switch (default: incremental, in place).</source>
            <location filename="../app/cli/reembedcommand.cpp" line="-8" />
            <translation>Eine neue Indexversion vollständig neu aufbauen, prüfen und umschalten (Standard: inkrementell, an Ort und Stelle).</translation>
        </message>
        <message>
            <source>Only show what changed: per file new, changed, removed and unchanged chunks, inputs and estimated billed tokens.</source>
            <location line="+3" />
            <translation>Nur die Änderungen anzeigen: je Datei neue, geänderte, entfernte und unveränderte Abschnitte, Eingaben und geschätzte abgerechnete Token.</translation>
        </message>
        <message>
            <source>The environment (default: the pipeline's first).</source>
            <location line="+3" />
            <translation>Die Umgebung (Standard: die erste der Pipeline).</translation>
        </message>
        <message>
            <source>Query this version instead of the live one.</source>
            <location line="+4" />
            <translation>Diese Version statt der aktiven abfragen.</translation>
        </message>
        <message>
            <source>How many hits (default 5).</source>
            <location line="+2" />
            <translation>Wie viele Treffer (Standard 5).</translation>
        </message>
        <message>
            <source>Approve switching a protected environment's index.</source>
            <location line="+3" />
            <translation>Das Umschalten des Index einer geschützten Umgebung freigeben.</translation>
        </message>
        <message>
            <source>Why (recorded with an approval).</source>
            <location line="+2" />
            <translation>Warum (wird mit einer Freigabe aufgezeichnet).</translation>
        </message>
        <message>
            <location filename="../core/run/reembedstage.cpp" line="+24" />
            <source>deploydesk.yml has no stage with `uses: reembed`; add one (see docs/pipeline-reference.md)</source>
            <translation>deploydesk.yml hat keine Stufe mit `uses: reembed`; fügen Sie eine hinzu (siehe docs/pipeline-reference.md)</translation>
        </message>
        <message>
            <location filename="../core/store/eventtext.cpp" line="-7" />
            <location line="+35" />
            <source>stage %1: %2</source>
            <translation>Stufe %1: %2</translation>
        </message>
        <message>
            <source>index %1 (%2, %3)</source>
            <location line="+34" />
            <translation>Index %1 (%2, %3)</translation>
        </message>
        <message>
            <source>  no versions yet: run deploydeskctl reembed</source>
            <location line="+3" />
            <translation>  noch keine Versionen: führen Sie deploydeskctl reembed aus</translation>
        </message>
        <message>
            <source>  %1v%2  %3 points, %4 dimensions, %5</source>
            <location line="+2" />
            <translation>  %1v%2  %3 Punkte, %4 Dimensionen, %5</translation>
        </message>
        <message>
            <source>"%1" is not an index version; give one listed by "deploydeskctl index versions" (e.g. 3 or v3)</source>
            <location line="+18" />
            <translation>„%1“ ist keine Indexversion; geben Sie eine von "deploydeskctl index versions" aufgelistete an (z. B. 3 oder v3)</translation>
        </message>
        <message>
            <source>index %1 has no version %2</source>
            <location line="+18" />
            <translation>Index %1 hat keine Version %2</translation>
        </message>
        <message>
            <source>index switch %1 → v%2</source>
            <translation type="vanished">Indexwechsel %1 → v%2</translation>
        </message>
        <message>
            <source>no hits</source>
            <location line="+36" />
            <translation>keine Treffer</translation>
        </message>
        <message>
            <source>usage: deploydeskctl reembed [--full] [--dry-run] [--env E]</source>
            <location line="+19" />
            <translation>Aufruf: deploydeskctl reembed [--full] [--dry-run] [--env E]</translation>
        </message>
        <message>
            <source>dry run: nothing was embedded or written</source>
            <location line="+18" />
            <translation>Probelauf: nichts wurde eingebettet oder geschrieben</translation>
        </message>
        <message>
            <source>run %1 re-embeds the docs of %2 (full rebuild)</source>
            <location line="+20" />
            <translation>Lauf %1 bettet die Dokumentation von %2 neu ein (vollständiger Neuaufbau)</translation>
        </message>
        <message>
            <source>run %1 re-embeds the docs of %2</source>
            <location line="+3" />
            <translation>Lauf %1 bettet die Dokumentation von %2 neu ein</translation>
        </message>
        <message>
            <source>usage: deploydeskctl index versions [--json] | index switch VERSION [--approve] | index query "TEXT" [--index-version N] [--top K] [--json]   [--env E]</source>
            <location line="+8" />
            <translation>Aufruf: deploydeskctl index versions [--json] | index switch VERSION [--approve] | index query "TEXT" [--index-version N] [--top K] [--json]   [--env E]</translation>
        </message>
        <message>
            <source>point %1 of %2: id "%3" is not a UUID; Qdrant takes only UUIDs or unsigned integers (make ids with Chunk::idString())</source>
            <location filename="../core/data/index/indextypes.cpp" line="+23" />
            <translation>Punkt %1 von %2: ID „%3“ ist keine UUID; Qdrant akzeptiert nur UUIDs oder vorzeichenlose Ganzzahlen (erzeugen Sie IDs mit Chunk::idString())</translation>
        </message>
        <message>
            <source>a golden question is written "question =&gt; expected page" (a page URL such as /docs/intro or a doc path such as intro.md); this line is "%1"</source>
            <location filename="../core/data/reembed/goldenquestions.cpp" line="+24" />
            <translation>eine Prüffrage wird als „Frage =&gt; erwartete Seite“ geschrieben (eine Seiten-URL wie /docs/intro oder ein Dokumentpfad wie intro.md); diese Zeile lautet „%1“</translation>
        </message>
        <message>
            <source>cannot read the golden questions %1: %2</source>
            <location line="+22" />
            <translation>Die Prüffragen %1 können nicht gelesen werden: %2</translation>
        </message>
        <message numerus="yes">
            <location filename="../core/run/gitinfo.cpp" line="+112" />
            <source>… and %n more</source>
            <translation>
                <numerusform>… und %n weitere</numerusform>
                <numerusform>… und %n weitere</numerusform>
            </translation>
        </message>
        <message>
            <source>the artifacts of stage "%1" are not kept: a stage name must be a single folder name (not "." or "..", without "/")</source>
            <location filename="../core/run/artifactstore.cpp" line="+17" />
            <translation>die Artefakte der Stufe "%1" werden nicht aufbewahrt: ein Stufenname muss ein einzelner Ordnername sein (nicht "." oder "..", ohne "/")</translation>
        </message>
        <message>
            <source>artifact "%1" of stage "%2" is not kept: %3 is neither a file nor a folder</source>
            <location line="+6" />
            <translation>Artefakt "%1" der Stufe "%2" wird nicht aufbewahrt: %3 ist weder eine Datei noch ein Ordner</translation>
        </message>
        <message>
            <source>artifact "%1" of stage "%2" is not put back: %3 resolves to %4, outside the workspace %5; remove the symlink</source>
            <location line="+12" />
            <translation>Artefakt "%1" der Stufe "%2" wird nicht wiederhergestellt: %3 verweist auf %4, außerhalb des Arbeitsbereichs %5; entfernen Sie den Symlink</translation>
        </message>
        <message>
            <source>deploydesk.yml has no deploy stage (uses: %1): nothing would be deployed to %2</source>
            <location line="+22" />
            <translation>deploydesk.yml hat keine Bereitstellungsstufe (uses: %1): in %2 würde nichts bereitgestellt</translation>
        </message>
        <message>
            <source>  working tree uncommitted changes: the run did not build the commit alone</source>
            <location line="+2" />
            <translation>  Arbeitskopie  nicht committete Änderungen: der Lauf hat nicht nur den Commit gebaut</translation>
        </message>
        <message>
            <source>continue-on-error: did not fail the run</source>
            <location line="+6" />
            <translation>continue-on-error: hat den Lauf nicht scheitern lassen</translation>
        </message>
        <message>
            <source>%1; continue-on-error: did not fail the run</source>
            <location line="+1" />
            <translation>%1; continue-on-error: hat den Lauf nicht scheitern lassen</translation>
        </message>
        <message>
            <source>run %1 was interrupted: the process running it (pid %2) is gone without recording its end; its log ends here. "deploydeskctl show %1" has the details</source>
            <location line="+72" />
            <translation>Lauf %1 wurde unterbrochen: der Prozess, der ihn ausführte (PID %2), ist beendet, ohne sein Ende aufzuzeichnen; sein Protokoll endet hier. "deploydeskctl show %1" zeigt die Details</translation>
        </message>
        <message>
            <source>run %1: index switch %2 → v%3</source>
            <location line="+17" />
            <translation>Lauf %1: Indexwechsel %2 → v%3</translation>
        </message>
        <message>
            <source>--- last %1 lines of %2, an allowed failure (continue-on-error; all: deploydeskctl logs %3 %2) ---</source>
            <location line="+141" />
            <translation>--- letzte %1 Zeilen von %2, Fehlschlag erlaubt (continue-on-error; alle: deploydeskctl logs %3 %2) ---</translation>
        </message>
        <message>
            <source>first error of %1, line %2: %3</source>
            <location line="+13" />
            <translation>erster Fehler von %1, Zeile %2: %3</translation>
        </message>
        <message>
            <source>stage "%1" is not defined in deploydesk.yml</source>
            <location line="+28" />
            <translation>Stufe "%1" ist in deploydesk.yml nicht definiert</translation>
        </message>
        <message>
            <source>secrets checked for a run without an environment; check another with --env NAME</source>
            <location line="+7" />
            <translation>Geheimnisse wurden für einen Lauf ohne Umgebung geprüft; eine Umgebung prüfen Sie mit --env NAME</translation>
        </message>
        <message>
            <source>secrets checked for a run in environment %1</source>
            <location line="+2" />
            <translation>Geheimnisse wurden für einen Lauf in Umgebung %1 geprüft</translation>
        </message>
        <message>
            <source>environment %1 is protected and stages %2 deploy to it: run again with --approve -m REASON (not on a terminal, nothing can be typed to approve); nothing was run</source>
            <location line="+19" />
            <translation>Umgebung %1 ist geschützt und die Stufen %2 stellen in ihr bereit: führen Sie den Befehl erneut mit --approve -m GRUND aus (ohne Terminal kann keine Freigabe eingegeben werden); es wurde nichts ausgeführt</translation>
        </message>
        <message>
            <source>stage name "%1" is not allowed: "." and ".." name folders, not stages; rename the stage (e.g. "build")</source>
            <location line="+15" />
            <translation>Stufenname "%1" ist nicht erlaubt: "." und ".." bezeichnen Ordner, keine Stufen; benennen Sie die Stufe um (z. B. "build")</translation>
        </message>
        <message>
            <source>how long one health check request may go without an answer (default 10s)</source>
            <location line="+7" />
            <translation>wie lange eine einzelne Anfrage der Zustandsprüfung ohne Antwort bleiben darf (Standard 10s)</translation>
        </message>
        <message>
            <source>cannot read "%1": %2; a pipeline file must be a regular file (or a symlink to one); replace it with the file itself</source>
            <location line="+4" />
            <translation>"%1" kann nicht gelesen werden: %2; eine Pipeline-Datei muss eine reguläre Datei sein (oder ein Symlink auf eine); ersetzen Sie es durch die Datei selbst</translation>
        </message>
        <message>
            <source>the file grows past %1 MB once its aliases are expanded; use fewer aliases</source>
            <location line="+21" />
            <translation>die Datei wächst nach dem Auflösen ihrer Aliase auf über %1 MB; verwenden Sie weniger Aliase</translation>
        </message>
        <message>
            <source>the file grows past %1 MB once its aliases are expanded (this "*%2" repeats a large value); use fewer aliases or a smaller anchored value</source>
            <location line="+3" />
            <translation>die Datei wächst nach dem Auflösen ihrer Aliase auf über %1 MB (dieses "*%2" wiederholt einen großen Wert); verwenden Sie weniger Aliase oder einen kleineren Wert am Anker</translation>
        </message>
        <message>
            <location filename="../core/store/historybackup.cpp" line="+77" />
            <source>counting runs</source>
            <translation>Läufe zählen</translation>
        </message>
        <message>
            <location line="+29" />
            <source>%1 is not a DeployDesk history (%2); restore takes a file written by "deploydeskctl backup"</source>
            <translation>%1 ist kein DeployDesk-Verlauf (%2); restore nimmt eine Datei, die „deploydeskctl backup“ geschrieben hat</translation>
        </message>
        <message>
            <location line="+14" />
            <source>%1 exists already; choose another file name, or add --force to replace it</source>
            <translation>%1 existiert bereits; wählen Sie einen anderen Dateinamen oder ergänzen Sie --force, um sie zu ersetzen</translation>
        </message>
        <message>
            <location line="+5" />
            <source>%1 is a folder; give the backup a file name, for example %1/history-backup.sqlite</source>
            <translation>%1 ist ein Ordner; geben Sie der Sicherung einen Dateinamen, zum Beispiel %1/history-backup.sqlite</translation>
        </message>
        <message>
            <location line="+5" />
            <source>cannot write the backup %1: the folder %2 does not exist</source>
            <translation>die Sicherung %1 kann nicht geschrieben werden: der Ordner %2 existiert nicht</translation>
        </message>
        <message>
            <location line="+5" />
            <source>%1 is the history itself; write the backup to another file</source>
            <translation>%1 ist der Verlauf selbst; schreiben Sie die Sicherung in eine andere Datei</translation>
        </message>
        <message>
            <location line="+10" />
            <source>writing a backup to %1</source>
            <translation>Sicherung nach %1 schreiben</translation>
        </message>
        <message>
            <location line="+30" />
            <source>cannot replace %1; check its permissions</source>
            <translation>%1 kann nicht ersetzt werden; prüfen Sie die Berechtigungen</translation>
        </message>
        <message>
            <location line="+5" />
            <source>cannot move the backup into place as %1; check the folder's permissions</source>
            <translation>die Sicherung kann nicht als %1 an ihren Platz verschoben werden; prüfen Sie die Berechtigungen des Ordners</translation>
        </message>
        <message>
            <location line="+14" />
            <source>%1 does not exist; give the path of a file written by "deploydeskctl backup"</source>
            <translation>%1 existiert nicht; geben Sie den Pfad einer Datei an, die „deploydeskctl backup“ geschrieben hat</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1 is not a file</source>
            <translation>%1 ist keine Datei</translation>
        </message>
        <message>
            <location line="+3" />
            <source>cannot copy %1 to %2 to check it; check that the file is readable and the folder writable</source>
            <translation>%1 kann zur Prüfung nicht nach %2 kopiert werden; prüfen Sie, ob die Datei lesbar und der Ordner beschreibbar ist</translation>
        </message>
        <message>
            <location line="+15" />
            <source>SQLite cannot read it: %1</source>
            <translation>SQLite kann sie nicht lesen: %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 is damaged: SQLite's integrity check fails (%2); it was not restored</source>
            <translation>%1 ist beschädigt: die Integritätsprüfung von SQLite schlägt fehl (%2); sie wurde nicht wiederhergestellt</translation>
        </message>
        <message>
            <location line="+11" />
            <source>%1 is damaged, it was not restored: %2</source>
            <translation>%1 ist beschädigt und wurde nicht wiederhergestellt: %2</translation>
        </message>
        <message>
            <location line="+7" />
            <source>%1 has schema version %2, newer than this DeployDesk understands (%3); restore it with a newer DeployDesk</source>
            <translation>%1 hat die Schemaversion %2, neuer als diese DeployDesk-Version versteht (%3); stellen Sie sie mit einer neueren DeployDesk-Version wieder her</translation>
        </message>
        <message>
            <location line="+6" />
            <source>it has no DeployDesk schema version</source>
            <translation>sie hat keine DeployDesk-Schemaversion</translation>
        </message>
        <message>
            <location line="+5" />
            <source>checking the tables</source>
            <translation>Tabellen prüfen</translation>
        </message>
        <message>
            <location line="+8" />
            <source>tables missing: %1</source>
            <translation>fehlende Tabellen: %1</translation>
        </message>
        <message>
            <location line="+5" />
            <source>%1 is damaged: its log search index fails its check (%2); it was not restored</source>
            <translation>%1 ist beschädigt: ihr Protokoll-Suchindex besteht seine Prüfung nicht (%2); sie wurde nicht wiederhergestellt</translation>
        </message>
        <message>
            <location line="+36" />
            <location line="+27" />
            <source>looking for running runs</source>
            <translation>laufende Läufe suchen</translation>
        </message>
        <message>
            <location line="+10" />
            <source>run %1 is running (process %2): the history cannot be replaced under it; wait for it to end or cancel it (deploydeskctl cancel %1), then restore</source>
            <translation>Lauf %1 läuft (Prozess %2): der Verlauf kann nicht unter ihm ersetzt werden; warten Sie sein Ende ab oder brechen Sie ihn ab (deploydeskctl cancel %1), dann stellen Sie wieder her</translation>
        </message>
        <message>
            <location line="+9" />
            <source>keeping the current history as %1</source>
            <translation>der bisherige Verlauf wird als %1 aufbewahrt</translation>
        </message>
        <message>
            <location line="+15" />
            <source>restore needs Qt's SQLite driver (QSQLITE) to give its SQLite handle; it did not</source>
            <translation>restore braucht Qts SQLite-Treiber (QSQLITE), um dessen SQLite-Handle zu bekommen; er hat es nicht geliefert</translation>
        </message>
        <message>
            <location line="+4" />
            <source>history database %1: restoring from %2 failed: %3</source>
            <translation>Verlaufsdatenbank %1: Wiederherstellen aus %2 fehlgeschlagen: %3</translation>
        </message>
        <message>
            <location line="+8" />
            <source>another process is writing the history; try again in a moment</source>
            <translation>ein anderer Prozess schreibt in den Verlauf; versuchen Sie es gleich noch einmal</translation>
        </message>
        <message>
            <location line="+2" />
            <source>the backup's page size differs from the history's, which SQLite cannot copy into a WAL database; move %1 away (keeping %2) and restore again</source>
            <translation>die Seitengröße der Sicherung unterscheidet sich von der des Verlaufs, was SQLite nicht in eine WAL-Datenbank kopieren kann; verschieben Sie %1 (und behalten Sie %2) und stellen Sie erneut wieder her</translation>
        </message>
        <message>
            <location line="+3" />
            <source>history database %1: restoring from %2 failed: %3; the history is unchanged</source>
            <translation>Verlaufsdatenbank %1: Wiederherstellen aus %2 fehlgeschlagen: %3; der Verlauf ist unverändert</translation>
        </message>
        <message numerus="yes">
            <location filename="../core/store/historyprunedisk.cpp" line="+303" />
            <source>the file was not rebuilt (--vacuum): %n run(s) are running or queued, and every write would wait for the rebuild; run prune --vacuum again when they have ended</source>
            <translation>
                <numerusform>die Datei wurde nicht neu aufgebaut (--vacuum): %n Lauf läuft oder ist eingereiht, und jeder Schreibvorgang würde auf den Neuaufbau warten; führen Sie prune --vacuum erneut aus, wenn er beendet ist</numerusform>
                <numerusform>die Datei wurde nicht neu aufgebaut (--vacuum): %n Läufe laufen oder sind eingereiht, und jeder Schreibvorgang würde auf den Neuaufbau warten; führen Sie prune --vacuum erneut aus, wenn sie beendet sind</numerusform>
            </translation>
        </message>
        <message>
            <source>warning: %1</source>
            <location line="+21" />
            <translation>Warnung: %1</translation>
        </message>
        <message numerus="yes">
            <location filename="../app/cli/prunecommand.cpp" line="+135" />
            <source>%n run(s)</source>
            <translation>
                <numerusform>%n Lauf</numerusform>
                <numerusform>%n Läufe</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <location filename="../app/cli/runcommand.cpp" line="-161" />
            <source>%n stage(s)</source>
            <translation>
                <numerusform>%n Stufe</numerusform>
                <numerusform>%n Stufen</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <source>%n log line(s) (%1 of logs)</source>
            <translation>
                <numerusform>%n Protokollzeile (%1 Protokolle)</numerusform>
                <numerusform>%n Protokollzeilen (%1 Protokolle)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n artifact copy(ies) (%1)</source>
            <translation type="vanished">
                <numerusform>%n Artefaktkopie (%1)</numerusform>
                <numerusform>%n Artefaktkopien (%1)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+3" />
            <source>%n artifact copy(ies) (%1 freed on disk)</source>
            <translation>
                <numerusform>%n Artefaktkopie (%1 auf der Platte frei)</numerusform>
                <numerusform>%n Artefaktkopien (%1 auf der Platte frei)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+7" />
            <source>removed the job folders of %n local workflow run(s)</source>
            <translation>
                <numerusform>die Job-Ordner von %n lokalen Workflow-Lauf entfernt</numerusform>
                <numerusform>die Job-Ordner von %n lokalen Workflow-Läufen entfernt</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+4" />
            <source>kept %n run(s) that are queued or running</source>
            <translation>
                <numerusform>%n eingereihter oder laufender Lauf behalten</numerusform>
                <numerusform>%n eingereihte oder laufende Läufe behalten</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+4" />
            <source>kept %n run(s) that made a release (a release is pinned until you unpin it: deploydeskctl releases unpin RELEASE)</source>
            <translation>
                <numerusform>%n Lauf behalten, der ein Release erzeugt hat (ein Release ist angeheftet, bis Sie es lösen: deploydeskctl releases unpin RELEASE)</numerusform>
                <numerusform>%n Läufe behalten, die ein Release erzeugt haben (ein Release ist angeheftet, bis Sie es lösen: deploydeskctl releases unpin RELEASE)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+6" />
            <source>kept %n run(s) whose logs are damaged; see deploydeskctl check</source>
            <translation>
                <numerusform>%n Lauf mit beschädigten Protokollen behalten; siehe deploydeskctl check</numerusform>
                <numerusform>%n Läufe mit beschädigten Protokollen behalten; siehe deploydeskctl check</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+42" />
            <source>compressed %n log block(s): %1 → %2</source>
            <translation>
                <numerusform>%n Protokollblock komprimiert: %1 → %2</numerusform>
                <numerusform>%n Protokollblöcke komprimiert: %1 → %2</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+25" />
            <source>wrote %1: %n run(s), %2 (schema version %3); restore it with: deploydeskctl restore %1</source>
            <translation>
                <numerusform>%1 geschrieben: %n Lauf, %2 (Schemaversion %3); wiederherstellen mit: deploydeskctl restore %1</numerusform>
                <numerusform>%1 geschrieben: %n Läufe, %2 (Schemaversion %3); wiederherstellen mit: deploydeskctl restore %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+32" />
            <source>restored %n run(s) from %1 into %2</source>
            <translation>
                <numerusform>%n Lauf aus %1 in %2 wiederhergestellt</numerusform>
                <numerusform>%n Läufe aus %1 in %2 wiederhergestellt</numerusform>
            </translation>
        </message>
        <message>
            <source>usage: deploydeskctl releases ENV [--json] [--limit N] | releases pin|unpin RELEASE</source>
            <location line="+14" />
            <translation>Aufruf: deploydeskctl releases UMGEBUNG [--json] [--limit N] | releases pin|unpin RELEASE</translation>
        </message>
        <message>
            <source>Remove runs that ended more than this long ago: a number and a unit, h (hours), d (days) or w (weeks), e.g. 90d.</source>
            <location filename="../app/cli/prunecommand.cpp" line="-255" />
            <translation>Läufe entfernen, die vor mehr als dieser Zeit endeten: eine Zahl und eine Einheit, h (Stunden), d (Tage) oder w (Wochen), z. B. 90d.</translation>
        </message>
        <message>
            <source>Keep the N newest runs (of the environment with --env) and remove the older ones.</source>
            <location line="+4" />
            <translation>Die N neuesten Läufe (mit --env: der Umgebung) behalten und die älteren entfernen.</translation>
        </message>
        <message>
            <source>Keep the newest runs whose logs take at most this much (500M, 2G) and remove the older ones.</source>
            <location line="+4" />
            <translation>Die neuesten Läufe behalten, deren Protokolle höchstens so viel belegen (500M, 2G), und die älteren entfernen.</translation>
        </message>
        <message>
            <source>Only runs of this environment.</source>
            <location line="+4" />
            <translation>Nur Läufe dieser Umgebung.</translation>
        </message>
        <message>
            <source>Print what would be removed and change nothing.</source>
            <location line="+2" />
            <translation>Ausgeben, was entfernt würde, und nichts ändern.</translation>
        </message>
        <message>
            <source>Prune the runs of every workspace (--keep-last then keeps N per workspace).</source>
            <location line="+2" />
            <translation>Die Läufe aller Arbeitsbereiche bereinigen (--keep-last behält dann N je Arbeitsbereich).</translation>
        </message>
        <message>
            <source>Rebuild the file to give the freed space back (once; later prunes then reclaim it in small steps).</source>
            <location line="+3" />
            <translation>Die Datei neu aufbauen, um den freigewordenen Platz zurückzugeben (einmal; spätere Bereinigungen geben ihn dann in kleinen Schritten zurück).</translation>
        </message>
        <message>
            <source>Replace FILE if it exists.</source>
            <location line="+2" />
            <translation>DATEI ersetzen, falls sie existiert.</translation>
        </message>
        <message>
            <source>usage: deploydeskctl prune --older-than AGE | --keep-last N | --max-log-size SIZE [--env E] [--dry-run] [--all-workspaces] [--vacuum]</source>
            <location line="+32" />
            <translation>Aufruf: deploydeskctl prune --older-than ALTER | --keep-last N | --max-log-size GRÖSSE [--env E] [--dry-run] [--all-workspaces] [--vacuum]</translation>
        </message>
        <message>
            <source>--older-than: expected an age such as 90d, 12h or 8w, got "%1"</source>
            <location line="+10" />
            <translation>--older-than: ein Alter wie 90d, 12h oder 8w erwartet, erhalten: „%1“</translation>
        </message>
        <message>
            <source>--keep-last: expected a number of runs (0 or more), got "%1"</source>
            <location line="+10" />
            <translation>--keep-last: eine Anzahl Läufe (0 oder mehr) erwartet, erhalten: „%1“</translation>
        </message>
        <message>
            <source>--max-log-size: expected a size such as 500M or 2G, got "%1"</source>
            <location line="+8" />
            <translation>--max-log-size: eine Größe wie 500M oder 2G erwartet, erhalten: „%1“</translation>
        </message>
        <message>
            <source>prune needs --older-than AGE, --keep-last N or --max-log-size SIZE (or several: a run goes when it meets them all)</source>
            <location line="+6" />
            <translation>prune braucht --older-than ALTER, --keep-last N oder --max-log-size GRÖSSE (oder mehrere: ein Lauf wird entfernt, wenn er alle erfüllt)</translation>
        </message>
        <message>
            <source>every workspace</source>
            <location line="+22" />
            <translation>alle Arbeitsbereiche</translation>
        </message>
        <message>
            <source>would remove from %1: %2</source>
            <location line="+13" />
            <translation>würde aus %1 entfernen: %2</translation>
        </message>
        <message>
            <source>removed from %1: %2</source>
            <location line="+1" />
            <translation>aus %1 entfernt: %2</translation>
        </message>
        <message>
            <source>the history takes %1 on disk (%2 of it free pages); nothing was changed</source>
            <location line="+2" />
            <translation>der Verlauf belegt %1 auf der Platte (davon %2 freie Seiten); nichts wurde geändert</translation>
        </message>
        <message>
            <source>the history file went from %1 to %2</source>
            <location line="+5" />
            <translation>die Verlaufsdatei ging von %1 auf %2</translation>
        </message>
        <message>
            <source>the history takes %1 on disk; %2 of it is free space that later runs reuse (add --vacuum to give it back to the file system)</source>
            <location line="+3" />
            <translation>der Verlauf belegt %1 auf der Platte; %2 davon ist freier Platz, den spätere Läufe wiederverwenden (ergänzen Sie --vacuum, um ihn dem Dateisystem zurückzugeben)</translation>
        </message>
        <message>
            <source>usage: deploydeskctl backup FILE [--force]</source>
            <location line="+13" />
            <translation>Aufruf: deploydeskctl backup DATEI [--force]</translation>
        </message>
        <message>
            <source>usage: deploydeskctl restore FILE</source>
            <location line="+28" />
            <translation>Aufruf: deploydeskctl restore DATEI</translation>
        </message>
        <message>
            <source>the history as it was is kept as %1</source>
            <location line="+17" />
            <translation>der Verlauf, wie er war, ist als %1 aufbewahrt</translation>
        </message>
        <message>
            <source>release %1 is pinned: prune keeps its run</source>
            <location line="+28" />
            <translation>Release %1 ist angeheftet: prune behält seinen Lauf</translation>
        </message>
        <message>
            <source>release %1 is unpinned: prune may now remove its run (and the release with it)</source>
            <location line="+1" />
            <translation>Release %1 ist gelöst: prune darf seinen Lauf jetzt entfernen (und das Release mit ihm)</translation>
        </message>
        <message>
            <source>prune: expected a criterion, an age (older than), a number of runs to keep or a size for the logs, got none</source>
            <location filename="../core/store/historyprune.cpp" line="+447" />
            <translation>prune: ein Kriterium erwartet – ein Alter (älter als), eine Anzahl zu behaltender Läufe oder eine Größe für die Protokolle –, aber keines erhalten</translation>
        </message>
        <message>
            <source>measuring the history</source>
            <location filename="../core/store/historyprunedisk.cpp" line="+26" />
            <translation>den Verlauf vermessen</translation>
        </message>
        <message>
            <source>pinning release %1</source>
            <location line="+33" />
            <translation>Release %1 anheften</translation>
        </message>
        <message>
            <source>unpinning release %1</source>
            <location line="+1" />
            <translation>Release %1 lösen</translation>
        </message>
        <message>
            <source>history database %1: there is no release with id %2; list them with: deploydeskctl releases ENV</source>
            <location line="+8" />
            <translation>Verlaufsdatenbank %1: es gibt kein Release mit der ID %2; auflisten mit: deploydeskctl releases UMGEBUNG</translation>
        </message>
        <message>
            <source>choosing the runs to prune</source>
            <location filename="../core/store/historyprune.cpp" line="-343" />
            <translation>die zu bereinigenden Läufe auswählen</translation>
        </message>
        <message>
            <source>measuring the runs to prune</source>
            <location line="+87" />
            <translation>die zu bereinigenden Läufe vermessen</translation>
        </message>
        <message>
            <source>reading the logs of the runs to prune</source>
            <location line="+54" />
            <translation>die Protokolle der zu bereinigenden Läufe lesen</translation>
        </message>
        <message>
            <source>pruning runs %1 to %2</source>
            <location line="+65" />
            <translation>Läufe %1 bis %2 bereinigen</translation>
        </message>
        <message>
            <source>listing the artifact copies still in use</source>
            <location filename="../core/store/historyprunedisk.cpp" line="-281" />
            <translation>die noch benutzten Artefaktkopien auflisten</translation>
        </message>
        <message>
            <source>the artifact copies were kept: which ones other runs still use could not be read</source>
            <location line="+9" />
            <translation>die Artefaktkopien wurden behalten: welche andere Läufe noch benutzen, konnte nicht gelesen werden</translation>
        </message>
        <message>
            <source>artifact copy %1 was kept: it is not under %2</source>
            <location line="+21" />
            <translation>Artefaktkopie %1 wurde behalten: sie liegt nicht unter %2</translation>
        </message>
        <message>
            <source>artifact copy %1 could not be removed; check its permissions</source>
            <location line="+15" />
            <translation>Artefaktkopie %1 konnte nicht entfernt werden; prüfen Sie die Berechtigungen</translation>
        </message>
        <message>
            <source>reading the vacuum mode</source>
            <location line="+24" />
            <translation>den Vacuum-Modus lesen</translation>
        </message>
        <message>
            <source>reading the free pages</source>
            <location line="+22" />
            <location line="+19" />
            <translation>die freien Seiten lesen</translation>
        </message>
        <message>
            <location filename="../core/store/logcompact.cpp" line="+21" />
            <source>compressing the stored logs</source>
            <translation>die gespeicherten Protokolle komprimieren</translation>
        </message>
        <message>
            <source>usage: deploydeskctl compact</source>
            <location line="+9" />
            <translation>Aufruf: deploydeskctl compact</translation>
        </message>
        <message>
            <source>every stored log block is compressed already; nothing was changed</source>
            <location line="+15" />
            <translation>jeder gespeicherte Protokollblock ist bereits komprimiert; nichts wurde geändert</translation>
        </message>
        <message>
            <location filename="../core/run/stageinputs.cpp" line="+79" />
            <location line="+7" />
            <source>cannot read input %1 of stage "%2": %3</source>
            <translation>Eingabe %1 der Stufe "%2" kann nicht gelesen werden: %3</translation>
        </message>
        <message>
            <source>input "%1" of stage "%2" must be relative to the stage's workdir; found an absolute path</source>
            <translation type="vanished">Eingabe "%1" der Stufe "%2" muss relativ zum Arbeitsverzeichnis der Stufe sein; gefunden wurde ein absoluter Pfad</translation>
        </message>
        <message>
            <source>input "%1" of stage "%2" must stay inside the workspace; remove the ".."</source>
            <translation type="vanished">Eingabe "%1" der Stufe "%2" muss im Arbeitsbereich bleiben; entfernen Sie das ".."</translation>
        </message>
        <message>
            <source>input "%1" of stage "%2": backslashes and braces are not part of the glob syntax; use "*", "?", "[abc]" and "**" (any folders), one pattern per item</source>
            <translation type="vanished">Eingabe "%1" der Stufe "%2": Backslashes und geschweifte Klammern gehören nicht zur Glob-Syntax; verwenden Sie "*", "?", "[abc]" und "**" (beliebige Ordner), ein Muster pro Eintrag</translation>
        </message>
        <message>
            <source>deploydesk.yml is valid: pipeline "%1", %2, %3</source>
            <location line="+4" />
            <translation>deploydesk.yml ist gültig: Pipeline "%1", %2, %3</translation>
        </message>
        <message>
            <source>an artifact object was kept: %1</source>
            <location line="+27" />
            <translation>ein Artefaktobjekt wurde behalten: %1</translation>
        </message>
        <message>
            <location filename="../core/engine/stagecache.cpp" line="-490" />
            <location line="+5" />
            <source>cannot read cache key file %1: %2</source>
            <translation>Cache-Schlüsseldatei %1 kann nicht gelesen werden: %2</translation>
        </message>
        <message numerus="yes">
            <location line="+59" />
            <source>%1 and %n more</source>
            <translation>
                <numerusform>%1 und %n weitere</numerusform>
                <numerusform>%1 und %n weitere</numerusform>
            </translation>
        </message>
        <message>
            <location line="+8" />
            <source>cache miss: nothing was saved under key %1 yet, or it was evicted</source>
            <translation>Cache-Fehltreffer: unter Schlüssel %1 wurde noch nichts gespeichert, oder es wurde verdrängt</translation>
        </message>
        <message>
            <location line="+25" />
            <source>changed: %1</source>
            <translation>geändert: %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>new: %1</source>
            <translation>neu: %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>gone: %1</source>
            <translation>entfernt: %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>cache miss: key %1 is new; since the entry run %2 saved (key %3), %4</source>
            <translation>Cache-Fehltreffer: Schlüssel %1 ist neu; seit dem Eintrag, den Lauf %2 gespeichert hat (Schlüssel %3), %4</translation>
        </message>
        <message>
            <location line="+109" />
            <source>cannot save the link %1: %2</source>
            <translation>Der Link %1 kann nicht gespeichert werden: %2</translation>
        </message>
        <message>
            <location line="+64" />
            <source>the cache key "%1" takes the value of a secret, and a key is kept on disk in the clear; make it from files or from variables that are not secrets</source>
            <translation>der Cache-Schlüssel "%1" enthält den Wert eines Geheimnisses, und ein Schlüssel wird unverschlüsselt auf der Platte gespeichert; bilden Sie ihn aus Dateien oder aus Variablen, die keine Geheimnisse sind</translation>
        </message>
        <message>
            <location line="+19" />
            <source>the cache key's files (%1) match no file in %2</source>
            <translation>Die Dateien des Cache-Schlüssels (%1) treffen auf keine Datei in %2</translation>
        </message>
        <message>
            <location line="+46" />
            <source>the stage's workdir %1 does not exist</source>
            <translation>Das Arbeitsverzeichnis %1 der Stufe existiert nicht</translation>
        </message>
        <message numerus="yes">
            <location line="+8" />
            <source>cache restore cancelled after %n file(s)</source>
            <translation>
                <numerusform>Wiederherstellung des Caches nach %n Datei abgebrochen</numerusform>
                <numerusform>Wiederherstellung des Caches nach %n Dateien abgebrochen</numerusform>
            </translation>
        </message>
        <message>
            <location line="+10" />
            <location line="+17" />
            <source>cannot create %1</source>
            <translation>%1 kann nicht angelegt werden</translation>
        </message>
        <message numerus="yes">
            <location line="+27" />
            <source>cache hit: key %1, saved by run %2 (stage "%3"); restored %n file(s) (%4) into %5</source>
            <translation>
                <numerusform>Cache-Treffer: Schlüssel %1, gespeichert von Lauf %2 (Stufe "%3"); %n Datei (%4) in %5 wiederhergestellt</numerusform>
                <numerusform>Cache-Treffer: Schlüssel %1, gespeichert von Lauf %2 (Stufe "%3"); %n Dateien (%4) in %5 wiederhergestellt</numerusform>
            </translation>
        </message>
        <message>
            <location line="+8" />
            <source>not restored (a link in the workdir leads outside it, or a folder stands where the cache has a file): %1</source>
            <translation>nicht wiederhergestellt (ein Link im Arbeitsverzeichnis führt aus ihm heraus, oder ein Ordner steht, wo der Cache eine Datei hat): %1</translation>
        </message>
        <message>
            <location line="+14" />
            <location line="+62" />
            <source>cache not saved: key %1 was saved meanwhile (by another stage)</source>
            <translation>Cache nicht gespeichert: Schlüssel %1 wurde inzwischen gespeichert (von einer anderen Stufe)</translation>
        </message>
        <message>
            <location line="-49" />
            <source>cache not saved: none of its paths exists in %1 (%2)</source>
            <translation>Cache nicht gespeichert: keiner seiner Pfade existiert in %1 (%2)</translation>
        </message>
        <message>
            <location line="+19" />
            <source>cache not saved: cancelled</source>
            <translation>Cache nicht gespeichert: abgebrochen</translation>
        </message>
        <message numerus="yes">
            <location line="+38" />
            <source>cache saved: key %1, %n file(s) (%2; %3 new on disk) from %4</source>
            <translation>
                <numerusform>Cache gespeichert: Schlüssel %1, %n Datei (%2; %3 neu auf der Platte) aus %4</numerusform>
                <numerusform>Cache gespeichert: Schlüssel %1, %n Dateien (%2; %3 neu auf der Platte) aus %4</numerusform>
            </translation>
        </message>
        <message>
            <location line="+5" />
            <source>not in the cache, as they do not exist: %1</source>
            <translation>nicht im Cache, da sie nicht existieren: %1</translation>
        </message>
        <message numerus="yes">
            <location line="+25" />
            <source>evicted %n least recently used cache entr(y/ies) (%1 of files; %2 freed on disk) to stay under the cap of %3</source>
            <translation>
                <numerusform>%n am längsten nicht genutzter Cache-Eintrag verdrängt (%1 an Dateien; %2 auf der Platte freigegeben), um unter der Grenze von %3 zu bleiben</numerusform>
                <numerusform>%n am längsten nicht genutzte Cache-Einträge verdrängt (%1 an Dateien; %2 auf der Platte freigegeben), um unter der Grenze von %3 zu bleiben</numerusform>
            </translation>
        </message>
        <message>
            <location line="+7" />
            <source>the cache entries take %1, more than the cap of %2 (DEPLOYDESK_CACHE_MAX_SIZE); this entry stays until another is saved</source>
            <translation>Die Cache-Einträge belegen %1, mehr als die Grenze von %2 (DEPLOYDESK_CACHE_MAX_SIZE); dieser Eintrag bleibt, bis ein anderer gespeichert wird</translation>
        </message>
        <message>
            <source>input</source>
            <location line="+47" />
            <translation>Eingabe</translation>
        </message>
        <message>
            <source>%1 "%2" of stage "%3" must be relative to the stage's workdir; found an absolute path</source>
            <location line="+18" />
            <translation>%1 "%2" der Stufe "%3" muss relativ zum Arbeitsverzeichnis der Stufe sein; gefunden: ein absoluter Pfad</translation>
        </message>
        <message>
            <source>%1 "%2" of stage "%3" must stay inside the workspace; remove the ".."</source>
            <location line="+4" />
            <translation>%1 "%2" der Stufe "%3" muss im Arbeitsbereich bleiben; entfernen Sie das ".."</translation>
        </message>
        <message>
            <source>%1 "%2" of stage "%3": backslashes and braces are not part of the glob syntax; use "*", "?", "[abc]" and "**" (any folders), one pattern per item</source>
            <location line="+5" />
            <translation>%1 "%2" der Stufe "%3": Backslashes und geschweifte Klammern gehören nicht zur Glob-Syntax; verwenden Sie "*", "?", "[abc]" und "**" (beliebige Ordner), ein Muster pro Eintrag</translation>
        </message>
        <message>
            <source>write e.g. { key: { files: [package-lock.json], prefix: npm }, paths: [node_modules] }</source>
            <location line="+13" />
            <translation>schreiben Sie z. B. { key: { files: [package-lock.json], prefix: npm }, paths: [node_modules] }</translation>
        </message>
        <message>
            <source>%1 must be a map with "key" and "paths"; found %2; %3</source>
            <location line="+4" />
            <translation>%1 muss eine Map mit "key" und "paths" sein; gefunden: %2; %3</translation>
        </message>
        <message>
            <source>%1 is empty; give a text such as "npm-v1" or { files: [package-lock.json] }</source>
            <location line="+17" />
            <translation>%1 ist leer; geben Sie einen Text wie "npm-v1" oder { files: [package-lock.json] } an</translation>
        </message>
        <message>
            <source>cache key file</source>
            <location line="+13" />
            <translation>Cache-Schlüsseldatei</translation>
        </message>
        <message>
            <source>%1 is an empty list; name the files the cached folders are made from (e.g. package-lock.json)</source>
            <location line="+3" />
            <translation>%1 ist eine leere Liste; nennen Sie die Dateien, aus denen die zwischengespeicherten Ordner entstehen (z. B. package-lock.json)</translation>
        </message>
        <message>
            <source>%1 is missing "files"; %2</source>
            <location line="+11" />
            <translation>%1 fehlt "files"; %2</translation>
        </message>
        <message>
            <source>cache path "%1" of stage "%2" must be relative to the stage's workdir; found an absolute path</source>
            <location line="+11" />
            <translation>Cache-Pfad "%1" der Stufe "%2" muss relativ zum Arbeitsverzeichnis der Stufe sein; gefunden: ein absoluter Pfad</translation>
        </message>
        <message>
            <source>cache path "%1" of stage "%2" must stay inside the workspace; remove the ".."</source>
            <location line="+5" />
            <translation>Cache-Pfad "%1" der Stufe "%2" muss im Arbeitsbereich bleiben; entfernen Sie das ".."</translation>
        </message>
        <message>
            <source>cache path "%1" of stage "%2" names the whole workdir; name the folders to keep (e.g. node_modules)</source>
            <location line="+5" />
            <translation>Cache-Pfad "%1" der Stufe "%2" nennt das ganze Arbeitsverzeichnis; nennen Sie die Ordner, die behalten werden sollen (z. B. node_modules)</translation>
        </message>
        <message>
            <source>%1 is an empty list; name the folders to keep (e.g. node_modules)</source>
            <location line="+10" />
            <translation>%1 ist eine leere Liste; nennen Sie die Ordner, die behalten werden sollen (z. B. node_modules)</translation>
        </message>
        <message>
            <source>%1 is missing "key"; %2</source>
            <location line="+9" />
            <translation>%1 fehlt "key"; %2</translation>
        </message>
        <message>
            <source>%1 is missing "paths"; %2</source>
            <location line="+3" />
            <translation>%1 fehlt "paths"; %2</translation>
        </message>
        <message>
            <location filename="../core/config/expression.cpp" line="+134" />
            <source>the expression is nested too deeply (more than %1 levels)</source>
            <translation>der Ausdruck ist zu tief verschachtelt (mehr als %1 Ebenen)</translation>
        </message>
        <message>
            <location line="+521" />
            <source>unexpected "="; did you mean "=="?</source>
            <translation>unerwartetes "="; meinten Sie "=="?</translation>
        </message>
        <message>
            <location line="+5" />
            <source>unexpected "&amp;"; did you mean "&amp;&amp;"?</source>
            <translation>unerwartetes "&amp;"; meinten Sie "&amp;&amp;"?</translation>
        </message>
        <message>
            <location line="+5" />
            <source>unexpected "|"; did you mean "||"?</source>
            <translation>unerwartetes "|"; meinten Sie "||"?</translation>
        </message>
        <message>
            <location line="+5" />
            <source>strings are written in single quotes: 'text', not "text"</source>
            <translation>Zeichenketten werden in einfache Anführungszeichen gesetzt: 'text', nicht "text"</translation>
        </message>
        <message>
            <location line="+6" />
            <location line="+110" />
            <source>unterminated string: expected a closing '</source>
            <translation>nicht abgeschlossene Zeichenkette: schließendes ' erwartet</translation>
        </message>
        <message>
            <location line="+32" />
            <source>invalid number "%1"</source>
            <translation>ungültige Zahl "%1"</translation>
        </message>
        <message>
            <location line="+28" />
            <source>unexpected "%1"</source>
            <translation>unerwartetes "%1"</translation>
        </message>
        <message>
            <location line="+433" />
            <source>fromJSON() got text that is not valid JSON (%1): "%2"</source>
            <translation>fromJSON() hat Text erhalten, der kein gültiges JSON ist (%1): "%2"</translation>
        </message>
        <message>
            <location line="+4" />
            <source>the text is empty</source>
            <translation>der Text ist leer</translation>
        </message>
        <message>
            <location line="+9" />
            <source>more than one value</source>
            <translation>mehr als ein Wert</translation>
        </message>
        <message>
            <location line="+11" />
            <source>invalid format string "%1": a "{" or "}" must be doubled ("{{", "}}") or enclose an argument number such as {0}</source>
            <translation>ungültige Formatzeichenkette "%1": ein "{" oder "}" muss verdoppelt werden ("{{", "}}") oder eine Argumentnummer wie {0} umschließen</translation>
        </message>
        <message>
            <location line="+31" />
            <source>format string "%1" uses format specifiers ("%2"), which are not supported</source>
            <translation>Formatzeichenkette "%1" verwendet Formatangaben ("%2"), die nicht unterstützt werden</translation>
        </message>
        <message>
            <location line="+9" />
            <source>format string "%1" refers to argument {%2}, which was not given</source>
            <translation>Formatzeichenkette "%1" verweist auf Argument {%2}, das nicht übergeben wurde</translation>
        </message>
        <message>
            <location filename="../core/integrations/github/workflowplan.cpp" line="+142" />
            <location line="+1" />
            <source>Run %1</source>
            <translation>%1 ausführen</translation>
        </message>
        <message>
            <location line="+426" />
            <source>the shell "%1" needs "%2" on PATH, and it is not there</source>
            <translation>die Shell "%1" benötigt "%2" im PATH, dort ist es aber nicht vorhanden</translation>
        </message>
        <message>
            <location line="+20" />
            <source>the shell "%1" exists on Windows runners only</source>
            <translation>die Shell "%1" gibt es nur auf Windows-Runnern</translation>
        </message>
        <message>
            <location line="+5" />
            <source>the custom shell "%1" must name the script file as {0}, e.g. "perl {0}"</source>
            <translation>die benutzerdefinierte Shell "%1" muss die Skriptdatei als {0} angeben, z. B. "perl {0}"</translation>
        </message>
        <message>
            <location line="+18" />
            <source>--input %1: the workflow takes no inputs</source>
            <translation>--input %1: der Workflow nimmt keine Eingaben entgegen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>--input %1: the workflow has no such input; its inputs: %2</source>
            <translation>--input %1: der Workflow hat keine solche Eingabe; seine Eingaben: %2</translation>
        </message>
        <message>
            <location line="+10" />
            <source>input "%1" is required; give it with --input %1=VALUE</source>
            <translation>Eingabe "%1" ist erforderlich; geben Sie sie mit --input %1=VALUE an</translation>
        </message>
        <message>
            <location line="+10" />
            <source>input "%1" is a boolean: give true or false; found "%2"</source>
            <translation>Eingabe "%1" ist ein Boolescher Wert: geben Sie true oder false an; gefunden: "%2"</translation>
        </message>
        <message>
            <location line="+9" />
            <source>input "%1" is a number; found "%2"</source>
            <translation>Eingabe "%1" ist eine Zahl; gefunden: "%2"</translation>
        </message>
        <message>
            <location line="+7" />
            <source>input "%1" must be one of: %2; found "%3"</source>
            <translation>Eingabe "%1" muss einer dieser Werte sein: %2; gefunden: "%3"</translation>
        </message>
        <message>
            <source>The event to plan for: push (default), pull_request, workflow_dispatch, schedule...</source>
            <location filename="../app/cli/workflowcommand.cpp" line="-310" />
            <translation>Das Ereignis, für das geplant wird: push (Standard), pull_request, workflow_dispatch, schedule...</translation>
        </message>
        <message>
            <source>A workflow_dispatch input, name=value (repeatable).</source>
            <location line="+4" />
            <translation>Eine Eingabe für workflow_dispatch, name=value (wiederholbar).</translation>
        </message>
        <message>
            <source>no workflows: %1 holds no .yml or .yaml file</source>
            <location line="+54" />
            <translation>keine Workflows: %1 enthält keine .yml- oder .yaml-Datei</translation>
        </message>
        <message>
            <source>on: %1; %2</source>
            <location line="+27" />
            <translation>Ereignisse: %1; %2</translation>
        </message>
        <message numerus="yes">
            <source>%n job(s)</source>
            <location line="+48" />
            <location line="+56" />
            <location line="+2" />
            <translation>
                <numerusform>%n Job</numerusform>
                <numerusform>%n Jobs</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n problem(s):</source>
            <location line="-101" />
            <translation>
                <numerusform>%n Problem:</numerusform>
                <numerusform>%n Probleme:</numerusform>
            </translation>
        </message>
        <message>
            <source>Workflow "%1" (%2) on %3: %4</source>
            <location line="+51" />
            <translation>Workflow "%1" (%2) bei %3: %4</translation>
        </message>
        <message>
            <location filename="../core/integrations/github/workflowpipeline.cpp" line="+130" />
            <location line="+7" />
            <source>not run here: %1</source>
            <translation>wird hier nicht ausgeführt: %1</translation>
        </message>
        <message>
            <source>skipped (%1)</source>
            <location line="+2" />
            <translation>übersprungen (%1)</translation>
        </message>
        <message>
            <source>runs here if %1</source>
            <location line="+2" />
            <translation>läuft hier möglicherweise (%1)</translation>
        </message>
        <message>
            <source>runs here</source>
            <location line="+2" />
            <translation>läuft hier</translation>
        </message>
        <message>
            <source>runs here (%1)</source>
            <location line="+1" />
            <translation>läuft hier (%1)</translation>
        </message>
        <message>
            <source>needs: %1</source>
            <location line="+7" />
            <translation>benötigt: %1</translation>
        </message>
        <message>
            <source>environment: %1</source>
            <location line="+2" />
            <translation>Umgebung: %1</translation>
        </message>
        <message>
            <source>not run: %1</source>
            <location line="+12" />
            <translation>nicht ausgeführt: %1</translation>
        </message>
        <message>
            <source>skipped (if: %1 is false)</source>
            <location line="+4" />
            <translation>übersprungen (if: %1 ergibt false)</translation>
        </message>
        <message>
            <source>(if: %1 is true)</source>
            <location line="+2" />
            <translation>(if: %1 ergibt true)</translation>
        </message>
        <message>
            <source>(if: %1, decided at run time)</source>
            <location line="+3" />
            <translation>(if: %1, wird zur Laufzeit entschieden)</translation>
        </message>
        <message>
            <source>%1 of %2 would run here; nothing was run ("workflow run" is not available yet)</source>
            <translation type="vanished">hier ausführbar: %1 von %2; es wurde nichts ausgeführt ("workflow run" ist noch nicht verfügbar)</translation>
        </message>
        <message numerus="yes">
            <source>%n problem(s); nothing was planned</source>
            <location line="+10" />
            <location line="+30" />
            <translation>
                <numerusform>%n Problem; es wurde nichts geplant</numerusform>
                <numerusform>%n Probleme; es wurde nichts geplant</numerusform>
            </translation>
        </message>
        <message>
            <source>--input needs name=value; found "%1"</source>
            <location filename="../app/cli/workflowcommand.cpp" line="-123" />
            <location line="+16" />
            <translation>--input erwartet name=value; gefunden: "%1"</translation>
        </message>
        <message>
            <source>usage: deploydeskctl workflow list [--json] | workflow plan FILE [--event E] [--input name=value]... [--json]</source>
            <translation type="vanished">Aufruf: deploydeskctl workflow list [--json] | workflow plan FILE [--event E] [--input name=value]... [--json]</translation>
        </message>
        <message>
            <source>the condition mixes ${{ }} with text around it: GitHub evaluates that as a non-empty string, always true; put the whole condition inside one ${{ }}</source>
            <location filename="../core/config/expression.cpp" line="+425" />
            <translation>die Bedingung mischt ${{ }} mit umgebendem Text: GitHub wertet das als nicht leere Zeichenkette aus, also immer als true; setzen Sie die ganze Bedingung in ein einziges ${{ }}</translation>
        </message>
        <message>
            <source>toJSON() got a value nested more than %1 levels deep</source>
            <location filename="../core/config/expression.cpp" line="-262" />
            <translation>toJSON() hat einen Wert erhalten, der mehr als %1 Ebenen tief verschachtelt ist</translation>
        </message>
        <message>
            <source>hashFiles() is not available here</source>
            <location line="+12" />
            <translation>hashFiles() ist hier nicht verfügbar</translation>
        </message>
        <message>
            <source>hashFiles() failed: %1</source>
            <location line="+6" />
            <translation>hashFiles() fehlgeschlagen: %1</translation>
        </message>
        <message>
            <source>%1() would take the text this expression produces past %2 characters</source>
            <location line="+26" />
            <translation>%1() würde den von diesem Ausdruck erzeugten Text über %2 Zeichen hinaus verlängern</translation>
        </message>
        <message>
            <source>"${{" is not closed by "}}"</source>
            <location line="+1" />
            <translation>"${{" wird nicht durch "}}" geschlossen</translation>
        </message>
        <message>
            <source>the expressions of this text produce more than %1 characters</source>
            <location line="+44" />
            <translation>die Ausdrücke in diesem Text erzeugen mehr als %1 Zeichen</translation>
        </message>
        <message>
            <source>the expression is too long (%1 characters; at most %2)</source>
            <location line="-104" />
            <translation>der Ausdruck ist zu lang (%1 Zeichen; höchstens %2)</translation>
        </message>
        <message>
            <source>the file holds a NUL byte (0x00); YAML files are UTF-8 text: remove it (a file saved as UTF-16 has them everywhere: save it as UTF-8)</source>
            <location filename="../core/config/yamlsupport.cpp" line="-149" />
            <translation>die Datei enthält ein NUL-Byte (0x00); YAML-Dateien sind UTF-8-Text: entfernen Sie es (eine als UTF-16 gespeicherte Datei enthält sie überall: speichern Sie sie als UTF-8)</translation>
        </message>
        <message>
            <source>the expression is empty</source>
            <location filename="../core/config/expression.cpp" line="-736" />
            <translation>der Ausdruck ist leer</translation>
        </message>
        <message>
            <source>expected an operator or the end of the expression, found %1</source>
            <location line="+4" />
            <translation>Operator oder Ende des Ausdrucks erwartet, gefunden: %1</translation>
        </message>
        <message>
            <source>the end of the expression</source>
            <location line="+19" />
            <translation>das Ende des Ausdrucks</translation>
        </message>
        <message>
            <source>expected a property name or "*" after ".", found %1</source>
            <location line="+107" />
            <translation>Eigenschaftsname oder "*" nach "." erwartet, gefunden: %1</translation>
        </message>
        <message>
            <source>expected "]" to close "[", found %1</source>
            <location line="+18" />
            <translation>"]" zum Schließen von "[" erwartet, gefunden: %1</translation>
        </message>
        <message>
            <source>expected ")" to close "(", found %1</source>
            <location line="+33" />
            <translation>")" zum Schließen von "(" erwartet, gefunden: %1</translation>
        </message>
        <message>
            <source>expected a value after "%1", found %2</source>
            <location line="+13" />
            <translation>Wert nach "%1" erwartet, gefunden: %2</translation>
        </message>
        <message>
            <source>expected a value, found %1</source>
            <location line="+3" />
            <translation>Wert erwartet, gefunden: %1</translation>
        </message>
        <message>
            <source>unknown context "%1"; did you mean "%2()"?</source>
            <location line="+11" />
            <translation>unbekannter Kontext "%1"; meinten Sie "%2()"?</translation>
        </message>
        <message>
            <source>unknown context "%1"; did you mean "%2"?</source>
            <location line="+11" />
            <translation>unbekannter Kontext "%1"; meinten Sie "%2"?</translation>
        </message>
        <message>
            <source>unknown context "%1"; expected one of: %2</source>
            <location line="+2" />
            <translation>unbekannter Kontext "%1"; erwartet wird einer von: %2</translation>
        </message>
        <message>
            <source>expected ")" after the arguments of %1, found %2</source>
            <location line="+31" />
            <translation>")" nach den Argumenten von %1 erwartet, gefunden: %2</translation>
        </message>
        <message>
            <source>unknown function "%1"; did you mean "%2"?</source>
            <location line="+22" />
            <translation>unbekannte Funktion "%1"; meinten Sie "%2"?</translation>
        </message>
        <message>
            <source>unknown function "%1"; expected one of: %2</source>
            <location line="+3" />
            <translation>unbekannte Funktion "%1"; erwartet wird eine von: %2</translation>
        </message>
        <message>
            <source>%1() expects no arguments, got %2</source>
            <location line="+8" />
            <translation>%1() erwartet keine Argumente, erhalten: %2</translation>
        </message>
        <message>
            <source>%1() expects 1 argument, got %2</source>
            <location line="+2" />
            <translation>%1() erwartet 1 Argument, erhalten: %2</translation>
        </message>
        <message>
            <source>%1() expects %2 arguments, got %3</source>
            <location line="+2" />
            <translation>%1() erwartet %2 Argumente, erhalten: %3</translation>
        </message>
        <message>
            <source>%1() expects %2 or %3 arguments, got %4</source>
            <location line="+2" />
            <translation>%1() erwartet %2 oder %3 Argumente, erhalten: %4</translation>
        </message>
        <message>
            <source>%1() expects at least one argument, got %2</source>
            <location line="+8" />
            <translation>%1() erwartet mindestens ein Argument, erhalten: %2</translation>
        </message>
        <message>
            <source>%1() expects at most %2 arguments, got %3</source>
            <location line="+1" />
            <translation>%1() erwartet höchstens %2 Argumente, erhalten: %3</translation>
        </message>
        <message>
            <source>the workflow does not run on "%1"; it runs on: %2</source>
            <location filename="../core/integrations/github/workflowplan.cpp" line="-369" />
            <translation>der Workflow wird nicht durch "%1" ausgelöst; er wird ausgelöst durch: %2</translation>
        </message>
        <message>
            <source>no event</source>
            <location line="+2" />
            <translation>kein Ereignis</translation>
        </message>
        <message>
            <source>--input is for --event workflow_dispatch; the "%1" event has no inputs</source>
            <location line="+7" />
            <translation>--input gilt für --event workflow_dispatch; das Ereignis "%1" hat keine Eingaben</translation>
        </message>
        <message>
            <location filename="../core/common/annotation.cpp" line="+52" />
            <location line="+55" />
            <source>%1: %2: %3</source>
            <translation>%1: %2: %3</translation>
        </message>
        <message>
            <source>the matrix of job "%1"</source>
            <location line="+15" />
            <translation>die Matrix des Jobs "%1"</translation>
        </message>
        <message>
            <source>%1: %2 must be a map of axes; the expression gives %3</source>
            <location line="+13" />
            <translation>%1: %2 muss eine Map aus Achsen sein; der Ausdruck ergibt %3</translation>
        </message>
        <message>
            <source>%1: %2 makes no jobs: every combination is excluded</source>
            <location line="+32" />
            <translation>%1: %2 erzeugt keine Jobs: jede Kombination ist ausgeschlossen</translation>
        </message>
        <message>
            <source>%1: %2 makes %3 jobs; GitHub allows at most 256</source>
            <location line="+3" />
            <translation>%1: %2 erzeugt %3 Jobs; GitHub erlaubt höchstens 256</translation>
        </message>
        <message>
            <source>its matrix comes from the jobs it needs: known when they have run</source>
            <location line="+14" />
            <translation>seine Matrix ergibt sich aus den benötigten Jobs: bekannt, sobald diese gelaufen sind</translation>
        </message>
        <message>
            <source>"environment"</source>
            <location line="+47" />
            <translation>"environment"</translation>
        </message>
        <message>
            <source>if: %1 depends on the jobs it needs: decided when they end</source>
            <location line="+25" />
            <translation>if: %1 hängt von den benötigten Jobs ab: wird entschieden, wenn diese enden</translation>
        </message>
        <message>
            <source>%1: "if" of job "%2": %3</source>
            <location line="+6" />
            <translation>%1: "if" des Jobs "%2": %3</translation>
        </message>
        <message>
            <source>if: %1 is true</source>
            <location line="+6" />
            <translation>if: %1 ergibt true</translation>
        </message>
        <message>
            <source>if: %1 is false</source>
            <location line="+0" />
            <translation>if: %1 ergibt false</translation>
        </message>
        <message>
            <source>calls the reusable workflow "%1"; reusable workflows run on GitHub only</source>
            <location line="+7" />
            <translation>ruft den wiederverwendbaren Workflow "%1" auf; wiederverwendbare Workflows laufen nur auf GitHub</translation>
        </message>
        <message>
            <source>runs in the container "%1"; containers are not run here (run the workflow on GitHub, or drop "container")</source>
            <location line="+7" />
            <translation>läuft im Container "%1"; Container werden hier nicht ausgeführt (führen Sie den Workflow auf GitHub aus oder entfernen Sie "container")</translation>
        </message>
        <message>
            <source>needs the service containers %1; containers are not run here (run the workflow on GitHub)</source>
            <location line="+7" />
            <translation>benötigt die Service-Container %1; Container werden hier nicht ausgeführt (führen Sie den Workflow auf GitHub aus)</translation>
        </message>
        <message>
            <source>"runs-on" of job "%1"</source>
            <location line="+9" />
            <translation>"runs-on" des Jobs "%1"</translation>
        </message>
        <message>
            <source>needs a Windows runner (runs-on: %1); this machine runs Linux</source>
            <location line="+8" />
            <translation>benötigt einen Windows-Runner (runs-on: %1); auf diesem Rechner läuft Linux</translation>
        </message>
        <message>
            <source>needs a macOS runner (runs-on: %1); this machine runs Linux</source>
            <location line="+5" />
            <translation>benötigt einen macOS-Runner (runs-on: %1); auf diesem Rechner läuft Linux</translation>
        </message>
        <message>
            <source>"shell"</source>
            <location line="+49" />
            <translation>"shell"</translation>
        </message>
        <message>
            <source>"%1" is a %2 action; only composite actions run here</source>
            <location line="+21" />
            <translation>"%1" ist eine %2-Action; hier laufen nur Composite Actions</translation>
        </message>
        <message>
            <source>local composite action</source>
            <location line="+4" />
            <translation>lokale Composite Action</translation>
        </message>
        <message>
            <location filename="../core/integrations/github/workflowplan.cpp" line="-123" />
            <source>"%1" is a Docker container action; containers are not run here</source>
            <translation>"%1" ist eine Docker-Container-Action; Container werden hier nicht ausgeführt</translation>
        </message>
        <message>
            <source>the workspace is the checkout: nothing is cloned</source>
            <location line="+4" />
            <translation>der Arbeitsbereich ist der Checkout: es wird nichts geklont</translation>
        </message>
        <message>
            <location line="+4" />
            <source>"%1" is an action from GitHub; only "run" steps, actions/checkout and local composite actions run here</source>
            <translation>"%1" ist eine Action von GitHub; hier laufen nur "run"-Schritte, actions/checkout und lokale Composite Actions</translation>
        </message>
        <message>
            <source>the local action "%1" has no action.yml: %2</source>
            <location filename="../core/config/workflowloader.cpp" line="+1207" />
            <translation>die lokale Action "%1" hat keine action.yml: %2</translation>
        </message>
        <message>
            <source>%1 does not say how the action runs ("runs.using")</source>
            <translation type="vanished">%1 gibt nicht an, wie die Action ausgeführt wird ("runs.using")</translation>
        </message>
        <message>
            <source>the file is too large (%1 bytes); a workflow file may be at most %2 bytes</source>
            <location line="+32" />
            <location line="+36" />
            <translation>die Datei ist zu groß (%1 Bytes); eine Workflow-Datei darf höchstens %2 Bytes groß sein</translation>
        </message>
        <message>
            <source>cannot read "%1": %2; a workflow must be a regular file (or a symlink to one)</source>
            <location line="-26" />
            <translation>"%1" kann nicht gelesen werden: %2; ein Workflow muss eine reguläre Datei sein (oder ein Symlink auf eine)</translation>
        </message>
        <message>
            <source>the file is empty; expected a map with "on" and "jobs"</source>
            <location line="-1165" />
            <translation>die Datei ist leer; erwartet wird eine Map mit "on" und "jobs"</translation>
        </message>
        <message>
            <source>a workflow must be a map with "on" and "jobs" at the top level; found %1</source>
            <location line="+4" />
            <translation>ein Workflow muss auf oberster Ebene eine Map mit "on" und "jobs" sein; gefunden: %1</translation>
        </message>
        <message>
            <source>"name"</source>
            <location line="+903" />
            <location line="+5" />
            <translation>"name"</translation>
        </message>
        <message>
            <source>"run-name"</source>
            <location line="-901" />
            <translation>"run-name"</translation>
        </message>
        <message>
            <source>"env"</source>
            <location line="+7" />
            <translation>"env"</translation>
        </message>
        <message>
            <source>missing required key "on": the events that start the workflow; add e.g. "on: [push, workflow_dispatch]"</source>
            <location line="+13" />
            <translation>erforderlicher Schlüssel "on" fehlt: die Ereignisse, die den Workflow starten; fügen Sie z. B. "on: [push, workflow_dispatch]" hinzu</translation>
        </message>
        <message>
            <source>missing required key "jobs"; add "jobs:" with at least one job</source>
            <location line="+5" />
            <translation>erforderlicher Schlüssel "jobs" fehlt; fügen Sie "jobs:" mit mindestens einem Job hinzu</translation>
        </message>
        <message>
            <source>%1 must be a condition such as "github.ref == 'refs/heads/main'"; found %2</source>
            <location line="+28" />
            <translation>%1 muss eine Bedingung wie "github.ref == 'refs/heads/main'" sein; gefunden: %2</translation>
        </message>
        <message>
            <source>%1 must be true, false or an expression; found %2</source>
            <location line="+13" />
            <location line="+21" />
            <translation>%1 muss true, false oder ein Ausdruck sein; gefunden: %2</translation>
        </message>
        <message>
            <source>%1 must be a number or an expression; found %2</source>
            <location line="-11" />
            <translation>%1 muss eine Zahl oder ein Ausdruck sein; gefunden: %2</translation>
        </message>
        <message>
            <source>%1 must be a number greater than 0 or an expression; found %2</source>
            <location line="+12" />
            <translation>%1 muss eine Zahl größer als 0 oder ein Ausdruck sein; gefunden: %2</translation>
        </message>
        <message>
            <source>the "%1" context is not available in %2; available there: %3</source>
            <location line="+35" />
            <translation>der Kontext "%1" ist in %2 nicht verfügbar; dort verfügbar: %3</translation>
        </message>
        <message>
            <source>%1() may only be used in "if:"; not in %2</source>
            <location line="+10" />
            <translation>%1() darf nur in "if:" verwendet werden, nicht in %2</translation>
        </message>
        <message>
            <source>hashFiles() may only be used in a step; not in %1</source>
            <location line="+3" />
            <translation>hashFiles() darf nur in einem Schritt verwendet werden, nicht in %1</translation>
        </message>
        <message>
            <location filename="../core/common/annotation.cpp" line="-1" />
            <location line="+8" />
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>%1 must be a map of name: value; found %2</source>
            <location line="+44" />
            <translation>%1 muss eine Map aus Name: Wert sein; gefunden: %2</translation>
        </message>
        <message>
            <source>"%1" in %2 must be a string, number or boolean; found %3</source>
            <location line="-632" />
            <translation>"%1" in %2 muss eine Zeichenkette, Zahl oder ein Boolescher Wert sein; gefunden: %3</translation>
        </message>
        <message>
            <source>"%1" in %2</source>
            <location line="+6" />
            <translation>"%1" in %2</translation>
        </message>
        <message>
            <source>"defaults" must be a map with "run"; found %1</source>
            <location line="+12" />
            <translation>"defaults" muss eine Map mit "run" sein; gefunden: %1</translation>
        </message>
        <message>
            <source>in "defaults"</source>
            <location line="+2" />
            <location line="+3" />
            <translation>in "defaults"</translation>
        </message>
        <message>
            <source>"defaults.run" must be a map with "shell" and "working-directory"; found %1</source>
            <location line="+4" />
            <translation>"defaults.run" muss eine Map mit "shell" und "working-directory" sein; gefunden: %1</translation>
        </message>
        <message>
            <source>in "defaults.run"</source>
            <location line="+7" />
            <location line="+5" />
            <translation>in "defaults.run"</translation>
        </message>
        <message>
            <source>"defaults.run.shell"</source>
            <location line="-5" />
            <translation>"defaults.run.shell"</translation>
        </message>
        <message>
            <source>"defaults.run.working-directory"</source>
            <location line="+3" />
            <translation>"defaults.run.working-directory"</translation>
        </message>
        <message>
            <source>"concurrency"</source>
            <location line="+11" />
            <translation>"concurrency"</translation>
        </message>
        <message>
            <source>"concurrency" must be a group name or a map with "group" and "cancel-in-progress"; found %1</source>
            <location line="+6" />
            <translation>"concurrency" muss ein Gruppenname oder eine Map mit "group" und "cancel-in-progress" sein; gefunden: %1</translation>
        </message>
        <message>
            <source>in "concurrency"</source>
            <location line="+7" />
            <location line="+5" />
            <translation>in "concurrency"</translation>
        </message>
        <message>
            <source>"concurrency.group"</source>
            <location line="-5" />
            <translation>"concurrency.group"</translation>
        </message>
        <message>
            <source>"concurrency.cancel-in-progress"</source>
            <location line="+3" />
            <translation>"concurrency.cancel-in-progress"</translation>
        </message>
        <message>
            <source>"concurrency" needs a "group"; add e.g. "group: ${{ github.ref }}"</source>
            <location line="+7" />
            <translation>"concurrency" benötigt eine "group"; fügen Sie z. B. "group: ${{ github.ref }}" hinzu</translation>
        </message>
        <message>
            <source>unknown event "%1" in "on"%2</source>
            <location line="+11" />
            <translation>unbekanntes Ereignis "%1" in "on"%2</translation>
        </message>
        <message>
            <source>; see GitHub's list of events that trigger workflows</source>
            <location line="+2" />
            <translation>; siehe die Liste der Ereignisse, die Workflows auslösen, in der GitHub-Dokumentation</translation>
        </message>
        <message>
            <source>the events in "on" must be names such as "push"; found %1</source>
            <location line="+16" />
            <translation>die Ereignisse in "on" müssen Namen wie "push" sein; gefunden: %1</translation>
        </message>
        <message>
            <source>"on" must name the events that start the workflow: a name, a list or a map; found %1</source>
            <location line="+7" />
            <translation>"on" muss die Ereignisse nennen, die den Workflow starten: ein Name, eine Liste oder eine Map; gefunden: %1</translation>
        </message>
        <message>
            <source>in "on"</source>
            <location line="+5" />
            <translation>in "on"</translation>
        </message>
        <message>
            <source>"%1" must be a map of filters (branches, tags, paths, types) or nothing; found %2</source>
            <location line="+16" />
            <translation>"%1" muss eine Map von Filtern (branches, tags, paths, types) oder leer sein; gefunden: %2</translation>
        </message>
        <message>
            <source>in "on.%1"</source>
            <location line="+6" />
            <translation>in "on.%1"</translation>
        </message>
        <message>
            <source>"on.%1.%2"</source>
            <location line="+6" />
            <translation>"on.%1.%2"</translation>
        </message>
        <message>
            <source>"%1" and "%2" cannot both filter "on.%3"; use "%1" with "!" patterns to leave some out</source>
            <location line="+7" />
            <translation>"%1" und "%2" können nicht beide "on.%3" filtern; verwenden Sie "%1" mit "!"-Mustern, um einzelne auszuschließen</translation>
        </message>
        <message>
            <source>"on.schedule" must be a list of "- cron: '...'" entries; found %1</source>
            <location line="+12" />
            <translation>"on.schedule" muss eine Liste von "- cron: '...'"-Einträgen sein; gefunden: %1</translation>
        </message>
        <message>
            <source>each "on.schedule" entry must be "cron: '...'" with five fields, e.g. "cron: '30 5 * * 1-5'"; found %1</source>
            <location line="+7" />
            <translation>jeder Eintrag in "on.schedule" muss "cron: '...'" mit fünf Feldern sein, z. B. "cron: '30 5 * * 1-5'"; gefunden: %1</translation>
        </message>
        <message>
            <source>"%1" is not a cron line GitHub accepts: it takes five fields (minute hour day-of-month month day-of-week), e.g. "30 5 * * 1-5"</source>
            <location line="+9" />
            <translation>"%1" ist keine Cron-Zeile, die GitHub akzeptiert: GitHub erwartet fünf Felder (Minute Stunde Monatstag Monat Wochentag), z. B. "30 5 * * 1-5"</translation>
        </message>
        <message>
            <source>"workflow_dispatch" must be a map with "inputs" or nothing; found %1</source>
            <location line="+15" />
            <translation>"workflow_dispatch" muss eine Map mit "inputs" oder leer sein; gefunden: %1</translation>
        </message>
        <message>
            <source>in "workflow_dispatch"</source>
            <location line="+2" />
            <location line="+5" />
            <translation>in "workflow_dispatch"</translation>
        </message>
        <message>
            <source>"workflow_dispatch.inputs" must be a map of input name: settings; found %1</source>
            <location line="+6" />
            <translation>"workflow_dispatch.inputs" muss eine Map aus Eingabename: Einstellungen sein; gefunden: %1</translation>
        </message>
        <message>
            <source>in "inputs"</source>
            <location line="+531" />
            <location line="+5" />
            <translation>in "inputs"</translation>
        </message>
        <message>
            <source>"workflow_dispatch" has %1 inputs; GitHub allows at most 25</source>
            <location line="-527" />
            <translation>"workflow_dispatch" hat %1 Eingaben; GitHub erlaubt höchstens 25</translation>
        </message>
        <message>
            <source>input name "%1" must start with a letter or "_" and contain only letters, digits, "-" and "_"</source>
            <location line="+12" />
            <translation>Eingabename "%1" muss mit einem Buchstaben oder "_" beginnen und darf nur Buchstaben, Ziffern, "-" und "_" enthalten</translation>
        </message>
        <message>
            <source>input "%1" must be a map (description, required, default, type, options); found %2</source>
            <location line="+7" />
            <translation>Eingabe "%1" muss eine Map sein (description, required, default, type, options); gefunden: %2</translation>
        </message>
        <message>
            <source>in input "%1"</source>
            <location line="+507" />
            <location line="+5" />
            <translation>in Eingabe "%1"</translation>
        </message>
        <message>
            <source>"%1" of input "%2"</source>
            <location line="+504" />
            <location line="-502" />
            <translation>"%1" der Eingabe "%2"</translation>
        </message>
        <message>
            <source>%1 must be a single value; found %2</source>
            <location line="-492" />
            <translation>%1 muss ein einzelner Wert sein; gefunden: %2</translation>
        </message>
        <message>
            <source>%1 must be one of: %2; found "%3"%4</source>
            <location line="+6" />
            <translation>%1 muss einer dieser Werte sein: %2; gefunden: "%3"%4</translation>
        </message>
        <message>
            <source>input "%1" of type choice needs "options", e.g. "options: [staging, production]"</source>
            <location line="+17" />
            <translation>Eingabe "%1" vom Typ choice benötigt "options", z. B. "options: [staging, production]"</translation>
        </message>
        <message>
            <source>input "%1" has "options" but is of type %2; add "type: choice"</source>
            <location line="+4" />
            <translation>Eingabe "%1" hat "options", ist aber vom Typ %2; fügen Sie "type: choice" hinzu</translation>
        </message>
        <message>
            <source>the default of boolean input "%1" must be true or false; found "%2"</source>
            <location line="+9" />
            <translation>der Standardwert der booleschen Eingabe "%1" muss true oder false sein; gefunden: "%2"</translation>
        </message>
        <message>
            <source>the default of number input "%1" must be a number; found "%2"</source>
            <location line="+4" />
            <translation>der Standardwert der numerischen Eingabe "%1" muss eine Zahl sein; gefunden: "%2"</translation>
        </message>
        <message>
            <source>the default "%1" of input "%2" is not one of its options (%3)</source>
            <location line="+5" />
            <translation>der Standardwert "%1" der Eingabe "%2" ist keine ihrer Optionen (%3)</translation>
        </message>
        <message>
            <source>"jobs" must define at least one job</source>
            <location line="+13" />
            <translation>"jobs" muss mindestens einen Job definieren</translation>
        </message>
        <message>
            <source>"jobs" must be a map of job id: settings; found %1</source>
            <location line="+6" />
            <translation>"jobs" muss eine Map aus Job-ID: Einstellungen sein; gefunden: %1</translation>
        </message>
        <message>
            <source>in "jobs"</source>
            <location line="+3" />
            <translation>in "jobs"</translation>
        </message>
        <message>
            <source>job id "%1" must start with a letter or "_" and contain only letters, digits, "-" and "_"</source>
            <location line="+10" />
            <translation>Job-ID "%1" muss mit einem Buchstaben oder "_" beginnen und darf nur Buchstaben, Ziffern, "-" und "_" enthalten</translation>
        </message>
        <message>
            <source>job "%1" must be a map with "runs-on" and "steps"; found %2</source>
            <location line="+6" />
            <translation>Job "%1" muss eine Map mit "runs-on" und "steps" sein; gefunden: %2</translation>
        </message>
        <message>
            <source>in job "%1"</source>
            <location line="+5" />
            <translation>in Job "%1"</translation>
        </message>
        <message>
            <source>"%1" of job "%2"</source>
            <location line="+2" />
            <translation>"%1" des Jobs "%2"</translation>
        </message>
        <message>
            <source>job "%1" calls a reusable workflow with "uses"; it cannot also have "runs-on" or "steps"</source>
            <location line="+53" />
            <translation>Job "%1" ruft mit "uses" einen wiederverwendbaren Workflow auf; er kann nicht zusätzlich "runs-on" oder "steps" haben</translation>
        </message>
        <message>
            <source>job "%1" has no "runs-on"; add e.g. "runs-on: ubuntu-latest"</source>
            <location line="+7" />
            <translation>Job "%1" hat kein "runs-on"; fügen Sie z. B. "runs-on: ubuntu-latest" hinzu</translation>
        </message>
        <message>
            <source>job "%1" has no "steps"; add "steps:" with at least one "- run: ..."</source>
            <location line="+5" />
            <translation>Job "%1" hat keine "steps"; fügen Sie "steps:" mit mindestens einem "- run: ..." hinzu</translation>
        </message>
        <message>
            <source>the labels in %1 must be names; found %2</source>
            <location line="+24" />
            <translation>die Labels in %1 müssen Namen sein; gefunden: %2</translation>
        </message>
        <message>
            <source>%1 must name a runner, e.g. "ubuntu-latest"; found %2</source>
            <location line="+10" />
            <translation>%1 muss einen Runner nennen, z. B. "ubuntu-latest"; gefunden: %2</translation>
        </message>
        <message>
            <source>"environment" of job "%1"</source>
            <location line="+17" />
            <translation>"environment" des Jobs "%1"</translation>
        </message>
        <message>
            <source>"environment" of job "%1" must be a name or a map with "name" and "url"; found %2</source>
            <location line="+4" />
            <translation>"environment" des Jobs "%1" muss ein Name oder eine Map mit "name" und "url" sein; gefunden: %2</translation>
        </message>
        <message>
            <source>in "environment" of job "%1"</source>
            <location line="+5" />
            <translation>in "environment" des Jobs "%1"</translation>
        </message>
        <message>
            <source>"environment.%1" of job "%2"</source>
            <location line="+2" />
            <translation>"environment.%1" des Jobs "%2"</translation>
        </message>
        <message>
            <source>"environment" of job "%1" needs a "name"</source>
            <location line="+10" />
            <translation>"environment" des Jobs "%1" benötigt einen "name"</translation>
        </message>
        <message>
            <source>"container" of job "%1"</source>
            <location line="+6" />
            <translation>"container" des Jobs "%1"</translation>
        </message>
        <message>
            <source>%1 must be an image name or a map with "image"; found %2</source>
            <location line="+7" />
            <translation>%1 muss ein Image-Name oder eine Map mit "image" sein; gefunden: %2</translation>
        </message>
        <message>
            <source>"services" of job "%1" must be a map of service name: container; found %2</source>
            <location line="+9" />
            <translation>"services" des Jobs "%1" muss eine Map aus Service-Name: Container sein; gefunden: %2</translation>
        </message>
        <message>
            <source>in "services" of job "%1"</source>
            <location line="+7" />
            <translation>in "services" des Jobs "%1"</translation>
        </message>
        <message>
            <source>"strategy" of job "%1" must be a map with "matrix", "fail-fast" or "max-parallel"; found %2</source>
            <location line="+7" />
            <translation>"strategy" des Jobs "%1" muss eine Map mit "matrix", "fail-fast" oder "max-parallel" sein; gefunden: %2</translation>
        </message>
        <message>
            <source>in "strategy" of job "%1"</source>
            <location line="+5" />
            <translation>in "strategy" des Jobs "%1"</translation>
        </message>
        <message>
            <source>"strategy.%1" of job "%2"</source>
            <location line="+2" />
            <translation>"strategy.%1" des Jobs "%2"</translation>
        </message>
        <message>
            <source>%1 must be a map of axis: [values] (with "include" and "exclude" lists); found %2</source>
            <location line="+21" />
            <translation>%1 muss eine Map aus Achse: [Werte] sein (mit den Listen "include" und "exclude"); gefunden: %2</translation>
        </message>
        <message>
            <source>"%1" of %2</source>
            <location line="+81" />
            <location line="+8" />
            <translation>"%1" von %2</translation>
        </message>
        <message>
            <source>%1 is too large or nested too deeply</source>
            <location line="-72" />
            <translation>%1 ist zu groß oder zu tief verschachtelt</translation>
        </message>
        <message>
            <source>%1 must be a list of maps, e.g. "- os: windows-latest"; found %2</source>
            <location line="+7" />
            <translation>%1 muss eine Liste von Maps sein, z. B. "- os: windows-latest"; gefunden: %2</translation>
        </message>
        <message>
            <source>%1 must be a non-empty list of values, e.g. "[18, 20]"; found %2</source>
            <location line="+3" />
            <translation>%1 muss eine nicht leere Liste von Werten sein, z. B. "[18, 20]"; gefunden: %2</translation>
        </message>
        <message>
            <source>each entry of %1 must be a map of axis: value; found %2</source>
            <location line="+13" />
            <translation>jeder Eintrag von %1 muss eine Map aus Achse: Wert sein; gefunden: %2</translation>
        </message>
        <message>
            <source>%1 has no axes; add e.g. "node: [18, 20]" or an "include" list</source>
            <location line="+13" />
            <translation>%1 hat keine Achsen; fügen Sie z. B. "node: [18, 20]" oder eine "include"-Liste hinzu</translation>
        </message>
        <message>
            <source>%1 makes %2 combinations; GitHub allows at most %3 jobs per matrix</source>
            <location line="+7" />
            <translation>%1 erzeugt %2 Kombinationen; GitHub erlaubt höchstens %3 Jobs pro Matrix</translation>
        </message>
        <message>
            <source>"steps" of job "%1" must be a list with at least one step, e.g. "- run: make"; found %2</source>
            <location line="+11" />
            <translation>"steps" des Jobs "%1" muss eine Liste mit mindestens einem Schritt sein, z. B. "- run: make"; gefunden: %2</translation>
        </message>
        <message>
            <source>step %1 of job "%2"</source>
            <location line="+11" />
            <translation>Schritt %1 des Jobs "%2"</translation>
        </message>
        <message>
            <source>%1 must be a map with "run" or "uses"; found %2</source>
            <location line="+2" />
            <translation>%1 muss eine Map mit "run" oder "uses" sein; gefunden: %2</translation>
        </message>
        <message>
            <source>step id "%1" must start with a letter or "_" and contain only letters, digits, "-" and "_"</source>
            <location line="+10" />
            <translation>Schritt-ID "%1" muss mit einem Buchstaben oder "_" beginnen und darf nur Buchstaben, Ziffern, "-" und "_" enthalten</translation>
        </message>
        <message>
            <source>step id "%1" is used twice in job "%2" (first at line %3)</source>
            <location line="+6" />
            <translation>Schritt-ID "%1" wird im Job "%2" doppelt verwendet (zuerst in Zeile %3)</translation>
        </message>
        <message>
            <source>%1 has both "run" and "uses"; a step does one: split it in two</source>
            <location line="+33" />
            <translation>%1 hat sowohl "run" als auch "uses"; ein Schritt macht nur eines von beiden: teilen Sie ihn in zwei Schritte auf</translation>
        </message>
        <message>
            <source>%1 has neither "run" nor "uses"; add e.g. "run: make"</source>
            <location line="+3" />
            <translation>%1 hat weder "run" noch "uses"; fügen Sie z. B. "run: make" hinzu</translation>
        </message>
        <message>
            <source>%1 uses an action: "shell" and "working-directory" apply only to "run" steps</source>
            <location line="+5" />
            <translation>%1 verwendet eine Action: "shell" und "working-directory" gelten nur für "run"-Schritte</translation>
        </message>
        <message>
            <source>job "%1" needs itself</source>
            <location line="+18" />
            <translation>Job "%1" benötigt sich selbst</translation>
        </message>
        <message>
            <source>job "%1" needs "%2", which is not a job of this workflow%3</source>
            <location line="+2" />
            <translation>Job "%1" benötigt "%2", der kein Job dieses Workflows ist%3</translation>
        </message>
        <message>
            <source>the jobs' "needs" make a cycle: %1; remove one of these needs</source>
            <location line="+18" />
            <translation>die "needs" der Jobs bilden einen Zyklus: %1; entfernen Sie eine dieser Abhängigkeiten</translation>
        </message>
        <message>
            <location filename="../core/integrations/github/githubfiles.cpp" line="+82" />
            <source>%1, line %2: %3</source>
            <translation>%1, Zeile %2: %3</translation>
        </message>
        <message>
            <location line="+14" />
            <source>the line holds only spaces, and GitHub reads it as an entry with neither "=" nor "&lt;&lt;". Remove it (only empty lines are skipped).</source>
            <translation>die Zeile enthält nur Leerzeichen, und GitHub liest sie als Eintrag ohne "=" und ohne "&lt;&lt;". Entfernen Sie sie (nur leere Zeilen werden übersprungen).</translation>
        </message>
        <message>
            <location line="+2" />
            <source>expected NAME=value or NAME&lt;&lt;DELIMITER, found a line with neither "=" nor "&lt;&lt;".</source>
            <translation>NAME=value oder NAME&lt;&lt;DELIMITER erwartet, gefunden: eine Zeile ohne "=" und ohne "&lt;&lt;".</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The value of %1 (the heredoc from line %2) ended at line %3, a line that is exactly its delimiter "%4"; if the value goes on after it, choose a delimiter that cannot occur in the value, such as one made with $(uuidgen).</source>
            <translation>Der Wert von %1 (das Heredoc ab Zeile %2) endete in Zeile %3, einer Zeile, die genau aus seinem Begrenzer "%4" besteht; falls der Wert danach weitergeht, wählen Sie einen Begrenzer, der im Wert nicht vorkommen kann, etwa einen mit $(uuidgen) erzeugten.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>If it continues the value of %1 from line %2, write a value of several lines as a heredoc: %1&lt;&lt;EOF, then the lines, then EOF alone on a line (with a delimiter that cannot occur in the value).</source>
            <translation>Falls die Zeile den Wert von %1 aus Zeile %2 fortsetzt, schreiben Sie einen mehrzeiligen Wert als Heredoc: %1&lt;&lt;EOF, dann die Zeilen, dann EOF allein in einer Zeile (mit einem Begrenzer, der im Wert nicht vorkommen kann).</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Write NAME=value, or NAME&lt;&lt;DELIMITER for a value of several lines.</source>
            <translation>Schreiben Sie NAME=value oder, für einen mehrzeiligen Wert, NAME&lt;&lt;DELIMITER.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>the value of %1 is a heredoc ending at a line that is exactly "%2", but no later line is.</source>
            <translation>der Wert von %1 ist ein Heredoc, das mit einer Zeile endet, die genau "%2" lautet, aber keine spätere Zeile lautet so.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The delimiter is everything after "&lt;&lt;", spaces included: write %1&lt;&lt;%2.</source>
            <translation>Der Begrenzer ist alles nach "&lt;&lt;", einschließlich Leerzeichen: schreiben Sie %1&lt;&lt;%2.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Line %1 has spaces around it: the delimiter line must hold nothing else.</source>
            <translation>Zeile %1 ist von Leerzeichen umgeben: die Begrenzerzeile darf nichts anderes enthalten.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>End the value with a line that is exactly "%1", with a line break before it.</source>
            <translation>Beenden Sie den Wert mit einer Zeile, die genau "%1" lautet, und mit einem Zeilenumbruch davor.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>%1 is %2, and DeployDesk reads at most %3 of it (GitHub's limit for all the outputs of a run together). Write large data to a file and pass its path instead.</source>
            <translation>%1 ist %2 groß, und DeployDesk liest höchstens %3 davon (GitHubs Grenze für alle Ausgaben eines Laufs zusammen). Schreiben Sie große Daten in eine Datei und übergeben Sie stattdessen deren Pfad.</translation>
        </message>
        <message>
            <location line="+26" />
            <source>the line starts with "=", so the value has no name. Write NAME=value.</source>
            <translation>die Zeile beginnt mit "=", daher hat der Wert keinen Namen. Schreiben Sie NAME=value.</translation>
        </message>
        <message>
            <location line="+15" />
            <source>the line starts with "&lt;&lt;", so the value has no name. Write NAME&lt;&lt;DELIMITER.</source>
            <translation>die Zeile beginnt mit "&lt;&lt;", daher hat der Wert keinen Namen. Schreiben Sie NAME&lt;&lt;DELIMITER.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1&lt;&lt; gives no delimiter. Write %1&lt;&lt;DELIMITER, then the value's lines, then DELIMITER alone on a line.</source>
            <translation>%1&lt;&lt; gibt keinen Begrenzer an. Schreiben Sie %1&lt;&lt;DELIMITER, dann die Zeilen des Werts, dann DELIMITER allein in einer Zeile.</translation>
        </message>
        <message>
            <location line="+62" />
            <source>GitHub refuses to set NODE_OPTIONS from GITHUB_ENV ("Can't store NODE_OPTIONS output parameter using '$GITHUB_ENV' command.", since runner 2.309.0): through it one step could make every later Node.js action load code of its choice. Set it in the workflow's or the step's env: instead.</source>
            <translation>GitHub lehnt es ab, NODE_OPTIONS aus GITHUB_ENV zu setzen ("Can't store NODE_OPTIONS output parameter using '$GITHUB_ENV' command.", seit Runner 2.309.0): darüber könnte ein Schritt jede spätere Node.js-Action Code seiner Wahl laden lassen. Setzen Sie es stattdessen unter env: des Workflows oder des Schritts.</translation>
        </message>
        <message>
            <location filename="../core/integrations/github/githubjobstage.cpp" line="+80" />
            <location line="+4" />
            <source>hashFiles(): cannot read %1: %2</source>
            <translation>hashFiles(): %1 kann nicht gelesen werden: %2</translation>
        </message>
        <message>
            <location line="+39" />
            <source>cannot read %1 (%2): %3</source>
            <translation>%1 (%2) kann nicht gelesen werden: %3</translation>
        </message>
        <message>
            <location filename="../core/integrations/github/workflowcommands.cpp" line="+212" />
            <source>The `%1` command is disabled. Please upgrade to using Environment Files or opt into unsecure command execution by setting the `ACTIONS_ALLOW_UNSECURE_COMMANDS` environment variable to `true`. For more information see: https://github.blog/changelog/2020-10-01-github-actions-deprecating-set-env-and-add-path-commands/ (GitHub disabled it because any text a step prints, such as a pull request title or a file it shows, could otherwise change the %2 of every later step: CVE-2020-15228.)</source>
            <translation>Der Befehl `%1` ist deaktiviert. Bitte steigen Sie auf Umgebungsdateien (Environment Files) um, oder erlauben Sie die unsichere Befehlsausführung, indem Sie die Umgebungsvariable `ACTIONS_ALLOW_UNSECURE_COMMANDS` auf `true` setzen. Weitere Informationen: https://github.blog/changelog/2020-10-01-github-actions-deprecating-set-env-and-add-path-commands/ (GitHub hat ihn deaktiviert, weil sonst jeder Text, den ein Schritt ausgibt, etwa der Titel eines Pull Requests oder eine Datei, die er anzeigt, %2 jedes späteren Schritts ändern könnte: CVE-2020-15228.)</translation>
        </message>
        <message>
            <location line="+13" />
            <source>The `%1` command is deprecated and will be disabled soon. Please upgrade to using Environment Files. For more information see: https://github.blog/changelog/2022-10-11-github-actions-deprecating-save-state-and-set-output-commands/</source>
            <translation>Der Befehl `%1` ist veraltet und wird bald deaktiviert. Bitte steigen Sie auf Umgebungsdateien (Environment Files) um. Weitere Informationen: https://github.blog/changelog/2022-10-11-github-actions-deprecating-save-state-and-set-output-commands/</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Required field 'name' is missing in ##[%1] command.</source>
            <translation>Das Pflichtfeld 'name' fehlt im Befehl ##[%1].</translation>
        </message>
        <message>
            <location filename="../core/common/annotation.cpp" line="-8" />
            <source>Error</source>
            <translation>Fehler</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Warning</source>
            <translation>Warnung</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Notice</source>
            <translation>Hinweis</translation>
        </message>
        <message>
            <source>Run only this job (all its matrix legs) and the jobs it needs (repeatable).</source>
            <location line="+4" />
            <translation>Nur diesen Job (alle seine Matrix-Kombinationen) und die von ihm benötigten Jobs ausführen (wiederholbar).</translation>
        </message>
        <message>
            <source>Refuse to start when a job or step cannot run here.</source>
            <location line="+4" />
            <translation>Nicht starten, wenn ein Job oder Schritt hier nicht ausgeführt werden kann.</translation>
        </message>
        <message>
            <source>Why this run (recorded in the history).</source>
            <location line="+2" />
            <translation>Grund für diesen Lauf (wird im Verlauf festgehalten).</translation>
        </message>
        <message>
            <source>At most this many jobs at once (default: the number of CPUs).</source>
            <location line="+3" />
            <translation>Höchstens so viele Jobs gleichzeitig (Standard: die Anzahl der CPUs).</translation>
        </message>
        <message>
            <source>%1 of %2 would run here; nothing was run ("workflow run FILE" runs them)</source>
            <location line="+5" />
            <translation>hier ausführbar: %1 von %2; es wurde nichts ausgeführt ("workflow run FILE" führt sie aus)</translation>
        </message>
        <message numerus="yes">
            <source>%n problem(s); nothing was run</source>
            <location line="+38" />
            <location line="+16" />
            <translation>
                <numerusform>%n Problem; es wurde nichts ausgeführt</numerusform>
                <numerusform>%n Probleme; es wurde nichts ausgeführt</numerusform>
            </translation>
        </message>
        <message>
            <source>--job %1: the workflow has no such job; its jobs: %2</source>
            <location line="-23" />
            <translation>--job %1: der Workflow hat keinen solchen Job; seine Jobs: %2</translation>
        </message>
        <message>
            <source>--strict: job "%1" cannot run here: %2</source>
            <location line="+8" />
            <translation>--strict: Job "%1" kann hier nicht ausgeführt werden: %2</translation>
        </message>
        <message>
            <source>--strict: step %1 "%2" of job "%3" cannot run here: %4</source>
            <location line="+5" />
            <translation>--strict: Schritt %1 "%2" des Jobs "%3" kann hier nicht ausgeführt werden: %4</translation>
        </message>
        <message>
            <source>run %1 of workflow "%2" (%3) on %4 started</source>
            <location line="+15" />
            <translation>Lauf %1 des Workflows "%2" (%3) bei %4 gestartet</translation>
        </message>
        <message>
            <source>usage: deploydeskctl workflow list [--json] | workflow plan FILE [--event E] [--input name=value]... [--json] | workflow run FILE [--job ID]... [--event E] [--input name=value]... [--strict] [-m WHY]</source>
            <translation type="vanished">Aufruf: deploydeskctl workflow list [--json] | workflow plan FILE [--event E] [--input name=value]... [--json] | workflow run FILE [--job ID]... [--event E] [--input name=value]... [--strict] [-m GRUND]</translation>
        </message>
        <message>
            <source>You cannot use a endToken that is an empty string, the string 'pause-logging', or another workflow command. For more information see: https://docs.github.com/actions/learn-github-actions/workflow-commands-for-github-actions#example-stopping-and-starting-workflow-commands or opt into insecure command execution by setting the `ACTIONS_ALLOW_UNSECURE_STOPCOMMAND_TOKENS` environment variable to `true`.</source>
            <location filename="../core/integrations/github/workflowcommands.cpp" line="+171" />
            <translation>Als endToken dürfen Sie weder eine leere Zeichenkette noch die Zeichenkette 'pause-logging' noch einen anderen Workflow-Befehl verwenden. Weitere Informationen: https://docs.github.com/actions/learn-github-actions/workflow-commands-for-github-actions#example-stopping-and-starting-workflow-commands – oder erlauben Sie die unsichere Befehlsausführung, indem Sie die Umgebungsvariable `ACTIONS_ALLOW_UNSECURE_STOPCOMMAND_TOKENS` auf `true` setzen.</translation>
        </message>
        <message>
            <source>Invalid echo command value. Possible values can be: 'on', 'off'. Current value is: '%1'.</source>
            <location line="+22" />
            <translation>Ungültiger Wert für den Befehl echo. Mögliche Werte sind: 'on', 'off'. Aktueller Wert: '%1'.</translation>
        </message>
        <message>
            <source>environment</source>
            <location line="+13" />
            <translation>die Umgebung</translation>
        </message>
        <message>
            <source>Can't update NODE_OPTIONS environment variable using ::set-env:: command.</source>
            <location line="+5" />
            <translation>Die Umgebungsvariable NODE_OPTIONS kann nicht mit dem Befehl ::set-env:: geändert werden.</translation>
        </message>
        <message>
            <source>PATH</source>
            <location line="+4" />
            <translation>den PATH</translation>
        </message>
        <message>
            <source>The add-path command needs a directory after its "::".</source>
            <location line="+2" />
            <translation>Der Befehl add-path benötigt nach seinem "::" ein Verzeichnis.</translation>
        </message>
        <message>
            <source>Can't add secret mask for empty string in ##[add-mask] command.</source>
            <location line="+4" />
            <translation>Für eine leere Zeichenkette kann im Befehl ##[add-mask] keine Geheimnismaske hinzugefügt werden.</translation>
        </message>
        <message>
            <source>File path must be specified.</source>
            <location line="+6" />
            <translation>Ein Dateipfad muss angegeben werden.</translation>
        </message>
        <message>
            <source>Either specify an owner name or a file path in ##[remove-matcher] command. Both values cannot be set.</source>
            <location line="+5" />
            <translation>Geben Sie im Befehl ##[remove-matcher] entweder einen Besitzernamen oder einen Dateipfad an. Beide Werte können nicht gleichzeitig gesetzt werden.</translation>
        </message>
        <message>
            <source>Either an owner name or a file path must be specified in ##[remove-matcher] command.</source>
            <location line="+3" />
            <translation>Im Befehl ##[remove-matcher] muss entweder ein Besitzername oder ein Dateipfad angegeben werden.</translation>
        </message>
        <message>
            <source>an action.yml must be a map with "runs"; found %1</source>
            <location line="+14" />
            <translation>eine action.yml muss eine Map mit "runs" sein; gefunden: %1</translation>
        </message>
        <message>
            <source>in the action</source>
            <location line="+5" />
            <translation>in der Action</translation>
        </message>
        <message>
            <source>the action has no "runs"; a composite action needs "runs: { using: composite, steps: [...] }"</source>
            <location line="+18" />
            <translation>die Action hat kein "runs"; eine Composite Action benötigt "runs: { using: composite, steps: [...] }"</translation>
        </message>
        <message>
            <source>"inputs" must be a map of input name: settings; found %1</source>
            <location line="+10" />
            <translation>"inputs" muss eine Map aus Eingabename: Einstellungen sein; gefunden: %1</translation>
        </message>
        <message>
            <source>input "%1" must be a map (description, required, default); found %2</source>
            <location line="+22" />
            <translation>Eingabe "%1" muss eine Map sein (description, required, default); gefunden: %2</translation>
        </message>
        <message>
            <source>"outputs" must be a map of output name: settings; found %1</source>
            <location line="+13" />
            <translation>"outputs" muss eine Map aus Ausgabename: Einstellungen sein; gefunden: %1</translation>
        </message>
        <message>
            <source>in "outputs"</source>
            <location line="+5" />
            <translation>in "outputs"</translation>
        </message>
        <message>
            <source>in output "%1"</source>
            <location line="+8" />
            <translation>in Ausgabe "%1"</translation>
        </message>
        <message>
            <source>"value" of output "%1"</source>
            <location line="+4" />
            <translation>"value" der Ausgabe "%1"</translation>
        </message>
        <message>
            <source>"runs" must be a map with "using"; found %1</source>
            <location line="+9" />
            <translation>"runs" muss eine Map mit "using" sein; gefunden: %1</translation>
        </message>
        <message>
            <source>"runs" needs "using", e.g. "using: composite"</source>
            <location line="+5" />
            <translation>"runs" benötigt "using", z. B. "using: composite"</translation>
        </message>
        <message>
            <source>the action</source>
            <location line="+8" />
            <translation>die Action</translation>
        </message>
        <message>
            <source>a composite action needs "runs.steps"</source>
            <location line="+2" />
            <translation>eine Composite Action benötigt "runs.steps"</translation>
        </message>
        <message>
            <source>in "runs"</source>
            <location line="+3" />
            <translation>in "runs"</translation>
        </message>
        <message>
            <source>step %1 of a composite action runs a script and must name its "shell", e.g. "shell: bash"</source>
            <location line="+6" />
            <translation>Schritt %1 einer Composite Action führt ein Skript aus und muss seine "shell" angeben, z. B. "shell: bash"</translation>
        </message>
        <message>
            <source>At most this many runs (default 1000).</source>
            <location line="+3" />
            <translation>Höchstens so viele Läufe (Standard: 20). {1000)?}</translation>
        </message>
        <message>
            <source>▸ %1</source>
            <translation type="vanished">▸ %1</translation>
        </message>
        <message>
            <source>Annotations:</source>
            <location filename="../core/integrations/github/remoteruns.cpp" line="+131" />
            <translation>Anmerkungen:</translation>
        </message>
        <message>
            <source>%1 (GitHub)</source>
            <location line="+2" />
            <translation>%1 (GitHub)</translation>
        </message>
        <message>
            <source>  ran on       GitHub Actions: %1</source>
            <location line="+2" />
            <translation>  Ausgeführt    auf GitHub Actions: %1</translation>
        </message>
        <message>
            <source>Ask GitHub every this many seconds while the run changes (default 3; ten times longer at most while nothing changes).</source>
            <location filename="../app/cli/remoteworkflowcommand.cpp" line="+31" />
            <translation>GitHub alle so vielen Sekunden fragen, solange sich der Lauf ändert (Standard 3; höchstens zehnmal so lange, solange sich nichts ändert).</translation>
        </message>
        <message>
            <source>The GitHub repository, owner/name (default: the git remote origin).</source>
            <location line="+4" />
            <translation>Das GitHub-Repository, owner/name (Standard: das Git-Remote origin).</translation>
        </message>
        <message>
            <source>The branch or tag to dispatch on (default: the current branch).</source>
            <location line="+4" />
            <translation>Der Branch oder Tag, auf dem gestartet wird (Standard: der aktuelle Branch).</translation>
        </message>
        <message>
            <source>Do not follow the run after dispatching it.</source>
            <location line="+4" />
            <translation>Den Lauf nach dem Starten nicht verfolgen.</translation>
        </message>
        <message>
            <source>Only the runs of this workflow (file name or id).</source>
            <location line="+2" />
            <translation>Nur die Läufe dieses Workflows (Dateiname oder ID).</translation>
        </message>
        <message>
            <source>Fetch the jobs of at most this many runs (default 50).</source>
            <location line="+3" />
            <translation>Die Jobs von höchstens so vielen Läufen abrufen (Standard 50).</translation>
        </message>
        <message>
            <source>The GitHub environment to review (repeatable; default: every one the run waits for).</source>
            <location line="+3" />
            <translation>Die zu prüfende GitHub-Umgebung (wiederholbar; Standard: jede, auf die der Lauf wartet).</translation>
        </message>
        <message>
            <source>The review's comment (recorded on GitHub and here).</source>
            <location line="+4" />
            <translation>Der Kommentar zur Prüfung (auf GitHub und hier festgehalten).</translation>
        </message>
        <message>
            <source>--repo needs owner/name; found "%1"</source>
            <location line="+17" />
            <translation>--repo erwartet owner/name; gefunden: "%1"</translation>
        </message>
        <message>
            <source>no GitHub repository: the workspace %1 has no github.com remote named origin; name one with --repo owner/name</source>
            <translation type="vanished">kein GitHub-Repository: Der Arbeitsbereich %1 hat kein github.com-Remote namens origin; geben Sie eines mit --repo owner/name an</translation>
        </message>
        <message>
            <source>the secret GITHUB_TOKEN is not set: set a GitHub token with the actions scope with `deploydeskctl secrets set GITHUB_TOKEN`</source>
            <location line="+8" />
            <translation>das Geheimnis GITHUB_TOKEN ist nicht gesetzt: Setzen Sie ein GitHub-Token mit dem Scope actions mit `deploydeskctl secrets set GITHUB_TOKEN`</translation>
        </message>
        <message>
            <source>GitHub API: %1</source>
            <location line="+14" />
            <translation>GitHub-API: %1</translation>
        </message>
        <message>
            <source>"%1" is not a GitHub run id (the number in the run's URL, .../actions/runs/NUMBER)</source>
            <location line="+8" />
            <translation>"%1" ist keine GitHub-Lauf-ID (die Zahl in der URL des Laufs, .../actions/runs/NUMMER)</translation>
        </message>
        <message numerus="yes">
            <source>%n workflow(s) of %1 on GitHub:</source>
            <location line="+28" />
            <translation>
                <numerusform>%n Workflow von %1 auf GitHub:</numerusform>
                <numerusform>%n Workflows von %1 auf GitHub:</numerusform>
            </translation>
        </message>
        <message>
            <source>recorded before the failure: %1 new, %2 updated</source>
            <location line="+34" />
            <translation>vor dem Fehler festgehalten: %1 neu, %2 aktualisiert</translation>
        </message>
        <message>
            <source>%1: %2 new run(s), %3 updated, %4 unchanged (%5 page(s)); jobs fetched for %6 run(s)</source>
            <location line="+4" />
            <translation>%1: %2 neue(r) Lauf/Läufe, %3 aktualisiert, %4 unverändert (%5 Seite(n)); Jobs abgerufen für %6 Lauf/Läufe</translation>
        </message>
        <message>
            <source>--poll needs a number of seconds between 0.05 and 3600; found "%1"</source>
            <location line="+25" />
            <translation>--poll erwartet eine Anzahl Sekunden zwischen 0.05 und 3600; gefunden: "%1"</translation>
        </message>
        <message>
            <source>run %1: GitHub run %2 of "%3" (attempt %4) on %5, %6</source>
            <location line="+14" />
            <translation>Lauf %1: GitHub-Lauf %2 von "%3" (Versuch %4) auf %5, %6</translation>
        </message>
        <message numerus="yes">
            <source>  %1: log stored (%n line(s))</source>
            <location line="+18" />
            <translation>
                <numerusform>  %1: Protokoll gespeichert (%n Zeile)</numerusform>
                <numerusform>  %1: Protokoll gespeichert (%n Zeilen)</numerusform>
            </translation>
        </message>
        <message>
            <source>run %1: %2 on GitHub (%3)</source>
            <location line="+11" />
            <translation>Lauf %1: %2 auf GitHub (%3)</translation>
        </message>
        <message>
            <source>%1 has no workflow_dispatch trigger: GitHub would refuse to dispatch it</source>
            <location line="+18" />
            <translation>%1 hat keinen workflow_dispatch-Auslöser: GitHub würde das Starten ablehnen</translation>
        </message>
        <message>
            <source>no ref to dispatch on: the workspace is not on a branch; give one with --ref</source>
            <location line="+30" />
            <translation>keine Ref zum Starten: Der Arbeitsbereich ist auf keinem Branch; geben Sie eine mit --ref an</translation>
        </message>
        <message>
            <source>dispatched %1 on %2: GitHub run %3 %4</source>
            <location line="+16" />
            <translation>%1 auf %2 gestartet: GitHub-Lauf %3 %4</translation>
        </message>
        <message>
            <source>re-run of the failed jobs requested on GitHub by %1</source>
            <location line="+68" />
            <translation>erneute Ausführung der fehlgeschlagenen Jobs auf GitHub angefordert von %1</translation>
        </message>
        <message>
            <source>GitHub re-runs the failed jobs of run %1</source>
            <location line="+2" />
            <translation>GitHub führt die fehlgeschlagenen Jobs von Lauf %1 erneut aus</translation>
        </message>
        <message>
            <source>cancel of GitHub run %1 requested</source>
            <location line="+7" />
            <translation>Abbruch von GitHub-Lauf %1 angefordert</translation>
        </message>
        <message>
            <source>GitHub run %1 waits for no deployment approval</source>
            <location line="+14" />
            <translation>GitHub-Lauf %1 wartet auf keine Freigabe einer Bereitstellung</translation>
        </message>
        <message>
            <source>you may not review deployments to %1 (its reviewers: %2)</source>
            <location line="+11" />
            <translation>Sie dürfen Bereitstellungen in %1 nicht prüfen (ihre Prüfer: %2)</translation>
        </message>
        <message>
            <source>GitHub run %1 does not wait for %2; it waits for: %3</source>
            <location line="+9" />
            <translation>GitHub-Lauf %1 wartet nicht auf %2; er wartet auf: %3</translation>
        </message>
        <message>
            <source>deployment to %1 approved on GitHub run %2</source>
            <location line="+22" />
            <translation>Bereitstellung in %1 auf GitHub-Lauf %2 freigegeben</translation>
        </message>
        <message>
            <source>deployment to %1 rejected on GitHub run %2</source>
            <location line="+3" />
            <translation>Bereitstellung in %1 auf GitHub-Lauf %2 abgelehnt</translation>
        </message>
        <message>
            <source>--limit needs a whole number of at least 1 and --jobs one of at least 0</source>
            <location line="+29" />
            <translation>--limit erwartet eine ganze Zahl von mindestens 1 und --jobs eine von mindestens 0</translation>
        </message>
        <message>
            <source>Approve the jobs whose environment is protected in deploydesk.yml (recorded with -m).</source>
            <location line="+3" />
            <translation>Die Jobs freigeben, deren Umgebung in deploydesk.yml geschützt ist (mit -m festgehalten).</translation>
        </message>
        <message>
            <source>%1: "concurrency": %2</source>
            <translation type="vanished">%1: "concurrency": %2</translation>
        </message>
        <message>
            <source>job "%1" deploys to %2, which deploydesk.yml protects: run again with --approve -m REASON; nothing was run</source>
            <location line="+47" />
            <translation>Job "%1" stellt in %2 bereit, das deploydesk.yml schützt: Führen Sie ihn erneut mit --approve -m GRUND aus; nichts wurde ausgeführt</translation>
        </message>
        <message>
            <source>usage: deploydeskctl workflow list [--json] | workflow plan FILE [--event E] [--input name=value]... [--json] | workflow run FILE [--job ID]... [--event E] [--input name=value]... [--strict] [-m WHY]
On GitHub (--repo owner/name, the secret GITHUB_TOKEN): workflow remote [--json] | workflow import [--workflow W] [--limit N] [--jobs N] | workflow dispatch FILE [--ref R] [--input name=value]... [--no-follow] | workflow follow|cancel|rerun RUN | workflow approve|reject RUN [--environment NAME]... [--comment TEXT]</source>
            <location line="+31" />
            <translation>Aufruf: deploydeskctl workflow list [--json] | workflow plan DATEI [--event E] [--input name=value]... [--json] | workflow run DATEI [--job ID]... [--event E] [--input name=value]... [--strict] [-m WARUM]
Auf GitHub (--repo owner/name, das Geheimnis GITHUB_TOKEN): workflow remote [--json] | workflow import [--workflow W] [--limit N] [--jobs N] | workflow dispatch DATEI [--ref R] [--input name=value]... [--no-follow] | workflow follow|cancel|rerun LAUF | workflow approve|reject LAUF [--environment NAME]... [--comment TEXT]</translation>
        </message>
        <message>
            <source>waiting on GitHub for a deployment approval</source>
            <location filename="../core/integrations/github/actionsapi.cpp" line="+214" />
            <translation>wartet auf GitHub auf die Freigabe einer Bereitstellung</translation>
        </message>
        <message>
            <source>timed out on GitHub</source>
            <location line="+2" />
            <translation>Zeitüberschreitung auf GitHub</translation>
        </message>
        <message>
            <source>GitHub asks for an action before it runs</source>
            <location line="+2" />
            <translation>GitHub verlangt vor dem Ausführen eine Aktion</translation>
        </message>
        <message>
            <source>GitHub could not start it</source>
            <location line="+2" />
            <translation>GitHub konnte ihn nicht starten</translation>
        </message>
        <message>
            <source>skipped on GitHub</source>
            <location line="+2" />
            <translation>auf GitHub übersprungen</translation>
        </message>
        <message>
            <source>the secret GITHUB_TOKEN (a token with the actions scope)</source>
            <location filename="../core/integrations/github/actionsapi.cpp" line="+11" />
            <translation>das Geheimnis GITHUB_TOKEN (ein Token mit dem Scope actions)</translation>
        </message>
        <message>
            <source>%1 of %2 requests left</source>
            <location filename="../core/integrations/github/actionsapi.cpp" line="-411" />
            <translation>%1 von %2 Anfragen übrig</translation>
        </message>
        <message>
            <source> until %1 UTC</source>
            <location line="+4" />
            <translation> bis %1 UTC</translation>
        </message>
        <message numerus="yes">
            <source>%1 has %n problem(s); the first: %2</source>
            <location filename="../ui/workflows/workflowstart.cpp" line="+19" />
            <translation>
                <numerusform>%1 hat %n Problem: %2</numerusform>
                <numerusform>%1 hat %n Probleme; das erste: %2</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../core/run/workflowrun.cpp" line="+55" />
            <source>"concurrency": %1</source>
            <translation>"concurrency": %1</translation>
        </message>
        <message>
            <location filename="../core/integrations/github/deploymentreporter.cpp" line="+56" />
            <source>the "github" section of %1 has problems; `deploydeskctl validate` lists them</source>
            <translation>der Abschnitt "github" von %1 hat Probleme; `deploydeskctl validate` listet sie auf</translation>
        </message>
        <message>
            <source>annotations:</source>
            <location line="+9" />
            <translation>Anmerkungen:</translation>
        </message>
        <message>
            <source>no GitHub repository: the workspace %1 has no GitHub remote named origin; name one with --repo owner/name or with "github: repository:" in deploydesk.yml</source>
            <location line="+7" />
            <translation>kein GitHub-Repository: der Arbeitsbereich %1 hat kein GitHub-Remote namens origin; nennen Sie eines mit --repo owner/name oder mit "github: repository:" in deploydesk.yml</translation>
        </message>
        <message>
            <source>"github" must be a map with "repository" (owner/name) and, for GitHub Enterprise Server, "api-url"; found %1</source>
            <location line="+20" />
            <translation>"github" muss eine Map mit "repository" (owner/name) und, für GitHub Enterprise Server, "api-url" sein; gefunden: %1</translation>
        </message>
        <message>
            <source>in "github"</source>
            <location line="+5" />
            <translation>in "github"</translation>
        </message>
        <message>
            <source>"github.%1"</source>
            <location line="+2" />
            <translation>"github.%1"</translation>
        </message>
        <message>
            <source>%1 must be owner/name, e.g. octo-org/docs; found "%2"</source>
            <location line="+8" />
            <translation>%1 muss owner/name sein, z. B. octo-org/docs; gefunden: "%2"</translation>
        </message>
        <message>
            <source>%1 must be the http(s) URL of a GitHub API, e.g. https://github.example.com/api/v3 for GitHub Enterprise Server; found "%2"</source>
            <location line="+15" />
            <translation>%1 muss die http(s)-URL einer GitHub-API sein, z. B. https://github.example.com/api/v3 für GitHub Enterprise Server; gefunden: "%2"</translation>
        </message>
        <message>
            <source>the job folder %1 of pruned run %2 could not be removed; check its permissions</source>
            <location line="+23" />
            <translation>der Job-Ordner %1 des entfernten Laufs %2 konnte nicht gelöscht werden; prüfen Sie seine Berechtigungen</translation>
        </message>
        <message>
            <source>reading the busy timeout</source>
            <translation type="vanished">die Wartezeit bei Sperren lesen</translation>
        </message>
        <message>
            <source>the comment holds the value of a secret (GITHUB_TOKEN or another secret DeployDesk knows), and GitHub would show it to everyone who can read the run: take it out of --comment; nothing was sent</source>
            <location line="+15" />
            <translation>der Kommentar enthält den Wert eines Secrets (GITHUB_TOKEN oder eines anderen Secrets, das DeployDesk kennt), und GitHub würde ihn allen zeigen, die den Lauf lesen können: nehmen Sie ihn aus --comment heraus; nichts wurde gesendet</translation>
        </message>
        <message>
            <source>history database %1: reclaiming free pages failed: %2</source>
            <location line="+20" />
            <translation>Verlaufsdatenbank %1: Freigeben freier Seiten fehlgeschlagen: %2</translation>
        </message>
        <message>
            <source>reading the parts of the log search index</source>
            <location filename="../core/store/historyprune_p.h" line="+133" />
            <translation>Lesen der Teile des Protokoll-Suchindex</translation>
        </message>
        <message>
            <source>turning the log search index's merges back on</source>
            <location line="+30" />
            <translation>Wiedereinschalten der Zusammenführungen des Protokoll-Suchindex</translation>
        </message>
        <message>
            <source>merging the log search index</source>
            <location line="+53" />
            <translation>Zusammenführen des Protokoll-Suchindex</translation>
        </message>
        <message>
            <source>it has no part</source>
            <location filename="../core/store/logindexparts.cpp" line="+154" />
            <translation>er hat keinen Teil</translation>
        </message>
        <message>
            <source>part %1: %2</source>
            <location line="+6" />
            <translation>Teil %1: %2</translation>
        </message>
        <message>
            <source>retiring emptied parts of the log search index</source>
            <location line="+7" />
            <translation>Stilllegen geleerter Teile des Protokoll-Suchindex</translation>
        </message>
        <message>
            <source>dropping an emptied part of the log search index</source>
            <location line="+39" />
            <translation>Entfernen eines geleerten Teils des Protokoll-Suchindex</translation>
        </message>
        <message>
            <location filename="../core/engine/stageserver.cpp" line="+98" />
            <source>cannot start "%1 --serve": %2</source>
            <translation>„%1 --serve“ lässt sich nicht starten: %2</translation>
        </message>
        <message>
            <location line="+83" />
            <source>the stage's command and environment take %1 bytes, more than a served guard takes</source>
            <translation>Befehl und Umgebung der Stufe belegen %1 Bytes, mehr als ein Wächter des Stufen-Servers annimmt</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Alembic::AlembicJob</name>
        <message>
            <location filename="../core/data/alembic/alembicjob.cpp" line="+51" />
            <source>Alembic's configuration %1 does not exist; create it (alembic init) or set the stage's config option</source>
            <translation>die Alembic-Konfiguration %1 existiert nicht; legen Sie sie an (alembic init) oder setzen Sie die Option config der Stufe</translation>
        </message>
        <message>
            <location line="+8" />
            <source>%1 is not set: using the stage's default-url (%2)</source>
            <translation>%1 ist nicht gesetzt: die default-url der Stufe wird verwendet (%2)</translation>
        </message>
        <message>
            <location line="+30" />
            <source>the database is at revision %1, not %2</source>
            <translation>die Datenbank ist auf Revision %1, nicht %2</translation>
        </message>
        <message>
            <location line="+47" />
            <source>the migration scripts of %1 have %2 heads (%3): Alembic cannot tell which one to upgrade to. Merge them (alembic merge -m "merge heads" heads) and deploy again; nothing was migrated</source>
            <translation>die Migrationsskripte von %1 haben %2 Heads (%3): Alembic kann nicht entscheiden, auf welchen aktualisiert werden soll. Führen Sie sie zusammen (alembic merge -m "merge heads" heads) und stellen Sie erneut bereit; es wurde nichts migriert</translation>
        </message>
        <message>
            <location line="+10" />
            <source>the database is at revision %1; upgrading to %2</source>
            <translation>die Datenbank ist auf Revision %1; Aktualisierung auf %2</translation>
        </message>
        <message>
            <location line="+15" />
            <source>; the database was at revision %1</source>
            <translation>; die Datenbank war auf Revision %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>; the database stays at revision %1</source>
            <translation>; die Datenbank bleibt auf Revision %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>; the database is now at revision %1 (it was at %2)</source>
            <translation>; die Datenbank ist jetzt auf Revision %1 (sie war auf %2)</translation>
        </message>
        <message>
            <location line="+11" />
            <source>the database was already at revision %1</source>
            <translation>die Datenbank war bereits auf Revision %1</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+28" />
            <source>database: %1 → %2</source>
            <translation>Datenbank: %1 → %2</translation>
        </message>
        <message>
            <location line="-16" />
            <source>a database rollback needs a revision</source>
            <translation>ein Datenbank-Rollback benötigt eine Revision</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Alembic ended without error but the database is at revision %1, not %2</source>
            <translation>Alembic endete ohne Fehler, aber die Datenbank ist auf Revision %1, nicht %2</translation>
        </message>
        <message>
            <location line="+13" />
            <source>the database is already at revision %1</source>
            <translation>die Datenbank ist bereits auf Revision %1</translation>
        </message>
        <message>
            <location line="+6" />
            <source>alembic %1 %2</source>
            <translation>alembic %1 %2</translation>
        </message>
        <message>
            <location line="+85" />
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 cannot import Alembic (%2): install python3-alembic and the database's driver (python3-psycopg2 for PostgreSQL), or set the stage's python option to a Python that has them</source>
            <translation>%1 kann Alembic nicht importieren (%2): installieren Sie python3-alembic und den Treiber der Datenbank (python3-psycopg2 für PostgreSQL) oder setzen Sie die Option python der Stufe auf ein Python, das beides hat</translation>
        </message>
        <message>
            <location line="+9" />
            <source>%1 failed (%2); its output is in the stage's log</source>
            <translation>%1 fehlgeschlagen (%2); die Ausgabe steht im Protokoll der Stufe</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 failed: %2 (%3)</source>
            <translation>%1 fehlgeschlagen: %2 (%3)</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Data::CohereEmbedJob</name>
        <message>
            <location filename="../core/data/embed/cohereembedjob.cpp" line="+97" />
            <source>the secret %1 (deploydeskctl secrets set %1)</source>
            <translation>das Geheimnis %1 (deploydeskctl secrets set %1)</translation>
        </message>
        <message>
            <location line="+17" />
            <source>a budget of %1 inputs per %2</source>
            <translation>ein Budget von %1 Eingaben pro %2</translation>
        </message>
        <message>
            <location line="+3" />
            <source>no budget</source>
            <translation>kein Budget</translation>
        </message>
        <message numerus="yes">
            <source>embedding %n text(s) with Cohere %1 (%2 dimensions): up to %3 per call, %4 call(s) in flight, %5</source>
            <translation type="vanished">
                <numerusform>Einbetten von %n Text mit Cohere %1 (%2 Dimensionen): bis zu %3 pro Aufruf, %4 Aufrufe gleichzeitig, %5</numerusform>
                <numerusform>Einbetten von %n Texten mit Cohere %1 (%2 Dimensionen): bis zu %3 pro Aufruf, %4 Aufrufe gleichzeitig, %5</numerusform>
            </translation>
        </message>
        <message>
            <location line="+146" />
            <source>Cohere's answer for %1 is malformed: %2</source>
            <translation>die Antwort von Cohere für %1 ist fehlerhaft: %2</translation>
        </message>
        <message>
            <location line="-214" />
            <source>no embeddings.float array</source>
            <translation>kein Array embeddings.float</translation>
        </message>
        <message>
            <location line="-10" />
            <source>not valid JSON (%1 at offset %2)</source>
            <translation>kein gültiges JSON (%1 an Position %2)</translation>
        </message>
        <message>
            <location line="+15" />
            <source>%1 vectors for %2 texts</source>
            <translation>%1 Vektoren für %2 Texte</translation>
        </message>
        <message>
            <location line="+7" />
            <source>a vector of %1 dimensions, expected %2</source>
            <translation>ein Vektor mit %1 Dimensionen, erwartet %2</translation>
        </message>
        <message>
            <location line="+10" />
            <source>a vector holds something other than a number</source>
            <translation>ein Vektor enthält etwas anderes als eine Zahl</translation>
        </message>
        <message numerus="yes">
            <location line="+47" />
            <source>embedding %n text(s)</source>
            <translation>
                <numerusform>Einbetten von %n Text</numerusform>
                <numerusform>Einbetten von %n Texten</numerusform>
            </translation>
        </message>
        <message>
            <location line="+1" />
            <source>embedding the texts as they come</source>
            <translation>Einbetten der Texte, sobald sie vorliegen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 with Cohere %2 (%3 dimensions): up to %4 per call, %5 call(s) in flight, %6</source>
            <translation>%1 mit Cohere %2 (%3 Dimensionen): bis zu %4 pro Aufruf, %5 Aufrufe gleichzeitig, %6</translation>
        </message>
        <message>
            <location line="+164" />
            <source>Cohere asked to wait %1 before embedding %2, longer than %3: %4</source>
            <translation>Cohere bat darum, %1 zu warten, bevor %2 eingebettet wird, länger als %3: %4</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Cohere refused %1: %2</source>
            <translation>Cohere hat %1 abgelehnt: %2</translation>
        </message>
        <message numerus="yes">
            <location line="+10" />
            <source>Cohere did not embed %1 after %n attempt(s): %2</source>
            <translation>
                <numerusform>Cohere hat %1 nach %n Versuch nicht eingebettet: %2</numerusform>
                <numerusform>Cohere hat %1 nach %n Versuchen nicht eingebettet: %2</numerusform>
            </translation>
        </message>
        <message>
            <location line="+13" />
            <source>%1: %2; retrying in %3 (attempt %4 of %5)</source>
            <translation>%1: %2; neuer Versuch in %3 (Versuch %4 von %5)</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Data::EmbedJob</name>
        <message>
            <location filename="../core/data/embed/embedjob.cpp" line="+14" />
            <source>%1 %2 (%3 dimensions)</source>
            <translation>%1 %2 (%3 Dimensionen)</translation>
        </message>
        <message>
            <location line="+18" />
            <source>text %1 of %2</source>
            <translation>Text %1 von %2</translation>
        </message>
        <message>
            <location line="+1" />
            <source>texts %1–%2 of %3</source>
            <translation>Texte %1–%2 von %3</translation>
        </message>
        <message>
            <location line="+15" />
            <source>%1 is empty; an embedder needs some text (drop empty chunks before embedding)</source>
            <translation>%1 ist leer; ein Embedder benötigt Text (entfernen Sie leere Abschnitte vor dem Einbetten)</translation>
        </message>
        <message>
            <location line="+63" />
            <source>vectors for texts %1–%2 do not fit %3 texts</source>
            <translation>Vektoren für Texte %1–%2 passen nicht zu %3 Texten</translation>
        </message>
        <message>
            <location line="+9" />
            <source>%1 was embedded twice</source>
            <translation>%1 wurde zweimal eingebettet</translation>
        </message>
        <message>
            <location line="+5" />
            <source>the vector of %1 has %2 dimensions, expected %3</source>
            <translation>der Vektor von %1 hat %2 Dimensionen, erwartet %3</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Data::Internal::QdrantJob</name>
        <message>
            <location filename="../core/data/index/qdrantjob.cpp" line="+63" />
            <source>%1; asking again</source>
            <translation>%1; erneute Anfrage</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Data::ReembedJob</name>
        <message>
            <location filename="../core/data/reembed/reembedjob.cpp" line="+78" />
            <source>cannot create the folder %1 for the index manifests</source>
            <translation>Der Ordner %1 für die Index-Manifeste kann nicht erstellt werden</translation>
        </message>
        <message>
            <location line="+34" />
            <source>full rebuild into the new version %1: the docs are embedded as they are chunked</source>
            <translation>vollständiger Neuaufbau in die neue Version %1: die Dokumente werden eingebettet, während sie in Abschnitte zerlegt werden</translation>
        </message>
        <message>
            <location line="+86" />
            <source>warning: %1</source>
            <translation>Warnung: %1</translation>
        </message>
        <message>
            <location line="+44" />
            <source>version %1 has no manifest in %2: every chunk is embedded again</source>
            <translation>Version %1 hat kein Manifest in %2: jeder Abschnitt wird erneut eingebettet</translation>
        </message>
        <message>
            <location line="+41" />
            <source>cannot write %1: %2</source>
            <translation>%1 kann nicht geschrieben werden: %2</translation>
        </message>
        <message>
            <location line="+42" />
            <source>the %1 chunks handed to the embedder are not the %2 chunks of the docs, in their order</source>
            <translation>die %1 an den Embedder übergebenen Abschnitte sind nicht die %2 Abschnitte der Dokumente in ihrer Reihenfolge</translation>
        </message>
        <message numerus="yes">
            <location line="+37" />
            <source>removed %n point(s) of deleted chunks</source>
            <translation>
                <numerusform>%n Punkt gelöschter Abschnitte entfernt</numerusform>
                <numerusform>%n Punkte gelöschter Abschnitte entfernt</numerusform>
            </translation>
        </message>
        <message>
            <location line="+103" />
            <source>embedded and stored %1 chunks (+%2 tokens); the docs are still being chunked</source>
            <translation>%1 Abschnitte eingebettet und gespeichert (+%2 Token); die Dokumente werden noch in Abschnitte zerlegt</translation>
        </message>
        <message>
            <location line="+10" />
            <source>embedded and stored %1 of %2 chunks (+%3 tokens), about %4 s left</source>
            <translation>%1 von %2 Abschnitten eingebettet und gespeichert (+%3 Token), noch etwa %4 s</translation>
        </message>
        <message>
            <location line="+28" />
            <source>validation failed: version %1 holds vectors of %2 dimensions, the embedder %3 makes %4; run a full re-embed</source>
            <translation>Prüfung fehlgeschlagen: Version %1 enthält Vektoren mit %2 Dimensionen, der Embedder %3 erzeugt %4; führen Sie ein vollständiges Neueinbetten durch</translation>
        </message>
        <message>
            <location line="+21" />
            <source>validation failed: version %1 holds %2 points, its manifest %3 chunks</source>
            <translation>Prüfung fehlgeschlagen: Version %1 enthält %2 Punkte, ihr Manifest %3 Abschnitte</translation>
        </message>
        <message>
            <location line="+7" />
            <source>validation failed: the manifest of version %1 lists %2 chunks, the docs give %3</source>
            <translation>Prüfung fehlgeschlagen: das Manifest von Version %1 listet %2 Abschnitte auf, die Dokumentation ergibt %3</translation>
        </message>
        <message>
            <location line="+5" />
            <source>validation: %1 points, as the manifest lists</source>
            <translation>Prüfung: %1 Punkte, wie im Manifest aufgeführt</translation>
        </message>
        <message>
            <location line="+33" />
            <source>golden question %1 found %2</source>
            <translation>Prüffrage %1 hat %2 gefunden</translation>
        </message>
        <message>
            <location line="+9" />
            <source>validation failed: golden question %1 (line %2) "%3" expected %4 in the top %5, found instead: %6.%7</source>
            <translation>Prüfung fehlgeschlagen: Prüffrage %1 (Zeile %2) „%3“ erwartete %4 unter den ersten %5, fand stattdessen: %6.%7</translation>
        </message>
        <message>
            <location line="+6" />
            <source>nothing</source>
            <translation>nichts</translation>
        </message>
        <message>
            <location line="+1" />
            <source> Version %1 was not made live; the live version is unchanged.</source>
            <translation> Version %1 wurde nicht aktiv geschaltet; die aktive Version ist unverändert.</translation>
        </message>
        <message>
            <location line="+13" />
            <source>version %1 updated in place</source>
            <translation>Version %1 an Ort und Stelle aktualisiert</translation>
        </message>
        <message>
            <location line="+11" />
            <source>index switch v%1 → v%2</source>
            <translation>Indexwechsel v%1 → v%2</translation>
        </message>
        <message>
            <location line="+1" />
            <source>index v%1 is live</source>
            <translation>Index v%1 ist aktiv</translation>
        </message>
        <message>
            <location line="+11" />
            <source>resuming the rebuild of version %1</source>
            <translation>Neuaufbau von Version %1 wird fortgesetzt</translation>
        </message>
        <message>
            <location line="+2" />
            <source>full rebuild into version %1 (live: %2)</source>
            <translation>vollständiger Neuaufbau in Version %1 (aktiv: %2)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>none</source>
            <translation>keine</translation>
        </message>
        <message>
            <location line="+2" />
            <source>incremental update of live version %1</source>
            <translation>inkrementelle Aktualisierung der aktiven Version %1</translation>
        </message>
        <message>
            <location line="+4" />
            <source>  %1: %2 new, %3 changed, %4 removed, %5 unchanged, ~%6 tokens</source>
            <translation>  %1: %2 neu, %3 geändert, %4 entfernt, %5 unverändert, ~%6 Token</translation>
        </message>
        <message>
            <location line="+8" />
            <source>%1 chunks: %2 new, %3 changed, %4 removed, %5 unchanged; %6 inputs to embed, ~%7 billed tokens</source>
            <translation>%1 Abschnitte: %2 neu, %3 geändert, %4 entfernt, %5 unverändert; %6 einzubettende Eingaben, ~%7 abgerechnete Token</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::DeployStage</name>
        <message>
            <location filename="../core/deploy/deploytarget.cpp" line="+39" />
            <source>stage "%1" deploys with %2 and needs an environment; run it with --env NAME (or Deploy To in the panel)</source>
            <translation>Stufe "%1" stellt mit %2 bereit und benötigt eine Umgebung; führen Sie sie mit --env NAME aus (oder über Deploy To im Kontrollzentrum)</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::DeploymentReporter</name>
        <message>
            <location filename="../core/integrations/github/deploymentreporter.cpp" line="+45" />
            <source>the secret GITHUB_TOKEN</source>
            <translation>das Geheimnis GITHUB_TOKEN</translation>
        </message>
        <message>
            <location line="+34" />
            <source>GitHub deployment for %1 not created: %2</source>
            <translation>GitHub-Deployment für %1 nicht angelegt: %2</translation>
        </message>
        <message>
            <location line="+2" />
            <source>answered %1</source>
            <translation>Antwort %1</translation>
        </message>
        <message>
            <location line="+6" />
            <source>DeployDesk is deploying</source>
            <translation>DeployDesk stellt bereit</translation>
        </message>
        <message>
            <location line="+56" />
            <source>GitHub deployment status "%1" not posted: %2</source>
            <translation>GitHub-Deployment-Status "%1" nicht gesendet: %2</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::GitHub::ActionsCall</name>
        <message>
            <location line="+171" />
            <source>the GitHub session is gone</source>
            <translation>die GitHub-Sitzung besteht nicht mehr</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::GitHub::ActionsJob</name>
        <message>
            <location line="+65" />
            <source>the GitHub session is gone</source>
            <translation>die GitHub-Sitzung besteht nicht mehr</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::GitHub::DispatchJob</name>
        <message>
            <location filename="../core/integrations/github/remoteruns.cpp" line="+400" />
            <source>the GitHub session is gone</source>
            <translation>die GitHub-Sitzung besteht nicht mehr</translation>
        </message>
        <message>
            <location line="+50" />
            <source>GitHub accepted the dispatch of %1 on %2, but no run of it appeared within a minute; see the repository's Actions page</source>
            <translation>GitHub hat das Starten von %1 auf %2 angenommen, aber innerhalb einer Minute ist kein Lauf davon erschienen; siehe die Actions-Seite des Repositorys</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::GitHub::RemoteFollowJob</name>
        <message>
            <location filename="../core/integrations/github/remoteruns.cpp" line="-279" />
            <source>the GitHub session is gone</source>
            <translation>die GitHub-Sitzung besteht nicht mehr</translation>
        </message>
        <message>
            <location line="+143" />
            <source>the log of job "%1" could not be fetched: %2</source>
            <translation>das Protokoll von Job "%1" konnte nicht abgerufen werden: %2</translation>
        </message>
        <message>
            <location line="+21" />
            <source>the log of job "%1" could not be downloaded: %2</source>
            <translation>das Protokoll von Job "%1" konnte nicht heruntergeladen werden: %2</translation>
        </message>
        <message>
            <location line="+19" />
            <source>GitHub no longer has the log of this job</source>
            <translation>GitHub hat das Protokoll dieses Jobs nicht mehr</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::GitHub::RemoteImportJob</name>
        <message>
            <location line="-333" />
            <source>the GitHub session is gone</source>
            <translation>die GitHub-Sitzung besteht nicht mehr</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::GitHubJobStage</name>
        <message>
            <location filename="../core/integrations/github/githubjobstage.cpp" line="+61" />
            <source>step %1 "%2" failed: %3</source>
            <translation>Schritt %1 "%2" fehlgeschlagen: %3</translation>
        </message>
        <message>
            <location line="+45" />
            <location line="+6" />
            <location line="+11" />
            <location line="+6" />
            <source>%1: %2: %3</source>
            <translation>%1: %2: %3</translation>
        </message>
        <message>
            <location line="+20" />
            <source>"%1" in %2</source>
            <translation>"%1" in %2</translation>
        </message>
        <message>
            <location line="+118" />
            <source>%1: "if" of job "%2": %3</source>
            <translation>%1: "if" des Jobs "%2": %3</translation>
        </message>
        <message>
            <location line="+6" />
            <source>○ job skipped: a job it needs did not succeed</source>
            <translation>○ Job übersprungen: ein benötigter Job war nicht erfolgreich</translation>
        </message>
        <message>
            <location line="+1" />
            <source>○ job skipped: if: %1 is false</source>
            <translation>○ Job übersprungen: if: %1 ergibt false</translation>
        </message>
        <message>
            <location line="+18" />
            <source>"concurrency"</source>
            <translation>"concurrency"</translation>
        </message>
        <message>
            <location line="+3" />
            <source>"cancel-in-progress"</source>
            <translation>"cancel-in-progress"</translation>
        </message>
        <message>
            <location line="+13" />
            <source>⏸ %1</source>
            <translation>⏸ %1</translation>
        </message>
        <message>
            <location line="+44" />
            <source>the workflow has problems: %1</source>
            <translation>der Workflow hat Probleme: %1</translation>
        </message>
        <message>
            <location line="+6" />
            <source>the workflow has no job "%1" any more</source>
            <translation>der Workflow hat keinen Job "%1" mehr</translation>
        </message>
        <message>
            <location line="+9" />
            <source>cannot make the job's temporary folder: %1</source>
            <translation>der temporäre Ordner des Jobs kann nicht angelegt werden: %1</translation>
        </message>
        <message>
            <location line="+108" />
            <source>the workflow's "env"</source>
            <translation>"env" des Workflows</translation>
        </message>
        <message>
            <location line="+2" />
            <source>"env" of job "%1"</source>
            <translation>"env" des Jobs "%1"</translation>
        </message>
        <message>
            <location line="+25" />
            <source>"name"</source>
            <translation>"name"</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+1" />
            <source>Run %1</source>
            <translation>%1 ausführen</translation>
        </message>
        <message>
            <location line="+8" />
            <source>"env" of step %1</source>
            <translation>"env" des Schritts %1</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+48" />
            <location line="+17" />
            <location line="+138" />
            <location line="+179" />
            <source>▶ %1</source>
            <translation>▶ %1</translation>
        </message>
        <message>
            <location line="-585" />
            <location line="+204" />
            <location line="+65" />
            <location line="+319" />
            <source>✘ %1</source>
            <translation>✘ %1</translation>
        </message>
        <message>
            <location line="-362" />
            <source>"if": %1</source>
            <translation>"if": %1</translation>
        </message>
        <message>
            <location line="+6" />
            <source>○ %1: skipped (an earlier step failed)</source>
            <translation>○ %1: übersprungen (ein früherer Schritt ist fehlgeschlagen)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>○ %1: skipped (if: %2 is false)</source>
            <translation>○ %1: übersprungen (if: %2 ergibt false)</translation>
        </message>
        <message>
            <location line="+20" />
            <source>✔ the workspace is the checkout: nothing is cloned</source>
            <translation>✔ der Arbeitsbereich ist der Checkout: es wird nichts geklont</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+351" />
            <source>○ skipped: %1</source>
            <translation>○ übersprungen: %1</translation>
        </message>
        <message>
            <location line="-869" />
            <source>step %1 "%2" was not run: %3</source>
            <translation>Schritt %1 "%2" wurde nicht ausgeführt: %3</translation>
        </message>
        <message>
            <location line="+539" />
            <location line="+339" />
            <source>"continue-on-error"</source>
            <translation>"continue-on-error"</translation>
        </message>
        <message>
            <location line="-332" />
            <source>"run"</source>
            <translation>"run"</translation>
        </message>
        <message>
            <location line="+10" />
            <source>"shell"</source>
            <translation>"shell"</translation>
        </message>
        <message>
            <location line="+16" />
            <source>"working-directory"</source>
            <translation>"working-directory"</translation>
        </message>
        <message>
            <location line="+8" />
            <source>the working directory "%1" does not exist</source>
            <translation>das Arbeitsverzeichnis "%1" existiert nicht</translation>
        </message>
        <message>
            <location line="+21" />
            <source>cannot write %1: %2</source>
            <translation>%1 kann nicht geschrieben werden: %2</translation>
        </message>
        <message>
            <location line="+45" />
            <source>"timeout-minutes"</source>
            <translation>"timeout-minutes"</translation>
        </message>
        <message>
            <location line="+49" />
            <location line="+105" />
            <location line="+152" />
            <location line="+27" />
            <source>⚠ %1</source>
            <translation>⚠ %1</translation>
        </message>
        <message>
            <source>▸ %1</source>
            <translation type="vanished">▸ %1</translation>
        </message>
        <message>
            <source>Error</source>
            <translation type="vanished">Fehler</translation>
        </message>
        <message>
            <source>Warning</source>
            <translation type="vanished">Warnung</translation>
        </message>
        <message>
            <source>Notice</source>
            <translation type="vanished">Hinweis</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation type="vanished">%1: %2</translation>
        </message>
        <message>
            <location line="-219" />
            <source>✘ %1: cancelled</source>
            <translation>✘ %1: abgebrochen</translation>
        </message>
        <message>
            <location line="+8" />
            <source>a workflow command failed the step</source>
            <translation>ein Workflow-Befehl hat den Schritt fehlschlagen lassen</translation>
        </message>
        <message>
            <location line="+44" />
            <source>Step summary:</source>
            <translation>Zusammenfassung des Schritts:</translation>
        </message>
        <message>
            <location line="+9" />
            <source>✔ %1 (%2 s)</source>
            <translation>✔ %1 (%2 s)</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+136" />
            <source>✘ %1: %2 (continue-on-error: the job goes on)</source>
            <translation>✘ %1: %2 (continue-on-error: der Job läuft weiter)</translation>
        </message>
        <message>
            <location line="-135" />
            <location line="+136" />
            <source>✘ %1: %2</source>
            <translation>✘ %1: %2</translation>
        </message>
        <message>
            <location line="-104" />
            <source>local actions nested more than 10 deep (does an action use itself?)</source>
            <translation>lokale Actions sind mehr als 10 Ebenen tief verschachtelt (verwendet eine Action sich selbst?)</translation>
        </message>
        <message>
            <location line="+11" />
            <source>"%1" is a %2 action; only composite actions run here</source>
            <translation>"%1" ist eine %2-Action; hier laufen nur Composite Actions</translation>
        </message>
        <message>
            <location line="+27" />
            <source>"with.%1"</source>
            <translation>"with.%1"</translation>
        </message>
        <message>
            <location line="+2" />
            <source>the default of input "%1"</source>
            <translation>der Standardwert der Eingabe "%1"</translation>
        </message>
        <message>
            <location line="+2" />
            <source>⚠ input "%1" of %2 is required and not given</source>
            <translation>⚠ Eingabe "%1" von %2 ist erforderlich, wurde aber nicht angegeben</translation>
        </message>
        <message>
            <location line="+9" />
            <source>⚠ %1 has no input "%2"; it is ignored</source>
            <translation>⚠ %1 hat keine Eingabe "%2"; sie wird ignoriert</translation>
        </message>
        <message>
            <location line="+32" />
            <source>output "%1"</source>
            <translation>Ausgabe "%1"</translation>
        </message>
        <message>
            <location line="+23" />
            <source>✔ %1</source>
            <translation>✔ %1</translation>
        </message>
        <message>
            <location line="+15" />
            <source>output "%1" of job "%2"</source>
            <translation>Ausgabe "%1" des Jobs "%2"</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Annotations:</source>
            <translation>Anmerkungen:</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::GraphQlJob</name>
        <message>
            <location filename="../core/net/graphqljob.cpp" line="+79" />
            <source>%1: not a GraphQL answer (no "data" nor "errors")</source>
            <translation>%1: keine GraphQL-Antwort (weder "data" noch "errors")</translation>
        </message>
        <message>
            <location line="+12" />
            <source>an error without a message</source>
            <translation>ein Fehler ohne Meldung</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message numerus="yes">
            <location line="+3" />
            <source>and %n more errors</source>
            <translation>
                <numerusform>und %n weiterer Fehler</numerusform>
                <numerusform>und %n weitere Fehler</numerusform>
            </translation>
        </message>
        <message>
            <location line="+2" />
            <source>request id %1</source>
            <translation>Anfrage-ID %1</translation>
        </message>
        <message numerus="yes">
            <source> (and %n more errors)</source>
            <translation type="vanished">
                <numerusform> (und %n weiterer Fehler)</numerusform>
                <numerusform> (und %n weitere Fehler)</numerusform>
            </translation>
        </message>
        <message>
            <location line="+4" />
            <source>; check %1</source>
            <translation>; prüfen Sie %1</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::HealthCheckStage</name>
        <message>
            <location filename="../core/engine/healthcheckstage.cpp" line="+22" />
            <source>the URL to GET</source>
            <translation>die URL für GET</translation>
        </message>
        <message>
            <location line="+4" />
            <source>appended to the environment's url when there is no "url"</source>
            <translation>wird an die url der Umgebung angehängt, wenn es keine "url" gibt</translation>
        </message>
        <message>
            <location line="+7" />
            <source>the HTTP status that means healthy</source>
            <translation>der HTTP-Status, der einen gesunden Zustand anzeigt</translation>
        </message>
        <message>
            <location line="+7" />
            <source>time allowed for one request</source>
            <translation>erlaubte Zeit für eine Anfrage</translation>
        </message>
        <message>
            <location line="+4" />
            <source>keep trying this long</source>
            <translation>so lange weiter versuchen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>time between tries</source>
            <translation>Zeit zwischen den Versuchen</translation>
        </message>
        <message>
            <location line="+4" />
            <source>what a failed check does: fail the stage, or also roll the environment back</source>
            <translation>was eine fehlgeschlagene Prüfung bewirkt: die Stufe scheitern lassen oder zusätzlich die Umgebung zurückrollen</translation>
        </message>
        <message>
            <location line="+17" />
            <source>health-check needs a valid "url" in "with" (or an environment url); found "%1"</source>
            <translation>health-check benötigt eine gültige "url" in "with" (oder eine Umgebungs-URL); gefunden: "%1"</translation>
        </message>
        <message>
            <location line="+10" />
            <source>"expect-status" must be an HTTP status such as 200; found "%1"</source>
            <translation>"expect-status" muss ein HTTP-Status wie 200 sein; gefunden: "%1"</translation>
        </message>
        <message>
            <location line="+11" />
            <source>"%1" must be a duration such as 10s; found "%2"</source>
            <translation>"%1" muss eine Dauer wie 10s sein; gefunden: "%2"</translation>
        </message>
        <message>
            <location line="+28" />
            <source>GET %1 answered %2</source>
            <translation>GET %1 antwortete mit %2</translation>
        </message>
        <message>
            <location line="+6" />
            <source>answered %1, expected %2</source>
            <translation>Antwort %1, erwartet %2</translation>
        </message>
        <message>
            <location line="+11" />
            <source>GET %1 (try %2): %3</source>
            <translation>GET %1 (Versuch %2): %3</translation>
        </message>
        <message>
            <location line="+9" />
            <source>health check of %1 failed: %2</source>
            <translation>Zustandsprüfung von %1 fehlgeschlagen: %2</translation>
        </message>
        <message>
            <source>cancelled</source>
            <translation type="vanished">abgebrochen</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::HistoryStore</name>
        <message>
            <location filename="../core/store/historyreads.cpp" line="+68" />
            <source>reading run %1</source>
            <translation>Lesen von Lauf %1</translation>
        </message>
        <message>
            <location line="+8" />
            <source>history database %1: there is no run with id %2; list runs with `deploydeskctl history`</source>
            <translation>Verlaufsdatenbank %1: Es gibt keinen Lauf mit der ID %2; Läufe listet `deploydeskctl history` auf</translation>
        </message>
        <message>
            <location line="+73" />
            <source>listing runs</source>
            <translation>Auflisten der Läufe</translation>
        </message>
        <message>
            <location line="-26" />
            <source>unknown run status "%1"; expected one of queued, running, success, failed, cancelled, interrupted</source>
            <translation>unbekannter Laufstatus "%1"; erwartet wird queued, running, success, failed, cancelled oder interrupted</translation>
        </message>
        <message>
            <location line="+110" />
            <source>counting runs</source>
            <translation>Läufe zählen</translation>
        </message>
        <message>
            <location line="+74" />
            <source>reading the stages of run %1</source>
            <translation>Lesen der Stufen von Lauf %1</translation>
        </message>
        <message>
            <location line="+16" />
            <source>reading stage %1</source>
            <translation>Lesen von Stufe %1</translation>
        </message>
        <message>
            <location line="+8" />
            <source>history database %1: there is no stage with id %2</source>
            <translation>Verlaufsdatenbank %1: Es gibt keine Stufe mit der ID %2</translation>
        </message>
        <message>
            <location line="+11" />
            <source>looking for an earlier result of stage "%1"</source>
            <translation>Suche nach einem früheren Ergebnis der Stufe "%1"</translation>
        </message>
        <message>
            <location line="+20" />
            <source>reading the events of run %1</source>
            <translation>Lesen der Ereignisse von Lauf %1</translation>
        </message>
        <message>
            <location line="+30" />
            <source>reading the artifacts of run %1</source>
            <translation>Lesen der Artefakte von Lauf %1</translation>
        </message>
        <message>
            <location line="+28" />
            <location line="+26" />
            <source>reading the log of stage %1</source>
            <translation>Lesen des Protokolls von Stufe %1</translation>
        </message>
        <message>
            <location line="+7" />
            <source>counting the log lines of stage %1</source>
            <translation>Zählen der Protokollzeilen von Stufe %1</translation>
        </message>
        <message>
            <location filename="../core/store/historystore.cpp" line="+23" />
            <source>history database %1 has schema version %2, newer than this DeployDesk understands (%3); upgrade DeployDesk</source>
            <translation>Verlaufsdatenbank %1 hat Schemaversion %2, neuer als diese DeployDesk-Version versteht (%3); aktualisieren Sie DeployDesk</translation>
        </message>
        <message>
            <location line="+43" />
            <source>looking for interrupted runs</source>
            <translation>Suche nach unterbrochenen Läufen</translation>
        </message>
        <message>
            <source>DeployDesk stopped while this run was in progress (runner pid %1 is gone)</source>
            <translation type="vanished">DeployDesk wurde beendet, während dieser Lauf lief (Runner-PID %1 existiert nicht mehr)</translation>
        </message>
        <message>
            <source>the process running this run (pid %1) is gone and did not record the run's end: it stopped, or the history could not be written</source>
            <translation type="vanished">der Prozess, der diesen Lauf ausführte (PID %1), ist beendet und hat das Ende des Laufs nicht aufgezeichnet: er wurde angehalten, oder der Verlauf konnte nicht geschrieben werden</translation>
        </message>
        <message>
            <location line="+91" />
            <source>recording a new run of pipeline "%1"</source>
            <translation>Aufzeichnen eines neuen Laufs der Pipeline "%1"</translation>
        </message>
        <message>
            <location line="+20" />
            <source>finishing run %1</source>
            <translation>Abschließen von Lauf %1</translation>
        </message>
        <message>
            <location line="+12" />
            <source>run</source>
            <translation>Lauf</translation>
        </message>
        <message>
            <location line="+7" />
            <source>updating the status of run %1</source>
            <translation>Aktualisieren des Status von Lauf %1</translation>
        </message>
        <message>
            <location line="+39" />
            <source>recording stage "%1" of run %2</source>
            <translation>Aufzeichnen der Stufe "%1" von Lauf %2</translation>
        </message>
        <message>
            <location line="+13" />
            <source>updating stage %1 ("%2")</source>
            <translation>Aktualisieren der Stufe %1 ("%2")</translation>
        </message>
        <message>
            <location line="+10" />
            <source>stage</source>
            <translation>Stufe</translation>
        </message>
        <message>
            <location line="+7" />
            <source>recording a "%1" event of run %2</source>
            <translation>Aufzeichnen eines "%1"-Ereignisses von Lauf %2</translation>
        </message>
        <message>
            <location line="+12" />
            <source>recording artifact %1 of run %2</source>
            <translation>Aufzeichnen des Artefakts %1 von Lauf %2</translation>
        </message>
        <message>
            <location filename="../core/store/releasestore.cpp" line="+92" />
            <source>recording the %1 deployment of run %2</source>
            <translation>Aufzeichnen der %1-Bereitstellung von Lauf %2</translation>
        </message>
        <message>
            <location line="+21" />
            <source>reading the deployments of run %1</source>
            <translation>Lesen der Bereitstellungen von Lauf %1</translation>
        </message>
        <message>
            <location line="+16" />
            <source>recording a release of environment %1</source>
            <translation>Aufzeichnen eines Release der Umgebung %1</translation>
        </message>
        <message>
            <location line="+33" />
            <source>reading the releases of environment %1</source>
            <translation>Lesen der Releases der Umgebung %1</translation>
        </message>
        <message>
            <location line="+39" />
            <source>reading release %1</source>
            <translation>Lesen von Release %1</translation>
        </message>
        <message>
            <location line="+7" />
            <source>there is no release %1; list them with `deploydeskctl releases ENV`</source>
            <translation>es gibt kein Release %1; listen Sie die Releases mit `deploydeskctl releases ENV` auf</translation>
        </message>
        <message>
            <location line="+11" />
            <source>release %1 vanished while reading</source>
            <translation>Release %1 ist beim Lesen verschwunden</translation>
        </message>
        <message>
            <location line="+17" />
            <source>reading the release of run %1</source>
            <translation>Lesen des Release von Lauf %1</translation>
        </message>
        <message>
            <location line="+18" />
            <source>reading the branch previews</source>
            <translation>Lesen der Branch-Vorschauen</translation>
        </message>
        <message>
            <location line="+17" />
            <source>queueing a deploy to %1</source>
            <translation>Einreihen einer Bereitstellung in %1</translation>
        </message>
        <message>
            <location line="+14" />
            <source>leaving the deploy queue</source>
            <translation>Verlassen der Bereitstellungs-Warteschlange</translation>
        </message>
        <message>
            <location line="+23" />
            <source>reading the deploy queue</source>
            <translation>Lesen der Bereitstellungs-Warteschlange</translation>
        </message>
        <message>
            <location filename="../core/store/storecheck.cpp" line="+24" />
            <source>run %1, stage "%2" (id %3)</source>
            <translation>Lauf %1, Stufe "%2" (ID %3)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>checking the log of stage %1</source>
            <translation>Prüfen des Protokolls von Stufe %1</translation>
        </message>
        <message>
            <location line="+12" />
            <source>%1: its log skips from line %2 to line %3</source>
            <translation>%1: das Protokoll springt von Zeile %2 zu Zeile %3</translation>
        </message>
        <message>
            <location line="+6" />
            <source>%1: the log block from line %2 does not decode: %3</source>
            <translation>%1: der Protokollblock ab Zeile %2 lässt sich nicht dekodieren: %3</translation>
        </message>
        <message>
            <location line="+5" />
            <source>%1: the log block from line %2 holds %3 lines, %4 recorded</source>
            <translation>%1: der Protokollblock ab Zeile %2 enthält %3 Zeilen, %4 aufgezeichnet</translation>
        </message>
        <message>
            <location line="+9" />
            <source>%1: its log cannot be read past line %2: %3</source>
            <translation>%1: das Protokoll kann nach Zeile %2 nicht gelesen werden: %3</translation>
        </message>
        <message>
            <location line="+17" />
            <source>running SQLite's integrity check</source>
            <translation>Ausführen der Integritätsprüfung von SQLite</translation>
        </message>
        <message>
            <location line="+3" />
            <source>SQLite's integrity check could not run: %1</source>
            <translation>die Integritätsprüfung von SQLite konnte nicht ausgeführt werden: %1</translation>
        </message>
        <message>
            <location line="+4" />
            <source>SQLite: %1</source>
            <translation>SQLite: %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>SQLite's integrity check stopped: %1</source>
            <translation>die Integritätsprüfung von SQLite wurde abgebrochen: %1</translation>
        </message>
        <message>
            <location line="+8" />
            <source>listing stages</source>
            <translation>Auflisten der Stufen</translation>
        </message>
        <message>
            <location line="+9" />
            <source>the list of stages cannot be read to its end: %1</source>
            <translation>die Liste der Stufen kann nicht bis zum Ende gelesen werden: %1</translation>
        </message>
        <message>
            <location line="+9" />
            <source>the log search index: %1</source>
            <translation>der Protokoll-Suchindex: %1</translation>
        </message>
        <message>
            <source>checking the log search index</source>
            <translation type="vanished">Prüfen des Protokoll-Suchindex</translation>
        </message>
        <message numerus="yes">
            <location filename="../core/store/remotestore.cpp" line="+50" />
            <source>recording %n remote run(s)</source>
            <translation>
                <numerusform>%n entfernten Lauf festhalten</numerusform>
                <numerusform>%n entfernte Läufe festhalten</numerusform>
            </translation>
        </message>
        <message>
            <location line="+136" />
            <source>reading where run %1 ran</source>
            <translation>lesen, wo Lauf %1 ausgeführt wurde</translation>
        </message>
        <message>
            <location line="+39" />
            <source>reading remote run %1</source>
            <translation>entfernten Lauf %1 lesen</translation>
        </message>
        <message>
            <location line="+10" />
            <source>reading remote runs of %1</source>
            <translation>entfernte Läufe von %1 lesen</translation>
        </message>
        <message>
            <location line="+9" />
            <source>reading the jobs of run %1</source>
            <translation>die Jobs von Lauf %1 lesen</translation>
        </message>
        <message>
            <location line="+25" />
            <source>recording that the log of stage %1 is stored</source>
            <translation>festhalten, dass das Protokoll von Stufe %1 gespeichert ist</translation>
        </message>
        <message>
            <location filename="../core/store/annotationstore.cpp" line="+16" />
            <source>recording the annotations of stage %1</source>
            <translation>die Anmerkungen von Stufe %1 festhalten</translation>
        </message>
        <message>
            <location line="+28" />
            <source>reading the annotations of run %1</source>
            <translation>die Anmerkungen von Lauf %1 lesen</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::HttpJob</name>
        <message>
            <location filename="../core/net/httpjob.cpp" line="+138" />
            <source>%1: not an http:// or https:// URL</source>
            <translation>%1: keine http://- oder https://-URL</translation>
        </message>
        <message>
            <location line="+34" />
            <source>%1: cannot read %2: %3</source>
            <translation>%1: %2 kann nicht gelesen werden: %3</translation>
        </message>
        <message>
            <location line="+56" />
            <location line="+10" />
            <location line="+186" />
            <source>%1: cannot write %2: %3</source>
            <translation>%1: %2 kann nicht geschrieben werden: %3</translation>
        </message>
        <message>
            <location line="-137" />
            <source>the answer was cut short (%1 of %2 bytes)</source>
            <translation>die Antwort wurde abgeschnitten (%1 von %2 Bytes)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>connection refused</source>
            <translation>Verbindung abgelehnt</translation>
        </message>
        <message>
            <location line="+2" />
            <source>the server closed the connection</source>
            <translation>der Server hat die Verbindung geschlossen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>host %1 not found</source>
            <translation>Host %1 nicht gefunden</translation>
        </message>
        <message>
            <location line="+2" />
            <source>no answer within %1</source>
            <translation>keine Antwort innerhalb von %1</translation>
        </message>
        <message>
            <location line="+10" />
            <location line="+77" />
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <location line="-45" />
            <source> (asked to wait %1, more than the %2 allowed)</source>
            <translation> (Wartezeit von %1 verlangt, mehr als die erlaubten %2)</translation>
        </message>
        <message>
            <location line="+19" />
            <source>%1 from %2, retrying in %3 (attempt %4 of %5)</source>
            <translation>%1 von %2, neuer Versuch in %3 (Versuch %4 von %5)</translation>
        </message>
        <message>
            <location line="+18" />
            <source>answered %1 without a valid Location</source>
            <translation>Antwort %1 ohne gültige Location</translation>
        </message>
        <message>
            <location line="+2" />
            <source>more than %1 redirects</source>
            <translation>mehr als %1 Weiterleitungen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>redirected to a %1: URL</source>
            <translation>Weiterleitung auf eine %1:-URL</translation>
        </message>
        <message>
            <location line="+2" />
            <source>redirected from https to http (refused)</source>
            <translation>Weiterleitung von https auf http (abgelehnt)</translation>
        </message>
        <message>
            <location line="+57" />
            <source>%1: HTTP %2 with an answer that is not valid JSON (%3 at offset %4)</source>
            <translation>%1: HTTP %2 mit einer Antwort, die kein gültiges JSON ist (%3 bei Offset %4)</translation>
        </message>
        <message>
            <location line="+20" />
            <source>the credentials were refused</source>
            <translation>die Zugangsdaten wurden abgelehnt</translation>
        </message>
        <message>
            <location line="+1" />
            <source>no details in the answer</source>
            <translation>keine Details in der Antwort</translation>
        </message>
        <message>
            <location line="+5" />
            <source>request id %1</source>
            <translation>Anfrage-ID %1</translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%n attempts</source>
            <translation>
                <numerusform>%n Versuch</numerusform>
                <numerusform>%n Versuche</numerusform>
            </translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1: HTTP %2: %3</source>
            <translation>%1: HTTP %2: %3</translation>
        </message>
        <message>
            <location line="+4" />
            <source>; check %1</source>
            <translation>; prüfen Sie %1</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Job</name>
        <message>
            <location filename="../core/common/job.cpp" line="+52" />
            <source>failed</source>
            <translation>fehlgeschlagen</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::JobConcurrency</name>
        <message>
            <location filename="../core/integrations/github/jobconcurrency.cpp" line="+62" />
            <source>job %1</source>
            <translation>Job %1</translation>
        </message>
        <message>
            <location line="+42" />
            <source>%1 of run %2 in concurrency group %3 replaces its %4</source>
            <translation>%1 von Lauf %2 in der Concurrency-Gruppe %3 ersetzt dessen %4</translation>
        </message>
        <message>
            <location line="+7" />
            <source>why run %1's %2 was cancelled could not be recorded in its history: %3</source>
            <translation>warum %2 von Lauf %1 abgebrochen wurde, konnte nicht in seinem Verlauf festgehalten werden: %3</translation>
        </message>
        <message>
            <location line="+35" />
            <source>Canceling since a deadlock for concurrency group '%1' was detected between 'top level workflow' and '%2'</source>
            <translation>Abbruch, da ein Deadlock für die Concurrency-Gruppe '%1' zwischen 'top level workflow' und '%2' erkannt wurde</translation>
        </message>
        <message>
            <location line="+9" />
            <source>waiting for %1 of run %2 (concurrency group %3) to finish</source>
            <translation>wartet, bis %1 von Lauf %2 (Concurrency-Gruppe %3) beendet ist</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Canceling since a higher priority waiting request for '%1' exists</source>
            <translation>Abbruch, da eine höher priorisierte wartende Anfrage für '%1' existiert</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::LocalService::ServiceDeployJob</name>
        <message numerus="yes">
            <location filename="../core/deploy/localservice/servicedeployjob.cpp" line="+49" />
            <source>copied %n file(s) into %1</source>
            <translation>
                <numerusform>%n Datei nach %1 kopiert</numerusform>
                <numerusform>%n Dateien nach %1 kopiert</numerusform>
            </translation>
        </message>
        <message>
            <location line="+24" />
            <source>cannot create the folder %1</source>
            <translation>der Ordner %1 kann nicht angelegt werden</translation>
        </message>
        <message>
            <location line="+3" />
            <source>deploydesk-forward was not found next to DeployDesk; reinstall DeployDesk (it owns the stable port of a local service)</source>
            <translation>deploydesk-forward wurde nicht neben DeployDesk gefunden; installieren Sie DeployDesk neu (es hält den stabilen Port eines lokalen Dienstes)</translation>
        </message>
        <message>
            <location line="+10" />
            <source>another deploy or rollback of the service in %1 is running (process %2); wait for it to end</source>
            <translation>eine andere Bereitstellung oder ein anderes Rollback des Dienstes in %1 läuft (Prozess %2); warten Sie, bis dieser Vorgang endet</translation>
        </message>
        <message>
            <location line="+16" />
            <source>release "%1" is no longer in %2 (kept: %3); pick one of those</source>
            <translation>Release "%1" ist nicht mehr in %2 (aufbewahrt: %3); wählen Sie eines davon</translation>
        </message>
        <message>
            <location line="+2" />
            <source>none</source>
            <translation>keine</translation>
        </message>
        <message>
            <location line="+20" />
            <source>port %1 is already in use by another program; local-service needs it free for its stable port: stop that program or choose another "port"</source>
            <translation>Port %1 wird bereits von einem anderen Programm verwendet; local-service benötigt ihn frei als stabilen Port: beenden Sie dieses Programm oder wählen Sie einen anderen "port"</translation>
        </message>
        <message>
            <location line="+15" />
            <source>release %1 is already live (pid %2)</source>
            <translation>Release %1 ist bereits live (PID %2)</translation>
        </message>
        <message>
            <location line="+15" />
            <source>copying %1 to release %2</source>
            <translation>%1 wird nach Release %2 kopiert</translation>
        </message>
        <message>
            <location line="+19" />
            <source>no free port on 127.0.0.1 for the new instance</source>
            <translation>kein freier Port auf 127.0.0.1 für die neue Instanz</translation>
        </message>
        <message>
            <location line="+10" />
            <source>starting release %1 on 127.0.0.1:%2: %3</source>
            <translation>Release %1 wird auf 127.0.0.1:%2 gestartet: %3</translation>
        </message>
        <message>
            <location line="+38" />
            <source>the previous release %1 stays live</source>
            <translation>das vorherige Release %1 bleibt live</translation>
        </message>
        <message>
            <location line="+2" />
            <source>the previous release %1 stays as it was (not running)</source>
            <translation>das vorherige Release %1 bleibt, wie es war (nicht laufend)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>nothing was live before and nothing is now</source>
            <translation>vorher war nichts live und jetzt auch nicht</translation>
        </message>
        <message>
            <location line="+3" />
            <source>release %1 failed its health check: %2; %3</source>
            <translation>Release %1 hat die Zustandsprüfung nicht bestanden: %2; %3</translation>
        </message>
        <message>
            <location line="+3" />
            <source>last lines of %1:</source>
            <translation>letzte Zeilen von %1:</translation>
        </message>
        <message>
            <location line="+41" />
            <source>the stable port moves from %1 to %2</source>
            <translation>der stabile Port wechselt von %1 zu %2</translation>
        </message>
        <message>
            <location line="+33" />
            <source>the stable port 127.0.0.1:%1 is open (deploydesk-forward, pid %2)</source>
            <translation>der stabile Port 127.0.0.1:%1 ist offen (deploydesk-forward, PID %2)</translation>
        </message>
        <message>
            <location line="+13" />
            <source>cannot open the stable port %1: %2; release %3 was not put live</source>
            <translation>der stabile Port %1 kann nicht geöffnet werden: %2; Release %3 wurde nicht live geschaltet</translation>
        </message>
        <message>
            <location line="+2" />
            <source>deploydesk-forward failed</source>
            <translation>deploydesk-forward ist fehlgeschlagen</translation>
        </message>
        <message>
            <location line="+14" />
            <source>stopping release %1 (pid %2) after a %3 drain</source>
            <translation>Release %1 (PID %2) wird nach %3 Auslaufzeit gestoppt</translation>
        </message>
        <message>
            <location line="+16" />
            <source>release %1 is live at %2</source>
            <translation>Release %1 ist live unter %2</translation>
        </message>
        <message>
            <location line="+24" />
            <source>stopping a leftover instance of release %1 (pid %2)</source>
            <translation>eine übrig gebliebene Instanz von Release %1 (PID %2) wird gestoppt</translation>
        </message>
        <message>
            <location line="+9" />
            <source>removed release %1</source>
            <translation>Release %1 entfernt</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::LocalService::ServiceHealthJob</name>
        <message>
            <location filename="../core/deploy/localservice/servicehealthjob.cpp" line="+37" />
            <source>no port to check: nothing is live in %1 and "port" is not set</source>
            <translation>kein Port zu prüfen: in %1 ist nichts live und "port" ist nicht gesetzt</translation>
        </message>
        <message>
            <location line="+23" />
            <source>GET %1 answered 200</source>
            <translation>GET %1 antwortete mit 200</translation>
        </message>
        <message>
            <location line="+8" />
            <source>health check of %1 failed: it answered %2</source>
            <translation>Zustandsprüfung von %1 fehlgeschlagen: Antwort %2</translation>
        </message>
        <message>
            <location line="+9" />
            <source>health check of %1 failed: %2</source>
            <translation>Zustandsprüfung von %1 fehlgeschlagen: %2</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::LocalService::ServiceQueryJob</name>
        <message>
            <location filename="../core/deploy/localservice/servicequeryjob.cpp" line="+49" />
            <source>nothing is live in %1</source>
            <translation>in %1 ist nichts live</translation>
        </message>
        <message>
            <location line="+20" />
            <source>release %1 runs as pid %2 on 127.0.0.1:%3</source>
            <translation>Release %1 läuft als PID %2 auf 127.0.0.1:%3</translation>
        </message>
        <message>
            <location line="+4" />
            <source>release %1 is the live release but does not run (pid %2 with start time %3 is gone); a rollback to it starts it again</source>
            <translation>Release %1 ist das Live-Release, läuft aber nicht (PID %2 mit Startzeit %3 existiert nicht mehr); ein Rollback darauf startet es erneut</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::LocalService::StartupWatch</name>
        <message>
            <location filename="../core/deploy/localservice/startupwatch.cpp" line="+57" />
            <source>the service exited before it answered</source>
            <translation>der Dienst wurde beendet, bevor er antwortete</translation>
        </message>
        <message>
            <location line="+21" />
            <source>health check: GET %1 answered 200</source>
            <translation>Zustandsprüfung: GET %1 antwortete mit 200</translation>
        </message>
        <message>
            <location line="+4" />
            <source>answered %1</source>
            <translation>Antwort %1</translation>
        </message>
        <message>
            <location line="+5" />
            <source>health check %1: GET %2: %3</source>
            <translation>Zustandsprüfung %1: GET %2: %3</translation>
        </message>
        <message>
            <location line="+6" />
            <source>no 200 from %1 within %2 (last try: %3)</source>
            <translation>kein 200 von %1 innerhalb von %2 (letzter Versuch: %3)</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::LocalSite::LocalSiteDeployJob</name>
        <message>
            <location filename="../core/deploy/localsite/localsitedeployjob.cpp" line="+61" />
            <source>the cancel came after the release was complete: it is live</source>
            <translation>der Abbruch kam, nachdem das Release vollständig war: es ist live</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::LocalSite::SiteHealthJob</name>
        <message>
            <location filename="../core/deploy/localsite/sitehealthjob.cpp" line="+25" />
            <source>the release has no index page: %1 does not exist</source>
            <translation>das Release hat keine Indexseite: %1 existiert nicht</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 is there</source>
            <translation>%1 ist vorhanden</translation>
        </message>
        <message>
            <location line="+16" />
            <source>GET %1 answered 200</source>
            <translation>GET %1 antwortete mit 200</translation>
        </message>
        <message>
            <location line="+5" />
            <source>GET %1 answered %2, expected 200</source>
            <translation>GET %1 antwortete mit %2, erwartet 200</translation>
        </message>
        <message>
            <location line="+8" />
            <source>GET %1 failed: %2</source>
            <translation>GET %1 fehlgeschlagen: %2</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Net</name>
        <message>
            <location filename="../core/net/platform.cpp" line="+89" />
            <source>no URL given</source>
            <translation>keine URL angegeben</translation>
        </message>
        <message>
            <location line="+1" />
            <source>no %1 URL: set it in the workspace or in %2</source>
            <translation>keine %1-URL: legen Sie sie im Arbeitsbereich oder in %2 fest</translation>
        </message>
        <message>
            <location line="+11" />
            <source>must be an http:// or https:// URL such as http://127.0.0.1:8080</source>
            <translation>muss eine http://- oder https://-URL sein, etwa http://127.0.0.1:8080</translation>
        </message>
        <message>
            <location line="+2" />
            <source>must not have a query or a fragment (only scheme, host, port and path prefix are replaced)</source>
            <translation>darf keine Query und kein Fragment enthalten (nur Schema, Host, Port und Pfadpräfix werden ersetzt)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>must not carry a user name or password (tokens belong in secrets)</source>
            <translation>darf keinen Benutzernamen und kein Passwort enthalten (Tokens gehören in Geheimnisse)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1 %2; found "%3"</source>
            <translation>%1 %2; gefunden: "%3"</translation>
        </message>
        <message>
            <location line="+6" />
            <source>using %1=%2</source>
            <translation>verwende %1=%2</translation>
        </message>
        <message>
            <location line="+1" />
            <source>using %1=%2 instead of %3</source>
            <translation>verwende %1=%2 statt %3</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::ProcessRunner</name>
        <message>
            <location filename="../core/engine/processrunner.cpp" line="+84" />
            <source>another command is still running in this runner; wait for done() or cancel() it before starting "%1"</source>
            <translation>in diesem Runner läuft noch ein anderer Befehl; warten Sie auf done() oder rufen Sie cancel() auf, bevor Sie "%1" starten</translation>
        </message>
        <message>
            <location line="+18" />
            <source>the working directory "%1" does not exist or is not a directory; create it or fix the stage's workdir</source>
            <translation>das Arbeitsverzeichnis "%1" existiert nicht oder ist kein Verzeichnis; legen Sie es an oder korrigieren Sie das workdir der Stufe</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Railway::RailwayDeployJob</name>
        <message>
            <location filename="../core/deploy/railway/railwaydeployjob.cpp" line="+18" />
            <source>deploying %1 on Railway (its source as configured there)</source>
            <translation>%1 wird auf Railway bereitgestellt (aus der dort konfigurierten Quelle)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>deploying %1 on Railway at commit %2</source>
            <translation>%1 wird auf Railway bei Commit %2 bereitgestellt</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Railway refused to deploy %1: </source>
            <translation>Railway hat die Bereitstellung von %1 abgelehnt: </translation>
        </message>
        <message>
            <location line="+6" />
            <source>Railway answered serviceInstanceDeployV2 without a deployment id</source>
            <translation>Railway hat serviceInstanceDeployV2 ohne Deployment-ID beantwortet</translation>
        </message>
        <message>
            <location line="+5" />
            <source>deployment %1 started</source>
            <translation>Deployment %1 gestartet</translation>
        </message>
        <message>
            <location line="+7" />
            <source>the answer to the deploy call was lost (%1); looking for the deployment it may have started</source>
            <translation>die Antwort auf den Bereitstellungsaufruf ging verloren (%1); Suche nach dem Deployment, das er möglicherweise gestartet hat</translation>
        </message>
        <message>
            <location line="+7" />
            <source>deploying %1 failed, and no new deployment appeared on Railway (nothing changed; run the deploy again): </source>
            <translation>die Bereitstellung von %1 ist fehlgeschlagen, und auf Railway ist kein neues Deployment erschienen (nichts geändert; führen Sie die Bereitstellung erneut aus): </translation>
        </message>
        <message>
            <location line="+5" />
            <source>deployment %1 appeared meanwhile; following it</source>
            <translation>Deployment %1 ist inzwischen erschienen; es wird verfolgt</translation>
        </message>
        <message>
            <location line="+22" />
            <source>live: deployment %1 (the service has no public domain)</source>
            <translation>live: Deployment %1 (der Dienst hat keine öffentliche Domain)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>live: %1 (deployment %2)</source>
            <translation>live: %1 (Deployment %2)</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Railway::RailwayHealthJob</name>
        <message>
            <location filename="../core/deploy/railway/railwayhealthjob.cpp" line="+24" />
            <source>Railway deployment %1 has no public URL to check: give the service a domain in Railway (its Settings, Networking, Generate Domain)</source>
            <translation>Railway-Deployment %1 hat keine öffentliche URL zum Prüfen: geben Sie dem Dienst in Railway eine Domain (Settings, Networking, Generate Domain)</translation>
        </message>
        <message>
            <location line="+21" />
            <source>%1 is not healthy: %2</source>
            <translation>%1 ist nicht gesund: %2</translation>
        </message>
        <message>
            <location line="+7" />
            <source>%1 is not healthy: %2 answered HTTP %3, not 200</source>
            <translation>%1 ist nicht gesund: %2 antwortete mit HTTP %3, nicht 200</translation>
        </message>
        <message>
            <location line="+5" />
            <source>%1 answered 200</source>
            <translation>%1 antwortete mit 200</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Railway::RailwayJob</name>
        <message>
            <location filename="../core/deploy/railway/railwayjob.cpp" line="+39" />
            <source>none</source>
            <translation>keine</translation>
        </message>
        <message>
            <location line="+29" />
            <source>service %1 in environment %2</source>
            <translation>Dienst %1 in Umgebung %2</translation>
        </message>
        <message>
            <location line="+1" />
            <source>service %1 in environment %2 of project %3</source>
            <translation>Dienst %1 in Umgebung %2 von Projekt %3</translation>
        </message>
        <message>
            <location line="+93" />
            <source> (is %1 reachable from this machine?)</source>
            <translation> (ist %1 von diesem Rechner aus erreichbar?)</translation>
        </message>
        <message>
            <location line="+1" />
            <source> (the Railway API address comes from %1=%2; fix or unset it)</source>
            <translation> (die Railway-API-Adresse stammt aus %1=%2; korrigieren oder entfernen Sie sie)</translation>
        </message>
        <message>
            <location line="+34" />
            <source>reading the project token's project failed: </source>
            <translation>Lesen des Projekts des Projekt-Tokens fehlgeschlagen: </translation>
        </message>
        <message>
            <location line="+16" />
            <source>Railway answered projectToken without a project and environment</source>
            <translation>Railway hat projectToken ohne Projekt und Umgebung beantwortet</translation>
        </message>
        <message>
            <location line="+8" />
            <source>"project" is %1, but the project token in %2 belongs to project %3 (%4): remove "project" or use a token of that project</source>
            <translation>"project" ist %1, aber das Projekt-Token in %2 gehört zu Projekt %3 (%4): entfernen Sie "project" oder verwenden Sie ein Token dieses Projekts</translation>
        </message>
        <message>
            <location line="+9" />
            <source>"railway-environment" is %1, but the project token in %2 is scoped to environment %3 (%4): a project token deploys to its own environment only; remove "railway-environment" or use a token of that environment</source>
            <translation>"railway-environment" ist %1, aber das Projekt-Token in %2 ist auf Umgebung %3 (%4) beschränkt: ein Projekt-Token stellt nur in seiner eigenen Umgebung bereit; entfernen Sie "railway-environment" oder verwenden Sie ein Token dieser Umgebung</translation>
        </message>
        <message>
            <location line="+23" />
            <source>the project token in %1</source>
            <translation>das Projekt-Token in %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>"project" in the stage's with:</source>
            <translation>"project" im with: der Stufe</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Railway has no project %1 (set by %2): %3</source>
            <translation>Railway hat kein Projekt %1 (gesetzt durch %2): %3</translation>
        </message>
        <message>
            <location line="+2" />
            <source>reading Railway project %1 failed: %2</source>
            <translation>Lesen von Railway-Projekt %1 fehlgeschlagen: %2</translation>
        </message>
        <message>
            <location line="+38" />
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Railway project %1 has no environment "%2" (set by %3); its environments: %4</source>
            <translation>Railway-Projekt %1 hat keine Umgebung "%2" (gesetzt durch %3); seine Umgebungen: %4</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Railway project %1 has no service "%2" (set by "service" in the stage's with:); its services: %3</source>
            <translation>Railway-Projekt %1 hat keinen Dienst "%2" (gesetzt durch "service" im with: der Stufe); seine Dienste: %3</translation>
        </message>
        <message>
            <location line="+22" />
            <source>listing the deployments of %1 failed: </source>
            <translation>Auflisten der Deployments von %1 fehlgeschlagen: </translation>
        </message>
        <message>
            <location line="+42" />
            <source>the answer has no deployment status</source>
            <translation>die Antwort enthält keinen Deployment-Status</translation>
        </message>
        <message>
            <location line="+3" />
            <source>following Railway deployment %1 failed: </source>
            <translation>Verfolgen von Railway-Deployment %1 fehlgeschlagen: </translation>
        </message>
        <message>
            <location line="+3" />
            <source>status check failed (%1); trying again</source>
            <translation>Statusprüfung fehlgeschlagen (%1); neuer Versuch</translation>
        </message>
        <message>
            <location line="+9" />
            <source>deployment %1: %2</source>
            <translation>Deployment %1: %2</translation>
        </message>
        <message>
            <location line="+10" />
            <source>the build or the pre-deploy command failed</source>
            <translation>der Build oder der Pre-Deploy-Befehl ist fehlgeschlagen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the service exited</source>
            <translation>der Dienst wurde beendet</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Railway skipped it (no change in its watch paths, or a newer deploy came)</source>
            <translation>Railway hat es übersprungen (keine Änderung in seinen Watch-Pfaden, oder eine neuere Bereitstellung kam)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>a newer deployment replaced it</source>
            <translation>ein neueres Deployment hat es ersetzt</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Railway deployment %1 of %2 ended %3: %4; see the Railway log above</source>
            <translation>Railway-Deployment %1 von %2 endete %3: %4; siehe das Railway-Protokoll oben</translation>
        </message>
        <message>
            <location line="+8" />
            <source>deployment %1 waits for approval in Railway (a change to a volume or a protected setting); approve it there</source>
            <translation>Deployment %1 wartet in Railway auf Freigabe (eine Änderung an einem Volume oder einer geschützten Einstellung); geben Sie es dort frei</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Railway deployment %1 is still %2 after %3 ("timeout" of the stage's with:); it goes on on Railway</source>
            <translation>Railway-Deployment %1 ist nach %3 immer noch %2 ("timeout" im with: der Stufe); es läuft auf Railway weiter</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Railway deploy log of %1:</source>
            <translation>Railway-Bereitstellungsprotokoll von %1:</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Railway build log of %1:</source>
            <translation>Railway-Build-Protokoll von %1:</translation>
        </message>
        <message>
            <location line="+22" />
            <source>%1 is not available (%2); following the status only</source>
            <translation>%1 ist nicht verfügbar (%2); es wird nur der Status verfolgt</translation>
        </message>
        <message>
            <location line="+2" />
            <source>the answer has no list of lines</source>
            <translation>die Antwort enthält keine Liste von Zeilen</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Railway::RailwayListJob</name>
        <message>
            <location filename="../core/deploy/railway/railwaylistjob.cpp" line="+35" />
            <source>listing the deployments of %1 failed: </source>
            <translation>Auflisten der Deployments von %1 fehlgeschlagen: </translation>
        </message>
        <message>
            <location line="+27" />
            <source>Railway's list of deployments does not move on (next page after "%1" again)</source>
            <translation>Railways Liste der Deployments kommt nicht voran (erneut nächste Seite nach "%1")</translation>
        </message>
        <message numerus="yes">
            <location line="+6" />
            <source>listed the newest %n deployment(s); stopping there</source>
            <translation>
                <numerusform>das neueste %n Deployment wurde aufgelistet; hier wird angehalten</numerusform>
                <numerusform>die neuesten %n Deployments wurden aufgelistet; hier wird angehalten</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Railway::RailwayOptionsReader</name>
        <message>
            <location filename="../core/deploy/railway/railwayoptions.cpp" line="+41" />
            <source>the secret %1 (a Railway project token; deploydeskctl secrets set %1)</source>
            <translation>das Geheimnis %1 (ein Railway-Projekt-Token; deploydeskctl secrets set %1)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>the secret %1 (a Railway account or workspace token; deploydeskctl secrets set %1)</source>
            <translation>das Geheimnis %1 (ein Railway-Konto- oder Workspace-Token; deploydeskctl secrets set %1)</translation>
        </message>
        <message>
            <location line="+10" />
            <source>the Railway service to deploy, by id or name</source>
            <translation>der bereitzustellende Railway-Dienst, per ID oder Name</translation>
        </message>
        <message>
            <location line="+4" />
            <source>the Railway project's id (default: the project token's project; required with a workspace token)</source>
            <translation>die ID des Railway-Projekts (Standard: das Projekt des Projekt-Tokens; erforderlich bei einem Workspace-Token)</translation>
        </message>
        <message>
            <location line="+8" />
            <source>the Railway environment, by id or name (default: the project token's environment, else the DeployDesk environment's name)</source>
            <translation>die Railway-Umgebung, per ID oder Name (Standard: die Umgebung des Projekt-Tokens, sonst der Name der DeployDesk-Umgebung)</translation>
        </message>
        <message>
            <location line="+8" />
            <source>the secret holding the Railway token (default RAILWAY_TOKEN, a project token, or else RAILWAY_API_TOKEN, a workspace token); list it under the stage's secrets:</source>
            <translation>das Geheimnis mit dem Railway-Token (Standard RAILWAY_TOKEN, ein Projekt-Token, sonst RAILWAY_API_TOKEN, ein Workspace-Token); führen Sie es unter den Geheimnissen der Stufe auf:</translation>
        </message>
        <message>
            <location line="+8" />
            <source>project (sent as Project-Access-Token) or workspace (an account or workspace token, sent as Bearer); default: project for RAILWAY_TOKEN, else workspace</source>
            <translation>project (gesendet als Project-Access-Token) oder workspace (ein Konto- oder Workspace-Token, gesendet als Bearer); Standard: project für RAILWAY_TOKEN, sonst workspace</translation>
        </message>
        <message>
            <location line="+8" />
            <source>the commit Railway deploys (default: the run's commit; "latest": the service's source as configured in Railway)</source>
            <translation>der Commit, den Railway bereitstellt (Standard: der Commit des Laufs; "latest": die in Railway konfigurierte Quelle des Dienstes)</translation>
        </message>
        <message>
            <location line="+8" />
            <source>how long to wait for the build and deploy to finish (default 30m)</source>
            <translation>wie lange auf den Abschluss von Build und Bereitstellung gewartet wird (Standard 30m)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>the first wait between status checks; it grows to 10s (default 1s)</source>
            <translation>die erste Wartezeit zwischen Statusprüfungen; sie wächst auf 10s (Standard 1s)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>the path a health check requests on the deployment's URL (default /health)</source>
            <translation>der Pfad, den eine Zustandsprüfung unter der URL des Deployments abfragt (Standard /health)</translation>
        </message>
        <message>
            <location line="+18" />
            <source>railway needs "service": the Railway service to deploy, by id or name, e.g. service: backend</source>
            <translation>railway benötigt "service": den bereitzustellenden Railway-Dienst, per ID oder Name, z. B. service: backend</translation>
        </message>
        <message>
            <location line="+8" />
            <source>"token-kind" must be project or workspace; found "%1"</source>
            <translation>"token-kind" muss project oder workspace sein; gefunden: "%1"</translation>
        </message>
        <message>
            <location line="+6" />
            <source>"token-secret" must be a secret's name (letters, digits and _), such as RAILWAY_TOKEN; found "%1"</source>
            <translation>"token-secret" muss ein Geheimnisname sein (Buchstaben, Ziffern und _), etwa RAILWAY_TOKEN; gefunden: "%1"</translation>
        </message>
        <message>
            <location line="+14" />
            <source>railway needs a Railway token, which stage "%1" does not have: a project token in the secret RAILWAY_TOKEN, or an account or workspace token in RAILWAY_API_TOKEN. Set one with `deploydeskctl secrets set RAILWAY_TOKEN` and list it under the stage's secrets: [RAILWAY_TOKEN]</source>
            <translation>railway benötigt ein Railway-Token, das Stufe "%1" nicht hat: ein Projekt-Token im Geheimnis RAILWAY_TOKEN oder ein Konto- oder Workspace-Token in RAILWAY_API_TOKEN. Setzen Sie eines mit `deploydeskctl secrets set RAILWAY_TOKEN` und führen Sie es unter den Geheimnissen der Stufe auf: [RAILWAY_TOKEN]</translation>
        </message>
        <message>
            <location line="+15" />
            <source>railway needs a Railway token in the secret %1, which stage "%2" does not have: set it with `deploydeskctl secrets set %1` and list it under the stage's secrets: [%1]</source>
            <translation>railway benötigt ein Railway-Token im Geheimnis %1, das Stufe "%2" nicht hat: setzen Sie es mit `deploydeskctl secrets set %1` und führen Sie es unter den Geheimnissen der Stufe auf: [%1]</translation>
        </message>
        <message>
            <location line="+9" />
            <source>with a workspace token (%1) railway needs "project": the Railway project's id (Project Settings, or `railway status --json`); or use a project token (token-kind: project)</source>
            <translation>mit einem Workspace-Token (%1) benötigt railway "project": die ID des Railway-Projekts (Project Settings oder `railway status --json`); oder verwenden Sie ein Projekt-Token (token-kind: project)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>"railway-environment" in the stage's with:</source>
            <translation>"railway-environment" im with: der Stufe</translation>
        </message>
        <message>
            <location line="+4" />
            <source>the DeployDesk environment's name (set "railway-environment" to choose another)</source>
            <translation>der Name der DeployDesk-Umgebung (setzen Sie "railway-environment", um eine andere zu wählen)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>railway needs "railway-environment" (the Railway environment's id or name) when it runs without a DeployDesk environment</source>
            <translation>railway benötigt "railway-environment" (ID oder Name der Railway-Umgebung), wenn es ohne DeployDesk-Umgebung läuft</translation>
        </message>
        <message>
            <location line="+15" />
            <source>"health-path" must start with /, e.g. /health; found "%1"</source>
            <translation>"health-path" muss mit / beginnen, z. B. /health; gefunden: "%1"</translation>
        </message>
        <message>
            <location line="+11" />
            <source>"%1" must be a duration such as 10m or 500ms; found "%2"</source>
            <translation>"%1" muss eine Dauer wie 10m oder 500ms sein; gefunden: "%2"</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Railway::RailwayRollbackJob</name>
        <message>
            <location filename="../core/deploy/railway/railwayrollbackjob.cpp" line="+27" />
            <source>no Railway deployment id to make live</source>
            <translation>keine Railway-Deployment-ID, die live geschaltet werden kann</translation>
        </message>
        <message>
            <location line="+7" />
            <source>deployment %1 is no longer on Railway (nothing changed): %2</source>
            <translation>Deployment %1 ist nicht mehr auf Railway (nichts geändert): %2</translation>
        </message>
        <message>
            <location line="+2" />
            <source>checking Railway deployment %1 failed (nothing changed): %2</source>
            <translation>Prüfen von Railway-Deployment %1 fehlgeschlagen (nichts geändert): %2</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Railway answered deployment %1 without its service and environment</source>
            <translation>Railway hat Deployment %1 ohne Dienst und Umgebung beantwortet</translation>
        </message>
        <message>
            <location line="+6" />
            <source>deployment %1 is live already (%2): nothing to roll back</source>
            <translation>Deployment %1 ist bereits live (%2): nichts zurückzurollen</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Railway does not allow rolling %1 back to deployment %2 (canRollback is false; it is %3): a deployment older than the plan's retention, or one that never went live, cannot be restored. Nothing was changed. Deploy %4 again instead</source>
            <translation>Railway erlaubt nicht, %1 auf Deployment %2 zurückzurollen (canRollback ist false; es ist %3): ein Deployment, das älter als die Aufbewahrungsdauer des Plans ist oder nie live war, kann nicht wiederhergestellt werden. Es wurde nichts geändert. Stellen Sie stattdessen %4 erneut bereit</translation>
        </message>
        <message>
            <location line="+4" />
            <source>its source</source>
            <translation>seine Quelle</translation>
        </message>
        <message>
            <location line="+0" />
            <source>commit %1</source>
            <translation>Commit %1</translation>
        </message>
        <message>
            <location line="+14" />
            <source>the answer to the rollback call was lost (%1); looking for the deployment it may have started</source>
            <translation>die Antwort auf den Rollback-Aufruf ging verloren (%1); Suche nach dem Deployment, das er möglicherweise gestartet hat</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Railway refused to roll %1 back to %2: </source>
            <translation>Railway hat abgelehnt, %1 auf %2 zurückzurollen: </translation>
        </message>
        <message>
            <location line="+8" />
            <source>Railway answered %1 to deploymentRollback(%2): nothing was rolled back</source>
            <translation>Railway hat deploymentRollback(%2) mit %1 beantwortet: es wurde nichts zurückgerollt</translation>
        </message>
        <message>
            <location line="+2" />
            <source>no Boolean</source>
            <translation>kein Boolean</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Railway is rolling %1 back to deployment %2</source>
            <translation>Railway rollt %1 auf Deployment %2 zurück</translation>
        </message>
        <message>
            <location line="+39" />
            <source>deployment %1 restores %2; following it</source>
            <translation>Deployment %1 stellt %2 wieder her; es wird verfolgt</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 → deployment %2 (Railway rollback to %3, no rebuild)</source>
            <translation>%1 → Deployment %2 (Railway-Rollback auf %3, kein Neubau)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>looking for the rollback's deployment failed: </source>
            <translation>Suche nach dem Deployment des Rollbacks fehlgeschlagen: </translation>
        </message>
        <message>
            <location line="+5" />
            <source>rolling %1 back to %2 failed, and no deployment for it appeared on Railway (nothing changed): </source>
            <translation>Zurückrollen von %1 auf %2 fehlgeschlagen, und auf Railway ist kein Deployment dafür erschienen (nichts geändert): </translation>
        </message>
        <message>
            <location line="+6" />
            <source>Railway accepted the rollback of %1 to %2, but no deployment for it appeared within %3</source>
            <translation>Railway hat den Rollback von %1 auf %2 angenommen, aber innerhalb von %3 ist kein Deployment dafür erschienen</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::RailwayTarget</name>
        <message>
            <location filename="../core/deploy/railway/railwaytarget.cpp" line="+25" />
            <source>Railway rollback (earlier image, no rebuild)</source>
            <translation>Railway-Rollback (früheres Image, kein Neubau)</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::RollbackJob</name>
        <message>
            <location filename="../core/run/rollbackjob.cpp" line="+51" />
            <source>rolling %1 back to %2 by %3</source>
            <translation>%1 wird per %3 auf %2 zurückgerollt</translation>
        </message>
        <message>
            <location line="+19" />
            <source>cancelled</source>
            <translation>abgebrochen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>cancelled; rolled back: %1; not rolled back: %2</source>
            <translation>abgebrochen; zurückgerollt: %1; nicht zurückgerollt: %2</translation>
        </message>
        <message>
            <location line="+7" />
            <source>rolling %1 back failed: %2. Rolled back: %3; not rolled back: %4</source>
            <translation>Zurückrollen von %1 fehlgeschlagen: %2. Zurückgerollt: %3; nicht zurückgerollt: %4</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::RunController</name>
        <message>
            <location filename="../core/run/runcontroller.cpp" line="+104" />
            <location filename="../core/run/runcontrollerdeploy.cpp" line="+345" />
            <location filename="../core/run/runcontrollerindex.cpp" line="+17" />
            <source>a run is already in progress</source>
            <translation>es läuft bereits ein Lauf</translation>
        </message>
        <message>
            <location line="+5" />
            <location line="+41" />
            <source>stage "%1" is not defined in %2</source>
            <translation>Stufe "%1" ist in %2 nicht definiert</translation>
        </message>
        <message>
            <location line="-38" />
            <location filename="../core/run/runcontrollerdeploy.cpp" line="+3" />
            <location filename="../core/run/runcontrollerindex.cpp" line="+3" />
            <source>environment "%1" is not defined in %2</source>
            <translation>Umgebung "%1" ist in %2 nicht definiert</translation>
        </message>
        <message>
            <location line="+12" />
            <source>run %1 belongs to workspace %2, not %3</source>
            <translation>Lauf %1 gehört zum Arbeitsbereich %2, nicht zu %3</translation>
        </message>
        <message>
            <location line="+6" />
            <source>run %1 is still running; wait for it or cancel it first</source>
            <translation>Lauf %1 läuft noch; warten Sie, bis er endet, oder brechen Sie ihn zuerst ab</translation>
        </message>
        <message>
            <location line="+111" />
            <source>promote needs a run and an environment: promote RUN ENV</source>
            <translation>promote benötigt einen Lauf und eine Umgebung: promote LAUF ENV</translation>
        </message>
        <message>
            <location line="+8" />
            <source>run %1 has no failed or skipped stages to re-run</source>
            <translation>Lauf %1 hat keine fehlgeschlagenen oder übersprungenen Stufen, die erneut ausgeführt werden könnten</translation>
        </message>
        <message>
            <location line="+12" />
            <source>nothing to re-run in run %1: nothing in it failed, and its skipped stages (%2) would be skipped again in a run without an environment; nothing was recorded</source>
            <translation>in Lauf %1 gibt es nichts erneut auszuführen: nichts darin ist fehlgeschlagen, und seine übersprungenen Stufen (%2) würden in einem Lauf ohne Umgebung erneut übersprungen; es wurde nichts aufgezeichnet</translation>
        </message>
        <message>
            <location line="+5" />
            <source>nothing to re-run in run %1: nothing in it failed, and its skipped stages (%2) would be skipped again in environment %3; nothing was recorded</source>
            <translation>in Lauf %1 gibt es nichts erneut auszuführen: nichts darin ist fehlgeschlagen, und seine übersprungenen Stufen (%2) würden in Umgebung %3 erneut übersprungen; es wurde nichts aufgezeichnet</translation>
        </message>
        <message>
            <location line="+17" />
            <source>the workspace is on branch %1, not %2; check out %2 first</source>
            <translation>der Arbeitsbereich ist auf Branch %1, nicht auf %2; checken Sie zuerst %2 aus</translation>
        </message>
        <message>
            <source>deploy to protected environment %1 waits for approval (stages: %2)</source>
            <translation type="vanished">Bereitstellung in der geschützten Umgebung %1 wartet auf Freigabe (Stufen: %2)</translation>
        </message>
        <message>
            <source>run started by %1</source>
            <translation type="vanished">Lauf gestartet von %1</translation>
        </message>
        <message>
            <source>run started by %1 for environment %2</source>
            <translation type="vanished">Lauf gestartet von %1 für Umgebung %2</translation>
        </message>
        <message>
            <source> (re-run of the failed stages of run %1)</source>
            <translation type="vanished"> (erneute Ausführung der fehlgeschlagenen Stufen von Lauf %1)</translation>
        </message>
        <message>
            <source>deploy to %1 approved by %2</source>
            <translation type="vanished">Bereitstellung in %1 freigegeben von %2</translation>
        </message>
        <message>
            <source>deploy to %1 approved by %2: %3</source>
            <translation type="vanished">Bereitstellung in %1 freigegeben von %2: %3</translation>
        </message>
        <message>
            <source>cancel requested</source>
            <translation type="vanished">Abbruch angefordert</translation>
        </message>
        <message>
            <location line="+212" />
            <source>deploy to %1 refused by %2</source>
            <translation>Bereitstellung in %1 abgelehnt von %2</translation>
        </message>
        <message>
            <location line="+1" />
            <source>deploy to %1 refused by %2: %3</source>
            <translation>Bereitstellung in %1 abgelehnt von %2: %3</translation>
        </message>
        <message>
            <location line="+31" />
            <source>its work succeeded, but its record is incomplete; the history could not be written: %1</source>
            <translation>die Arbeit war erfolgreich, aber die Aufzeichnung ist unvollständig; der Verlauf konnte nicht geschrieben werden: %1</translation>
        </message>
        <message numerus="yes">
            <location line="+35" />
            <source>%n log line(s) of stage %1 could not be recorded: %2</source>
            <translation>
                <numerusform>%n Protokollzeile von Stufe %1 konnte nicht aufgezeichnet werden: %2</numerusform>
                <numerusform>%n Protokollzeilen von Stufe %1 konnten nicht aufgezeichnet werden: %2</numerusform>
            </translation>
        </message>
        <message>
            <source>stage %1 started</source>
            <translation type="vanished">Stufe %1 gestartet</translation>
        </message>
        <message>
            <source>attempt %1 of stage %2</source>
            <translation type="vanished">Versuch %1 der Stufe %2</translation>
        </message>
        <message>
            <source>failed (allowed: continue-on-error)</source>
            <translation type="vanished">fehlgeschlagen (erlaubt: continue-on-error)</translation>
        </message>
        <message>
            <location filename="../core/run/runcontrollerindex.cpp" line="+17" />
            <source>stage %1: %2</source>
            <translation>Stufe %1: %2</translation>
        </message>
        <message>
            <source>stage %1: %2 (%3)</source>
            <translation type="vanished">Stufe %1: %2 (%3)</translation>
        </message>
        <message numerus="yes">
            <source>%n change(s) of this run could not be recorded when they happened; the first: %1</source>
            <translation type="vanished">
                <numerusform>%n Änderung dieses Laufs konnte beim Eintreten nicht aufgezeichnet werden; die erste: %1</numerusform>
                <numerusform>%n Änderungen dieses Laufs konnten beim Eintreten nicht aufgezeichnet werden; die erste: %1</numerusform>
            </translation>
        </message>
        <message>
            <source>run %1</source>
            <translation type="vanished">Lauf: %1</translation>
        </message>
        <message>
            <location filename="../core/run/runcontrollerdeploy.cpp" line="-234" />
            <source>rollback</source>
            <translation>Rollback</translation>
        </message>
        <message>
            <location line="+1" />
            <source>deploy</source>
            <translation>Bereitstellung</translation>
        </message>
        <message>
            <source>waiting for run %1 (%2) to finish with environment %3</source>
            <translation type="vanished">warte, bis Lauf %1 (%2) mit Umgebung %3 fertig ist</translation>
        </message>
        <message>
            <source>%1 %2 is live in %3 (%4)</source>
            <translation type="vanished">%1 %2 ist in %3 live (%4)</translation>
        </message>
        <message>
            <source>%1 %2 is live in %3 at %4 (%5)</source>
            <translation type="vanished">%1 %2 ist in %3 unter %4 live (%5)</translation>
        </message>
        <message>
            <source>release %1 of %2 recorded (%3)</source>
            <translation type="vanished">Release %1 von %2 aufgezeichnet (%3)</translation>
        </message>
        <message>
            <source>stage %1 failed after the deploy and asks for a rollback</source>
            <translation type="vanished">Stufe %1 ist nach der Bereitstellung fehlgeschlagen und verlangt ein Rollback</translation>
        </message>
        <message>
            <source>%1; but %2 had no earlier release, so what was deployed stays live</source>
            <translation type="vanished">%1; aber %2 hatte kein früheres Release, daher bleibt das Bereitgestellte live</translation>
        </message>
        <message>
            <location line="+114" />
            <source>the database stays at revision %1: taking it back to %2 needs an approval naming both revisions (deploydeskctl rollback %3 %4)</source>
            <translation>die Datenbank bleibt auf Revision %1: sie auf %2 zurückzubringen erfordert eine Freigabe, die beide Revisionen nennt (deploydeskctl rollback %3 %4)</translation>
        </message>
        <message>
            <source>%1; nothing differs from release %2</source>
            <translation type="vanished">%1; nichts unterscheidet sich von Release %2</translation>
        </message>
        <message>
            <source>%1; only the database differs from release %2, and %3</source>
            <translation type="vanished">%1; nur die Datenbank unterscheidet sich von Release %2, und %3</translation>
        </message>
        <message>
            <source>%1: rolling %2 back to release %3</source>
            <translation type="vanished">%1: %2 wird auf Release %3 zurückgerollt</translation>
        </message>
        <message>
            <source>the vector index of %1 serves %2</source>
            <translation type="vanished">der Vektorindex von %1 antwortet jetzt aus %2</translation>
        </message>
        <message>
            <source>%1 is back on release %2</source>
            <translation type="vanished">%1 ist wieder auf Release %2</translation>
        </message>
        <message>
            <location line="-130" />
            <source>run %1 of concurrency group %2 replaces it</source>
            <translation>Lauf %1 der Concurrency-Gruppe %2 ersetzt ihn</translation>
        </message>
        <message>
            <location line="+14" />
            <source>workflow run</source>
            <translation>Workflow-Lauf</translation>
        </message>
        <message>
            <location line="+243" />
            <source>release %1 has the same versions as the live release of %2: nothing to roll back</source>
            <translation>Release %1 hat dieselben Versionen wie das Live-Release von %2: nichts zurückzurollen</translation>
        </message>
        <message>
            <location line="+6" />
            <source>%1 is protected: a rollback needs the same approval as a deploy</source>
            <translation>%1 ist geschützt: ein Rollback benötigt dieselbe Freigabe wie eine Bereitstellung</translation>
        </message>
        <message>
            <location line="+7" />
            <source>rolling %1 back to release %2 takes its database from revision %3 to %4, which can drop what the later migrations added: approve it by naming both revisions (%5); nothing was changed</source>
            <translation>das Zurückrollen von %1 auf Release %2 bringt die Datenbank von Revision %3 auf %4, wodurch verloren gehen kann, was die späteren Migrationen hinzugefügt haben: geben Sie es frei, indem Sie beide Revisionen nennen (%5); es wurde nichts geändert</translation>
        </message>
        <message>
            <location line="+6" />
            <source>the approval names the database change %1, but rolling %2 back to release %3 takes the database from revision %4 to %5; nothing was changed</source>
            <translation>die Freigabe nennt die Datenbankänderung %1, aber das Zurückrollen von %2 auf Release %3 bringt die Datenbank von Revision %4 auf %5; es wurde nichts geändert</translation>
        </message>
        <message>
            <location line="+8" />
            <source>rollback to release %1</source>
            <translation>Rollback auf Release %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>rollback to release %1: %2</source>
            <translation>Rollback auf Release %1: %2</translation>
        </message>
        <message>
            <source>rollback of %1 started by %2</source>
            <translation type="vanished">Rollback von %1 gestartet von %2</translation>
        </message>
        <message>
            <source>rollback of %1 to release %2 approved by %3</source>
            <translation type="vanished">Rollback von %1 auf Release %2 freigegeben von %3</translation>
        </message>
        <message>
            <source>database of %1 from revision %2 to revision %3 approved by %4</source>
            <translation type="vanished">Datenbank von %1 von Revision %2 auf Revision %3 freigegeben durch %4</translation>
        </message>
        <message>
            <source>%1 rolled back</source>
            <translation type="vanished">%1 zurückgerollt</translation>
        </message>
        <message>
            <source>%1 not rolled back: %2</source>
            <translation type="vanished">%1 nicht zurückgerollt: %2</translation>
        </message>
        <message>
            <location line="+176" />
            <source>DeployDesk rollback (run %1)</source>
            <translation>DeployDesk-Rollback (Lauf %1)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>DeployDesk deploy (run %1)</source>
            <translation>DeployDesk-Bereitstellung (Lauf %1)</translation>
        </message>
        <message>
            <location line="+22" />
            <source>run %1 %2</source>
            <translation>Lauf %1 %2</translation>
        </message>
        <message>
            <location filename="../core/run/runcontrollerindex.cpp" line="-13" />
            <source>%1 is not an index version; give one the index lists (e.g. 3)</source>
            <translation>%1 ist keine Indexversion; geben Sie eine an, die der Index auflistet (z. B. 3)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1 is protected: switching its index needs the same approval as a deploy</source>
            <translation>%1 ist geschützt: das Umschalten des Index benötigt dieselbe Freigabe wie eine Bereitstellung</translation>
        </message>
        <message>
            <location line="+37" />
            <source>nothing recorded</source>
            <translation>nichts aufgezeichnet</translation>
        </message>
        <message>
            <location line="+4" />
            <source>index switch to %1</source>
            <translation>Indexwechsel auf %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>index switch to %1: %2</source>
            <translation>Indexwechsel auf %1: %2</translation>
        </message>
        <message>
            <source>index switch of %1 started by %2</source>
            <translation type="vanished">Indexwechsel von %1 gestartet von %2</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Switch the vector index %1 of %2:
  vector-index: %3 → %4 by %5</source>
            <translation>Vektorindex %1 von %2 umschalten:
  vector-index: %3 → %4 per %5</translation>
        </message>
        <message>
            <source>index switch of %1 to %2 approved by %3</source>
            <translation type="vanished">Indexwechsel von %1 auf %2 freigegeben von %3</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::RunJob</name>
        <message>
            <location filename="../core/engine/runjob.cpp" line="+143" />
            <source>reused from the earlier run</source>
            <translation>aus dem früheren Lauf übernommen</translation>
        </message>
        <message>
            <location line="-11" />
            <source>needs "%1", which did not succeed</source>
            <translation>benötigt "%1", die nicht erfolgreich war</translation>
        </message>
        <message>
            <location line="+23" />
            <source>condition "%1" is false in a run without an environment (--env)</source>
            <translation>Bedingung "%1" ist in einem Lauf ohne Umgebung (--env) falsch</translation>
        </message>
        <message>
            <location line="+3" />
            <source>condition "%1" is false for environment "%2"</source>
            <translation>Bedingung "%1" ist für Umgebung "%2" falsch</translation>
        </message>
        <message>
            <location line="+151" />
            <source>cancelled before it started</source>
            <translation>vor dem Start abgebrochen</translation>
        </message>
        <message>
            <location line="+22" />
            <source>one or more stages failed</source>
            <translation>eine oder mehrere Stufen sind fehlgeschlagen</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::SecretStore</name>
        <message>
            <location filename="../core/secrets/secretstore.cpp" line="+97" />
            <source>the keychain is turned off (DEPLOYDESK_NO_KEYCHAIN=1 or --no-keychain)</source>
            <translation>der Schlüsselbund ist abgeschaltet (DEPLOYDESK_NO_KEYCHAIN=1 oder --no-keychain)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>no keychain is reachable (no Secret Service or KWallet on the session D-Bus)</source>
            <translation>kein Schlüsselbund erreichbar (kein Secret Service oder KWallet auf dem Sitzungs-D-Bus)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>cannot %1 secret "%2": %3; export %2 in the environment instead (the usual way on CI and over SSH)</source>
            <translation>Geheimnis "%2" kann nicht %1 werden: %3; exportieren Sie %2 stattdessen in der Umgebung (der übliche Weg in CI und über SSH)</translation>
        </message>
        <message>
            <location line="+13" />
            <source>cannot %1 secret "%2": the keychain did not answer within %3 s; check that it is unlocked, or export %2 in the environment instead</source>
            <translation>Geheimnis "%2" kann nicht %1 werden: Der Schlüsselbund hat nicht innerhalb von %3 s geantwortet; prüfen Sie, ob er entsperrt ist, oder exportieren Sie %2 stattdessen in der Umgebung</translation>
        </message>
        <message>
            <location line="+8" />
            <source>cannot %1 secret "%2": the keychain refused access (%3); unlock it and try again</source>
            <translation>Geheimnis "%2" kann nicht %1 werden: Der Schlüsselbund hat den Zugriff verweigert (%3); entsperren Sie ihn und versuchen Sie es erneut</translation>
        </message>
        <message>
            <location line="+10" />
            <source>cannot %1 secret "%2": the keychain reported "%3"</source>
            <translation>Geheimnis "%2" kann nicht %1 werden: Der Schlüsselbund meldete "%3"</translation>
        </message>
        <message>
            <location line="+33" />
            <source>"%1" is not a valid secret name: expected letters, digits and underscores, not starting with a digit</source>
            <translation>"%1" ist kein gültiger Geheimnisname: erwartet werden Buchstaben, Ziffern und Unterstriche, nicht mit einer Ziffer beginnend</translation>
        </message>
        <message>
            <location line="+8" />
            <source>read</source>
            <translation>gelesen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>secret "%1" is not set: set it with "deploydeskctl secrets set %1" or export %1</source>
            <translation>Geheimnis "%1" ist nicht gesetzt: Setzen Sie es mit "deploydeskctl secrets set %1" oder exportieren Sie %1</translation>
        </message>
        <message>
            <location line="+16" />
            <source>cannot store secret "%1": a name needs letters, digits and underscores, not starting with a digit (it becomes an environment variable), e.g. DEPLOY_TOKEN</source>
            <translation>Geheimnis "%1" kann nicht gespeichert werden: Ein Name besteht aus Buchstaben, Ziffern und Unterstrichen und beginnt nicht mit einer Ziffer (er wird zu einer Umgebungsvariable), z. B. DEPLOY_TOKEN</translation>
        </message>
        <message>
            <location line="+6" />
            <location line="+7" />
            <source>store</source>
            <translation>gespeichert</translation>
        </message>
        <message>
            <location line="+9" />
            <source>cannot remove secret "%1": a name needs letters, digits and underscores, not starting with a digit</source>
            <translation>Geheimnis "%1" kann nicht entfernt werden: Ein Name besteht aus Buchstaben, Ziffern und Unterstrichen und beginnt nicht mit einer Ziffer</translation>
        </message>
        <message>
            <location line="+5" />
            <location line="+18" />
            <location line="+6" />
            <source>remove</source>
            <translation>entfernt</translation>
        </message>
        <message>
            <location line="-13" />
            <source>cannot remove secret "%1": it is not in the keychain; "deploydeskctl secrets list" shows the stored names</source>
            <translation>Geheimnis "%1" kann nicht entfernt werden: Es ist nicht im Schlüsselbund; "deploydeskctl secrets list" zeigt die gespeicherten Namen</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::StageJob</name>
        <message>
            <location filename="../core/engine/stagejob.cpp" line="+26" />
            <location line="+224" />
            <source>timed out after %1</source>
            <translation>Zeitüberschreitung nach %1</translation>
        </message>
        <message>
            <location line="-178" />
            <source>cache not used: %1</source>
            <translation>Cache nicht verwendet: %1</translation>
        </message>
        <message>
            <location line="+4" />
            <source>cache not restored, the stage runs without it: %1</source>
            <translation>Cache nicht wiederhergestellt, die Stufe läuft ohne ihn: %1</translation>
        </message>
        <message>
            <location line="+23" />
            <source>DEPLOYDESK_CACHE_MAX_SIZE="%1" is no size (write e.g. 5G or 500M); the cache keeps to %2</source>
            <translation>DEPLOYDESK_CACHE_MAX_SIZE="%1" ist keine Größe (schreiben Sie z. B. 5G oder 500M); der Cache hält sich an %2</translation>
        </message>
        <message>
            <location line="+15" />
            <source>cache not saved: %1</source>
            <translation>Cache nicht gespeichert: %1</translation>
        </message>
        <message>
            <location line="+6" />
            <source>the command succeeded; the stage was cancelled while its cache was being saved</source>
            <translation>Der Befehl war erfolgreich; die Stufe wurde abgebrochen, während ihr Cache gespeichert wurde</translation>
        </message>
        <message>
            <location line="+14" />
            <source>attempt %1 of %2</source>
            <translation>Versuch %1 von %2</translation>
        </message>
        <message>
            <location line="+5" />
            <source>unknown stage type "%1"</source>
            <translation>unbekannter Stufentyp "%1"</translation>
        </message>
        <message>
            <location line="-52" />
            <location line="+35" />
            <location line="+124" />
            <location line="+27" />
            <location line="+20" />
            <location line="+12" />
            <source>cancelled</source>
            <translation>abgebrochen</translation>
        </message>
        <message>
            <location line="-38" />
            <source>cache not saved: key %1 was restored, and an entry never changes</source>
            <translation>Cache nicht gespeichert: Schlüssel %1 wurde wiederhergestellt, und ein Eintrag ändert sich nie</translation>
        </message>
        <message>
            <location line="+11" />
            <source>%1; retrying in %2</source>
            <translation>%1; neuer Versuch in %2</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::ApprovalDialog</name>
        <message>
            <location filename="../ui/approvaldialog.cpp" line="+17" />
            <source>Approve deploy to %1</source>
            <translation>Bereitstellung in %1 freigeben</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; is a protected environment.&lt;/p&gt;&lt;p&gt;Run %2 is ready to start these stages, which deploy to it:&lt;br&gt;&lt;b&gt;%3&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Your decision is recorded in the history.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; ist eine geschützte Umgebung.&lt;/p&gt;&lt;p&gt;Lauf %2 ist bereit, diese Stufen zu starten, die in ihr bereitstellen:&lt;br&gt;&lt;b&gt;%3&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Ihre Entscheidung wird im Verlauf festgehalten.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Approved by</source>
            <translation type="vanished">Freigegeben von</translation>
        </message>
        <message>
            <source>Optional, e.g. release 1.4 after the review</source>
            <translation type="vanished">Optional, z. B. Release 1.4 nach dem Review</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation type="vanished">Begründung</translation>
        </message>
        <message>
            <source>Type the environment name to confirm</source>
            <translation type="vanished">Zur Bestätigung den Namen der Umgebung eingeben</translation>
        </message>
        <message>
            <source>Approved &amp;by:</source>
            <translation type="vanished">Freigegeben &amp;von:</translation>
        </message>
        <message>
            <source>&amp;Reason:</source>
            <translation type="vanished">&amp;Begründung:</translation>
        </message>
        <message>
            <source>Type &lt;b&gt;%1&lt;/b&gt; to &amp;confirm:</source>
            <translation type="vanished">&lt;b&gt;%1&lt;/b&gt; zur Bestä&amp;tigung eingeben:</translation>
        </message>
        <message>
            <location line="+14" />
            <source>&amp;Approve and deploy</source>
            <translation>&amp;Freigeben und bereitstellen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Re&amp;fuse</source>
            <translation>Ab&amp;lehnen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Decide &amp;later</source>
            <translation>&amp;Später entscheiden</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::ApprovalFields</name>
        <message>
            <location filename="../ui/approvalfields.cpp" line="+18" />
            <source>Approved by</source>
            <translation>Freigegeben von</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Optional, e.g. release 1.4 after the review</source>
            <translation>Optional, z. B. Release 1.4 nach dem Review</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reason</source>
            <translation>Grund</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Type the environment name to confirm</source>
            <translation>Zur Bestätigung den Namen der Umgebung eingeben</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Approved &amp;by:</source>
            <translation>Freigegeben &amp;von:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Reason:</source>
            <translation>&amp;Grund:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Type &lt;b&gt;%1&lt;/b&gt; to &amp;confirm:</source>
            <translation>Zum &amp;Bestätigen &lt;b&gt;%1&lt;/b&gt; eingeben:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Why:</source>
            <translation>&amp;Warum:</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::CompareDialog</name>
        <message>
            <location filename="../ui/history/comparedialog.cpp" line="+19" />
            <source>Compare runs</source>
            <translation>Läufe vergleichen</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Comparison summary</source>
            <translation>Zusammenfassung des Vergleichs</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Only changes</source>
            <translation>Nur Än&amp;derungen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Show only the stages whose result changed</source>
            <translation>Nur die Stufen anzeigen, deren Ergebnis sich geändert hat</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Stages of both runs</source>
            <translation>Stufen beider Läufe</translation>
        </message>
        <message numerus="yes">
            <location line="+38" />
            <source>Run %1 (%2) against run %3 (%4): %n stage(s) changed result.</source>
            <translation>
                <numerusform>Lauf %1 (%2) gegenüber Lauf %3 (%4): %n Stufe mit geändertem Ergebnis.</numerusform>
                <numerusform>Lauf %1 (%2) gegenüber Lauf %3 (%4): %n Stufen mit geändertem Ergebnis.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::CompareModel</name>
        <message>
            <location filename="../ui/history/comparemodel.cpp" line="+134" />
            <location line="+1" />
            <source>Only in run %1</source>
            <translation>Nur in Lauf %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The result changed from %1 to %2</source>
            <translation>Das Ergebnis hat sich von %1 zu %2 geändert</translation>
        </message>
        <message>
            <location line="+14" />
            <source>not run</source>
            <translation>nicht ausgeführt</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Stage</source>
            <translation>Stufe</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+2" />
            <source>Run %1</source>
            <translation>Lauf %1</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+2" />
            <source>Duration %1</source>
            <translation>Dauer %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Change</source>
            <translation>Änderung</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::DispatchDialog</name>
        <message>
            <location filename="../ui/workflows/dispatchdialog.cpp" line="+52" />
            <source>Dispatch %1 on GitHub</source>
            <translation>%1 auf GitHub starten</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Run %1 Locally</source>
            <translation>%1 lokal ausführen</translation>
        </message>
        <message>
            <location line="+3" />
            <source>GitHub runs %1 (%2) on its runners for workflow_dispatch with these inputs; the run is followed here and recorded in the history.</source>
            <translation>GitHub führt %1 (%2) für workflow_dispatch mit diesen Eingaben auf seinen Runnern aus; der Lauf wird hier verfolgt und im Verlauf festgehalten.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 (%2) runs on this machine for workflow_dispatch with these inputs.</source>
            <translation>%1 (%2) läuft für workflow_dispatch mit diesen Eingaben auf diesem Rechner.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>&amp;Dispatch</source>
            <translation>&amp;Starten</translation>
        </message>
        <message>
            <location line="+0" />
            <source>&amp;Run</source>
            <translation>&amp;Ausführen</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Branch or tag</source>
            <translation>Branch oder Tag</translation>
        </message>
        <message>
            <location line="+1" />
            <source>e.g. main</source>
            <translation>z. B. main</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Branch or tag: *</source>
            <translation>&amp;Branch oder Tag: *</translation>
        </message>
        <message>
            <location line="+25" />
            <source>a number</source>
            <translation>eine Zahl</translation>
        </message>
        <message>
            <location line="+2" />
            <source>a GitHub environment's name</source>
            <translation>der Name einer GitHub-Umgebung</translation>
        </message>
        <message>
            <location line="+10" />
            <source>%1: *</source>
            <translation>%1: *</translation>
        </message>
        <message>
            <location line="+0" />
            <source>%1:</source>
            <translation>%1:</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Required</source>
            <translation>Erforderlich</translation>
        </message>
        <message>
            <location line="+10" />
            <source>* required</source>
            <translation>* erforderlich</translation>
        </message>
        <message>
            <location line="+67" />
            <source>Enter the branch or tag to dispatch on.</source>
            <translation>Geben Sie den Branch oder Tag ein, auf dem gestartet wird.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>"%1" is required: enter a value.</source>
            <translation>"%1" ist erforderlich: Geben Sie einen Wert ein.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>"%1" must be a number; found "%2".</source>
            <translation>"%1" muss eine Zahl sein; gefunden: "%2".</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::EmbeddingsReader</name>
        <message>
            <location filename="../ui/embeddings/embeddingsreader.cpp" line="+31" />
            <source>stage %1: %2</source>
            <translation>Stufe %1: %2</translation>
        </message>
        <message>
            <location line="+16" />
            <location line="+7" />
            <source>cancelled</source>
            <translation>abgebrochen</translation>
        </message>
        <message>
            <location line="+51" />
            <source>%1 (%2, %3)</source>
            <translation>%1 (%2, %3)</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::EmbeddingsView</name>
        <message>
            <location filename="../ui/embeddings/embeddingsview.cpp" line="+60" />
            <source>E&amp;nvironment:</source>
            <translation>Umge&amp;bung:</translation>
        </message>
        <message>
            <location line="+7" />
            <source>&amp;Update</source>
            <translation>A&amp;ktualisieren</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Scan the docs and read the index again</source>
            <translation>Dokumentation erneut scannen und Index neu einlesen</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Docs and changes since the live version</source>
            <translation>Dokumentation und Änderungen seit der aktiven Version</translation>
        </message>
        <message>
            <location line="+5" />
            <source>File</source>
            <translation>Datei</translation>
        </message>
        <message>
            <location line="+0" />
            <source>New</source>
            <translation>Neu</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Changed</source>
            <translation>Geändert</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Removed</source>
            <translation>Entfernt</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Unchanged</source>
            <translation>Unverändert</translation>
        </message>
        <message>
            <location line="+0" />
            <source>~Tokens</source>
            <translation>~Token</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Re-embed</source>
            <translation>Neu einbetten</translation>
        </message>
        <message>
            <location line="+1" />
            <source>M&amp;ode:</source>
            <translation>&amp;Modus:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Incremental (only what changed, in place)</source>
            <translation>Inkrementell (nur Geändertes, an Ort und Stelle)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Full (new version, validated, then switched)</source>
            <translation>Vollständig (neue Version, geprüft, dann umgeschaltet)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Re-em&amp;bed</source>
            <translation>Neu &amp;einbetten</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Cancel</source>
            <translation>Abbre&amp;chen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Resu&amp;me</source>
            <translation>F&amp;ortsetzen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Continue the interrupted re-embed: the batches it committed are kept</source>
            <translation>Das unterbrochene Neueinbetten fortsetzen: die bereits festgeschriebenen Stapel bleiben erhalten</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Index versions</source>
            <translation>Indexversionen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Version</source>
            <translation>Version</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Live</source>
            <translation>Aktiv</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Points</source>
            <translation>Punkte</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Dimension</source>
            <translation>Dimension</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Model</source>
            <translation>Modell</translation>
        </message>
        <message>
            <location line="+3" />
            <source>S&amp;witch…</source>
            <translation>Umscha&amp;lten…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Make the selected version the live one (recorded as a release)</source>
            <translation>Die ausgewählte Version aktiv schalten (wird als Release aufgezeichnet)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Roll bac&amp;k…</source>
            <translation>&amp;Zurückrollen…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Make the version before the live one live again</source>
            <translation>Die Version vor der aktiven wieder aktiv schalten</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Check &amp;golden questions</source>
            <translation>Prüffra&amp;gen testen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ask the selected version the golden questions</source>
            <translation>Der ausgewählten Version die Prüffragen stellen</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+651" />
            <source>Result</source>
            <translation>Ergebnis</translation>
        </message>
        <message>
            <location line="-651" />
            <source>Question</source>
            <translation>Frage</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+653" />
            <source>Expected</source>
            <translation>Erwartet</translation>
        </message>
        <message>
            <location line="-653" />
            <source>Found</source>
            <translation>Gefunden</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Ask the index</source>
            <translation>Den Index fragen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Question:</source>
            <translation>&amp;Frage:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>e.g. how do I install the backend?</source>
            <translation>z. B. Wie installiere ich das Backend?</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Vers&amp;ion:</source>
            <translation>Ve&amp;rsion:</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Top:</source>
            <translation>&amp;Treffer:</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Ask</source>
            <translation>Fragen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Score</source>
            <translation>Score</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Page</source>
            <translation>Seite</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Heading</source>
            <translation>Überschrift</translation>
        </message>
        <message>
            <location line="+77" />
            <source>&amp;Re-embed Docs</source>
            <translation>Dokumentation &amp;neu einbetten</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Re-embed &amp;All into a New Version</source>
            <translation>&amp;Alles in eine neue Version einbetten</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Resu&amp;me Interrupted Re-embed</source>
            <translation>Unterbrochenes Neueinbetten &amp;fortsetzen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Switch to Selected Index Version…</source>
            <translation>Auf ausgewählte Indexversion &amp;umschalten…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Roll &amp;Back Index to Previous Version…</source>
            <translation>Index auf vorherige Version &amp;zurückrollen…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Check &amp;Golden Questions</source>
            <translation>&amp;Prüffragen testen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Update Figures</source>
            <translation>Zahlen a&amp;ktualisieren</translation>
        </message>
        <message>
            <location line="+37" />
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <location line="+121" />
            <source>Reading the docs and the index…</source>
            <translation>Dokumentation und Index werden gelesen…</translation>
        </message>
        <message>
            <location line="+16" />
            <source>index %1</source>
            <translation>Index %1</translation>
        </message>
        <message>
            <location line="+7" />
            <source>● live</source>
            <translation>● aktiv</translation>
        </message>
        <message>
            <location line="+18" />
            <source>live</source>
            <translation>aktiv</translation>
        </message>
        <message>
            <location line="+14" />
            <source>The index has no version yet: Re-embed builds the first.</source>
            <translation>Der Index hat noch keine Version: „Neu einbetten“ erstellt die erste.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Live version: %1.</source>
            <translation>Aktive Version: %1.</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+130" />
            <source>none</source>
            <translation>keine</translation>
        </message>
        <message>
            <location line="-117" />
            <source>The docs could not be read.</source>
            <translation>Die Dokumentation konnte nicht gelesen werden.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>%1: %2 files, %3 chunks, ~%4 tokens</source>
            <translation>%1: %2 Dateien, %3 Abschnitte, ~%4 Token</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Nothing changed since the live version.</source>
            <translation>Seit der aktiven Version hat sich nichts geändert.</translation>
        </message>
        <message>
            <location line="+17" />
            <source>re-embed the docs (full rebuild)</source>
            <translation>Dokumentation neu einbetten (vollständiger Neuaufbau)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>re-embed the docs</source>
            <translation>Dokumentation neu einbetten</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Starting…</source>
            <translation>Wird gestartet…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Starting a re-embed of %1…</source>
            <translation>Neueinbetten für %1 wird gestartet…</translation>
        </message>
        <message>
            <location line="+9" />
            <source>cancelled in the Embeddings view</source>
            <translation>in der Ansicht „Einbettungen“ abgebrochen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancelling: the batch in flight is finished and committed first…</source>
            <translation>Wird abgebrochen: der laufende Stapel wird zuerst fertig verarbeitet und festgeschrieben…</translation>
        </message>
        <message>
            <location line="+29" />
            <source>v%1 is already live.</source>
            <translation>v%1 ist bereits aktiv.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>switch</source>
            <translation>Umschalten</translation>
        </message>
        <message>
            <location line="+13" />
            <source>v%1 is the oldest version: there is none to roll back to.</source>
            <translation>v%1 ist die älteste Version: es gibt keine, auf die zurückgerollt werden kann.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>rollback</source>
            <translation>Rollback</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Make v%1 the live version of the index of %2 (now %3)? Searches answer from it at once; the switch is recorded as a release.</source>
            <translation>v%1 zur aktiven Version des Index von %2 machen (jetzt %3)? Suchanfragen werden sofort aus ihr beantwortet; das Umschalten wird als Release aufgezeichnet.</translation>
        </message>
        <message>
            <source>%1 is protected: switching records your approval.</source>
            <translation type="vanished">%1 ist geschützt: beim Umschalten wird Ihre Freigabe aufgezeichnet.</translation>
        </message>
        <message>
            <location line="-3" />
            <source>Switch the index</source>
            <translation>Index umschalten</translation>
        </message>
        <message>
            <location line="+14" />
            <source>&amp;Switch to v%1</source>
            <translation>Auf v%1 umscha&amp;lten</translation>
        </message>
        <message>
            <location line="+19" />
            <source>%1 in the panel from %2</source>
            <translation>%1 von %2 im Kontrollzentrum</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Switching the index of %1 to v%2…</source>
            <translation>Index von %1 wird auf v%2 umgeschaltet…</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Run %1 re-embeds the docs of %2.</source>
            <translation>Lauf %1 bettet die Dokumentation von %2 neu ein.</translation>
        </message>
        <message>
            <location line="+14" />
            <source>%1 chunks embedded and stored, ~%2 billed tokens; the docs are still being chunked</source>
            <translation>%1 Abschnitte eingebettet und gespeichert, ~%2 abgerechnete Token; die Dokumente werden noch in Abschnitte zerlegt</translation>
        </message>
        <message>
            <location line="+7" />
            <source>%1 of %2 chunks embedded and stored, ~%3 billed tokens</source>
            <translation>%1 von %2 Abschnitten eingebettet und gespeichert, ~%3 abgerechnete Token</translation>
        </message>
        <message>
            <location line="+8" />
            <source>%1 chunks/s, about %2 left</source>
            <translation>%1 Abschnitte/s, noch etwa %2</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Run %1: the docs are re-embedded.</source>
            <translation>Lauf %1: die Dokumentation ist neu eingebettet.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Run %1 stopped before the end: what it committed is kept. Resume continues it.</source>
            <translation>Lauf %1 wurde vor dem Ende angehalten: bereits Festgeschriebenes bleibt erhalten. „Fortsetzen“ setzt ihn fort.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Run %1 failed; Resume tries again from where it stopped.%2</source>
            <translation>Lauf %1 ist fehlgeschlagen; „Fortsetzen“ versucht es ab der Stelle erneut, an der er angehalten hat.%2</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Run %1: the index switch is recorded.</source>
            <translation>Lauf %1: der Indexwechsel ist aufgezeichnet.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Run %1: the index switch %2.%3</source>
            <translation>Lauf %1: der Indexwechsel endete mit %2.%3</translation>
        </message>
        <message>
            <location line="+21" />
            <source>The index has no live version to check.</source>
            <translation>Der Index hat keine aktive Version, die geprüft werden könnte.</translation>
        </message>
        <message>
            <location line="+19" />
            <source>pass</source>
            <translation>bestanden</translation>
        </message>
        <message>
            <location line="+0" />
            <source>FAIL</source>
            <translation>NICHT BESTANDEN</translation>
        </message>
        <message>
            <location line="+14" />
            <source>No golden questions: set `golden:` in the reembed stage</source>
            <translation>Keine Prüffragen: setzen Sie `golden:` in der reembed-Stufe</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Question (v%1: %2 of %3 pass)</source>
            <translation>Frage (v%1: %2 von %3 bestanden)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Found instead</source>
            <translation>Stattdessen gefunden</translation>
        </message>
        <message>
            <location line="+37" />
            <source>no hits</source>
            <translation>keine Treffer</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::EnvironmentList</name>
        <message>
            <location filename="../ui/environmentlist.cpp" line="+25" />
            <source>&amp;Environments</source>
            <translation>&amp;Umgebungen</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Environments</source>
            <translation>Umgebungen</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Deploy</source>
            <translation>Bereitstellen</translation>
        </message>
        <message>
            <location line="+16" />
            <location line="+164" />
            <source>Run checks</source>
            <translation>Prüfungen ausführen</translation>
        </message>
        <message>
            <location line="-164" />
            <location line="+166" />
            <source>Deploy to %1</source>
            <translation>In %1 bereitstellen</translation>
        </message>
        <message>
            <location line="-144" />
            <source>No environment (checks only)</source>
            <translation>Keine Umgebung (nur Prüfungen)</translation>
        </message>
        <message>
            <location line="+56" />
            <source>Running the checks now</source>
            <translation>Die Prüfungen laufen gerade</translation>
        </message>
        <message>
            <location line="+11" />
            <source>The checks have not run yet</source>
            <translation>Die Prüfungen sind noch nicht gelaufen</translation>
        </message>
        <message>
            <location line="+7" />
            <source>(protected)</source>
            <translation>(geschützt)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Waiting for approval</source>
            <translation>Wartet auf Freigabe</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Deploying now</source>
            <translation>Wird gerade bereitgestellt</translation>
        </message>
        <message>
            <location line="+3" />
            <source>waiting for approval</source>
            <translation>wartet auf Freigabe</translation>
        </message>
        <message>
            <location line="-23" />
            <location line="+27" />
            <source>Last run %1: %2, %3</source>
            <translation>Letzter Lauf %1: %2, %3</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Never deployed</source>
            <translation>Noch nie bereitgestellt</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::EnvironmentsReader</name>
        <message>
            <location filename="../ui/environments/environmentsreader.cpp" line="+14" />
            <source>the history is not open</source>
            <translation>der Verlauf ist nicht geöffnet</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::EnvironmentsView</name>
        <message>
            <location filename="../ui/environments/environmentsview.cpp" line="+37" />
            <source>Environment</source>
            <translation>Umgebung</translation>
        </message>
        <message>
            <location line="+2" />
            <source>E&amp;nvironment:</source>
            <translation>U&amp;mgebung:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Refresh</source>
            <translation>Aktualisieren</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Read the releases, the queue and the previews again (F5)</source>
            <translation>Releases, Warteschlange und Vorschauen neu lesen (F5)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Releases, newest first</source>
            <translation>Releases, neueste zuerst</translation>
        </message>
        <message>
            <location line="+11" />
            <source>%1 (live)</source>
            <translation>%1 (live)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Rollback to %1</source>
            <translation>Rollback auf %1</translation>
        </message>
        <message>
            <location line="+4" />
            <source>0123abcd on main</source>
            <translation>0123abcd auf main</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Roll &amp;back…</source>
            <translation>&amp;Zurückrollen…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Plan a rollback to the selected release; nothing changes before you confirm (Enter, Ctrl+Shift+B)</source>
            <translation>Einen Rollback auf das ausgewählte Release planen; nichts ändert sich, bevor Sie bestätigen (Eingabe, Strg+Umschalt+B)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Co&amp;mpare…</source>
            <translation>Ver&amp;gleichen…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Compare the two selected releases (Ctrl+D)</source>
            <translation>Die beiden ausgewählten Releases vergleichen (Strg+D)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Environments status</source>
            <translation>Status der Umgebungen</translation>
        </message>
        <message>
            <location line="+51" />
            <source>Roll &amp;Back to Selected Release…</source>
            <translation>Auf ausgewähltes Release &amp;zurückrollen…</translation>
        </message>
        <message>
            <location line="+11" />
            <source>&amp;Compare Selected Releases</source>
            <translation>Ausgewählte Releases &amp;vergleichen</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&amp;Refresh Releases</source>
            <translation>Releases &amp;aktualisieren</translation>
        </message>
        <message>
            <location line="+34" />
            <source>%1 (protected)</source>
            <translation>%1 (geschützt)</translation>
        </message>
        <message>
            <location line="+183" />
            <location line="+15" />
            <source>Release %1 is live; choose an earlier one to roll back to.</source>
            <translation>Release %1 ist live; wählen Sie ein früheres, um darauf zurückzurollen.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Planning the rollback to release %1…</source>
            <translation>Rollback auf Release %1 wird geplant…</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Release %1 of %2 went live while the plan was open: planning the rollback to release %3 again…</source>
            <translation>Release %1 von %2 wurde live geschaltet, während der Plan offen war: der Rollback auf Release %3 wird neu geplant…</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Rolling %1 back to release %2…</source>
            <translation>%1 wird auf Release %2 zurückgerollt…</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Select exactly two releases to compare (Ctrl+click the second).</source>
            <translation>Wählen Sie genau zwei Releases zum Vergleichen aus (Strg+Klick auf das zweite).</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::FindBar</name>
        <message>
            <location filename="../ui/logview/findbar.cpp" line="+16" />
            <location line="+6" />
            <source>Find in log</source>
            <translation>Im Protokoll suchen</translation>
        </message>
        <message>
            <location line="-3" />
            <source>F&amp;ind:</source>
            <translation>Su&amp;chen:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Text to find</source>
            <translation>Suchtext</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Re&amp;gex</source>
            <translation>Re&amp;gex</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Regular expression</source>
            <translation>Regulärer Ausdruck</translation>
        </message>
        <message>
            <source>Match c&amp;ase</source>
            <translation type="vanished">Groß-/&amp;Kleinschreibung</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Match case</source>
            <translation>Groß-/Kleinschreibung &amp;beachten</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Match case</source>
            <translation>Groß-/Kleinschreibung beachten</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Previous match (Shift+F3)</source>
            <translation>Vorheriger Treffer (Umschalt+F3)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Previous match</source>
            <translation>Vorheriger Treffer</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Next match (F3)</source>
            <translation>Nächster Treffer (F3)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Next match</source>
            <translation>Nächster Treffer</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Matches</source>
            <translation>Treffer</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Close (Esc)</source>
            <translation>Schließen (Esc)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Close find bar</source>
            <translation>Suchleiste schließen</translation>
        </message>
        <message>
            <location line="+58" />
            <source>No matches</source>
            <translation>Keine Treffer</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 of %2 matches</source>
            <translation>%1 von %2 Treffern</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 matches</source>
            <translation>%1 Treffer</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::HealthProbe</name>
        <message>
            <location filename="../ui/environments/healthprobe.cpp" line="+31" />
            <source>not an http(s) address</source>
            <translation>keine http(s)-Adresse</translation>
        </message>
        <message numerus="yes">
            <location line="+43" />
            <location line="+13" />
            <source>no answer within %n s</source>
            <translation>
                <numerusform>keine Antwort innerhalb von %n s</numerusform>
                <numerusform>keine Antwort innerhalb von %n s</numerusform>
            </translation>
        </message>
        <message>
            <location line="-10" />
            <source>HTTP %1</source>
            <translation>HTTP %1</translation>
        </message>
        <message>
            <location line="+4" />
            <source>connection refused</source>
            <translation>Verbindung abgelehnt</translation>
        </message>
        <message>
            <location line="+3" />
            <source>host not found</source>
            <translation>Host nicht gefunden</translation>
        </message>
        <message>
            <location line="+6" />
            <source>TLS handshake failed</source>
            <translation>TLS-Handshake fehlgeschlagen</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::HistoryBrowser</name>
        <message>
            <location filename="../ui/history/historybrowser.cpp" line="+47" />
            <source>Runs</source>
            <translation>Läufe</translation>
        </message>
        <message>
            <location line="+27" />
            <source>History status</source>
            <translation>Verlaufsstatus</translation>
        </message>
        <message>
            <location line="+29" />
            <source>The history is not open.</source>
            <translation>Der Verlauf ist nicht geöffnet.</translation>
        </message>
        <message>
            <location line="+126" />
            <source>&amp;Compare selected runs</source>
            <translation>Ausgewählte Läufe &amp;vergleichen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Export report...</source>
            <translation>Bericht &amp;exportieren...</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Re-run failed stages</source>
            <translation>Fehlgeschlagene Stufen erneut &amp;ausführen</translation>
        </message>
        <message>
            <location line="+5" />
            <source>C&amp;lear filters</source>
            <translation>Filter &amp;zurücksetzen</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Open logs</source>
            <translation>&amp;Protokolle öffnen</translation>
        </message>
        <message>
            <location line="+15" />
            <source>&amp;Promote to…</source>
            <translation>&amp;Befördern nach…</translation>
        </message>
        <message>
            <location line="+51" />
            <location line="+70" />
            <source>Loading...</source>
            <translation>Wird geladen...</translation>
        </message>
        <message>
            <location line="+31" />
            <source>No runs match these filters.</source>
            <translation>Keine Läufe entsprechen diesen Filtern.</translation>
        </message>
        <message>
            <location line="+74" />
            <source>Select exactly two runs to compare (Ctrl+click the second one).</source>
            <translation>Wählen Sie genau zwei Läufe zum Vergleichen aus (Strg+Klick auf den zweiten).</translation>
        </message>
        <message>
            <location line="+14" />
            <location filename="../ui/history/reportexport.cpp" line="+38" />
            <source>the history is not open</source>
            <translation>der Verlauf ist nicht geöffnet</translation>
        </message>
        <message>
            <location filename="../ui/history/reportexport.cpp" line="+11" />
            <source>cannot write the report of run %1 to %2: %3; choose a folder you can write to</source>
            <translation>der Bericht von Lauf %1 kann nicht nach %2 geschrieben werden: %3; wählen Sie einen Ordner, in den Sie schreiben dürfen</translation>
        </message>
        <message>
            <location filename="../ui/history/historybrowser.cpp" line="+27" />
            <source>Markdown (*.md)</source>
            <translation>Markdown (*.md)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>HTML (*.html)</source>
            <translation>HTML (*.html)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Export the report of run %1</source>
            <translation>Bericht von Lauf %1 exportieren</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Writing the report of run %1 to %2…</source>
            <translation>Bericht von Lauf %1 wird nach %2 geschrieben…</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Export report</source>
            <translation>Bericht exportieren</translation>
        </message>
        <message>
            <location line="-6" />
            <source>Wrote the report of run %1 to %2</source>
            <translation>Bericht von Lauf %1 nach %2 geschrieben</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::HistoryFilterBar</name>
        <message>
            <location filename="../ui/history/historyfilterbar.cpp" line="+63" />
            <source>any</source>
            <translation>beliebig</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1; the lowest date means any</source>
            <translation>%1; das früheste Datum bedeutet beliebig</translation>
        </message>
        <message>
            <location line="+5" />
            <source>%1 calendar</source>
            <translation>%1: Kalender</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Environment filter</source>
            <translation>Umgebungsfilter</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Any environment</source>
            <translation>Beliebige Umgebung</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Status filter</source>
            <translation>Statusfilter</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Any status</source>
            <translation>Beliebiger Status</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Branch</source>
            <translation>Branch</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Branch filter</source>
            <translation>Branch-Filter</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Who</source>
            <translation>Wer</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Triggered-by filter</source>
            <translation>Auslöser-Filter</translation>
        </message>
        <message>
            <location line="+92" />
            <source>…</source>
            <translation>…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Counting the runs that match</source>
            <translation>Die passenden Läufe werden gezählt</translation>
        </message>
        <message numerus="yes">
            <location line="+5" />
            <source>%n+ run(s)</source>
            <translation>
                <numerusform>%n+ Lauf</numerusform>
                <numerusform>%n+ Läufe</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+0" />
            <source>%n run(s)</source>
            <translation>
                <numerusform>%n Lauf</numerusform>
                <numerusform>%n Läufe</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>At least %n run(s) match: a log search counts no further</source>
            <translation>
                <numerusform>Mindestens %n Lauf passt: eine Protokollsuche zählt nicht weiter</numerusform>
                <numerusform>Mindestens %n Läufe passen: eine Protokollsuche zählt nicht weiter</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <source>%n run(s) match these filters</source>
            <translation>
                <numerusform>%n Lauf passt zu diesen Filtern</numerusform>
                <numerusform>%n Läufe passen zu diesen Filtern</numerusform>
            </translation>
        </message>
        <message>
            <source>Text in logs</source>
            <translation type="vanished">Text in Protokollen</translation>
        </message>
        <message>
            <location line="-99" />
            <source>Log text filter</source>
            <translation>Protokolltext-Filter</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Log text</source>
            <translation>Protokolltext</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Runs whose logs contain this text</source>
            <translation>Läufe, deren Protokolle diesen Text enthalten</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Started from</source>
            <translation>Gestartet ab</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Started until</source>
            <translation>Gestartet bis</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Matching runs</source>
            <translation>Passende Läufe</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Clear</source>
            <translation>&amp;Zurücksetzen</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Fro&amp;m</source>
            <translation>V&amp;on</translation>
        </message>
        <message>
            <source>C&amp;lear</source>
            <translation type="vanished">&amp;Zurücksetzen</translation>
        </message>
        <message>
            <location line="-20" />
            <source>Clear filters</source>
            <translation>Filter zurücksetzen</translation>
        </message>
        <message>
            <source>&amp;From</source>
            <translation type="vanished">V&amp;on</translation>
        </message>
        <message>
            <location line="+21" />
            <source>&amp;To</source>
            <translation>&amp;Bis</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::HistoryModel</name>
        <message>
            <location filename="../ui/historymodel.cpp" line="+98" />
            <source>the history cannot be opened</source>
            <translation>der Verlauf kann nicht geöffnet werden</translation>
        </message>
        <message>
            <location line="+100" />
            <source>Ran on GitHub Actions</source>
            <translation>Auf GitHub Actions ausgeführt</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ran on GitHub Actions: %1</source>
            <translation>Auf GitHub Actions ausgeführt: %1</translation>
        </message>
        <message>
            <location line="+33" />
            <source>[GitHub] %1</source>
            <translation>[GitHub] %1</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Run</source>
            <translation>Lauf</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Environment</source>
            <translation>Umgebung</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Branch</source>
            <translation>Branch</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Commit</source>
            <translation>Commit</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Who</source>
            <translation>Wer</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Started</source>
            <translation>Gestartet</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Duration</source>
            <translation>Dauer</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Message</source>
            <translation>Nachricht</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::HistoryPage</name>
        <message>
            <location filename="../ui/settings/historypage.cpp" line="+62" />
            <source>Old runs can be removed from the history as runs end: their stages, logs and kept artifacts. Runs that made a release of an environment are kept until the release is unpinned (deploydeskctl releases unpin), and running runs always are. The policy applies to the runs of every workspace.</source>
            <translation>Alte Läufe können beim Ende von Läufen aus dem Verlauf entfernt werden: ihre Stufen, Protokolle und aufbewahrten Artefakte. Läufe, die ein Release einer Umgebung erzeugt haben, bleiben erhalten, bis das Release gelöst wird (deploydeskctl releases unpin), laufende Läufe immer. Die Richtlinie gilt für die Läufe aller Arbeitsbereiche.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Measuring…</source>
            <translation>Wird gemessen…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>History size on disk</source>
            <translation>Größe des Verlaufs auf der Platte</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Retention policy</source>
            <translation>Aufbewahrungsrichtlinie</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Keep everything</source>
            <translation>Alles behalten</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remove runs older than</source>
            <translation>Läufe entfernen, älter als</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Keep only the newest runs</source>
            <translation>Nur die neuesten Läufe behalten</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Keep the logs under a size</source>
            <translation>Protokolle unter einer Größe halten</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Retention value</source>
            <translation>Aufbewahrungswert</translation>
        </message>
        <message>
            <location line="+5" />
            <source>What pruning would free</source>
            <translation>Was das Bereinigen freigäbe</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&amp;Retention:</source>
            <translation>Auf&amp;bewahrung:</translation>
        </message>
        <message>
            <location line="+39" />
            <source> days</source>
            <translation> Tage</translation>
        </message>
        <message>
            <location line="+3" />
            <source> runs</source>
            <translation> Läufe</translation>
        </message>
        <message>
            <location line="+3" />
            <source> MB of logs</source>
            <translation> MB Protokolle</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Nothing is removed.</source>
            <translation>Es wird nichts entfernt.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Measuring what this would free…</source>
            <translation>Es wird gemessen, was das freigäbe…</translation>
        </message>
        <message numerus="yes">
            <location line="+31" />
            <source>The history takes %1 on disk (%2 of logs, %3 free inside the file), %n run(s); kept artifacts take %4, each stored file once.</source>
            <translation>
                <numerusform>Der Verlauf belegt %1 auf der Platte (%2 Protokolle, %3 frei in der Datei), %n Lauf; aufbewahrte Artefakte belegen %4, jede gespeicherte Datei einmal.</numerusform>
                <numerusform>Der Verlauf belegt %1 auf der Platte (%2 Protokolle, %3 frei in der Datei), %n Läufe; aufbewahrte Artefakte belegen %4, jede gespeicherte Datei einmal.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+10" />
            <source>Pruning now would remove %n run(s): %1 of logs; %2 of artifacts would be freed on disk.</source>
            <translation>
                <numerusform>Bereinigen würde jetzt %n Lauf entfernen: %1 Protokolle; %2 Artefakte würden auf der Platte frei.</numerusform>
                <numerusform>Bereinigen würde jetzt %n Läufe entfernen: %1 Protokolle; %2 Artefakte würden auf der Platte frei.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The history takes %1 on disk (%2 of logs, %3 free inside the file), %n run(s).</source>
            <translation type="vanished">
                <numerusform>Der Verlauf belegt %1 auf der Platte (%2 Protokolle, %3 frei in der Datei), %n Lauf.</numerusform>
                <numerusform>Der Verlauf belegt %1 auf der Platte (%2 Protokolle, %3 frei in der Datei), %n Läufe.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Pruning now would remove %n run(s): %1 of logs, %2 of artifact copies.</source>
            <translation type="vanished">
                <numerusform>Bereinigen würde jetzt %n Lauf entfernen: %1 Protokolle, %2 Artefaktkopien.</numerusform>
                <numerusform>Bereinigen würde jetzt %n Läufe entfernen: %1 Protokolle, %2 Artefaktkopien.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+5" />
            <source>%n run(s) that made a release are kept.</source>
            <translation>
                <numerusform>%n Lauf, der ein Release erzeugt hat, bleibt erhalten.</numerusform>
                <numerusform>%n Läufe, die ein Release erzeugt haben, bleiben erhalten.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::Internal::RemoteWorker</name>
        <message>
            <source>no GitHub repository: the workspace %1 has no github.com remote named origin; add one (git remote add origin https://github.com/OWNER/NAME.git) or start DeployDesk with GITHUB_REPOSITORY=owner/name</source>
            <translation type="vanished">kein GitHub-Repository: Der Arbeitsbereich %1 hat kein github.com-Remote namens origin; fügen Sie eines hinzu (git remote add origin https://github.com/OWNER/NAME.git) oder starten Sie DeployDesk mit GITHUB_REPOSITORY=owner/name</translation>
        </message>
        <message>
            <location filename="../ui/workflows/remoteservice.cpp" line="+70" />
            <source>no GitHub repository: the workspace %1 has no GitHub remote named origin; add one (git remote add origin https://github.com/OWNER/NAME.git) or name it with "github: repository: owner/name" in deploydesk.yml</source>
            <translation>kein GitHub-Repository: der Arbeitsbereich %1 hat kein GitHub-Remote namens origin; fügen Sie eines hinzu (git remote add origin https://github.com/OWNER/NAME.git) oder nennen Sie es mit "github: repository: owner/name" in deploydesk.yml</translation>
        </message>
        <message>
            <location line="+11" />
            <source>the secret GITHUB_TOKEN is not set: set a GitHub token with the actions scope with `deploydeskctl secrets set GITHUB_TOKEN`</source>
            <translation>das Geheimnis GITHUB_TOKEN ist nicht gesetzt: Setzen Sie ein GitHub-Token mit dem Scope actions mit `deploydeskctl secrets set GITHUB_TOKEN`</translation>
        </message>
        <message>
            <location line="+33" />
            <source>Dispatching %1 on %2…</source>
            <translation>%1 wird auf %2 gestartet…</translation>
        </message>
        <message>
            <location line="+37" />
            <source>Importing the runs of %1 from GitHub…</source>
            <translation>Die Läufe von %1 werden von GitHub importiert…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Importing the runs of %1 from GitHub: %2 of %3 read…</source>
            <translation>Die Läufe von %1 werden von GitHub importiert: %2 von %3 gelesen…</translation>
        </message>
        <message>
            <location line="+38" />
            <source>Asking GitHub to cancel run %1…</source>
            <translation>GitHub wird gebeten, Lauf %1 abzubrechen…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Asking GitHub to re-run the failed jobs of run %1…</source>
            <translation>GitHub wird gebeten, die fehlgeschlagenen Jobs von Lauf %1 erneut auszuführen…</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Cancel of GitHub run %1 requested</source>
            <translation>Abbruch von GitHub-Lauf %1 angefordert</translation>
        </message>
        <message>
            <location line="+6" />
            <source>re-run of the failed jobs requested on GitHub by %1</source>
            <translation>erneute Ausführung der fehlgeschlagenen Jobs auf GitHub angefordert von %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>GitHub re-runs the failed jobs of run %1</source>
            <translation>GitHub führt die fehlgeschlagenen Jobs von Lauf %1 erneut aus</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Asking GitHub what run %1 waits for…</source>
            <translation>GitHub wird gefragt, worauf Lauf %1 wartet…</translation>
        </message>
        <message>
            <location line="+10" />
            <source>%1 (its reviewers: %2)</source>
            <translation>%1 (Prüfer: %2)</translation>
        </message>
        <message>
            <location line="+8" />
            <source>you may not review the deployments GitHub run %1 waits for: %2</source>
            <translation>Sie dürfen die Bereitstellungen, auf die GitHub-Lauf %1 wartet, nicht prüfen: %2</translation>
        </message>
        <message>
            <location line="+32" />
            <source>the comment holds the value of a secret (GITHUB_TOKEN or another secret DeployDesk knows), and GitHub would show it to everyone who can read the run: review again without it; nothing was sent</source>
            <translation>der Kommentar enthält den Wert eines Secrets (GITHUB_TOKEN oder eines anderen Secrets, das DeployDesk kennt), und GitHub würde ihn allen zeigen, die den Lauf lesen können: prüfen Sie erneut ohne ihn; nichts wurde gesendet</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Approving the deployment on GitHub…</source>
            <translation>Die Bereitstellung wird auf GitHub freigegeben…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Rejecting the deployment on GitHub…</source>
            <translation>Die Bereitstellung wird auf GitHub abgelehnt…</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Deployment to %1 approved on GitHub</source>
            <translation>Bereitstellung in %1 auf GitHub freigegeben</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Deployment to %1 rejected on GitHub</source>
            <translation>Bereitstellung in %1 auf GitHub abgelehnt</translation>
        </message>
        <message>
            <location line="+34" />
            <source>run %1 did not run on GitHub</source>
            <translation>Lauf %1 lief nicht auf GitHub</translation>
        </message>
        <message>
            <location line="+68" />
            <source>the workspace is not known yet</source>
            <translation>der Arbeitsbereich ist noch nicht bekannt</translation>
        </message>
        <message>
            <location line="+5" />
            <source>another request to GitHub is going: wait for it to end</source>
            <translation>eine andere Anfrage an GitHub läuft: Warten Sie, bis sie beendet ist</translation>
        </message>
        <message>
            <location line="+34" />
            <source>Following GitHub run %1…</source>
            <translation>GitHub-Lauf %1 wird verfolgt…</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::Internal::RunWorker</name>
        <message>
            <location filename="../ui/runservice.cpp" line="+84" />
            <source>DeployDesk was closed</source>
            <translation>DeployDesk wurde geschlossen</translation>
        </message>
        <message numerus="yes">
            <location line="+77" />
            <source>deploydesk.yml has %n problem(s)</source>
            <translation>
                <numerusform>deploydesk.yml hat %n Problem</numerusform>
                <numerusform>deploydesk.yml hat %n Probleme</numerusform>
            </translation>
        </message>
        <message>
            <location line="+44" />
            <source>run %1 is %2: only a successful run's artifacts can be promoted</source>
            <translation>Lauf %1 ist %2: nur die Artefakte eines erfolgreichen Laufs können befördert werden</translation>
        </message>
        <message>
            <location line="+8" />
            <source>environment "%1" is not defined in deploydesk.yml</source>
            <translation>Umgebung "%1" ist in deploydesk.yml nicht definiert</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::LiveReleaseCard</name>
        <message>
            <location filename="../ui/environments/livereleasecard.cpp" line="+73" />
            <source>Live release</source>
            <translation>Live-Release</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Live in %1 (protected)</source>
            <translation>Live in %1 (geschützt)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Live in %1</source>
            <translation>Live in %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>This workspace has no environments.</source>
            <translation>Dieser Arbeitsbereich hat keine Umgebungen.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Nothing deployed to %1 yet: deploy to it from the sidebar or with Run &gt; Deploy To.</source>
            <translation>In %1 wurde noch nichts bereitgestellt: stellen Sie über die Seitenleiste oder mit Ausführen &gt; Bereitstellen in bereit.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>no commit</source>
            <translation>kein Commit</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+21" />
            <source>%1 on %2</source>
            <translation>%1 auf %2</translation>
        </message>
        <message>
            <location line="-19" />
            <source>Release %1 · run %2 · %3 · %4 by %5</source>
            <translation>Release %1 · Lauf %2 · %3 · %4 von %5</translation>
        </message>
        <message>
            <location line="+5" />
            <source>unknown</source>
            <translation>unbekannt</translation>
        </message>
        <message>
            <location line="+18" />
            <source>no address</source>
            <translation>keine Adresse</translation>
        </message>
        <message>
            <location line="+9" />
            <source>%1 (health asked at %2)</source>
            <translation>%1 (Zustand abgefragt unter %2)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 address</source>
            <translation>%1-Adresse</translation>
        </message>
        <message>
            <location line="+23" />
            <source>not checked: %1</source>
            <translation>nicht geprüft: %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>checking…</source>
            <translation>wird geprüft…</translation>
        </message>
        <message>
            <location line="+4" />
            <source>up (%1)</source>
            <translation>erreichbar (%1)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>down: %1</source>
            <translation>nicht erreichbar: %1</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::LogModel</name>
        <message>
            <location filename="../ui/logview/logmodel.cpp" line="+410" />
            <source>(line %1 could not be read: %2)</source>
            <translation>(Zeile %1 konnte nicht gelesen werden: %2)</translation>
        </message>
        <message>
            <location line="+83" />
            <source>Line</source>
            <translation>Zeile</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Time</source>
            <translation>Zeit</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Stage</source>
            <translation>Stufe</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Text</source>
            <translation>Text</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::LogView</name>
        <message>
            <location filename="../ui/logview/logview.cpp" line="+26" />
            <source>Log</source>
            <translation>Protokoll</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The stage output; arrows move, Shift selects, Left and Right collapse and expand groups</source>
            <translation>Die Ausgabe der Stufe; Pfeiltasten bewegen, Umschalt wählt aus, Links und Rechts klappen Gruppen ein und aus</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::LogViewer</name>
        <message>
            <location filename="../ui/logview/logviewer.cpp" line="+34" />
            <source>Log viewer</source>
            <translation>Protokollanzeige</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Stage</source>
            <translation>Stufe</translation>
        </message>
        <message>
            <source>&amp;Stage:</source>
            <translation type="vanished">&amp;Stufe:</translation>
        </message>
        <message>
            <location line="+6" />
            <source>S&amp;tage:</source>
            <translation>S&amp;tufe:</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Log status</source>
            <translation>Protokollstatus</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Saving progress</source>
            <translation>Speicherfortschritt</translation>
        </message>
        <message>
            <location line="+193" />
            <source>No log lines yet</source>
            <translation>Noch keine Protokollzeilen</translation>
        </message>
        <message>
            <location line="-114" />
            <source>Ordering the lines of all stages by time…</source>
            <translation>Die Zeilen aller Stufen werden nach Zeit sortiert…</translation>
        </message>
        <message>
            <location line="-89" />
            <source>Run shown</source>
            <translation>Angezeigter Lauf</translation>
        </message>
        <message>
            <location line="+116" />
            <source>&amp;Find…</source>
            <translation>&amp;Suchen…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Find &amp;Next</source>
            <translation>&amp;Nächster Treffer</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Find &amp;Previous</source>
            <translation>&amp;Vorheriger Treffer</translation>
        </message>
        <message>
            <location line="+1" />
            <source>First &amp;Error</source>
            <translation>Erster &amp;Fehler</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Copy</source>
            <translation>&amp;Kopieren</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Save Log…</source>
            <translation>Protokoll s&amp;peichern…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Wrap</source>
            <translation>Zeilen&amp;umbruch</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Timestamps</source>
            <translation>&amp;Zeitstempel</translation>
        </message>
        <message>
            <location line="+1" />
            <source>F&amp;ollow</source>
            <translation>&amp;Mitverfolgen</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Save Log</source>
            <translation>Protokoll speichern</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Text files (*.txt *.log)</source>
            <translation>Textdateien (*.txt *.log)</translation>
        </message>
        <message>
            <location line="+48" />
            <source>Run %1</source>
            <translation>Lauf %1</translation>
        </message>
        <message>
            <location line="+14" />
            <source>No run to show yet: start one with Run (Ctrl+R)</source>
            <translation>Noch kein Lauf zum Anzeigen: Starten Sie einen mit Ausführen (Strg+R)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>No output: no stage of run %1 printed anything</source>
            <translation>Keine Ausgabe: keine Stufe von Lauf %1 hat etwas ausgegeben</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No output: stage %1 printed nothing</source>
            <translation>Keine Ausgabe: Stufe %1 hat nichts ausgegeben</translation>
        </message>
        <message>
            <location line="+28" />
            <source>All stages</source>
            <translation>Alle Stufen</translation>
        </message>
        <message>
            <location line="+33" />
            <source>Invalid regular expression: %1</source>
            <translation>Ungültiger regulärer Ausdruck: %1</translation>
        </message>
        <message>
            <location line="+144" />
            <source>Looking for the first error…</source>
            <translation>Erster Fehler wird gesucht…</translation>
        </message>
        <message>
            <location line="+11" />
            <source>No error lines: none on stderr mentions error, fail, fatal, exception or traceback, and none says error, FAILED or Traceback</source>
            <translation>Keine Fehlerzeilen: Keine Zeile auf stderr erwähnt error, fail, fatal, exception oder traceback, und keine enthält error, FAILED oder Traceback</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Copied the last %1 selected lines; use Save Log for the whole log</source>
            <translation>Die letzten %1 ausgewählten Zeilen wurden kopiert; verwenden Sie „Protokoll speichern“ für das ganze Protokoll</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Saved %1 lines to %2</source>
            <translation>%1 Zeilen in %2 gespeichert</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::MainWindow</name>
        <message>
            <location filename="../ui/mainwindow.cpp" line="+89" />
            <source>Environments</source>
            <translation>Umgebungen</translation>
        </message>
        <message>
            <location line="+27" />
            <source>Stage graph</source>
            <translation>Stufengraph</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Problems in deploydesk.yml</source>
            <translation>Probleme in deploydesk.yml</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Opening the history…</source>
            <translation>Verlauf wird geöffnet…</translation>
        </message>
        <message>
            <location line="+36" />
            <location filename="../ui/mainwindowactions.cpp" line="+81" />
            <source>&amp;Pipeline</source>
            <translation>P&amp;ipeline</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../ui/mainwindowactions.cpp" line="+0" />
            <location line="+33" />
            <source>&amp;Logs</source>
            <translation>&amp;Protokolle</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../ui/mainwindowactions.cpp" line="-33" />
            <source>&amp;History</source>
            <translation>V&amp;erlauf</translation>
        </message>
        <message>
            <location filename="../ui/mainwindowactions.cpp" line="-49" />
            <source>&amp;Open Workspace…</source>
            <translation>&amp;Arbeitsbereich öffnen…</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Open a workspace (a folder with deploydesk.yml)</source>
            <translation>Arbeitsbereich öffnen (ein Ordner mit deploydesk.yml)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>&amp;Reload Pipeline</source>
            <translation>Pipeline &amp;neu laden</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Settings…</source>
            <translation>&amp;Einstellungen…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ctrl+,</source>
            <translation>Ctrl+,</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Quit</source>
            <translation>&amp;Beenden</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&amp;Run Pipeline</source>
            <translation>Pipeline &amp;ausführen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Ctrl+R</source>
            <translation>Ctrl+R</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Run the pipeline's checks, with no environment (Ctrl+R)</source>
            <translation>Die Prüfungen der Pipeline ohne Umgebung ausführen (Strg+R)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Run &amp;With a Message…</source>
            <translation>Mit &amp;Nachricht ausführen…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Ctrl+Alt+R</source>
            <translation>Ctrl+Alt+R</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Run the pipeline's checks with a message saying why, kept in the history</source>
            <translation>Die Prüfungen der Pipeline mit einer Nachricht ausführen, die sagt warum, im Verlauf aufbewahrt</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Deploy to Selected Environment…</source>
            <translation>In ausgewählter &amp;Umgebung bereitstellen…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Ctrl+Shift+D</source>
            <translation>Ctrl+Shift+D</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Cancel Run…</source>
            <translation>Lauf abb&amp;rechen…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Ctrl+Shift+X</source>
            <translation>Ctrl+Shift+X</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Re-run &amp;Failed Stages</source>
            <translation>&amp;Fehlgeschlagene Stufen erneut ausführen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Ctrl+Shift+F</source>
            <translation>Ctrl+Shift+F</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Review &amp;Approval…</source>
            <translation>Freigabe &amp;prüfen…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ctrl+Shift+A</source>
            <translation>Ctrl+Shift+A</translation>
        </message>
        <message>
            <location line="+15" />
            <source>&amp;File</source>
            <translation>&amp;Datei</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Open &amp;Recent</source>
            <translation>&amp;Zuletzt geöffnet</translation>
        </message>
        <message>
            <location filename="../ui/mainwindow.cpp" line="+318" />
            <location line="+31" />
            <location filename="../ui/mainwindowactions.cpp" line="+8" />
            <source>&amp;Run</source>
            <translation>&amp;Ausführen</translation>
        </message>
        <message>
            <location filename="../ui/mainwindowactions.cpp" line="+3" />
            <source>Deploy &amp;To</source>
            <translation>&amp;Bereitstellen in</translation>
        </message>
        <message>
            <location line="+6" />
            <source>&amp;View</source>
            <translation>A&amp;nsicht</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Hi&amp;story</source>
            <translation>&amp;Verlauf</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Rele&amp;ases</source>
            <translation>Relea&amp;ses</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Inde&amp;x</source>
            <translation>&amp;Index</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Help</source>
            <translation>&amp;Hilfe</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;About DeployDesk</source>
            <translation>Ü&amp;ber DeployDesk</translation>
        </message>
        <message>
            <location line="+1" />
            <source>About DeployDesk</source>
            <translation>Über DeployDesk</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&lt;p&gt;&lt;b&gt;DeployDesk %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;A control panel for the CI/CD and deployments of a documentation site with a RAG backend.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;DeployDesk %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Ein Kontrollzentrum für CI/CD und Bereitstellungen einer Dokumentations-Website mit RAG-Backend.&lt;/p&gt;</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Run</source>
            <translation>Ausführen</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Show DeployDesk</source>
            <translation>DeployDesk anzeigen</translation>
        </message>
        <message>
            <location line="+24" />
            <source>No recent workspaces</source>
            <translation>Keine zuletzt geöffneten Arbeitsbereiche</translation>
        </message>
        <message>
            <location filename="../ui/mainwindow.cpp" line="-347" />
            <location filename="../ui/mainwindowactions.cpp" line="-86" />
            <source>&amp;Environments</source>
            <translation>&amp;Umgebungen</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../ui/mainwindowactions.cpp" line="+0" />
            <source>Embe&amp;ddings</source>
            <translation>Ein&amp;bettungen</translation>
        </message>
        <message>
            <location line="+87" />
            <source>The history cannot be opened: %1</source>
            <translation>Der Verlauf kann nicht geöffnet werden: %1</translation>
        </message>
        <message>
            <location line="+12" />
            <location filename="../ui/mainwindowreleases.cpp" line="+21" />
            <source>A run is in progress</source>
            <translation>Ein Lauf ist im Gange</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Run %1 is still running in %2. Wait for it to end or cancel it, then open another workspace.</source>
            <translation>Lauf %1 läuft noch in %2. Warten Sie, bis er endet, oder brechen Sie ihn ab, und öffnen Sie dann einen anderen Arbeitsbereich.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Not a workspace</source>
            <translation>Kein Arbeitsbereich</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 has no deploydesk.yml. Choose the folder that holds your pipeline's deploydesk.yml.</source>
            <translation>%1 enthält keine deploydesk.yml. Wählen Sie den Ordner, der die deploydesk.yml Ihrer Pipeline enthält.</translation>
        </message>
        <message>
            <location line="+10" />
            <location line="+27" />
            <source>%1 — DeployDesk</source>
            <translation>%1 — DeployDesk</translation>
        </message>
        <message>
            <location line="-16" />
            <source>Loading %1…</source>
            <translation>%1 wird geladen…</translation>
        </message>
        <message numerus="yes">
            <location line="+103" />
            <source>&lt;b&gt;%1&lt;/b&gt; — %n stage(s)</source>
            <translation>
                <numerusform>&lt;b&gt;%1&lt;/b&gt; — %n Stufe</numerusform>
                <numerusform>&lt;b&gt;%1&lt;/b&gt; — %n Stufen</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>&lt;b&gt;deploydesk.yml has %n problem(s)&lt;/b&gt;: fix them and reload (F5)</source>
            <translation>
                <numerusform>&lt;b&gt;deploydesk.yml hat %n Problem&lt;/b&gt;: Beheben Sie es und laden Sie neu (F5)</numerusform>
                <numerusform>&lt;b&gt;deploydesk.yml hat %n Probleme&lt;/b&gt;: Beheben Sie sie und laden Sie neu (F5)</numerusform>
            </translation>
        </message>
        <message>
            <location line="-63" />
            <source>deploydesk.yml has problems: these are the environments of the last valid file</source>
            <translation>deploydesk.yml hat Probleme: dies sind die Umgebungen der letzten gültigen Datei</translation>
        </message>
        <message>
            <location line="-173" />
            <location filename="../ui/mainwindowactions.cpp" line="+0" />
            <source>&amp;Workflows</source>
            <translation>&amp;Workflows</translation>
        </message>
        <message>
            <location line="+184" />
            <source>%1 (protected)…</source>
            <translation>%1 (geschützt)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1…</source>
            <translation>%1…</translation>
        </message>
        <message>
            <location line="+92" />
            <source>Run %1 has ended meanwhile (%2): there is nothing left to stop.</source>
            <translation>Lauf %1 ist inzwischen beendet (%2): es gibt nichts mehr zu stoppen.</translation>
        </message>
        <message>
            <location line="+38" />
            <source>Run Pipeline</source>
            <translation>Pipeline ausführen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Run the checks of %1, with no environment?</source>
            <translation>Die Prüfungen von %1 ohne Umgebung ausführen?</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Nothing run: the graph shows a workflow's jobs; reload (F5) to run the stages of deploydesk.yml</source>
            <translation>Nichts ausgeführt: Der Graph zeigt die Jobs eines Workflows; laden Sie neu (F5), um die Stufen von deploydesk.yml auszuführen</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Nothing run: stage %1 is no longer in deploydesk.yml</source>
            <translation>Nichts ausgeführt: Stufe %1 steht nicht mehr in deploydesk.yml</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Run %1 for %2? These stages run: %3.</source>
            <translation>%1 für %2 ausführen? Diese Stufen laufen: %3.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1 is protected: %2 will wait for approval.</source>
            <translation>%1 ist geschützt: %2 wartet auf Freigabe.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Run Stage</source>
            <translation>Stufe ausführen</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Deploy to %1? It is protected: the deploy stages (%2) will wait for approval after the checks.</source>
            <translation>In %1 bereitstellen? Die Umgebung ist geschützt: Die Bereitstellungsstufen (%2) warten nach den Prüfungen auf Freigabe.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Deploy to %1%2?</source>
            <translation>In %1%2 bereitstellen?</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Deploy</source>
            <translation>Bereitstellen</translation>
        </message>
        <message>
            <location line="+0" />
            <source>&amp;Deploy</source>
            <translation>&amp;Bereitstellen</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Nothing deployed: %1 is no longer in deploydesk.yml</source>
            <translation>Nichts bereitgestellt: %1 ist nicht mehr in deploydesk.yml</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Run %1 is a run of the workflow %2: run it again from the Workflows tab</source>
            <translation>Lauf %1 ist ein Lauf des Workflows %2: Führen Sie ihn im Reiter Workflows erneut aus</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Starting…</source>
            <translation>Wird gestartet…</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Cannot run: %1</source>
            <translation>Ausführen nicht möglich: %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cannot run</source>
            <translation>Ausführen nicht möglich</translation>
        </message>
        <message numerus="yes">
            <location line="+25" />
            <source>&lt;b&gt;%1&lt;/b&gt; — the GitHub Actions workflow %2 run here: %n job(s)</source>
            <translation>
                <numerusform>&lt;b&gt;%1&lt;/b&gt; — der GitHub-Actions-Workflow %2, hier ausgeführt: %n Job</numerusform>
                <numerusform>&lt;b&gt;%1&lt;/b&gt; — der GitHub-Actions-Workflow %2, hier ausgeführt: %n Jobs</numerusform>
            </translation>
        </message>
        <message>
            <location line="+43" />
            <source>Approval needed</source>
            <translation>Freigabe erforderlich</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Run %1 waits for approval to deploy to %2.</source>
            <translation>Lauf %1 wartet auf Freigabe zur Bereitstellung in %2.</translation>
        </message>
        <message>
            <location line="+34" />
            <source>Approved by %1; deploying…</source>
            <translation>Freigegeben von %1; wird bereitgestellt…</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Cancel run</source>
            <translation>Lauf abbrechen</translation>
        </message>
        <message>
            <location line="+240" />
            <source>Run %1 is still running. Quitting stops it first (its logs and history are kept).</source>
            <translation>Lauf %1 läuft noch. Beim Beenden wird er zuerst gestoppt (seine Protokolle und sein Verlauf bleiben erhalten).</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Stop the Run and Quit</source>
            <translation>Lauf &amp;stoppen und beenden</translation>
        </message>
        <message>
            <source>Cancel run %1? Running stages are stopped; the run is recorded as cancelled.</source>
            <translation type="vanished">Lauf %1 abbrechen? Laufende Stufen werden gestoppt; der Lauf wird als abgebrochen festgehalten.</translation>
        </message>
        <message>
            <source>Cancel &amp;Run</source>
            <translation type="vanished">Lauf &amp;abbrechen</translation>
        </message>
        <message>
            <location line="-229" />
            <source>cancelled from the panel by %1</source>
            <translation>im Kontrollzentrum abgebrochen von %1</translation>
        </message>
        <message>
            <location line="+154" />
            <source>Cancelling run %1…</source>
            <translation>Lauf %1 wird abgebrochen…</translation>
        </message>
        <message>
            <location line="-104" />
            <source>Run %1: %2</source>
            <translation>Lauf %1: %2</translation>
        </message>
        <message>
            <location line="-63" />
            <source>Stop run %1? Running stages are stopped; the run is recorded as cancelled.</source>
            <translation>Lauf %1 stoppen? Laufende Stufen werden gestoppt; der Lauf wird als abgebrochen aufgezeichnet.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Stop the Run</source>
            <translation>Lauf &amp;stoppen</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+240" />
            <source>&amp;Keep Running</source>
            <translation>&amp;Weiterlaufen lassen</translation>
        </message>
        <message>
            <location line="-234" />
            <source>Run %1 had already ended before it could be stopped: %2</source>
            <translation>Lauf %1 war bereits beendet, bevor er gestoppt werden konnte: %2</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Run %1 is still running: wait for it to end or cancel it (Ctrl+Shift+X) first</source>
            <translation>Lauf %1 läuft noch: warten Sie, bis er endet, oder brechen Sie ihn zuerst ab (Strg+Umschalt+X)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>A run is starting: wait for it to end or cancel it first</source>
            <translation>Ein Lauf wird gestartet: warten Sie, bis er endet, oder brechen Sie ihn zuerst ab</translation>
        </message>
        <message>
            <location line="+25" />
            <source>%1 finished in %2</source>
            <translation>%1 nach %2 beendet</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 for %2 finished in %3</source>
            <translation>%1 für %2 nach %3 beendet</translation>
        </message>
        <message>
            <location line="+30" />
            <source>Not recorded in the history: %1</source>
            <translation>Nicht im Verlauf festgehalten: %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Not recorded in the history (%1 changes): %2</source>
            <translation>Nicht im Verlauf festgehalten (%1 Änderungen): %2</translation>
        </message>
        <message>
            <location line="+26" />
            <source>Stage %1 has no log yet: run the pipeline first</source>
            <translation>Stufe %1 hat noch kein Protokoll: Führen Sie zuerst die Pipeline aus</translation>
        </message>
        <message>
            <location line="+48" />
            <source>Stopping run %1 before quitting…</source>
            <translation>Lauf %1 wird vor dem Beenden gestoppt…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Run %1 waits for approval to deploy to %2 (Ctrl+Shift+A)</source>
            <translation>Lauf %1 wartet auf Freigabe zur Bereitstellung in %2 (Strg+Umschalt+A)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Run %1 running%2 — %3 of %4 stages done</source>
            <translation>Lauf %1 läuft%2 — %3 von %4 Stufen fertig</translation>
        </message>
        <message>
            <location line="+3" />
            <source> for %1</source>
            <translation> für %1</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1 running, %2 waiting</source>
            <translation>%1 laufend, %2 wartend</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Last run %1: %2</source>
            <translation>Letzter Lauf %1: %2</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Opening the history… (a history from an older DeployDesk is upgraded first, which can take a while)</source>
            <translation>Verlauf wird geöffnet… (ein Verlauf einer älteren DeployDesk-Version wird zuerst aktualisiert, was eine Weile dauern kann)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The history cannot be opened, so runs cannot start: %1</source>
            <translation>Der Verlauf kann nicht geöffnet werden, daher können keine Läufe starten: %1</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Open a workspace (Ctrl+O)</source>
            <translation>Öffnen Sie einen Arbeitsbereich (Strg+O)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ready: no runs yet. Run the pipeline with Ctrl+R.</source>
            <translation>Bereit: noch keine Läufe. Führen Sie die Pipeline mit Strg+R aus.</translation>
        </message>
        <message>
            <location line="+38" />
            <source>Quit DeployDesk</source>
            <translation>DeployDesk beenden</translation>
        </message>
        <message>
            <source>Run %1 is still running. Quitting cancels it (its logs and history are kept).</source>
            <translation type="vanished">Lauf %1 läuft noch. Beenden bricht ihn ab (seine Protokolle und sein Verlauf bleiben erhalten).</translation>
        </message>
        <message>
            <source>Cancel Run and &amp;Quit</source>
            <translation type="vanished">Lauf abbrechen und &amp;beenden</translation>
        </message>
        <message>
            <location line="+10" />
            <source>DeployDesk was closed by %1</source>
            <translation>DeployDesk wurde von %1 geschlossen</translation>
        </message>
        <message>
            <location filename="../ui/mainwindowreleases.cpp" line="+1" />
            <source>Run %1 is still running. Wait for it to end or cancel it, then roll back.</source>
            <translation>Lauf %1 läuft noch. Warten Sie, bis er endet, oder brechen Sie ihn ab, und rollen Sie dann zurück.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Rolling %1 back to release %2…</source>
            <translation>%1 wird auf Release %2 zurückgerollt…</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Deploy the stored artifacts of run %1 to %2, without rebuilding? %2 is protected: the deploy stages will wait for approval.</source>
            <translation>Die gespeicherten Artefakte von Lauf %1 ohne Neubau in %2 bereitstellen? %2 ist geschützt: die Bereitstellungsstufen warten auf Freigabe.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Deploy the stored artifacts of run %1 to %2, without rebuilding?</source>
            <translation>Die gespeicherten Artefakte von Lauf %1 ohne Neubau in %2 bereitstellen?</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Promote</source>
            <translation>Befördern</translation>
        </message>
        <message>
            <location line="+0" />
            <source>&amp;Promote to %1</source>
            <translation>Nach %1 &amp;befördern</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Nothing promoted: %1 is no longer in deploydesk.yml</source>
            <translation>Nichts befördert: %1 ist nicht mehr in deploydesk.yml</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Promoting run %1 to %2…</source>
            <translation>Lauf %1 wird nach %2 befördert…</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::PlanView</name>
        <message>
            <location filename="../ui/workflows/planview.cpp" line="+50" />
            <source>Local plan</source>
            <translation>Lokaler Plan</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Job or step</source>
            <translation>Job oder Schritt</translation>
        </message>
        <message>
            <location line="+0" />
            <source>On this machine</source>
            <translation>Auf diesem Rechner</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Not run here: %1</source>
            <translation>Wird hier nicht ausgeführt: %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Skipped (%1)</source>
            <translation>Übersprungen (%1)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Runs here if %1</source>
            <translation>Läuft hier, wenn %1</translation>
        </message>
        <message>
            <location line="+4" />
            <location line="+16" />
            <source>Runs here</source>
            <translation>Läuft hier</translation>
        </message>
        <message>
            <location line="-15" />
            <source>Runs here (%1)</source>
            <translation>Läuft hier (%1)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Not run: its job does not run here</source>
            <translation>Nicht ausgeführt: Sein Job läuft hier nicht</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Skipped with its job</source>
            <translation>Mit seinem Job übersprungen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Skipped (if: %1 is false)</source>
            <translation>Übersprungen (if: %1 ist false)</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Not run: %1</source>
            <translation>Nicht ausgeführt: %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>(if: %1 is true)</source>
            <translation>(if: %1 ist true)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>(if: %1, decided at run time)</source>
            <translation>(if: %1, entschieden zur Laufzeit)</translation>
        </message>
        <message>
            <location line="+15" />
            <source>needs: %1</source>
            <translation>benötigt: %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>environment: %1</source>
            <translation>Umgebung: %1</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::PromoteMenu</name>
        <message>
            <location filename="../ui/history/promotemenu.cpp" line="+9" />
            <source>&amp;Promote to</source>
            <translation>&amp;Befördern nach</translation>
        </message>
        <message>
            <location line="+24" />
            <source>%1 (again)</source>
            <translation>%1 (erneut)</translation>
        </message>
        <message>
            <location line="+10" />
            <source>No environments</source>
            <translation>Keine Umgebungen</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::QueueTabs</name>
        <message>
            <location filename="../ui/environments/queuetabs.cpp" line="+48" />
            <source>Deploy queue</source>
            <translation>Bereitstellungs-Warteschlange</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Environment</source>
            <translation>Umgebung</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+3" />
            <source>Run</source>
            <translation>Lauf</translation>
        </message>
        <message>
            <location line="-3" />
            <source>What</source>
            <translation>Was</translation>
        </message>
        <message>
            <location line="+0" />
            <source>State</source>
            <translation>Zustand</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Since</source>
            <translation>Seit</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Branch previews</source>
            <translation>Branch-Vorschauen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Branch</source>
            <translation>Branch</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Layer</source>
            <translation>Ebene</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Address</source>
            <translation>Adresse</translation>
        </message>
        <message>
            <location line="+0" />
            <source>When</source>
            <translation>Wann</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Enter or a double click opens the preview's address</source>
            <translation>Eingabe oder Doppelklick öffnet die Adresse der Vorschau</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+30" />
            <source>&amp;Queue</source>
            <translation>&amp;Warteschlange</translation>
        </message>
        <message>
            <location line="-29" />
            <location line="+51" />
            <source>Branch previe&amp;ws</source>
            <translation>Branch-V&amp;orschauen</translation>
        </message>
        <message>
            <location line="-31" />
            <source>deploying</source>
            <translation>wird bereitgestellt</translation>
        </message>
        <message>
            <location line="+0" />
            <source>waiting, number %1 in line</source>
            <translation>wartet, Nummer %1 in der Reihe</translation>
        </message>
        <message>
            <location line="+5" />
            <source>No deploy or rollback is running or waiting.</source>
            <translation>Keine Bereitstellung und kein Rollback läuft oder wartet.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>&amp;Queue (%1)</source>
            <translation>&amp;Warteschlange (%1)</translation>
        </message>
        <message>
            <location line="+9" />
            <source>(no branch)</source>
            <translation>(kein Branch)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>no address</source>
            <translation>keine Adresse</translation>
        </message>
        <message>
            <location line="+7" />
            <source>No branch previews: a deploy marked as a preview shows here.</source>
            <translation>Keine Branch-Vorschauen: eine als Vorschau markierte Bereitstellung erscheint hier.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Branch previe&amp;ws (%1)</source>
            <translation>Branch-V&amp;orschauen (%1)</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::ReleaseCompareDialog</name>
        <message>
            <location filename="../ui/environments/releasecomparedialog.cpp" line="+22" />
            <source>Compare releases %1 and %2</source>
            <translation>Releases %1 und %2 vergleichen</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Layer versions of both releases</source>
            <translation>Ebenenversionen beider Releases</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Layer</source>
            <translation>Ebene</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Release %1</source>
            <translation>Release %1</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Change</source>
            <translation>Änderung</translation>
        </message>
        <message>
            <location line="+7" />
            <location line="+1" />
            <source>nothing</source>
            <translation>nichts</translation>
        </message>
        <message>
            <location line="+3" />
            <source>changed</source>
            <translation>geändert</translation>
        </message>
        <message>
            <location line="+0" />
            <source>unchanged</source>
            <translation>unverändert</translation>
        </message>
        <message numerus="yes">
            <location line="+13" />
            <source>Release %1 (%2, run %3) → release %4 (%5, run %6): %n layer(s) changed.</source>
            <translation>
                <numerusform>Release %1 (%2, Lauf %3) → Release %4 (%5, Lauf %6): %n Ebene geändert.</numerusform>
                <numerusform>Release %1 (%2, Lauf %3) → Release %4 (%5, Lauf %6): %n Ebenen geändert.</numerusform>
            </translation>
        </message>
        <message>
            <location line="+15" />
            <source>Commits between the releases</source>
            <translation>Commits zwischen den Releases</translation>
        </message>
        <message>
            <location line="+43" />
            <source>Commits: unknown (a release was made outside a git checkout).</source>
            <translation>Commits: unbekannt (ein Release wurde außerhalb eines Git-Checkouts erstellt).</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Commits: the same (%1).</source>
            <translation>Commits: dieselben (%1).</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Listing the commits between %1 and %2…</source>
            <translation>Commits zwischen %1 und %2 werden aufgelistet…</translation>
        </message>
        <message>
            <location line="+28" />
            <source>Commits: %1 → %2 (git log could not list them: %3)</source>
            <translation>Commits: %1 → %2 (git log konnte sie nicht auflisten: %3)</translation>
        </message>
        <message>
            <location line="+9" />
            <source>No commits from %1 to %2 (release %3 is not newer in git history).</source>
            <translation>Keine Commits von %1 nach %2 (Release %3 ist in der Git-Historie nicht neuer).</translation>
        </message>
        <message numerus="yes">
            <location line="+3" />
            <source>%n commit(s) between them:</source>
            <translation>
                <numerusform>%n Commit dazwischen:</numerusform>
                <numerusform>%n Commits dazwischen:</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::ReleasesModel</name>
        <message>
            <location filename="../ui/environments/releasesmodel.cpp" line="+80" />
            <source>%1: %2 on %3</source>
            <translation>%1: %2 auf %3</translation>
        </message>
        <message>
            <location line="+4" />
            <source> (carried over from run %1)</source>
            <translation> (übernommen aus Lauf %1)</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Deploy</source>
            <translation>Bereitstellung</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Rollback to %1</source>
            <translation>Rollback auf %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Automatic rollback to %1</source>
            <translation>Automatischer Rollback auf %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Promote</source>
            <translation>Beförderung</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Index switch</source>
            <translation>Indexwechsel</translation>
        </message>
        <message>
            <location line="+4" />
            <source> (incomplete)</source>
            <translation> (unvollständig)</translation>
        </message>
        <message>
            <location line="+74" />
            <source>%1 (live)</source>
            <translation>%1 (live)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>none</source>
            <translation>keine</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 on %2</source>
            <translation>%1 auf %2</translation>
        </message>
        <message>
            <location line="+37" />
            <source>Release</source>
            <translation>Release</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Kind</source>
            <translation>Art</translation>
        </message>
        <message>
            <location line="+2" />
            <source>When</source>
            <translation>Wann</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Commit</source>
            <translation>Commit</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Who</source>
            <translation>Wer</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Why</source>
            <translation>Warum</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::RollbackPlanDialog</name>
        <message>
            <location filename="../ui/environments/rollbackplandialog.cpp" line="+26" />
            <source>Roll %1 back to release %2</source>
            <translation>%1 auf Release %2 zurückrollen</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&lt;p&gt;Roll &lt;b&gt;%1&lt;/b&gt; back to release &lt;b&gt;%2&lt;/b&gt; (run %3, %4, %5 by %6).&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; auf Release &lt;b&gt;%2&lt;/b&gt; zurückrollen (Lauf %3, %4, %5 von %6).&lt;/p&gt;</translation>
        </message>
        <message>
            <location line="+4" />
            <source>no commit</source>
            <translation>kein Commit</translation>
        </message>
        <message>
            <location line="+4" />
            <source>&lt;p&gt;Live now: release %1.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Jetzt live: Release %1.&lt;/p&gt;</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&lt;p&gt;&lt;b&gt;Nothing to roll back:&lt;/b&gt; release %1 has the live versions.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;Nichts zurückzurollen:&lt;/b&gt; Release %1 hat die Live-Versionen.&lt;/p&gt;</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; is protected: a rollback needs the same approval as a deploy. Your decision is recorded in the history.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; ist geschützt: ein Rollback braucht dieselbe Freigabe wie eine Bereitstellung. Ihre Entscheidung wird im Verlauf festgehalten.&lt;/p&gt;</translation>
        </message>
        <message>
            <location line="+8" />
            <source>What changes, layer by layer</source>
            <translation>Was sich ändert, Ebene für Ebene</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Layer</source>
            <translation>Ebene</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Live now</source>
            <translation>Jetzt live</translation>
        </message>
        <message>
            <location line="+0" />
            <source>After the rollback</source>
            <translation>Nach dem Rollback</translation>
        </message>
        <message>
            <location line="+0" />
            <source>How</source>
            <translation>Wie</translation>
        </message>
        <message>
            <location line="+5" />
            <source>nothing</source>
            <translation>nichts</translation>
        </message>
        <message>
            <location line="+4" />
            <source>by %1</source>
            <translation>durch %1</translation>
        </message>
        <message>
            <location line="+0" />
            <source>unchanged: %1</source>
            <translation>unverändert: %1</translation>
        </message>
        <message>
            <location line="+21" />
            <source>The database goes from revision &lt;b&gt;%1&lt;/b&gt; to &lt;b&gt;%2&lt;/b&gt;, which can drop what later migrations added. Type &lt;b&gt;%3&lt;/b&gt; to approve the &amp;database change:</source>
            <translation>Die Datenbank geht von Revision &lt;b&gt;%1&lt;/b&gt; auf &lt;b&gt;%2&lt;/b&gt;, wodurch verloren gehen kann, was spätere Migrationen hinzugefügt haben. Geben Sie &lt;b&gt;%3&lt;/b&gt; ein, um die &amp;Datenbankänderung freizugeben:</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Approve the database change</source>
            <translation>Datenbankänderung freigeben</translation>
        </message>
        <message>
            <location line="+12" />
            <source>&amp;Roll back to release %1</source>
            <translation>Auf Release %1 &amp;zurückrollen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Keep current release</source>
            <translation>Aktuelles Release &amp;behalten</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::RunDetailsPane</name>
        <message>
            <location filename="../ui/history/rundetailspane.cpp" line="+119" />
            <source>Run summary</source>
            <translation>Zusammenfassung des Laufs</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Where the run ran</source>
            <translation>Wo der Lauf ausgeführt wurde</translation>
        </message>
        <message>
            <location line="+4" />
            <location line="+3" />
            <location line="+9" />
            <source>Stage</source>
            <translation>Stufe</translation>
        </message>
        <message>
            <location line="-12" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Attempts</source>
            <translation>Versuche</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Duration</source>
            <translation>Dauer</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Reason</source>
            <translation>Grund</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reused</source>
            <translation>Übernommen</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Annotations</source>
            <translation>Anmerkungen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stages of the run</source>
            <translation>Stufen des Laufs</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Time</source>
            <translation>Zeit</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Kind</source>
            <translation>Art</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+9" />
            <source>Message</source>
            <translation>Nachricht</translation>
        </message>
        <message>
            <location line="-9" />
            <source>Who</source>
            <translation>Wer</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Events of the run</source>
            <translation>Ereignisse des Laufs</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Path</source>
            <translation>Pfad</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Size</source>
            <translation>Größe</translation>
        </message>
        <message>
            <location line="+0" />
            <source>SHA-256</source>
            <translation>SHA-256</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Artifacts of the run</source>
            <translation>Artefakte des Laufs</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Run details</source>
            <translation>Laufdetails</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Stages</source>
            <translation>&amp;Stufen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>E&amp;vents</source>
            <translation>E&amp;reignisse</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Artifacts</source>
            <translation>Ar&amp;tefakte</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Level</source>
            <translation>Schweregrad</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Location</source>
            <translation>Ort</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Annotations of the run</source>
            <translation>Anmerkungen des Laufs</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A&amp;nnotations</source>
            <translation>A&amp;nmerkungen</translation>
        </message>
        <message>
            <location line="+18" />
            <location line="+75" />
            <source>Select a run to see its stages, events and artifacts.</source>
            <translation>Wählen Sie einen Lauf aus, um seine Stufen, Ereignisse und Artefakte zu sehen.</translation>
        </message>
        <message>
            <location line="-35" />
            <source>Run %1 of %2: %3</source>
            <translation>Lauf %1 von %2: %3</translation>
        </message>
        <message>
            <location line="+1" />
            <source>none</source>
            <translation>keine</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Environment: %1    Branch: %2    Commit: %3</source>
            <translation>Umgebung: %1    Branch: %2    Commit: %3</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1 with uncommitted changes</source>
            <translation>%1 mit nicht committeten Änderungen</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Uncommitted changes: %1</source>
            <translation>Nicht committete Änderungen: %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Triggered by: %1    Started: %2    Duration: %3</source>
            <translation>Ausgelöst von: %1    Gestartet: %2    Dauer: %3</translation>
        </message>
        <message>
            <location line="+2" />
            <source>still running</source>
            <translation>läuft noch</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Message: %1</source>
            <translation>Nachricht: %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Re-run of run %1</source>
            <translation>Wiederholung von Lauf %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Ran on GitHub Actions</source>
            <translation>Auf GitHub Actions ausgeführt</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+2" />
            <source>Ran on GitHub Actions: %1</source>
            <translation>Auf GitHub Actions ausgeführt: %1</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Open the run on GitHub</source>
            <translation>Den Lauf auf GitHub öffnen</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Loading run %1…</source>
            <translation>Lauf %1 wird geladen…</translation>
        </message>
        <message>
            <location line="+15" />
            <source>the history cannot be opened</source>
            <translation>der Verlauf kann nicht geöffnet werden</translation>
        </message>
        <message numerus="yes">
            <location line="+52" />
            <source>%n error(s)</source>
            <translation>
                <numerusform>%n Fehler</numerusform>
                <numerusform>%n Fehler</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%n warning(s)</source>
            <translation>
                <numerusform>%n Warnung</numerusform>
                <numerusform>%n Warnungen</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%n notice(s)</source>
            <translation>
                <numerusform>%n Hinweis</numerusform>
                <numerusform>%n Hinweise</numerusform>
            </translation>
        </message>
        <message>
            <location line="+11" />
            <source>Failed, allowed (continue-on-error)</source>
            <translation>Fehlgeschlagen, erlaubt (continue-on-error)</translation>
        </message>
        <message>
            <location line="+41" />
            <source>Error</source>
            <translation>Fehler</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Warning</source>
            <translation>Warnung</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Notice</source>
            <translation>Hinweis</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Enter opens the log of stage %1</source>
            <translation>Die Eingabetaste öffnet das Protokoll der Stufe %1</translation>
        </message>
        <message>
            <location line="+11" />
            <source>A&amp;nnotations (%1)</source>
            <translation>A&amp;nmerkungen (%1)</translation>
        </message>
        <message>
            <source>reused from stage %1</source>
            <translation type="vanished">aus Stufe %1 übernommen</translation>
        </message>
        <message>
            <location line="-3" />
            <source>&amp;Stages (%1)</source>
            <translation>&amp;Stufen (%1)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>E&amp;vents (%1)</source>
            <translation>E&amp;reignisse (%1)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Artifacts (%1)</source>
            <translation>Ar&amp;tefakte (%1)</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::RunService</name>
        <message>
            <location filename="../ui/runservice.cpp" line="+113" />
            <source>DeployDesk was closed</source>
            <translation>DeployDesk wurde geschlossen</translation>
        </message>
        <message>
            <location line="+49" />
            <source>promote run %1 to %2</source>
            <translation>Lauf %1 nach %2 befördern</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::SettingsDialog</name>
        <message>
            <location filename="../ui/settings/settingsdialog.cpp" line="-84" />
            <source>DeployDesk Settings</source>
            <translation>DeployDesk-Einstellungen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Settings</source>
            <translation>Einstellungen</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Settings pages</source>
            <translation>Einstellungsseiten</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Secrets</source>
            <translation>&amp;Geheimnisse</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;General</source>
            <translation>&amp;Allgemein</translation>
        </message>
        <message>
            <location line="+28" />
            <source>Secrets the stages of this pipeline use. Values are kept in the system keychain and are never shown again; a secret can also come from an environment variable of the same name.</source>
            <translation>Geheimnisse, die die Stufen dieser Pipeline verwenden. Die Werte werden im Schlüsselbund des Systems aufbewahrt und nie wieder angezeigt; ein Geheimnis kann auch aus einer gleichnamigen Umgebungsvariable stammen.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Secrets the stages of this pipeline use. No system keychain is reachable here, so values cannot be kept by DeployDesk: each secret is read from the environment variable of the same name (export it before starting DeployDesk).</source>
            <translation>Geheimnisse, die die Stufen dieser Pipeline verwenden. Hier ist kein System-Schlüsselbund erreichbar, daher kann DeployDesk keine Werte aufbewahren: jedes Geheimnis wird aus der gleichnamigen Umgebungsvariable gelesen (exportieren Sie sie vor dem Start von DeployDesk).</translation>
        </message>
        <message>
            <location line="+62" />
            <source>Secrets the stages of this pipeline use. Looking for the system keychain…</source>
            <translation>Geheimnisse, die die Stufen dieser Pipeline verwenden. Der System-Schlüsselbund wird gesucht…</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Secrets</source>
            <translation>Geheimnisse</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location line="+0" />
            <source>State</source>
            <translation>Zustand</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Used by</source>
            <translation>Verwendet von</translation>
        </message>
        <message>
            <location line="+21" />
            <source>This pipeline uses no secrets (a stage lists the ones it needs under "secrets:").</source>
            <translation>Diese Pipeline verwendet keine Geheimnisse (eine Stufe listet die benötigten unter "secrets:" auf).</translation>
        </message>
        <message>
            <location line="+7" />
            <location line="+174" />
            <source>S&amp;et…</source>
            <translation>&amp;Festlegen…</translation>
        </message>
        <message>
            <location line="-172" />
            <source>&amp;Remove…</source>
            <translation>&amp;Entfernen…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Re&amp;fresh</source>
            <translation>A&amp;ktualisieren</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Secret status</source>
            <translation>Geheimnisstatus</translation>
        </message>
        <message>
            <location line="+26" />
            <source>Automatic (%1, one per CPU)</source>
            <translation>Automatisch (%1, eine pro CPU)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Maximum parallel stages</source>
            <translation>Maximale Anzahl paralleler Stufen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>How many stages may run at the same time; 0 means one per CPU.</source>
            <translation>Wie viele Stufen gleichzeitig laufen dürfen; 0 bedeutet eine pro CPU.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Appearance</source>
            <translation>Darstellung</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Follow the system</source>
            <translation>Systemeinstellung folgen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Light</source>
            <translation>Hell</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Dark</source>
            <translation>Dunkel</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Maximum &amp;parallel stages:</source>
            <translation>Maximale Anzahl &amp;paralleler Stufen:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Appearance:</source>
            <translation>&amp;Darstellung:</translation>
        </message>
        <message>
            <location line="+21" />
            <source>&amp;History</source>
            <translation>&amp;Verlauf</translation>
        </message>
        <message>
            <location line="+54" />
            <source>Checking…</source>
            <translation>Wird geprüft…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Set (keychain)</source>
            <translation>Gesetzt (Schlüsselbund)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stored in the system keychain.</source>
            <translation>Im Schlüsselbund des Systems gespeichert.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Set (environment variable)</source>
            <translation>Gesetzt (Umgebungsvariable)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Comes from the environment variable %1 of the shell that started DeployDesk; a value set here in the keychain takes precedence.</source>
            <translation>Stammt aus der Umgebungsvariable %1 der Shell, die DeployDesk gestartet hat; ein hier im Schlüsselbund festgelegter Wert hat Vorrang.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Not set</source>
            <translation>Nicht gesetzt</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stages that need it fail until it is set here or exported as %1.</source>
            <translation>Stufen, die es benötigen, schlagen fehl, bis es hier festgelegt oder als %1 exportiert wird.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Saving…</source>
            <translation>Wird gespeichert…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Removing…</source>
            <translation>Wird entfernt…</translation>
        </message>
        <message>
            <location line="+23" />
            <source>R&amp;eplace…</source>
            <translation>Er&amp;setzen…</translation>
        </message>
        <message>
            <location line="+5" />
            <source>%1 comes from the environment: unset it in the shell that starts DeployDesk.</source>
            <translation>%1 stammt aus der Umgebung: Entfernen Sie die Variable in der Shell, die DeployDesk startet.</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Replace Secret</source>
            <translation>Geheimnis ersetzen</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Set Secret</source>
            <translation>Geheimnis festlegen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>New value of %1 (it is stored in the keychain and never shown again):</source>
            <translation>Neuer Wert für %1 (er wird im Schlüsselbund gespeichert und nie wieder angezeigt):</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Secret value</source>
            <translation>Geheimniswert</translation>
        </message>
        <message>
            <location line="+7" />
            <source>%1 was not changed: expected a value, got an empty one. To delete it, use Remove.</source>
            <translation>%1 wurde nicht geändert: Es wurde ein Wert erwartet, aber ein leerer eingegeben. Verwenden Sie zum Löschen „Entfernen“.</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Remove Secret</source>
            <translation>Geheimnis entfernen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remove %1 from the keychain?</source>
            <translation>%1 aus dem Schlüsselbund entfernen?</translation>
        </message>
        <message>
            <location line="+2" />
            <source>This cannot be undone: the value is deleted, and %1 fail until %2 is set again.</source>
            <translation>Dies kann nicht rückgängig gemacht werden: Der Wert wird gelöscht, und %1 schlagen fehl, bis %2 erneut festgelegt wird.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>&amp;Remove</source>
            <translation>&amp;Entfernen</translation>
        </message>
        <message>
            <location line="+36" />
            <source>%1 was removed from the keychain.</source>
            <translation>%1 wurde aus dem Schlüsselbund entfernt.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 was saved in the keychain.</source>
            <translation>%1 wurde im Schlüsselbund gespeichert.</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::StageGraphView</name>
        <message>
            <location filename="../ui/pipeline/stagegraphview.cpp" line="+53" />
            <source>Stage graph</source>
            <translation>Stufengraph</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Zoom &amp;In</source>
            <translation>Ver&amp;größern</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Zoom &amp;Out</source>
            <translation>Ver&amp;kleinern</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Fit Graph</source>
            <translation>Graph &amp;einpassen</translation>
        </message>
        <message>
            <location line="+102" />
            <source>Waits for approval to deploy to %1</source>
            <translation>Wartet auf Freigabe für die Bereitstellung in %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>skipped without an environment</source>
            <translation>ohne Umgebung übersprungen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>skipped for %1</source>
            <translation>für %1 übersprungen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Failed, allowed (continue-on-error)</source>
            <translation>Fehlgeschlagen, erlaubt (continue-on-error)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>reused</source>
            <translation>übernommen</translation>
        </message>
        <message>
            <location line="+12" />
            <source>attempt %1/%2</source>
            <translation>Versuch %1/%2</translation>
        </message>
        <message>
            <location line="+48" />
            <source>Run “%1” and what it needs</source>
            <translation>„%1“ und was sie braucht ausführen</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Run only %1 and the stages it needs, as deploydeskctl run --stage %1 does</source>
            <translation>Nur %1 und die Stufen ausführen, die sie braucht, wie deploydeskctl run --stage %1</translation>
        </message>
        <message>
            <location line="+99" />
            <source>This pipeline has no stages</source>
            <translation>Diese Pipeline hat keine Stufen</translation>
        </message>
        <message>
            <location line="+171" />
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <location line="+27" />
            <source>Waiting for approval</source>
            <translation>Wartet auf Freigabe</translation>
        </message>
        <message>
            <location line="+8" />
            <source>run:</source>
            <translation>run:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>uses:</source>
            <translation>uses:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>needs:</source>
            <translation>needs:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>if:</source>
            <translation>if:</translation>
        </message>
        <message>
            <location line="+3" />
            <source>waits for:</source>
            <translation>wartet auf:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the approval of someone allowed to deploy to %1: Run &gt; Review Approval… (Ctrl+Shift+A)</source>
            <translation>die Freigabe von jemandem, der in %1 bereitstellen darf: Lauf &gt; Freigabe prüfen… (Strg+Umschalt+A)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>reason:</source>
            <translation>Grund:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>note:</source>
            <translation>Hinweis:</translation>
        </message>
        <message>
            <location line="+0" />
            <source>continue-on-error: this failure did not fail the run</source>
            <translation>continue-on-error: dieser Fehlschlag hat den Lauf nicht scheitern lassen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Click or press Enter to open its log</source>
            <translation>Klicken oder Eingabetaste drücken, um das Protokoll zu öffnen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Right-click or press the Menu key to run it and what it needs</source>
            <translation>Rechtsklick oder Menütaste, um sie und was sie braucht auszuführen</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::StartRunDialog</name>
        <message>
            <location filename="../ui/startrundialog.cpp" line="+22" />
            <source>Optional: kept in the history</source>
            <translation>Optional: im Verlauf aufbewahrt</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Message</source>
            <translation>Nachricht</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Message:</source>
            <translation>&amp;Nachricht:</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::TrayIcon</name>
        <message>
            <location filename="../ui/trayicon.cpp" line="+39" />
            <source>DeployDesk</source>
            <translation>DeployDesk</translation>
        </message>
        <message>
            <location line="+0" />
            <source>DeployDesk — %1</source>
            <translation>DeployDesk — %1</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::WorkflowApprovalDialog</name>
        <message>
            <location filename="../ui/workflows/workflowapprovaldialog.cpp" line="+19" />
            <source>Approve %1 deploying to %2</source>
            <translation>%1 für die Bereitstellung in %2 freigeben</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; is a protected environment in deploydesk.yml.&lt;/p&gt;&lt;p&gt;Running &lt;b&gt;%2&lt;/b&gt; here starts these jobs, which deploy to it:&lt;br&gt;&lt;b&gt;%3&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Your approval is recorded with the run.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; ist in deploydesk.yml eine geschützte Umgebung.&lt;/p&gt;&lt;p&gt;Wenn &lt;b&gt;%2&lt;/b&gt; hier ausgeführt wird, starten diese Jobs, die in sie bereitstellen:&lt;br&gt;&lt;b&gt;%3&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Ihre Freigabe wird mit dem Lauf festgehalten.&lt;/p&gt;</translation>
        </message>
        <message>
            <location line="+9" />
            <source>&amp;Approve and Run</source>
            <translation>&amp;Freigeben und ausführen</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::WorkflowsView</name>
        <message>
            <location filename="../ui/workflows/workflowsview.cpp" line="+62" />
            <source>&amp;Workflows</source>
            <translation>&amp;Workflows</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Workflow files</source>
            <translation>Workflow-Dateien</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Eve&amp;nt:</source>
            <translation>E&amp;reignis:</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Event</source>
            <translation>Ereignis</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The event the plan and Run Locally are for</source>
            <translation>Das Ereignis, für das der Plan und "Lokal ausführen" gelten</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Run L&amp;ocally</source>
            <translation>Lokal aus&amp;führen</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Dispatch on GitHub…</source>
            <translation>Auf GitHub s&amp;tarten…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Import Runs</source>
            <translation>Läufe i&amp;mportieren</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Record this workflow's recent runs on GitHub in the history</source>
            <translation>Die letzten Läufe dieses Workflows auf GitHub im Verlauf festhalten</translation>
        </message>
        <message>
            <location line="+1" />
            <source>S&amp;top Following</source>
            <translation>Verfolgen &amp;beenden</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Stop following the run here; it goes on on GitHub</source>
            <translation>Den Lauf hier nicht mehr verfolgen; er läuft auf GitHub weiter</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Local &amp;plan</source>
            <translation>L&amp;okaler Plan</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Re&amp;cent runs</source>
            <translation>&amp;Letzte Läufe</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Recent runs of the workflow</source>
            <translation>Letzte Läufe des Workflows</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Enter or a double-click opens the run's logs</source>
            <translation>Eingabetaste oder Doppelklick öffnet die Protokolle des Laufs</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Follow R&amp;un</source>
            <translation>Lauf verfol&amp;gen</translation>
        </message>
        <message>
            <source>F&amp;ollow</source>
            <translation type="obsolete">&amp;Mitverfolgen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Follow the run on GitHub here, its jobs' logs fetched</source>
            <translation>Den Lauf auf GitHub hier verfolgen und die Protokolle seiner Jobs abrufen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Re-run Failed &amp;Jobs</source>
            <translation>Fehlgeschlagene &amp;Jobs erneut ausführen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ask GitHub to run the failed jobs again, then follow the run</source>
            <translation>GitHub bitten, die fehlgeschlagenen Jobs erneut auszuführen, dann den Lauf verfolgen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancel on &amp;GitHub…</source>
            <translation>Auf GitHub abbre&amp;chen…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ask GitHub to cancel the run (it asks first)</source>
            <translation>GitHub bitten, den Lauf abzubrechen (fragt zuerst nach)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Review Deploy&amp;ment…</source>
            <translation>B&amp;ereitstellung prüfen…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Approve or reject a deployment the run waits for on a protected GitHub environment</source>
            <translation>Eine Bereitstellung freigeben oder ablehnen, auf die der Lauf in einer geschützten GitHub-Umgebung wartet</translation>
        </message>
        <message>
            <location filename="../ui/workflows/workflowsviewruns.cpp" line="+33" />
            <source>Cannot run it here: %1</source>
            <translation>Hier nicht ausführbar: %1</translation>
        </message>
        <message>
            <location filename="../ui/workflows/workflowsview.cpp" line="+169" />
            <source>No workflows: %1 holds no .yml or .yaml file</source>
            <translation>Keine Workflows: %1 enthält keine .yml- oder .yaml-Datei</translation>
        </message>
        <message>
            <location line="+100" />
            <source>Open a workspace to see its workflows.</source>
            <translation>Öffnen Sie einen Arbeitsbereich, um seine Workflows zu sehen.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reading the workflows…</source>
            <translation>Die Workflows werden gelesen…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Select a workflow.</source>
            <translation>Wählen Sie einen Workflow aus.</translation>
        </message>
        <message numerus="yes">
            <location line="+3" />
            <source>&lt;b&gt;%1&lt;/b&gt; — %2&lt;br&gt;on: %3 · %n job(s)</source>
            <translation>
                <numerusform>&lt;b&gt;%1&lt;/b&gt; — %2&lt;br&gt;on: %3 · %n Job</numerusform>
                <numerusform>&lt;b&gt;%1&lt;/b&gt; — %2&lt;br&gt;on: %3 · %n Jobs</numerusform>
            </translation>
        </message>
        <message>
            <location line="+4" />
            <source>&lt;b&gt;%1&lt;/b&gt; cannot be loaded: fix it and reload (F5)</source>
            <translation>&lt;b&gt;%1&lt;/b&gt; kann nicht geladen werden: Beheben Sie die Probleme und laden Sie neu (F5)</translation>
        </message>
        <message numerus="yes">
            <location line="+47" />
            <source>%1 of %n job(s) would run on this machine for %2</source>
            <translation>
                <numerusform>%1 von %n Job würde auf diesem Rechner für %2 laufen</numerusform>
                <numerusform>%1 von %n Jobs würden auf diesem Rechner für %2 laufen</numerusform>
            </translation>
        </message>
        <message>
            <location line="+5" />
            <source>Run Locally and Dispatch ask for its inputs first.</source>
            <translation>"Lokal ausführen" und "Auf GitHub starten" fragen zuerst nach seinen Eingaben.</translation>
        </message>
        <message>
            <location line="+58" />
            <location filename="../ui/workflows/workflowsviewruns.cpp" line="+25" />
            <source>A run is going: wait for it to end (or cancel it) first</source>
            <translation>Ein Lauf ist im Gange: Warten Sie, bis er endet (oder brechen Sie ihn ab)</translation>
        </message>
        <message>
            <location filename="../ui/workflows/workflowsviewruns.cpp" line="+27" />
            <source>Starting %1 here for %2…</source>
            <translation>%1 wird hier für %2 gestartet…</translation>
        </message>
        <message>
            <location line="+20" />
            <source>%1 deploys to %2, which deploydesk.yml protects: waiting for your approval</source>
            <translation>%1 stellt in %2 bereit, das deploydesk.yml schützt: wartet auf Ihre Freigabe</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Nothing run: %1 was not approved to deploy to %2</source>
            <translation>Nichts ausgeführt: %1 wurde für die Bereitstellung in %2 nicht freigegeben</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Run %1 of %2 started here: the Pipeline and Logs tabs follow it</source>
            <translation>Lauf %1 von %2 hier gestartet: Die Reiter Pipeline und Protokolle verfolgen ihn</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Run %1 of %2 ended: %3</source>
            <translation>Lauf %1 von %2 beendet: %3</translation>
        </message>
        <message>
            <location line="+50" />
            <source>Stopped following run %1 here; it goes on on GitHub</source>
            <translation>Lauf %1 wird hier nicht mehr verfolgt; er läuft auf GitHub weiter</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Dispatched %1: GitHub run %2 (%3); following it…</source>
            <translation>%1 gestartet: GitHub-Lauf %2 (%3); er wird verfolgt…</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Run %1 on GitHub: %2 (%3)</source>
            <translation>Lauf %1 auf GitHub: %2 (%3)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Run %1 on GitHub: job %2 — %3</source>
            <translation>Lauf %1 auf GitHub: Job %2 — %3</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Run %1 on GitHub ended: %2 (%3)</source>
            <translation>Lauf %1 auf GitHub beendet: %2 (%3)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Imported the runs of %1 from GitHub: %2 new, %3 updated, %4 unchanged</source>
            <translation>Die Läufe von %1 von GitHub importiert: %2 neu, %3 aktualisiert, %4 unverändert</translation>
        </message>
        <message>
            <location line="+15" />
            <source>GitHub: %1</source>
            <translation>GitHub: %1</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Cancel on GitHub</source>
            <translation>Auf GitHub abbrechen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ask GitHub to cancel run %1? Its jobs stop on GitHub's runners; what they did is kept.</source>
            <translation>GitHub bitten, Lauf %1 abzubrechen? Seine Jobs werden auf den Runnern von GitHub beendet; was sie getan haben, bleibt erhalten.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Run %1 waits for no deployment approval on GitHub</source>
            <translation>Lauf %1 wartet auf GitHub auf keine Freigabe einer Bereitstellung</translation>
        </message>
        <message>
            <location line="+17" />
            <source>GitHub repository: %1</source>
            <translation>GitHub-Repository: %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Dispatch and Import need GitHub: %1</source>
            <translation>Starten und Importieren brauchen GitHub: %1</translation>
        </message>
        <message>
            <location line="+9" />
            <source>GitHub API: %1</source>
            <translation>GitHub-API: %1</translation>
        </message>
        <message>
            <location filename="../ui/workflows/workflowsview.cpp" line="+1" />
            <source>Run the jobs that can run here, as `deploydeskctl workflow run` does</source>
            <translation>Die Jobs ausführen, die hier laufen können, wie es `deploydeskctl workflow run` tut</translation>
        </message>
        <message>
            <location line="+8" />
            <source>%1 has no workflow_dispatch trigger: GitHub would refuse to dispatch it</source>
            <translation>%1 hat keinen workflow_dispatch-Auslöser: GitHub würde das Starten ablehnen</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Ask for its inputs, run it on GitHub and follow the run here</source>
            <translation>Nach seinen Eingaben fragen, ihn auf GitHub ausführen und den Lauf hier verfolgen</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Vercel::Digest</name>
        <message>
            <location filename="../core/deploy/vercel/sitedigest.cpp" line="+40" />
            <location line="+51" />
            <source>cancelled</source>
            <translation>abgebrochen</translation>
        </message>
        <message>
            <location line="-45" />
            <location line="+50" />
            <source>cannot read %1: %2</source>
            <translation>%1 kann nicht gelesen werden: %2</translation>
        </message>
        <message>
            <location line="-37" />
            <source>%1 does not exist</source>
            <translation>%1 existiert nicht</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Vercel::UploadPool</name>
        <message numerus="yes">
            <location filename="../core/deploy/vercel/uploadpool.cpp" line="+54" />
            <source>uploading %n file(s) (%1 MB), %2 at a time</source>
            <translation>
                <numerusform>%n Datei wird hochgeladen (%1 MB), %2 gleichzeitig</numerusform>
                <numerusform>%n Dateien werden hochgeladen (%1 MB), %2 gleichzeitig</numerusform>
            </translation>
        </message>
        <message>
            <location line="+51" />
            <source>uploading %1 failed: %2</source>
            <translation>Hochladen von %1 fehlgeschlagen: %2</translation>
        </message>
        <message numerus="yes">
            <location line="+8" />
            <source>uploaded %n file(s) (%1 MB) in %2</source>
            <translation>
                <numerusform>%n Datei (%1 MB) in %2 hochgeladen</numerusform>
                <numerusform>%n Dateien (%1 MB) in %2 hochgeladen</numerusform>
            </translation>
        </message>
        <message>
            <location line="+17" />
            <source>uploaded %1 of %2 files (%3%, %4 MB)</source>
            <translation>%1 von %2 Dateien hochgeladen (%3%, %4 MB)</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Vercel::VercelApi</name>
        <message>
            <location filename="../core/deploy/vercel/vercelapi.cpp" line="+26" />
            <source>the secret %1 (deploydeskctl secrets set %1)</source>
            <translation>das Geheimnis %1 (deploydeskctl secrets set %1)</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Vercel::VercelDeployJob</name>
        <message>
            <location filename="../core/deploy/vercel/verceldeployjob.cpp" line="+37" />
            <source>deploying %1 to Vercel %2 (production)</source>
            <translation>%1 wird in Vercel %2 bereitgestellt (Produktion)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>deploying %1 to Vercel %2 (preview%3)</source>
            <translation>%1 wird in Vercel %2 bereitgestellt (Vorschau%3)</translation>
        </message>
        <message>
            <location line="+2" />
            <source> of branch %1</source>
            <translation> von Branch %1</translation>
        </message>
        <message numerus="yes">
            <location line="+8" />
            <source>hashed %n file(s) (%1 MB) in %2</source>
            <translation>
                <numerusform>Hash von %n Datei (%1 MB) in %2 berechnet</numerusform>
                <numerusform>Hashes von %n Dateien (%1 MB) in %2 berechnet</numerusform>
            </translation>
        </message>
        <message>
            <location line="+12" />
            <source>nothing to deploy: %1 has no files ("from" should name the build's output folder)</source>
            <translation>nichts bereitzustellen: %1 enthält keine Dateien ("from" sollte den Ausgabeordner des Builds nennen)</translation>
        </message>
        <message>
            <location line="+52" />
            <source>Vercel answered the new deployment without an id</source>
            <translation>Vercel hat auf das neue Deployment ohne ID geantwortet</translation>
        </message>
        <message>
            <location line="+6" />
            <source>deployment %1 created</source>
            <translation>Deployment %1 angelegt</translation>
        </message>
        <message>
            <location line="+1" />
            <source>deployment %1 created; inspect: %2</source>
            <translation>Deployment %1 angelegt; ansehen: %2</translation>
        </message>
        <message numerus="yes">
            <location line="+13" />
            <source>Vercel still reports %n file(s) missing after %1 upload round(s)%2</source>
            <translation>
                <numerusform>Vercel meldet nach %1 Upload-Runde(n) noch %n fehlende Datei%2</numerusform>
                <numerusform>Vercel meldet nach %1 Upload-Runde(n) noch %n fehlende Dateien%2</numerusform>
            </translation>
        </message>
        <message>
            <location line="+6" />
            <source> (request id %1)</source>
            <translation> (Anfrage-ID %1)</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Vercel has no %1 (set by %2): %3</source>
            <translation>Vercel kennt %1 nicht (gesetzt durch %2): %3</translation>
        </message>
        <message>
            <location line="+3" />
            <source>creating the deployment failed: %1</source>
            <translation>Anlegen des Deployments fehlgeschlagen: %1</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Vercel asked for a file this deploy does not have (%1)</source>
            <translation>Vercel hat eine Datei angefordert, die diese Bereitstellung nicht enthält (%1)</translation>
        </message>
        <message numerus="yes">
            <location line="+5" />
            <source>Vercel needs %n of the %1 file(s)</source>
            <translation>
                <numerusform>Vercel benötigt %n von %1 Dateien</numerusform>
                <numerusform>Vercel benötigt %n von %1 Dateien</numerusform>
            </translation>
        </message>
        <message>
            <location line="+36" />
            <source>following deployment %1 failed: %2</source>
            <translation>Verfolgen von Deployment %1 fehlgeschlagen: %2</translation>
        </message>
        <message>
            <location line="+4" />
            <source>status check failed (%1); trying again</source>
            <translation>Statusabfrage fehlgeschlagen (%1); neuer Versuch</translation>
        </message>
        <message>
            <location line="+8" />
            <location line="+16" />
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <location line="-16" />
            <source>(no state)</source>
            <translation>(kein Zustand)</translation>
        </message>
        <message>
            <location line="+12" />
            <source>the Vercel build of %1 failed: %2%3</source>
            <translation>der Vercel-Build von %1 ist fehlgeschlagen: %2%3</translation>
        </message>
        <message>
            <location line="+7" />
            <source> (see %1)</source>
            <translation> (siehe %1)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>deployment %1 was canceled on Vercel</source>
            <translation>Deployment %1 wurde auf Vercel abgebrochen</translation>
        </message>
        <message>
            <location line="+6" />
            <source>deployment %1 is ready but Vercel could not assign its alias: %2</source>
            <translation>Deployment %1 ist bereit, aber Vercel konnte seinen Alias nicht zuweisen: %2</translation>
        </message>
        <message>
            <location line="+12" />
            <source>%1 is ready; waiting for Vercel to point production at it</source>
            <translation>%1 ist bereit; warte, bis Vercel die Produktion darauf umstellt</translation>
        </message>
        <message>
            <location line="+7" />
            <source>deployment %1 is still %2 after %3 ("timeout" of the stage's with:)%4</source>
            <translation>Deployment %1 ist nach %3 noch %2 ("timeout" in der Stufe unter with:)%4</translation>
        </message>
        <message>
            <location line="+3" />
            <source>; see %1</source>
            <translation>; siehe %1</translation>
        </message>
        <message>
            <location line="+25" />
            <source>build events are not available (%1); following the state only</source>
            <translation>Build-Ereignisse sind nicht verfügbar (%1); nur der Zustand wird verfolgt</translation>
        </message>
        <message>
            <location line="+1" />
            <source>not a JSON array</source>
            <translation>kein JSON-Array</translation>
        </message>
        <message>
            <location line="+21" />
            <source>ready: %1 (production)</source>
            <translation>bereit: %1 (Produktion)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>ready: %1 (preview)</source>
            <translation>bereit: %1 (Vorschau)</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Vercel::VercelHealthJob</name>
        <message>
            <location filename="../core/deploy/vercel/vercelhealthjob.cpp" line="+21" />
            <source>deployment %1 has no URL to check</source>
            <translation>Deployment %1 hat keine URL zum Prüfen</translation>
        </message>
        <message>
            <location line="+18" />
            <source>%1 is not healthy: %2</source>
            <translation>%1 ist nicht gesund: %2</translation>
        </message>
        <message>
            <location line="+7" />
            <source>%1 is not healthy: %2 answered HTTP %3, not 200</source>
            <translation>%1 ist nicht gesund: %2 antwortete mit HTTP %3, nicht 200</translation>
        </message>
        <message>
            <location line="+5" />
            <source>%1 answered 200</source>
            <translation>%1 antwortete mit 200</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Vercel::VercelListJob</name>
        <message>
            <location filename="../core/deploy/vercel/vercellistjob.cpp" line="+36" />
            <source>Vercel has no %1 (set by %2): %3</source>
            <translation>Vercel kennt %1 nicht (gesetzt durch %2): %3</translation>
        </message>
        <message>
            <location line="+28" />
            <source>Vercel's list of deployments does not move on (next page until=%1 again)</source>
            <translation>Vercels Liste der Deployments kommt nicht weiter (nächste Seite erneut until=%1)</translation>
        </message>
        <message numerus="yes">
            <location line="+6" />
            <source>listed the newest %n deployment(s); stopping there</source>
            <translation>
                <numerusform>%n neuestes Deployment aufgelistet; hier wird angehalten</numerusform>
                <numerusform>die %n neuesten Deployments aufgelistet; hier wird angehalten</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Vercel::VercelOptionsReader</name>
        <message>
            <location filename="../core/deploy/vercel/verceloptions.cpp" line="+72" />
            <source>cannot read %1: %2</source>
            <translation>%1 kann nicht gelesen werden: %2</translation>
        </message>
        <message>
            <location line="+6" />
            <source>%1 is not the JSON object `vercel link` writes (%2); fix or delete it, or set "project" and "team" in the stage's with:</source>
            <translation>%1 ist nicht das JSON-Objekt, das `vercel link` schreibt (%2); korrigieren oder löschen Sie es, oder setzen Sie "project" und "team" im with: der Stufe</translation>
        </message>
        <message>
            <location line="+5" />
            <source>not an object</source>
            <translation>kein Objekt</translation>
        </message>
        <message>
            <location line="+17" />
            <source>project %1</source>
            <translation>Projekt %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>project %1 (team %2)</source>
            <translation>Projekt %1 (Team %2)</translation>
        </message>
        <message>
            <location line="+10" />
            <source>the folder of files to deploy, relative to the workspace</source>
            <translation>der Ordner mit den bereitzustellenden Dateien, relativ zum Arbeitsbereich</translation>
        </message>
        <message>
            <location line="+7" />
            <source>the Vercel project's name or id (default: projectId of .vercel/project.json)</source>
            <translation>Name oder ID des Vercel-Projekts (Standard: projectId aus .vercel/project.json)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>the team id (team_…) sent as teamId with every call (default: orgId of .vercel/project.json when it is a team)</source>
            <translation>die Team-ID (team_…), die bei jedem Aufruf als teamId gesendet wird (Standard: orgId aus .vercel/project.json, wenn es ein Team ist)</translation>
        </message>
        <message>
            <location line="+8" />
            <source>the secret holding the Vercel token (default VERCEL_TOKEN); list it under the stage's secrets:</source>
            <translation>das Geheimnis mit dem Vercel-Token (Standard VERCEL_TOKEN); in der Stufe aufzuführen unter secrets:</translation>
        </message>
        <message>
            <location line="+8" />
            <source>deploy to production (default: true in the environment named production, else a preview)</source>
            <translation>in die Produktion bereitstellen (Standard: true in der Umgebung namens production, sonst eine Vorschau)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>file uploads in flight (default 16)</source>
            <translation>gleichzeitige Datei-Uploads (Standard 16)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>how long to wait for the build to be ready (default 30m)</source>
            <translation>wie lange auf die Fertigstellung des Builds gewartet wird (Standard 30m)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>the first wait between status checks; it grows to 10s (default 1s)</source>
            <translation>die erste Wartezeit zwischen Statusabfragen; sie wächst bis 10s (Standard 1s)</translation>
        </message>
        <message>
            <location line="+23" />
            <source>vercel needs "from": the folder of files to deploy (relative to the workspace), e.g. from: site/dist</source>
            <translation>vercel benötigt "from": den Ordner mit den bereitzustellenden Dateien (relativ zum Arbeitsbereich), z. B. from: site/dist</translation>
        </message>
        <message>
            <location line="+6" />
            <source>"from": %1 is not a folder%2</source>
            <translation>"from": %1 ist kein Ordner%2</translation>
        </message>
        <message>
            <location line="+2" />
            <source> (it does not exist; did the build run?)</source>
            <translation> (er existiert nicht; ist der Build gelaufen?)</translation>
        </message>
        <message>
            <location line="+9" />
            <source>"project" in the stage's with:</source>
            <translation>"project" in der Stufe unter with:</translation>
        </message>
        <message>
            <location line="+3" />
            <source>projectId in %1</source>
            <translation>projectId in %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>project and team from %1</source>
            <translation>Projekt und Team aus %1</translation>
        </message>
        <message>
            <location line="+4" />
            <source>vercel needs "project" (the Vercel project's name or id) in the stage's with:, or a .vercel/project.json in the workspace (written by `vercel link`)</source>
            <translation>vercel benötigt "project" (Name oder ID des Vercel-Projekts) in der Stufe unter with: oder eine .vercel/project.json im Arbeitsbereich (geschrieben von `vercel link`)</translation>
        </message>
        <message>
            <location line="+14" />
            <source>"token-secret" must be a secret's name (letters, digits and _), such as VERCEL_TOKEN; found "%1"</source>
            <translation>"token-secret" muss der Name eines Geheimnisses sein (Buchstaben, Ziffern und _), etwa VERCEL_TOKEN; gefunden: "%1"</translation>
        </message>
        <message>
            <location line="+7" />
            <source>vercel needs a Vercel token in the secret %1, which stage "%2" does not have: set it with `deploydeskctl secrets set %1` and list it under the stage's secrets: [%1]</source>
            <translation>vercel benötigt ein Vercel-Token im Geheimnis %1, das Stufe "%2" nicht hat: setzen Sie es mit `deploydeskctl secrets set %1` und führen Sie es in der Stufe unter secrets: [%1] auf</translation>
        </message>
        <message>
            <location line="+12" />
            <source>"production" must be true or false; found "%1"</source>
            <translation>"production" muss true oder false sein; gefunden: "%1"</translation>
        </message>
        <message>
            <location line="+10" />
            <source>"parallel" must be a whole number from 1 to %1; found "%2"</source>
            <translation>"parallel" muss eine ganze Zahl von 1 bis %1 sein; gefunden: "%2"</translation>
        </message>
        <message>
            <location line="+12" />
            <source>"%1" must be a duration such as 10m or 500ms; found "%2"</source>
            <translation>"%1" muss eine Dauer wie 10m oder 500ms sein; gefunden: "%2"</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Vercel::VercelRollbackJob</name>
        <message>
            <location filename="../core/deploy/vercel/vercelrollbackjob.cpp" line="+19" />
            <source>no Vercel deployment id to make live</source>
            <translation>keine Vercel-Deployment-ID zum Live-Schalten</translation>
        </message>
        <message>
            <location line="+11" />
            <source>deployment %1 is no longer on Vercel: %2</source>
            <translation>Deployment %1 ist nicht mehr auf Vercel: %2</translation>
        </message>
        <message>
            <location line="+2" />
            <source>checking deployment %1 failed: %2</source>
            <translation>Prüfen von Deployment %1 fehlgeschlagen: %2</translation>
        </message>
        <message>
            <location line="+15" />
            <source>deployment %1 is %2 on Vercel; only a READY deployment can be made live again</source>
            <translation>Deployment %1 ist auf Vercel %2; nur ein READY-Deployment kann wieder live geschaltet werden</translation>
        </message>
        <message>
            <location line="+2" />
            <source>in no known state</source>
            <translation>in keinem bekannten Zustand</translation>
        </message>
        <message>
            <location line="+15" />
            <source>a preview is not promoted: %1 still serves it</source>
            <translation>eine Vorschau wird nicht hochgestuft: %1 liefert sie weiterhin aus</translation>
        </message>
        <message>
            <location line="+5" />
            <source>%1 never served production (STAGED): promoting it</source>
            <translation>%1 hat nie die Produktion bedient (STAGED): wird hochgestuft</translation>
        </message>
        <message>
            <location line="+11" />
            <source>production → %1 (Vercel rollback, no rebuild)</source>
            <translation>Produktion → %1 (Vercel-Rollback, ohne Neubau)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>the v9 rollback call answered 404 (%1); trying the documented v1 path</source>
            <translation>der v9-Rollback-Aufruf antwortete mit 404 (%1); versuche den dokumentierten v1-Pfad</translation>
        </message>
        <message>
            <location line="+6" />
            <source>rolling %1 back to %2 failed: %3</source>
            <translation>Zurückrollen von %1 auf %2 fehlgeschlagen: %3</translation>
        </message>
        <message>
            <location line="+11" />
            <source>promoting %1 failed: %2</source>
            <translation>Hochstufen von %1 fehlgeschlagen: %2</translation>
        </message>
        <message>
            <location line="+5" />
            <source>production → %1 (promoted, no rebuild; Vercel finishes the switch shortly)</source>
            <translation>Produktion → %1 (hochgestuft, ohne Neubau; Vercel schließt den Wechsel in Kürze ab)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>production → %1 (promoted, no rebuild)</source>
            <translation>Produktion → %1 (hochgestuft, ohne Neubau)</translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::VercelTarget</name>
        <message>
            <location filename="../core/deploy/vercel/verceltarget.cpp" line="+25" />
            <source>Vercel rollback (no rebuild)</source>
            <translation>Vercel-Rollback (ohne Neubau)</translation>
        </message>
    </context>
    <context>
        <name>LocalSiteTarget</name>
        <message>
            <location filename="../core/deploy/localsite/localsitetarget.cpp" line="+61" />
            <source>symlink switch</source>
            <translation>Symlink-Wechsel</translation>
        </message>
        <message>
            <location line="+19" />
            <source>%1 is a branch preview; previews are not rolled back: deploy the branch again</source>
            <translation>%1 ist eine Branch-Vorschau; Vorschauen werden nicht zurückgerollt: stellen Sie den Branch erneut bereit</translation>
        </message>
        <message>
            <location line="+7" />
            <source>there are no releases in %1 to roll back to</source>
            <translation>in %1 gibt es keine Releases, auf die zurückgerollt werden kann</translation>
        </message>
        <message>
            <location line="+9" />
            <source>a deploy to %1 is in progress; roll back when it has finished</source>
            <translation>eine Bereitstellung in %1 läuft; rollen Sie zurück, wenn sie abgeschlossen ist</translation>
        </message>
        <message>
            <location line="+8" />
            <source>release %1 is no longer in %2 (pruned); there are no releases left</source>
            <translation>Release %1 ist nicht mehr in %2 (aufgeräumt); es sind keine Releases mehr übrig</translation>
        </message>
        <message>
            <location line="+3" />
            <source>release %1 is no longer in %2 (pruned: local-site keeps the last %3); releases there: %4</source>
            <translation>Release %1 ist nicht mehr in %2 (aufgeräumt: local-site behält die letzten %3); Releases dort: %4</translation>
        </message>
        <message>
            <location line="+10" />
            <source>current → releases/%1 (was releases/%2)</source>
            <translation>current → releases/%1 (vorher releases/%2)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>current → releases/%1</source>
            <translation>current → releases/%1</translation>
        </message>
        <message>
            <location line="+40" />
            <source>%1/current points at releases/%2, which is missing</source>
            <translation>%1/current zeigt auf releases/%2, das fehlt</translation>
        </message>
    </context>
    <context>
        <name>ReembedStageOptions</name>
        <message>
            <location filename="../core/data/reembed/reembedtarget.cpp" line="+44" />
            <source>reembed: `%1` is "%2"; give a whole number from %3 to %4</source>
            <translation>reembed: `%1` ist „%2“; geben Sie eine ganze Zahl von %3 bis %4 an</translation>
        </message>
        <message>
            <location line="+73" />
            <source>the docs folder to embed, relative to the workspace</source>
            <translation>der einzubettende Dokumentationsordner, relativ zum Arbeitsbereich</translation>
        </message>
        <message>
            <location line="+7" />
            <source>local (offline, lexical; default) or cohere (COHERE_API_KEY secret)</source>
            <translation>local (offline, lexikalisch; Standard) oder cohere (Geheimnis COHERE_API_KEY)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>the Cohere model (default embed-english-v3.0)</source>
            <translation>das Cohere-Modell (Standard embed-english-v3.0)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>vector dimension: the local embedder's (default 1024) or Cohere's output dimension</source>
            <translation>Vektordimension: die des lokalen Embedders (Standard 1024) oder die Ausgabedimension von Cohere</translation>
        </message>
        <message>
            <location line="+7" />
            <source>local (SQLite files; default) or qdrant</source>
            <translation>local (SQLite-Dateien; Standard) oder qdrant</translation>
        </message>
        <message>
            <location line="+4" />
            <source>the index (alias) name (default docs)</source>
            <translation>der Name des Index (Alias) (Standard docs)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>local index: its folder, relative to the workspace (default: DeployDesk's state folder/vector-index/&lt;environment&gt;)</source>
            <translation>lokaler Index: sein Ordner, relativ zum Arbeitsbereich (Standard: DeployDesks Statusordner/vector-index/&lt;environment&gt;)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>qdrant index: the Qdrant URL</source>
            <translation>Qdrant-Index: die Qdrant-URL</translation>
        </message>
        <message>
            <location line="+4" />
            <source>incremental (embed only what changed, in place; default) or full (build a new version, validate, switch)</source>
            <translation>incremental (nur Geändertes einbetten, an Ort und Stelle; Standard) oder full (neue Version aufbauen, prüfen, umschalten)</translation>
        </message>
        <message>
            <location line="+8" />
            <source>a file of golden questions, one "question =&gt; expected page" per line, each of which must find its page before a switch</source>
            <translation>eine Datei mit Prüffragen, eine „Frage =&gt; erwartete Seite“ pro Zeile, von denen jede vor einem Umschalten ihre Seite finden muss</translation>
        </message>
        <message>
            <location line="+8" />
            <source>how many hits a golden question may look at (default 5)</source>
            <translation>wie viele Treffer eine Prüffrage betrachten darf (Standard 5)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>token budget per chunk (default 400)</source>
            <translation>Token-Budget pro Abschnitt (Standard 400)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the docs' URL prefix (default /docs)</source>
            <translation>das URL-Präfix der Dokumentation (Standard /docs)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>globs of docs to leave out</source>
            <translation>Globs der auszulassenden Dokumentation</translation>
        </message>
        <message>
            <location line="+4" />
            <source>chunks embedded, stored and committed per step (default 64); what a cancelled or killed run keeps is whole steps</source>
            <translation>pro Schritt eingebettete, gespeicherte und festgeschriebene Abschnitte (Standard 64); ein abgebrochener oder beendeter Lauf behält nur vollständige Schritte</translation>
        </message>
        <message>
            <location line="+20" />
            <source>reembed: set `docs` to the docs folder to embed (e.g. docs: site/docs)</source>
            <translation>reembed: setzen Sie `docs` auf den einzubettenden Dokumentationsordner (z. B. docs: site/docs)</translation>
        </message>
        <message>
            <location line="+32" />
            <source>reembed: `mode` is "%1"; use incremental or full</source>
            <translation>reembed: `mode` ist „%1“; verwenden Sie incremental oder full</translation>
        </message>
        <message>
            <location line="+33" />
            <source>reembed: `embedder` is "%1"; use local or cohere</source>
            <translation>reembed: `embedder` ist „%1“; verwenden Sie local oder cohere</translation>
        </message>
        <message>
            <location line="+21" />
            <source>reembed: cannot create the index folder %1</source>
            <translation>reembed: der Indexordner %1 kann nicht erstellt werden</translation>
        </message>
        <message>
            <location line="+18" />
            <source>reembed: `index` is "%1"; use local or qdrant</source>
            <translation>reembed: `index` ist „%1“; verwenden Sie local oder qdrant</translation>
        </message>
        <message>
            <location line="+26" />
            <source>index switch</source>
            <translation>Indexwechsel</translation>
        </message>
        <message>
            <location line="+47" />
            <source>the recorded index version "%1" names no version</source>
            <translation>die aufgezeichnete Indexversion „%1“ bezeichnet keine Version</translation>
        </message>
        <message>
            <location line="+61" />
            <source>re-embed the docs into a versioned vector index (incremental or a validated blue/green rebuild)</source>
            <translation>die Dokumentation in einen versionierten Vektorindex neu einbetten (inkrementell oder als geprüfter Blue/Green-Neuaufbau)</translation>
        </message>
    </context>
    <context>
        <name>ReleaseInfo</name>
        <message>
            <location filename="../core/deploy/localsite/releaseinfo.cpp" line="+35" />
            <source>not a release summary: %1</source>
            <translation>keine Release-Zusammenfassung: %1</translation>
        </message>
        <message>
            <location line="+18" />
            <source>a release summary without an id</source>
            <translation>eine Release-Zusammenfassung ohne ID</translation>
        </message>
        <message>
            <location line="+10" />
            <source>cannot write %1: %2</source>
            <translation>%1 kann nicht geschrieben werden: %2</translation>
        </message>
        <message>
            <location line="+8" />
            <source>no release summary at %1</source>
            <translation>keine Release-Zusammenfassung unter %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>cannot read %1: %2</source>
            <translation>%1 kann nicht gelesen werden: %2</translation>
        </message>
    </context>
    <context>
        <name>SiteCopier</name>
        <message>
            <location filename="../core/deploy/localsite/sitecopier.cpp" line="+79" />
            <source>cannot %1 %2: %3</source>
            <translation>Fehler beim %1 %2: %3</translation>
        </message>
        <message>
            <location line="+14" />
            <location line="+65" />
            <location line="+39" />
            <source>open</source>
            <translation>Öffnen von</translation>
        </message>
        <message>
            <location line="-100" />
            <source>cannot create %1: %2</source>
            <translation>%1 kann nicht angelegt werden: %2</translation>
        </message>
        <message>
            <location line="+4" />
            <source>cannot open %1: %2</source>
            <translation>%1 kann nicht geöffnet werden: %2</translation>
        </message>
        <message>
            <location line="+21" />
            <source>list</source>
            <translation>Auflisten von</translation>
        </message>
        <message>
            <location line="+20" />
            <location line="+59" />
            <location line="+72" />
            <source>read</source>
            <translation>Lesen von</translation>
        </message>
        <message>
            <location line="-118" />
            <source>create the folder for</source>
            <translation>Anlegen des Ordners für</translation>
        </message>
        <message>
            <location line="+6" />
            <source>open the copy of</source>
            <translation>Öffnen der Kopie von</translation>
        </message>
        <message>
            <location line="+10" />
            <source>read the link</source>
            <translation>Lesen des Links</translation>
        </message>
        <message>
            <location line="+3" />
            <source>copy the link</source>
            <translation>Kopieren des Links</translation>
        </message>
        <message>
            <location line="+30" />
            <source>create the copy of</source>
            <translation>Anlegen der Kopie von</translation>
        </message>
        <message>
            <location line="+6" />
            <source>set the time and mode of the copy of</source>
            <translation>Setzen von Zeit und Modus der Kopie von</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+68" />
            <source>write the copy of</source>
            <translation>Schreiben der Kopie von</translation>
        </message>
        <message>
            <location line="-17" />
            <source>copy</source>
            <translation>Kopieren von</translation>
        </message>
    </context>
    <context>
        <name>SiteLayout</name>
        <message>
            <location filename="../core/deploy/localsite/sitelayout.cpp" line="+105" />
            <source>cannot create the folder %1; check that the deploy root is writable</source>
            <translation>der Ordner %1 kann nicht angelegt werden; prüfen Sie, ob das Stammverzeichnis der Bereitstellung beschreibbar ist</translation>
        </message>
        <message>
            <location line="+17" />
            <source>%1 is not a link; DeployDesk switches releases by replacing a link there: move it away</source>
            <translation>%1 ist kein Link; DeployDesk wechselt Releases, indem es dort einen Link ersetzt: verschieben Sie es an einen anderen Ort</translation>
        </message>
        <message>
            <location line="+5" />
            <source>cannot read the link %1: %2</source>
            <translation>der Link %1 kann nicht gelesen werden: %2</translation>
        </message>
        <message>
            <location line="+6" />
            <source>%1 points at %2, which is not one of its releases</source>
            <translation>%1 zeigt auf %2, das keines seiner Releases ist</translation>
        </message>
        <message>
            <location line="+62" />
            <location line="+5" />
            <source>release %1 is not in %2</source>
            <translation>Release %1 ist nicht in %2</translation>
        </message>
        <message>
            <location line="+21" />
            <source>cannot open %1: %2</source>
            <translation>%1 kann nicht geöffnet werden: %2</translation>
        </message>
        <message>
            <location line="+5" />
            <source>cannot switch %1/current to releases/%2: %3: %4</source>
            <translation>%1/current kann nicht auf releases/%2 umgestellt werden: %3: %4</translation>
        </message>
        <message>
            <location line="+5" />
            <source>removing a left-over %1</source>
            <translation>Entfernen eines übrig gebliebenen %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>creating the link</source>
            <translation>Anlegen des Links</translation>
        </message>
        <message>
            <location line="+6" />
            <source>%1/current is a folder, not a link; DeployDesk switches releases by replacing a link there: move the folder away</source>
            <translation>%1/current ist ein Ordner, kein Link; DeployDesk wechselt Releases, indem es dort einen Link ersetzt: verschieben Sie den Ordner an einen anderen Ort</translation>
        </message>
        <message>
            <location line="+4" />
            <source>renaming the link over the old one</source>
            <translation>Umbenennen des Links über den alten</translation>
        </message>
        <message>
            <location line="+14" />
            <source>cannot move the preview into %1: %2</source>
            <translation>die Vorschau kann nicht nach %1 verschoben werden: %2</translation>
        </message>
        <message>
            <location line="+7" />
            <source>cannot replace the preview %1: %2</source>
            <translation>die Vorschau %1 kann nicht ersetzt werden: %2</translation>
        </message>
        <message>
            <location line="+22" />
            <source>cannot remove the old release %1</source>
            <translation>das alte Release %1 kann nicht entfernt werden</translation>
        </message>
        <message>
            <location line="+60" />
            <source>cannot remove %1: %2</source>
            <translation>%1 kann nicht entfernt werden: %2</translation>
        </message>
        <message>
            <location line="+11" />
            <source>cannot sync %1: %2</source>
            <translation>%1 kann nicht synchronisiert werden: %2</translation>
        </message>
    </context>
    <context>
        <name>SiteLock</name>
        <message>
            <location filename="../core/deploy/localsite/sitelock.cpp" line="+32" />
            <source>cannot open the lock file %1: %2</source>
            <translation>die Sperrdatei %1 kann nicht geöffnet werden: %2</translation>
        </message>
        <message>
            <location line="+11" />
            <source>cannot lock %1: %2</source>
            <translation>%1 kann nicht gesperrt werden: %2</translation>
        </message>
    </context>
    <context>
        <name>SiteManifest</name>
        <message>
            <location filename="../core/deploy/localsite/sitemanifest.cpp" line="+63" />
            <source>cannot write the manifest %1: %2</source>
            <translation>das Manifest %1 kann nicht geschrieben werden: %2</translation>
        </message>
        <message>
            <location line="+8" />
            <source>no manifest at %1</source>
            <translation>kein Manifest unter %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>cannot read the manifest %1: %2</source>
            <translation>das Manifest %1 kann nicht gelesen werden: %2</translation>
        </message>
    </context>
    <context>
        <name>SiteOptionsReader</name>
        <message>
            <location filename="../core/deploy/localsite/siteoptions.cpp" line="+53" />
            <source>the build folder to publish, relative to the workspace</source>
            <translation>der zu veröffentlichende Build-Ordner, relativ zum Arbeitsbereich</translation>
        </message>
        <message>
            <location line="+7" />
            <source>the deploy root holding releases/, previews/ and the current link; default: DeployDesk's state folder/sites/&lt;environment&gt;</source>
            <translation>das Stammverzeichnis der Bereitstellung mit releases/, previews/ und dem Link current; Standard: DeployDesks Zustandsordner/sites/&lt;environment&gt;</translation>
        </message>
        <message>
            <location line="+5" />
            <source>how many releases to keep (default 5)</source>
            <translation>wie viele Releases aufbewahrt werden (Standard 5)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>where the web server answers for the current release (default: the environment's url)</source>
            <translation>wo der Webserver für das aktuelle Release antwortet (Standard: die url der Umgebung)</translation>
        </message>
        <message>
            <location line="+8" />
            <source>publish to previews/&lt;branch&gt;/ instead of making a release live</source>
            <translation>nach previews/&lt;branch&gt;/ veröffentlichen, statt ein Release live zu schalten</translation>
        </message>
        <message>
            <location line="+7" />
            <source>the preview's branch (default: the workspace's git branch)</source>
            <translation>der Branch der Vorschau (Standard: der Git-Branch des Arbeitsbereichs)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>the page the health check looks for (default index.html)</source>
            <translation>die Seite, nach der die Zustandsprüfung sucht (Standard index.html)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>keep python3's http.server answering at "url" for the live release (no web server needed)</source>
            <translation>http.server von python3 unter "url" für das Live-Release antworten lassen (kein Webserver nötig)</translation>
        </message>
        <message>
            <location line="+21" />
            <source>local-site needs "from": the build folder to publish (relative to the workspace), e.g. from: site/dist</source>
            <translation>local-site benötigt "from": den zu veröffentlichenden Build-Ordner (relativ zum Arbeitsbereich), z. B. from: site/dist</translation>
        </message>
        <message>
            <location line="+13" />
            <source>local-site needs "root" (the folder releases go to) when it runs without an environment or a state folder</source>
            <translation>local-site benötigt "root" (den Ordner für die Releases), wenn es ohne Umgebung oder Zustandsordner läuft</translation>
        </message>
        <message>
            <location line="+9" />
            <source>"keep" must be a whole number of releases, 1 or more; found "%1"</source>
            <translation>"keep" muss eine ganze Zahl von Releases sein, 1 oder mehr; gefunden: "%1"</translation>
        </message>
        <message>
            <location line="+13" />
            <source>"url" must be a URL such as http://127.0.0.1:8080/; found "%1"</source>
            <translation>"url" muss eine URL wie http://127.0.0.1:8080/ sein; gefunden: "%1"</translation>
        </message>
        <message>
            <location line="+8" />
            <source>"preview" must be true or false; found "%1"</source>
            <translation>"preview" muss true oder false sein; gefunden: "%1"</translation>
        </message>
        <message>
            <location line="+11" />
            <source>a preview needs a branch, and the workspace is on none (a detached HEAD?); set "branch" in "with"</source>
            <translation>eine Vorschau benötigt einen Branch, und der Arbeitsbereich ist auf keinem (ein detached HEAD?); setzen Sie "branch" in "with"</translation>
        </message>
        <message>
            <location line="+2" />
            <source>branch "%1" leaves no usable folder name for a preview; set "branch" in "with"</source>
            <translation>Branch "%1" ergibt keinen brauchbaren Ordnernamen für eine Vorschau; setzen Sie "branch" in "with"</translation>
        </message>
        <message>
            <location line="+9" />
            <source>"index" must be a path inside the site such as index.html; found "%1"</source>
            <translation>"index" muss ein Pfad innerhalb der Site sein, etwa index.html; gefunden: "%1"</translation>
        </message>
        <message>
            <location line="+11" />
            <source>"serve" serves the live release, not a preview; drop it from the preview stage</source>
            <translation>"serve" liefert das Live-Release aus, keine Vorschau; entfernen Sie es aus der Vorschau-Stufe</translation>
        </message>
        <message>
            <location line="+2" />
            <source>"serve" needs "url" (where to answer), such as http://127.0.0.1:8471/</source>
            <translation>"serve" benötigt "url" (wo geantwortet wird), etwa http://127.0.0.1:8471/</translation>
        </message>
    </context>
    <context>
        <name>SitePublisher</name>
        <message>
            <location filename="../core/deploy/localsite/sitepublisher.cpp" line="+65" />
            <source>the build folder in "from" (%1) does not exist; build the site first, or fix "from" (it is relative to the workspace)</source>
            <translation>der Build-Ordner in "from" (%1) existiert nicht; bauen Sie zuerst die Site oder korrigieren Sie "from" (es ist relativ zum Arbeitsbereich)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>"from" must name the build folder; %1 is a file</source>
            <translation>"from" muss den Build-Ordner nennen; %1 ist eine Datei</translation>
        </message>
        <message>
            <location line="+4" />
            <source>the build folder in "from" (%1) is empty: nothing to publish; did the build stage run?</source>
            <translation>der Build-Ordner in "from" (%1) ist leer: nichts zu veröffentlichen; ist die Build-Stufe gelaufen?</translation>
        </message>
        <message>
            <location line="+8" />
            <source>the deploy root %1 is inside the build folder %2: each release would copy the ones before it; set "root" elsewhere</source>
            <translation>das Stammverzeichnis der Bereitstellung %1 liegt im Build-Ordner %2: jedes Release würde die vorherigen mitkopieren; setzen Sie "root" auf einen anderen Ort</translation>
        </message>
        <message>
            <location line="+16" />
            <source>waiting for another deploy to %1 to finish</source>
            <translation>warte auf das Ende einer anderen Bereitstellung in %1</translation>
        </message>
        <message>
            <location line="+57" />
            <source>%1 files (%2) so far</source>
            <translation>bisher %1 Dateien (%2)</translation>
        </message>
        <message>
            <location line="+10" />
            <source>publishing %1 as %2 in %3</source>
            <translation>%1 wird als %2 in %3 veröffentlicht</translation>
        </message>
        <message>
            <location line="+12" />
            <source>cancelled: the partial copy is removed, nothing else changed</source>
            <translation>abgebrochen: die unvollständige Kopie wurde entfernt, sonst wurde nichts geändert</translation>
        </message>
        <message>
            <location line="+13" />
            <source>copied %1 files (%2), linked %3 unchanged (%4)</source>
            <translation>%1 Dateien kopiert (%2), %3 unveränderte verlinkt (%4)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>copied %1 files (%2)</source>
            <translation>%1 Dateien kopiert (%2)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>skipped %1 entries that are neither files, folders nor links: %2</source>
            <translation>%1 Einträge übersprungen, die weder Dateien, Ordner noch Links sind: %2</translation>
        </message>
        <message>
            <location line="+3" />
            <source>warning: the build folder has no %1; the health check looks for it</source>
            <translation>Warnung: der Build-Ordner enthält kein %1; die Zustandsprüfung sucht danach</translation>
        </message>
        <message>
            <location line="+43" />
            <source>preview of %1 → previews/%2</source>
            <translation>Vorschau von %1 → previews/%2</translation>
        </message>
        <message>
            <location line="+5" />
            <source>cannot rename %1 to %2</source>
            <translation>%1 kann nicht in %2 umbenannt werden</translation>
        </message>
        <message>
            <location line="+5" />
            <source>current → releases/%1</source>
            <translation>current → releases/%1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>live at %1</source>
            <translation>live unter %1</translation>
        </message>
        <message>
            <location line="+4" />
            <source>warning: %1</source>
            <translation>Warnung: %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>removed %1 old releases (keeping %2): %3</source>
            <translation>%1 alte Releases entfernt (%2 werden aufbewahrt): %3</translation>
        </message>
    </context>
</TS>
