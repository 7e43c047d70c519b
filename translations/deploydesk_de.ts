<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
    <context>
        <name>DeployDesk</name>
        <message>
            <location filename="../../work/main/app/cli/main.cpp" line="+78" />
            <source>"%1" is not a run id; run ids are positive numbers as listed by "deploydeskctl history"</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+13" />
            <location line="+27" />
            <source>usage: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+63" />
            <source>DeployDesk on the command line: run, follow and inspect deployment pipelines.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+8" />
            <source>The workspace folder (default: the current folder).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>The command to run.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../work/main/app/gui/main.cpp" line="+88" />
            <source>DeployDesk control panel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>The workspace folder to open.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../work/main/core/config/pipelineloader.cpp" line="+32" />
            <source>stage "%1" is defined twice (first at line %2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>environment "%1" is defined twice (first at line %2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+11" />
            <source>the file is too large (%1 bytes); a pipeline file may be at most %2 bytes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../work/main/core/engine/processrunner.cpp" line="+53" />
            <source>unknown signal</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+9" />
            <source>exit code %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>killed by signal %1 (%2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>failed to start: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>timed out</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+135" />
            <source>%1 (running "%2" in "%3")</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+27" />
            <source>timed out after %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../work/main/core/run/artifactstore.cpp" line="+25" />
            <location line="+10" />
            <source>cannot read %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="-6" />
            <location line="+11" />
            <source>cannot write %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../work/main/core/run/runreport.cpp" line="+108" />
            <source>Field</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Value</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+93" />
            <source>Log of failed stage "%1" (last %2 of %3 lines)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>Log of failed stage "%1"</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>(no output)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+35" />
            <source>Run %1 of %2: %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <location line="+20" />
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="-19" />
            <source>Pipeline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Workspace</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Environment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Branch</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Commit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Triggered by</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <location line="+27" />
            <source>Message</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="-26" />
            <source>Started</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Finished</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <location line="+10" />
            <source>Duration</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="-7" />
            <source>Re-run of</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>run %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Selected stages</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Stages</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <location line="+14" />
            <location line="+7" />
            <source>Stage</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="-21" />
            <source>Attempts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Exit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>No stages were recorded.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <location line="+4" />
            <source>reused from stage %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <location line="+5" />
            <source>signal %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>Events</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Kind</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Who</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>No events were recorded.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>Artifacts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Path</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Size (bytes)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>SHA-256</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>No artifacts were kept.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../work/main/core/store/historystore.cpp" line="+57" />
            <source>history database %1: there is no %2 with id %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+25" />
            <source>cannot create the data directory %1; check its parent's permissions or set DEPLOYDESK_DATA_DIR</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../work/main/core/store/logblock.cpp" line="+54" />
            <source>a stored log block is damaged at byte %1: %2; the history database may be corrupt</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../work/main/core/store/logreader.cpp" line="+37" />
            <source>history database %1: the log block of stage %2 starting at line %3 is damaged; the database may be corrupt (check it with `sqlite3 %1 'PRAGMA integrity_check'`)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../work/main/core/store/logsearch.cpp" line="+31" />
            <source>log search: expected some text to look for, got an empty string</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+21" />
            <source>searching logs for "%1"</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../work/main/core/store/logwriter.cpp" line="+185" />
            <source>writing log lines</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+46" />
            <source>preparing the log writer</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location line="+60" />
            <source>%n log line(s) could not be stored</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../../work/main/core/store/schema.cpp" line="+113" />
            <source>history database %1 has schema version %2, newer than this DeployDesk understands (%3); upgrade DeployDesk</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+24" />
            <source>reading the schema</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>history database %1 cannot be read as SQLite (%2); move the file away or restore it from a backup</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+20" />
            <source>migrating to schema version %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../work/main/core/store/sqlutil.cpp" line="+19" />
            <source>history database %1: %2 failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+15" />
            <source>opening</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+24" />
            <source>history database %1: expected journal mode "wal", SQLite kept "%2"; check that the directory is on a local file system that supports shared memory</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../work/main/ui/common/statusstyle.cpp" line="+180" />
            <source>Pending</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <location line="+21" />
            <source>Running</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="-19" />
            <location line="+21" />
            <source>Success</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="-19" />
            <location line="+21" />
            <source>Failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="-19" />
            <source>Skipped</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <location line="+19" />
            <source>Cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="-17" />
            <location line="+19" />
            <source>Interrupted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="-10" />
            <source>Queued</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../work/main/ui/pipeline/stagenodepainter.cpp" line="+132" />
            <location line="+9" />
            <source>%1 s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../work/main/ui/settings/secretworker.cpp" line="+84" />
            <location line="+17" />
            <source>no secret store</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../work/main/core/run/artifactstore.cpp" line="+43" />
            <source>artifact "%1" was not found in %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+42" />
            <source>the kept copy of artifact "%1" is missing: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../work/main/app/cli/exportcommand.cpp" line="+21" />
            <source>md (Markdown, the default) or html; by default taken from the extension of -o.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>Write the report to this file instead of stdout.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+11" />
            <source>--format must be md or html; found "%1"</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+24" />
            <source>cannot write the report of run %1 to %2: %3; check that the folder exists and is writable</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+6" />
            <source>wrote the report of run %1 to %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../work/main/app/cli/historycommand.cpp" line="+27" />
            <source>Only runs for this environment.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Only runs with this status (success, failed, cancelled, interrupted, running).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Only runs of this branch.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Only runs triggered by this user.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Only runs started since: a date (2026-11-01), a date and time, or an age (30m, 12h, 7d).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>Only runs whose logs contain this text.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>At most this many runs (default 20).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Only runs older than this run id (paging).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Print JSON instead of a table.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+107" />
            <source>--status must be one of queued, running, success, failed, cancelled, interrupted; found "%1"</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+12" />
            <source>--since needs a date (2026-11-01), a date and time (2026-11-01T08:00) or an age (30m, 12h, 7d); found "%1"</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+9" />
            <source>--limit needs a whole number of at least 1; found "%1"</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+27" />
            <source>no runs match</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>RUN</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <location line="+73" />
            <source>STATUS</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="-73" />
            <source>ENV</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>BRANCH</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>COMMIT</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>WHO</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>STARTED</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <location line="+72" />
            <source>DURATION</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="-72" />
            <source>MESSAGE</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+27" />
            <source>cannot read run %1 from the history</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+28" />
            <source>run %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>  pipeline     %1 (%2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>  environment  %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>  triggered by %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>  message      %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>  commit       %1 (%2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>detached</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>  started      %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>  finished     %1 (%2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>  re-run of    run %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>STAGE</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>ATTEMPTS</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>EXIT</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>NOTE</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+8" />
            <source>artifacts:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+8" />
            <source>events:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+15" />
            <source>run %1 is not running: it ended as %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>run %1 has no live runner; it is marked interrupted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+8" />
            <source>cancel requested by %1 from deploydeskctl (pid %2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>cannot signal the runner of run %1 (pid %2): %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+6" />
            <source>cancel requested for run %1 (runner pid %2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../work/main/app/cli/logscommand.cpp" line="+20" />
            <source>Keep printing new lines until the run ends.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Start each line with its time.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Colours: auto (on a terminal), always or never.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+22" />
            <source>--color must be auto, always or never; found "%1"</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+22" />
            <source>run %1 has no stage "%2"; its stages: %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../work/main/app/cli/runcommand.cpp" line="+28" />
            <source>The environment to run for.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Run only this stage and what it needs (repeatable).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Re-run only the failed and skipped stages of this run.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Why this run: kept in the history.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Approve the deploy to a protected environment (recorded in the history with -m).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>At most this many stages at once.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+12" />
            <source>1 problem; nothing was run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>%1 problems; nothing was run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+131" />
            <source>--- last %1 lines of %2 (all: deploydeskctl logs %3 %2) ---</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+22" />
            <source>deploydesk.yml is valid: pipeline "%1", %2 stages, %3 environments</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+27" />
            <source>--max-parallel needs a whole number of at least 1; found "%1"</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+16" />
            <source>Environment %1 is protected: stages %2 deploy to it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Type the environment's name to approve, anything else to cancel:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>not approved: nothing was run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+10" />
            <source>not approved: run without --approve and not on a terminal; run again with --approve -m REASON</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>environment %1 is protected; stages %2 were not started: %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+8" />
            <source>interrupted from the terminal (Ctrl+C)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>cancel requested (signal %1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+9" />
            <source>run %1 %2 in %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+11" />
            <source>run %1 of "%2"%3 started</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source> for %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../work/main/app/cli/secretscommand.cpp" line="+28" />
            <source>value of %1 (not shown): </source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+43" />
            <source>no secrets are known; set one with "deploydeskctl secrets set NAME"</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+7" />
            <source>set (keychain)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>set (environment)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>NOT SET</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+6" />
            <source>used by %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+8" />
            <source>"%1" is not a valid secret name: use letters, digits and _, not starting with a digit (it becomes an environment variable)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+8" />
            <source>no value given for %1; nothing was changed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+7" />
            <source>%1 saved in the keychain</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+7" />
            <source>%1 removed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>usage: deploydeskctl secrets set NAME   (the value is read from the terminal or stdin)
       deploydeskctl secrets list
       deploydeskctl secrets rm NAME</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../work/main/app/cli/runcommand.cpp" line="-171" />
            <location line="+24" />
            <source> (attempt %1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="-19" />
            <source> in %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../work/main/core/config/pipelineloader.cpp" line="+19" />
            <source>the file is empty; expected a map with "name" and "stages"</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>the file must be a map with "name" and "stages" at the top level; found %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>at the top level</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>"%1"</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+7" />
            <source>a whole number from 1 to 1024 (or 0 for the number of CPUs)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+15" />
            <source>missing required key "name"; add e.g. "name: my-pipeline" at the top level</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>missing required key "stages"; add "stages:" with at least one stage</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+20" />
            <source>"environments" must be a map of environment name: settings; found %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+6" />
            <source>in "environments"</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+6" />
            <source>environment name "%1" may only contain lowercase letters, digits, "_" and "-"; rename it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+7" />
            <source>environment "%1" must be a map (use {} for no settings); found %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+10" />
            <source>in environment "%1"</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>"%1" of environment "%2"</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+17" />
            <source>"stages" must define at least one stage; found %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <location line="+14" />
            <source>nothing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>an empty map</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>"stages" must be a map of stage name: settings; found %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+7" />
            <source>in "stages"</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../work/main/core/config/crosschecks.cpp" line="+116" />
            <source>stage "%1" needs itself; remove "%1" from its "needs"</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>stage "%1" needs "%2", which is not defined%3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+49" />
            <source>dependency cycle: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+12" />
            <source>the dependencies hold more cycles than can be listed; break the ones above first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+18" />
            <source>; this file defines no environments (add them under "environments")</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>; defined: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>"if" of stage "%1" names environment "%2", which is not defined%3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+13" />
            <source>this file defines no environments</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>defined: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>environment "%1" is not defined; %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+17" />
            <source>stage "%1" needs secret "%2", which is not set; set it with "deploydeskctl secrets set %2" or export %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../work/main/core/config/suggest.cpp" line="+69" />
            <source>; did you mean "%1"?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../work/main/core/config/yamlsupport.cpp" line="+59" />
            <source>a map</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>a list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>key "%1" is defined twice %2 (first at line %3)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+15" />
            <source>keys %1 must be names; found %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+21" />
            <source>; allowed keys: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>unknown key "%1" %2%3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+8" />
            <source>a string</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>a non-empty string</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <location line="+23" />
            <source>%1 must be %2; found %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="-13" />
            <source>%1 must be true or false; found %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+26" />
            <source>%1 must be a duration such as 90s, 10m or 1h; found %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+10" />
            <source>%1 must be a list of names or a single name; found %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+9" />
            <source>items of %1 must be non-empty strings; found %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+24" />
            <source>%1 must be a map of NAME: value; found %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <location line="+24" />
            <location line="+5" />
            <source>in %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>variable name "%1" %2 must start with a letter or "_" and contain only letters, digits and "_"</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+7" />
            <source> (write "" for an empty value)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>value of "%1" %2 must be a string, number or boolean; found %3%4</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../work/main/core/secrets/secretindex.cpp" line="+78" />
            <source>cannot create the folder %1 for the secret index: check that it is writable</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+12" />
            <location line="+8" />
            <source>cannot write the secret index %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../work/main/core/config/stagereader.cpp" line="+49" />
            <source>"%1" of stage "%2"</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+12" />
            <source>stage name "%1" may only contain letters, digits, ".", "_" and "-"; rename the stage</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+6" />
            <source>stage "%1" must be a map with "run" or "uses"; found %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>in stage "%1"</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+20" />
            <source>stage "%1" has neither "run" nor "uses"; add "run:" with a shell command or "uses:" with a built-in stage type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+7" />
            <source>stage "%1" has both "run" and "uses"; keep only one</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>"with" of stage "%1" is only allowed together with "uses"; remove it or add "uses:"</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+56" />
            <source>unknown stage type "%1" in stage "%2"; known types: %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>unknown stage type "%1" in stage "%2"; did you mean "%3"? (known types: %4)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+11" />
            <source>%1 must be a map of parameters; found %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="-19" />
            <source>parameter "%1" %2 is too large or too deeply nested, or uses a list or map as a key; simplify it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+12" />
            <source>a whole number from 0 to %1, or a map such as { count: 2, backoff: 5s }</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+10" />
            <source>"%1" %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>a whole number from 0 to %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+11" />
            <source>%1 is missing "count"; write e.g. { count: 2, backoff: 5s }</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+16" />
            <source>%1 must be "environment == NAME", "environment != NAME" or "environment in [A, B]"; found %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+12" />
            <source>%1 must be a path relative to the workspace; found the absolute path "%2"</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+6" />
            <source>%1 must stay inside the workspace; found "%2", which contains ".."</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+13" />
            <source>workdir "%1" of stage "%2" does not exist in %3; create the directory or fix the path</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+6" />
            <source>workdir "%1" of stage "%2" is a file; expected a directory</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+9" />
            <source>workdir "%1" of stage "%2" leads outside the workspace (to %3); use a directory inside it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+14" />
            <source>artifact path "%1" of stage "%2" must be relative to the stage's workdir; found an absolute path</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>artifact path "%1" of stage "%2" must stay inside the workspace; remove the ".."</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+18" />
            <source>secret name "%1" of stage "%2" must start with a letter or "_" and contain only letters, digits and "_"</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../work/main/core/store/logreader.cpp" line="+56" />
            <source>counting the log lines of stage %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+16" />
            <source>reading line %1 of stage %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+12" />
            <source>history database %1: stage %2 has no log line %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+22" />
            <source>reading the log of stage %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../work/main/core/config/pipelineloader.cpp" line="+29" />
            <source>cannot read "%1": it is a directory; name the deploydesk.yml file inside it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+6" />
            <location line="+7" />
            <source>cannot read "%1": %2; check that the file exists and is readable</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+32" />
            <source>YAML syntax error: the file is nested too deeply (more than %1 levels)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <location line="+2" />
            <source>YAML syntax error: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>cannot parse the file: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+11" />
            <source>the file holds more than one YAML document; keep only the first (remove this "---" and what follows)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+8" />
            <location line="+5" />
            <source>internal error while reading the file: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../work/main/ui/logview/logscan.cpp" line="+81" />
            <source>the log of stage %1 ends before line %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+188" />
            <source>cannot write the log to %1: %2; choose a folder you can write to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+58" />
            <source>cannot write the log to %1: %2; the file was left as it was</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DeployDesk::HealthCheckStage</name>
        <message>
            <location filename="../../work/main/core/engine/healthcheckstage.cpp" line="+31" />
            <source>health-check needs a valid "url" in "with" (or an environment url); found "%1"</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+9" />
            <source>"expect-status" must be an HTTP status such as 200; found "%1"</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+11" />
            <source>"%1" must be a duration such as 10s; found "%2"</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+26" />
            <source>GET %1 answered %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>answered %1, expected %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>GET %1 (try %2): %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>health check of %1 failed: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+9" />
            <source>cancelled</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DeployDesk::HistoryStore</name>
        <message>
            <location filename="../../work/main/core/store/historyreads.cpp" line="+75" />
            <source>reading run %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+8" />
            <source>history database %1: there is no run with id %2; list runs with `deploydeskctl history`</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+11" />
            <source>listing runs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+14" />
            <source>unknown run status "%1"; expected one of queued, running, success, failed, cancelled, interrupted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+97" />
            <source>reading the stages of run %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+30" />
            <source>reading the events of run %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+18" />
            <source>reading the artifacts of run %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+28" />
            <source>reading the log of stage %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+25" />
            <source>counting the log lines of stage %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../work/main/core/store/historystore.cpp" line="+23" />
            <source>history database %1 has schema version %2, newer than this DeployDesk understands (%3); upgrade DeployDesk</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+29" />
            <source>looking for interrupted runs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+54" />
            <source>DeployDesk stopped while this run was in progress (runner pid %1 is gone)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+18" />
            <source>recording a new run of pipeline "%1"</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+16" />
            <source>finishing run %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+12" />
            <source>run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+7" />
            <source>recording stage "%1" of run %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+15" />
            <source>updating stage %1 ("%2")</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+24" />
            <source>stage</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+7" />
            <source>recording a "%1" event of run %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+10" />
            <source>recording artifact %1 of run %2</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DeployDesk::ProcessRunner</name>
        <message>
            <location filename="../../work/main/core/engine/processrunner.cpp" line="+78" />
            <source>another command is still running in this runner; wait for done() or cancel() it before starting "%1"</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+18" />
            <source>the working directory "%1" does not exist or is not a directory; create it or fix the stage's workdir</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DeployDesk::RunController</name>
        <message>
            <location filename="../../work/main/core/run/runcontroller.cpp" line="+71" />
            <source>a run is already in progress</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>stage "%1" is not defined in %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>environment "%1" is not defined in %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+12" />
            <source>run %1 belongs to workspace %2, not %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+6" />
            <source>run %1 is still running; wait for it or cancel it first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+27" />
            <source>run %1 has no failed or skipped stages to re-run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+97" />
            <source>deploy to protected environment %1 waits for approval (stages: %2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>run started by %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>run started by %1 for environment %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source> (re-run of the failed stages of run %1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+9" />
            <location line="+36" />
            <source>deploy to %1 approved by %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="-35" />
            <location line="+36" />
            <source>deploy to %1 approved by %2: %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="-23" />
            <source>cancel requested</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+33" />
            <source>deploy to %1 refused by %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>deploy to %1 refused by %2: %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+32" />
            <source>stage %1 started</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+9" />
            <source>attempt %1 of stage %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+21" />
            <source>stage %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>stage %1: %2 (%3)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+26" />
            <source>run %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DeployDesk::RunJob</name>
        <message>
            <location filename="../../work/main/core/engine/runjob.cpp" line="+107" />
            <source>reused from the earlier run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+34" />
            <source>needs "%1", which did not succeed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+8" />
            <source>condition "%1" is false for environment "%2"</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+111" />
            <source>cancelled before it started</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+22" />
            <source>one or more stages failed</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DeployDesk::SecretStore</name>
        <message>
            <location filename="../../work/main/core/secrets/secretstore.cpp" line="+96" />
            <source>the keychain is turned off (DEPLOYDESK_NO_KEYCHAIN=1 or --no-keychain)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>no keychain is reachable (no Secret Service or KWallet on the session D-Bus)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>cannot %1 secret "%2": %3; export %2 in the environment instead (the usual way on CI and over SSH)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+13" />
            <source>cannot %1 secret "%2": the keychain did not answer within %3 s; check that it is unlocked, or export %2 in the environment instead</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+8" />
            <source>cannot %1 secret "%2": the keychain refused access (%3); unlock it and try again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+10" />
            <source>cannot %1 secret "%2": the keychain reported "%3"</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+33" />
            <source>"%1" is not a valid secret name: expected letters, digits and underscores, not starting with a digit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+8" />
            <source>read</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>secret "%1" is not set: set it with "deploydeskctl secrets set %1" or export %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+16" />
            <source>cannot store secret "%1": a name needs letters, digits and underscores, not starting with a digit (it becomes an environment variable), e.g. DEPLOY_TOKEN</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+6" />
            <location line="+7" />
            <source>store</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+9" />
            <source>cannot remove secret "%1": a name needs letters, digits and underscores, not starting with a digit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <location line="+18" />
            <location line="+6" />
            <source>remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="-13" />
            <source>cannot remove secret "%1": it is not in the keychain; "deploydeskctl secrets list" shows the stored names</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DeployDesk::StageJob</name>
        <message>
            <location filename="../../work/main/core/engine/stagejob.cpp" line="+23" />
            <location line="+3" />
            <source>timed out after %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+25" />
            <source>attempt %1 of %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>unknown stage type "%1"</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+43" />
            <location line="+16" />
            <location line="+12" />
            <source>cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="-23" />
            <source>%1; retrying in %2</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::ApprovalDialog</name>
        <message>
            <location filename="../../work/main/ui/approvaldialog.cpp" line="+19" />
            <source>Approve deploy to %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; is a protected environment.&lt;/p&gt;&lt;p&gt;Run %2 is ready to start these stages, which deploy to it:&lt;br&gt;&lt;b&gt;%3&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Your decision is recorded in the history.&lt;/p&gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+12" />
            <source>Approved by</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Optional, e.g. release 1.4 after the review</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Reason</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Type the environment name to confirm</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Approved &amp;by:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Reason:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Type &lt;b&gt;%1&lt;/b&gt; to &amp;confirm:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>&amp;Approve and deploy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Re&amp;fuse</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Decide &amp;later</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::CompareDialog</name>
        <message>
            <location filename="../../work/main/ui/history/comparedialog.cpp" line="+19" />
            <source>Compare runs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>Comparison summary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Only changes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Show only the stages whose result changed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>Stages of both runs</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location line="+38" />
            <source>Run %1 (%2) against run %3 (%4): %n stage(s) changed result.</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::CompareModel</name>
        <message>
            <location filename="../../work/main/ui/history/comparemodel.cpp" line="+143" />
            <location line="+1" />
            <source>Only in run %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>The result changed from %1 to %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+14" />
            <source>not run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+18" />
            <source>Stage</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <location line="+2" />
            <source>Run %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <location line="+2" />
            <source>Duration %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Change</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::EnvironmentList</name>
        <message>
            <location filename="../../work/main/ui/environmentlist.cpp" line="+24" />
            <source>&amp;Environments</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Environments</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Deploy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+8" />
            <source>Run checks</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Deploy to %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+16" />
            <source>No environment (checks only)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+51" />
            <source>(protected)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+7" />
            <source>Waiting for approval</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Deploying now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>waiting for approval</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>Last run %1: %2, %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+6" />
            <source>Never deployed</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::FindBar</name>
        <message>
            <location filename="../../work/main/ui/logview/findbar.cpp" line="+16" />
            <location line="+6" />
            <source>Find in log</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="-3" />
            <source>F&amp;ind:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Text to find</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>Re&amp;gex</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Regular expression</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Match c&amp;ase</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Match case</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Previous match (Shift+F3)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Previous match</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Next match (F3)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Next match</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Matches</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>Close (Esc)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Close find bar</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+61" />
            <source>No matches</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>%1 of %2 matches</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>%1 matches</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::HistoryBrowser</name>
        <message>
            <location filename="../../work/main/ui/history/historybrowser.cpp" line="+37" />
            <source>Runs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+26" />
            <source>History status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+36" />
            <source>&amp;Compare selected runs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Export report...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Re-run failed stages</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>C&amp;lear filters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Open logs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+41" />
            <location line="+8" />
            <source>Loading...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+30" />
            <source>No runs match these filters.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+69" />
            <source>Select exactly two runs to compare (Ctrl+click the second one).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+15" />
            <source>the history is not open</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+7" />
            <source>cannot write the report of run %1 to %2: %3; choose a folder you can write to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+13" />
            <source>Markdown (*.md)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>HTML (*.html)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Export the report of run %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+11" />
            <source>Export report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Wrote the report of run %1 to %2</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::HistoryFilterBar</name>
        <message>
            <location filename="../../work/main/ui/history/historyfilterbar.cpp" line="+23" />
            <source>any</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>%1; the lowest date means any</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+14" />
            <source>Environment filter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Any environment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Status filter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Any status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+13" />
            <source>Branch</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Branch filter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Who</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Triggered-by filter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Text in logs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Log text filter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Started from</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Started until</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>C&amp;lear</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Clear filters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+8" />
            <source>&amp;From</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>&amp;To</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::HistoryModel</name>
        <message>
            <location filename="../../work/main/ui/historymodel.cpp" line="+89" />
            <source>the history cannot be opened</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+130" />
            <source>Run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Environment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Branch</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Commit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Who</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Started</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Duration</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Message</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::Internal::RunWorker</name>
        <message>
            <location filename="../../work/main/ui/runservice.cpp" line="+47" />
            <source>DeployDesk was closed</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location line="+20" />
            <source>deploydesk.yml has %n problem(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::LogModel</name>
        <message>
            <location filename="../../work/main/ui/logview/logmodel.cpp" line="+413" />
            <source>(line %1 could not be read: %2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+83" />
            <source>Line</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Stage</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Text</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::LogView</name>
        <message>
            <location filename="../../work/main/ui/logview/logview.cpp" line="+26" />
            <source>Log</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>The stage output; arrows move, Shift selects, Left and Right collapse and expand groups</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::LogViewer</name>
        <message>
            <location filename="../../work/main/ui/logview/logviewer.cpp" line="+58" />
            <source>Log viewer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>Stage</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Stage:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Log status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Saving progress</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+18" />
            <source>No log lines yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+30" />
            <source>Ordering the lines of all stages by time…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+23" />
            <source>&amp;Find…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Find &amp;Next</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Find &amp;Previous</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>First &amp;Error</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Copy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Save Log…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Wrap</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Timestamps</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>F&amp;ollow</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+9" />
            <source>Save Log</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Text files (*.txt *.log)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+54" />
            <source>All stages</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+30" />
            <source>Invalid regular expression: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+88" />
            <source>Looking for the first error…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+9" />
            <source>No error lines: none on stderr mentions error, fail, fatal, exception or traceback, and none says error, FAILED or Traceback</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+19" />
            <source>Copied the last %1 selected lines; use Save Log for the whole log</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+25" />
            <source>Saved %1 lines to %2</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::MainWindow</name>
        <message>
            <location filename="../../work/main/ui/mainwindow.cpp" line="+79" />
            <source>Environments</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+21" />
            <source>Stage graph</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Problems in deploydesk.yml</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+26" />
            <location line="+85" />
            <source>&amp;Pipeline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="-84" />
            <location line="+84" />
            <location line="+31" />
            <source>&amp;Logs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="-114" />
            <location line="+83" />
            <source>&amp;History</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="-44" />
            <source>&amp;Open Workspace…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>Open a workspace (a folder with deploydesk.yml)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>&amp;Reload Pipeline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Settings…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Ctrl+,</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>&amp;Run Pipeline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Ctrl+R</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Run the pipeline's checks, with no environment (Ctrl+R)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Deploy to Selected Environment…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Ctrl+Shift+D</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>&amp;Cancel Run…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Ctrl+Shift+X</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Re-run &amp;Failed Stages</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Ctrl+Shift+F</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Review &amp;Approval…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Ctrl+Shift+A</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+14" />
            <source>&amp;File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Open &amp;Recent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+8" />
            <source>&amp;Run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Deploy &amp;To</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+6" />
            <source>&amp;View</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>Hi&amp;story</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+8" />
            <source>&amp;Help</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>&amp;About DeployDesk</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>About DeployDesk</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>&lt;p&gt;&lt;b&gt;DeployDesk %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;A control panel for the CI/CD and deployments of a documentation site with a RAG backend.&lt;/p&gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>Run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+8" />
            <source>Show DeployDesk</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+24" />
            <source>No recent workspaces</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+24" />
            <source>A run is in progress</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Run %1 is still running in %2. Wait for it to end or cancel it, then open another workspace.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+7" />
            <source>Not a workspace</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>%1 has no deploydesk.yml. Choose the folder that holds your pipeline's deploydesk.yml.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+7" />
            <source>%1 — DeployDesk</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+9" />
            <source>Loading %1…</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location line="+17" />
            <source>&lt;b&gt;%1&lt;/b&gt; — %n stage(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>&lt;b&gt;deploydesk.yml has %n problem(s)&lt;/b&gt;: fix them and reload (F5)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <location line="+12" />
            <source>%1 (protected)…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>%1…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+67" />
            <source>Deploy to %1? It is protected: the deploy stages (%2) will wait for approval after the checks.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Deploy to %1%2?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Deploy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>&amp;Deploy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+27" />
            <source>Starting…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+8" />
            <source>Cannot run: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Cannot run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+44" />
            <source>Approval needed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Run %1 waits for approval to deploy to %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+27" />
            <source>Approved by %1; deploying…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+17" />
            <source>Cancel run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Cancel run %1? Running stages are stopped; the run is recorded as cancelled.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Cancel &amp;Run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>cancelled from the panel by %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Cancelling run %1…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+16" />
            <source>Run %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>%1 finished in %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>%1 for %2 finished in %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+28" />
            <source>Stage %1 has no log yet: run the pipeline first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+42" />
            <source>Run %1 waits for approval to deploy to %2 (Ctrl+Shift+A)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Run %1 running%2 — %3 of %4 stages done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source> for %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>%1 running, %2 waiting</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Last run %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>Open a workspace (Ctrl+O)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Ready: no runs yet. Run the pipeline with Ctrl+R.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+20" />
            <source>Quit DeployDesk</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Run %1 is still running. Quitting cancels it (its logs and history are kept).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Cancel Run and &amp;Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>DeployDesk was closed by %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::RunDetailsPane</name>
        <message>
            <location filename="../../work/main/ui/history/rundetailspane.cpp" line="+49" />
            <source>Run summary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <location line="+2" />
            <source>Stage</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="-2" />
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Attempts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Duration</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Reason</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Reused</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Stages of the run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Kind</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Message</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Who</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Events of the run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Path</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>SHA-256</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Artifacts of the run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Run details</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Stages</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>E&amp;vents</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Artifacts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+11" />
            <location line="+45" />
            <source>Select a run to see its stages, events and artifacts.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="-19" />
            <source>Run %1 of %2: %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>none</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Environment: %1    Branch: %2    Commit: %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>Triggered by: %1    Started: %2    Duration: %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>still running</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Message: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Re-run of run %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+30" />
            <source>reused from stage %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+30" />
            <source>&amp;Stages (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>E&amp;vents (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Artifacts (%1)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::SettingsDialog</name>
        <message>
            <location filename="../../work/main/ui/settings/settingsdialog.cpp" line="+51" />
            <source>DeployDesk Settings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Settings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+16" />
            <source>Settings pages</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Secrets</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>&amp;General</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+38" />
            <source>Secrets the stages of this pipeline use. Values are kept in the system keychain and are never shown again; a secret can also come from an environment variable of the same name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+8" />
            <source>Secrets</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>State</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Used by</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+21" />
            <source>This pipeline uses no secrets (a stage lists the ones it needs under "secrets:").</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+7" />
            <location line="+163" />
            <source>S&amp;et…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="-161" />
            <source>&amp;Remove…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Re&amp;fresh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+10" />
            <source>Secret status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+26" />
            <source>Automatic (%1, one per CPU)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Maximum parallel stages</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>How many stages may run at the same time; 0 means one per CPU.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>Appearance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Follow the system</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Light</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Dark</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Maximum &amp;parallel stages:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Appearance:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+64" />
            <source>Checking…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Set (keychain)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Stored in the system keychain.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Set (environment variable)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Comes from the environment variable %1 of the shell that started DeployDesk; a value set here in the keychain takes precedence.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>Not set</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Stages that need it fail until it is set here or exported as %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Saving…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Removing…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+23" />
            <source>R&amp;eplace…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>%1 comes from the environment: unset it in the shell that starts DeployDesk.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+14" />
            <source>Replace Secret</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Set Secret</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>New value of %1 (it is stored in the keychain and never shown again):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>Secret value</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+7" />
            <source>%1 was not changed: expected a value, got an empty one. To delete it, use Remove.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+17" />
            <source>Remove Secret</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Remove %1 from the keychain?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>This cannot be undone: the value is deleted, and %1 fail until %2 is set again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>&amp;Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+36" />
            <source>%1 was removed from the keychain.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>%1 was saved in the keychain.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::StageGraphView</name>
        <message>
            <location filename="../../work/main/ui/pipeline/stagegraphview.cpp" line="+51" />
            <source>Stage graph</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+9" />
            <source>Zoom &amp;In</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Zoom &amp;Out</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Fit Graph</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+86" />
            <source>skipped without an environment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>skipped for %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>reused</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+12" />
            <source>attempt %1/%2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+106" />
            <source>This pipeline has no stages</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+158" />
            <source>%1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+33" />
            <source>run:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>uses:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>needs:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>if:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>reason:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Click or press Enter to open its log</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::TrayIcon</name>
        <message>
            <location filename="../../work/main/ui/trayicon.cpp" line="+39" />
            <source>DeployDesk</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>DeployDesk — %1</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
