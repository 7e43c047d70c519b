<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
    <context>
        <name>DeployDesk</name>
        <message numerus="yes">
            <location filename="../app/cli/runcommand.cpp" line="+249" />
            <source>%n environment(s)</source>
            <translation>
                <numerusform>%n environment</numerusform>
                <numerusform>%n environments</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+132" />
            <source>run %1 %2 in %3, with %n allowed failure(s) (continue-on-error): %4</source>
            <translation>
                <numerusform>run %1 %2 in %3, with %n allowed failure (continue-on-error): %4</numerusform>
                <numerusform>run %1 %2 in %3, with %n allowed failures (continue-on-error): %4</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+27" />
            <source>run %1's record is incomplete: %n change(s) could not be recorded in the history when they happened; the first: %2</source>
            <translation>
                <numerusform>run %1's record is incomplete: %n change could not be recorded in the history when they happened; the first: %2</numerusform>
                <numerusform>run %1's record is incomplete: %n changes could not be recorded in the history when they happened; the first: %2</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../core/run/gitinfo.cpp" line="+112" />
            <source>… and %n more</source>
            <translation>
                <numerusform>… and %n more</numerusform>
                <numerusform>… and %n more</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../core/store/logmarker.cpp" line="+29" />
            <source>[deploydesk] %n log line(s) could not be recorded here: %1</source>
            <translation>
                <numerusform>[deploydesk] %n log line could not be recorded here: %1</numerusform>
                <numerusform>[deploydesk] %n log lines could not be recorded here: %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../core/store/logwriter.cpp" line="+493" />
            <source>%n log line(s) could not be stored</source>
            <translation>
                <numerusform>%n log line could not be stored</numerusform>
                <numerusform>%n log lines could not be stored</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../core/store/eventtext.cpp" line="+157" />
            <source>%n change(s) of this run could not be recorded when they happened; the first: %1</source>
            <translation>
                <numerusform>%n change of this run could not be recorded when they happened; the first: %1</numerusform>
                <numerusform>%n changes of this run could not be recorded when they happened; the first: %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../core/store/historyprunedisk.cpp" line="+303" />
            <source>the file was not rebuilt (--vacuum): %n run(s) are running or queued, and every write would wait for the rebuild; run prune --vacuum again when they have ended</source>
            <translation>
                <numerusform>the file was not rebuilt (--vacuum): %n run are running or queued, and every write would wait for the rebuild; run prune --vacuum again when they have ended</numerusform>
                <numerusform>the file was not rebuilt (--vacuum): %n runs are running or queued, and every write would wait for the rebuild; run prune --vacuum again when they have ended</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../app/cli/prunecommand.cpp" line="+135" />
            <source>%n run(s)</source>
            <translation>
                <numerusform>%n run</numerusform>
                <numerusform>%n runs</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <location filename="../app/cli/runcommand.cpp" line="-161" />
            <source>%n stage(s)</source>
            <translation>
                <numerusform>%n stage</numerusform>
                <numerusform>%n stages</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <source>%n log line(s) (%1 of logs)</source>
            <translation>
                <numerusform>%n log line (%1 of logs)</numerusform>
                <numerusform>%n log lines (%1 of logs)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n artifact copy(ies) (%1)</source>
            <translation type="vanished">
                <numerusform>%n artifact copy (%1)</numerusform>
                <numerusform>%n artifact copies (%1)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+3" />
            <source>%n artifact copy(ies) (%1 freed on disk)</source>
            <translation>
                <numerusform>%n artifact copy (%1 freed on disk)</numerusform>
                <numerusform>%n artifact copies (%1 freed on disk)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+7" />
            <source>removed the job folders of %n local workflow run(s)</source>
            <translation>
                <numerusform>removed the job folders of %n local workflow run</numerusform>
                <numerusform>removed the job folders of %n local workflow runs</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+4" />
            <source>kept %n run(s) that are queued or running</source>
            <translation>
                <numerusform>kept %n run that are queued or running</numerusform>
                <numerusform>kept %n runs that are queued or running</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+4" />
            <source>kept %n run(s) that made a release (a release is pinned until you unpin it: deploydeskctl releases unpin RELEASE)</source>
            <translation>
                <numerusform>kept %n run that made a release (a release is pinned until you unpin it: deploydeskctl releases unpin RELEASE)</numerusform>
                <numerusform>kept %n runs that made a release (a release is pinned until you unpin it: deploydeskctl releases unpin RELEASE)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+6" />
            <source>kept %n run(s) whose logs are damaged; see deploydeskctl check</source>
            <translation>
                <numerusform>kept %n run whose logs are damaged; see deploydeskctl check</numerusform>
                <numerusform>kept %n runs whose logs are damaged; see deploydeskctl check</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+42" />
            <source>compressed %n log block(s): %1 → %2</source>
            <translation>
                <numerusform>compressed %n log block: %1 → %2</numerusform>
                <numerusform>compressed %n log blocks: %1 → %2</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+25" />
            <source>wrote %1: %n run(s), %2 (schema version %3); restore it with: deploydeskctl restore %1</source>
            <translation>
                <numerusform>wrote %1: %n run, %2 (schema version %3); restore it with: deploydeskctl restore %1</numerusform>
                <numerusform>wrote %1: %n runs, %2 (schema version %3); restore it with: deploydeskctl restore %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+32" />
            <source>restored %n run(s) from %1 into %2</source>
            <translation>
                <numerusform>restored %n run from %1 into %2</numerusform>
                <numerusform>restored %n runs from %1 into %2</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../core/engine/stagecache.cpp" line="+130" />
            <source>%1 and %n more</source>
            <translation>
                <numerusform>%1 and %n more</numerusform>
                <numerusform>%1 and %n more</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+284" />
            <source>cache restore cancelled after %n file(s)</source>
            <translation>
                <numerusform>cache restore cancelled after %n file</numerusform>
                <numerusform>cache restore cancelled after %n files</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+54" />
            <source>cache hit: key %1, saved by run %2 (stage "%3"); restored %n file(s) (%4) into %5</source>
            <translation>
                <numerusform>cache hit: key %1, saved by run %2 (stage "%3"); restored %n file (%4) into %5</numerusform>
                <numerusform>cache hit: key %1, saved by run %2 (stage "%3"); restored %n files (%4) into %5</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+92" />
            <source>cache saved: key %1, %n file(s) (%2; %3 new on disk) from %4</source>
            <translation>
                <numerusform>cache saved: key %1, %n file (%2; %3 new on disk) from %4</numerusform>
                <numerusform>cache saved: key %1, %n files (%2; %3 new on disk) from %4</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+30" />
            <source>evicted %n least recently used cache entr(y/ies) (%1 of files; %2 freed on disk) to stay under the cap of %3</source>
            <translation>
                <numerusform>evicted %n least recently used cache entr(y/ies) (%1 of files; %2 freed on disk) to stay under the cap of %3</numerusform>
                <numerusform>evicted %n least recently used cache entr(y/ies) (%1 of files; %2 freed on disk) to stay under the cap of %3</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n job(s)</source>
            <location line="+48" />
            <location line="+56" />
            <location filename="../app/cli/workflowcommand.cpp" line="+136" />
            <translation>
                <numerusform>%n job</numerusform>
                <numerusform>%n jobs</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n problem(s):</source>
            <location line="-101" />
            <translation>
                <numerusform>%n problem:</numerusform>
                <numerusform>%n problems:</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n problem(s); nothing was planned</source>
            <location line="+10" />
            <location line="+130" />
            <translation>
                <numerusform>%n problem; nothing was planned</numerusform>
                <numerusform>%n problems; nothing was planned</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n problem(s); nothing was run</source>
            <location line="+38" />
            <location line="+16" />
            <translation>
                <numerusform>%n problem; nothing was run</numerusform>
                <numerusform>%n problems; nothing was run</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n workflow(s) of %1 on GitHub:</source>
            <location filename="../app/cli/remoteworkflowcommand.cpp" line="+140" />
            <translation>
                <numerusform>%n workflow of %1 on GitHub:</numerusform>
                <numerusform>%n workflows of %1 on GitHub:</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>  %1: log stored (%n line(s))</source>
            <location line="+95" />
            <translation>
                <numerusform>  %1: log stored (%n line)</numerusform>
                <numerusform>  %1: log stored (%n lines)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 has %n problem(s); the first: %2</source>
            <location filename="../ui/workflows/workflowstart.cpp" line="+19" />
            <translation>
                <numerusform>%1 has %n problem; the first: %2</numerusform>
                <numerusform>%1 has %n problems; the first: %2</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Data::CohereEmbedJob</name>
        <message numerus="yes">
            <source>embedding %n text(s) with Cohere %1 (%2 dimensions): up to %3 per call, %4 call(s) in flight, %5</source>
            <translation type="vanished">
                <numerusform>embedding %n text with Cohere %1 (%2 dimensions): up to %3 per call, %4 call(s) in flight, %5</numerusform>
                <numerusform>embedding %n texts with Cohere %1 (%2 dimensions): up to %3 per call, %4 call(s) in flight, %5</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../core/data/embed/cohereembedjob.cpp" line="+118" />
            <source>embedding %n text(s)</source>
            <translation>
                <numerusform>embedding %n text</numerusform>
                <numerusform>embedding %n texts</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+199" />
            <source>Cohere did not embed %1 after %n attempt(s): %2</source>
            <translation>
                <numerusform>Cohere did not embed %1 after %n attempt: %2</numerusform>
                <numerusform>Cohere did not embed %1 after %n attempts: %2</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Data::ReembedJob</name>
        <message numerus="yes">
            <location filename="../core/data/reembed/reembedjob.cpp" line="+362" />
            <source>removed %n point(s) of deleted chunks</source>
            <translation>
                <numerusform>removed %n point of deleted chunks</numerusform>
                <numerusform>removed %n points of deleted chunks</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::GraphQlJob</name>
        <message numerus="yes">
            <location filename="../core/net/graphqljob.cpp" line="+96" />
            <source>and %n more errors</source>
            <translation>
                <numerusform>and %n more error</numerusform>
                <numerusform>and %n more errors</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::HistoryStore</name>
        <message numerus="yes">
            <location filename="../core/store/remotestore.cpp" line="+50" />
            <source>recording %n remote run(s)</source>
            <translation>
                <numerusform>recording %n remote run</numerusform>
                <numerusform>recording %n remote runs</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::HttpJob</name>
        <message numerus="yes">
            <location filename="../core/net/httpjob.cpp" line="+467" />
            <source>%n attempts</source>
            <translation>
                <numerusform>%n attempt</numerusform>
                <numerusform>%n attempts</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::LocalService::ServiceDeployJob</name>
        <message numerus="yes">
            <location filename="../core/deploy/localservice/servicedeployjob.cpp" line="+49" />
            <source>copied %n file(s) into %1</source>
            <translation>
                <numerusform>copied %n file into %1</numerusform>
                <numerusform>copied %n files into %1</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Railway::RailwayListJob</name>
        <message numerus="yes">
            <location filename="../core/deploy/railway/railwaylistjob.cpp" line="+68" />
            <source>listed the newest %n deployment(s); stopping there</source>
            <translation>
                <numerusform>listed the newest %n deployment; stopping there</numerusform>
                <numerusform>listed the newest %n deployments; stopping there</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::RunController</name>
        <message numerus="yes">
            <location filename="../core/run/runcontroller.cpp" line="+562" />
            <source>%n log line(s) of stage %1 could not be recorded: %2</source>
            <translation>
                <numerusform>%n log line of stage %1 could not be recorded: %2</numerusform>
                <numerusform>%n log lines of stage %1 could not be recorded: %2</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::CompareDialog</name>
        <message numerus="yes">
            <location filename="../ui/history/comparedialog.cpp" line="+67" />
            <source>Run %1 (%2) against run %3 (%4): %n stage(s) changed result.</source>
            <translation>
                <numerusform>Run %1 (%2) against run %3 (%4): %n stage changed result.</numerusform>
                <numerusform>Run %1 (%2) against run %3 (%4): %n stages changed result.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::HealthProbe</name>
        <message numerus="yes">
            <location filename="../ui/environments/healthprobe.cpp" line="+74" />
            <location line="+13" />
            <source>no answer within %n s</source>
            <translation>
                <numerusform>no answer within %n s</numerusform>
                <numerusform>no answer within %n s</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::HistoryFilterBar</name>
        <message numerus="yes">
            <location filename="../ui/history/historyfilterbar.cpp" line="+209" />
            <source>%n+ run(s)</source>
            <translation>
                <numerusform>%n+ run</numerusform>
                <numerusform>%n+ runs</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+0" />
            <source>%n run(s)</source>
            <translation>
                <numerusform>%n run</numerusform>
                <numerusform>%n runs</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>At least %n run(s) match: a log search counts no further</source>
            <translation>
                <numerusform>At least %n run match: a log search counts no further</numerusform>
                <numerusform>At least %n runs match: a log search counts no further</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <source>%n run(s) match these filters</source>
            <translation>
                <numerusform>%n run match these filters</numerusform>
                <numerusform>%n runs match these filters</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::HistoryPage</name>
        <message numerus="yes">
            <source>The history takes %1 on disk (%2 of logs, %3 free inside the file), %n run(s).</source>
            <translation type="vanished">
                <numerusform>The history takes %1 on disk (%2 of logs, %3 free inside the file), %n run.</numerusform>
                <numerusform>The history takes %1 on disk (%2 of logs, %3 free inside the file), %n runs.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Pruning now would remove %n run(s): %1 of logs, %2 of artifact copies.</source>
            <translation type="vanished">
                <numerusform>Pruning now would remove %n run: %1 of logs, %2 of artifact copies.</numerusform>
                <numerusform>Pruning now would remove %n runs: %1 of logs, %2 of artifact copies.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../ui/settings/historypage.cpp" line="+179" />
            <source>The history takes %1 on disk (%2 of logs, %3 free inside the file), %n run(s); kept artifacts take %4, each stored file once.</source>
            <translation>
                <numerusform>The history takes %1 on disk (%2 of logs, %3 free inside the file), %n run; kept artifacts take %4, each stored file once.</numerusform>
                <numerusform>The history takes %1 on disk (%2 of logs, %3 free inside the file), %n runs; kept artifacts take %4, each stored file once.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+10" />
            <source>Pruning now would remove %n run(s): %1 of logs; %2 of artifacts would be freed on disk.</source>
            <translation>
                <numerusform>Pruning now would remove %n run: %1 of logs; %2 of artifacts would be freed on disk.</numerusform>
                <numerusform>Pruning now would remove %n runs: %1 of logs; %2 of artifacts would be freed on disk.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+5" />
            <source>%n run(s) that made a release are kept.</source>
            <translation>
                <numerusform>%n run that made a release are kept.</numerusform>
                <numerusform>%n runs that made a release are kept.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::Internal::RunWorker</name>
        <message numerus="yes">
            <location filename="../ui/runservice.cpp" line="+161" />
            <source>deploydesk.yml has %n problem(s)</source>
            <translation>
                <numerusform>deploydesk.yml has %n problem</numerusform>
                <numerusform>deploydesk.yml has %n problems</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::MainWindow</name>
        <message numerus="yes">
            <location filename="../ui/mainwindow.cpp" line="+401" />
            <source>&lt;b&gt;%1&lt;/b&gt; — %n stage(s)</source>
            <translation>
                <numerusform>&lt;b&gt;%1&lt;/b&gt; — %n stage</numerusform>
                <numerusform>&lt;b&gt;%1&lt;/b&gt; — %n stages</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>&lt;b&gt;deploydesk.yml has %n problem(s)&lt;/b&gt;: fix them and reload (F5)</source>
            <translation>
                <numerusform>&lt;b&gt;deploydesk.yml has %n problem&lt;/b&gt;: fix them and reload (F5)</numerusform>
                <numerusform>&lt;b&gt;deploydesk.yml has %n problems&lt;/b&gt;: fix them and reload (F5)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+222" />
            <source>&lt;b&gt;%1&lt;/b&gt; — the GitHub Actions workflow %2 run here: %n job(s)</source>
            <translation>
                <numerusform>&lt;b&gt;%1&lt;/b&gt; — the GitHub Actions workflow %2 run here: %n job</numerusform>
                <numerusform>&lt;b&gt;%1&lt;/b&gt; — the GitHub Actions workflow %2 run here: %n jobs</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::ReleaseCompareDialog</name>
        <message numerus="yes">
            <location filename="../ui/environments/releasecomparedialog.cpp" line="+53" />
            <source>Release %1 (%2, run %3) → release %4 (%5, run %6): %n layer(s) changed.</source>
            <translation>
                <numerusform>Release %1 (%2, run %3) → release %4 (%5, run %6): %n layer changed.</numerusform>
                <numerusform>Release %1 (%2, run %3) → release %4 (%5, run %6): %n layers changed.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+106" />
            <source>%n commit(s) between them:</source>
            <translation>
                <numerusform>%n commit between them:</numerusform>
                <numerusform>%n commits between them:</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::RunDetailsPane</name>
        <message numerus="yes">
            <location filename="../ui/history/rundetailspane.cpp" line="+314" />
            <source>%n error(s)</source>
            <translation>
                <numerusform>%n error</numerusform>
                <numerusform>%n errors</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%n warning(s)</source>
            <translation>
                <numerusform>%n warning</numerusform>
                <numerusform>%n warnings</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%n notice(s)</source>
            <translation>
                <numerusform>%n notice</numerusform>
                <numerusform>%n notices</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Ui::WorkflowsView</name>
        <message numerus="yes">
            <location filename="../ui/workflows/workflowsview.cpp" line="+439" />
            <source>&lt;b&gt;%1&lt;/b&gt; — %2&lt;br&gt;on: %3 · %n job(s)</source>
            <translation>
                <numerusform>&lt;b&gt;%1&lt;/b&gt; — %2&lt;br&gt;on: %3 · %n job</numerusform>
                <numerusform>&lt;b&gt;%1&lt;/b&gt; — %2&lt;br&gt;on: %3 · %n jobs</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+51" />
            <source>%1 of %n job(s) would run on this machine for %2</source>
            <translation>
                <numerusform>%1 of %n job would run on this machine for %2</numerusform>
                <numerusform>%1 of %n jobs would run on this machine for %2</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Vercel::UploadPool</name>
        <message numerus="yes">
            <location filename="../core/deploy/vercel/uploadpool.cpp" line="+54" />
            <source>uploading %n file(s) (%1 MB), %2 at a time</source>
            <translation>
                <numerusform>uploading %n file (%1 MB), %2 at a time</numerusform>
                <numerusform>uploading %n files (%1 MB), %2 at a time</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+59" />
            <source>uploaded %n file(s) (%1 MB) in %2</source>
            <translation>
                <numerusform>uploaded %n file (%1 MB) in %2</numerusform>
                <numerusform>uploaded %n files (%1 MB) in %2</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Vercel::VercelDeployJob</name>
        <message numerus="yes">
            <location filename="../core/deploy/vercel/verceldeployjob.cpp" line="+48" />
            <source>hashed %n file(s) (%1 MB) in %2</source>
            <translation>
                <numerusform>hashed %n file (%1 MB) in %2</numerusform>
                <numerusform>hashed %n files (%1 MB) in %2</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+84" />
            <source>Vercel still reports %n file(s) missing after %1 upload round(s)%2</source>
            <translation>
                <numerusform>Vercel still reports %n file missing after %1 upload round(s)%2</numerusform>
                <numerusform>Vercel still reports %n files missing after %1 upload round(s)%2</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+43" />
            <source>Vercel needs %n of the %1 file(s)</source>
            <translation>
                <numerusform>Vercel needs %n of the %1 file(s)</numerusform>
                <numerusform>Vercel needs %n of the %1 file(s)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DeployDesk::Vercel::VercelListJob</name>
        <message numerus="yes">
            <location filename="../core/deploy/vercel/vercellistjob.cpp" line="+70" />
            <source>listed the newest %n deployment(s); stopping there</source>
            <translation>
                <numerusform>listed the newest %n deployment; stopping there</numerusform>
                <numerusform>listed the newest %n deployments; stopping there</numerusform>
            </translation>
        </message>
    </context>
</TS>
