// dd-screenshots: drives the real DeployDesk window through the states the docs show and
// grabs the screen at each one (run by scripts/screenshots.sh under Xvfb):
//   pipeline.png  the Pipeline tab while the example pipeline runs
//   logs.png      the Logs tab: a stage's coloured output and a search with its count
//   history.png   the History tab with a filter set and a run's details
//   environments.png  the Environments tab: staging's live release with its layers'
//                 health, earlier releases (one expanded), the deploy queue. The example
//                 deploys nothing yet, so these releases are a sample history written
//                 through HistoryStore; their addresses are served by this program.
// Usage: dd-screenshots WORKSPACE OUTDIR   (DEPLOYDESK_DATA_DIR: a fresh data directory)
#include "common/paths.h"
#include "common/status.h"
#include "store/historystore.h"
#include "ui/environments/environmentsview.h"
#include "ui/environments/livereleasecard.h"
#include "ui/environments/releasesmodel.h"
#include "ui/history/historybrowser.h"
#include "ui/history/historyfilterbar.h"
#include "ui/logview/findbar.h"
#include "ui/logview/logviewer.h"
#include "ui/mainwindow.h"
#include "ui/pipeline/stagegraphview.h"
#include "ui/runservice.h"

#include <QApplication>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QLineEdit>
#include <QScreen>
#include <QTabWidget>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QTreeView>

#include <cstdio>

using namespace DeployDesk;
using namespace DeployDesk::Ui;

namespace {

bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    return true;
}

void settle(int ms)
{
    QDeadlineTimer deadline(ms);
    while (!deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

bool shoot(MainWindow &w, const QString &path)
{
    settle(400); // let the last layout and paint land
    const QPixmap pixmap = QGuiApplication::primaryScreen()->grabWindow(0).copy(w.frameGeometry());
    const bool ok = pixmap.save(path);
    std::fprintf(stderr, "%s %s\n", ok ? "wrote" : "could not write", qPrintable(path));
    return ok;
}

// Answers every request with 200, so the sample releases' addresses are up.
void serveOk(QTcpServer *server)
{
    QObject::connect(server, &QTcpServer::newConnection, server, [server] {
        while (QTcpSocket *s = server->nextPendingConnection()) {
            QObject::connect(s, &QTcpSocket::readyRead, s, [s] {
                if (!s->readAll().contains("\r\n\r\n"))
                    return;
                s->write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
                s->disconnectFromHost();
            });
            QObject::connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
        }
    });
}

// A sample history of staging and production releases (site + backend), a deploy
// holding production's queue with another waiting, and a branch preview.
bool seedReleases(const QString &workspace, quint16 port)
{
    auto opened = HistoryStore::open(Paths::dataDir());
    if (!opened)
        return false;
    HistoryStore &store = **opened;
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-6);
    const auto sha = [](int n) {
        return QString::fromLatin1(
            QCryptographicHash::hash(QByteArray::number(n), QCryptographicHash::Sha1).toHex());
    };
    const QString site = QStringLiteral("http://127.0.0.1:%1/textbook/%2/").arg(port);
    const QString api = QStringLiteral("http://127.0.0.1:%1/api").arg(port);
    struct Step
    {
        QString env;
        QString who;
        QString why;
        bool newApi;
        ReleaseKind kind;
    };
    const QList<Step> steps{
        {"staging", "ana", "first public chapters", true, ReleaseKind::Deploy},
        {"production", "ana", "launch", true, ReleaseKind::Promote},
        {"staging", "bob", "search answers cite their page", true, ReleaseKind::Deploy},
        {"staging", "ana", "chapter 4: ownership", false, ReleaseKind::Deploy},
        {"staging", "bob", "new navigation", false, ReleaseKind::Deploy},
    };
    QHash<QString, DeploymentRecord> apiOf;
    qint64 lastRun = 0;
    for (int i = 0; i < steps.size(); ++i) {
        const Step &step = steps[i];
        const QDateTime at = start.addSecs(i * 86400 + 3600 * (i + 2));
        RunRecord run;
        run.workspace = workspace;
        run.pipeline = QStringLiteral("textbook");
        run.environment = step.env;
        run.status = RunStatus::Success;
        run.triggeredBy = step.who;
        run.message = step.why;
        run.commit = sha(i + 1);
        run.branch = QStringLiteral("main");
        run.startedAt = at;
        auto runId = store.createRun(run);
        if (!runId)
            return false;
        lastRun = *runId;
        store.finishRun(*runId, RunStatus::Success, at.addSecs(95));
        const auto deploy = [&](const QString &target, Layer layer, const QString &version,
                                const QString &url) {
            DeploymentRecord d;
            d.runId = *runId;
            d.stage = layer == Layer::Site ? QStringLiteral("deploy-site")
                                           : QStringLiteral("deploy-backend");
            d.workspace = workspace;
            d.environment = step.env;
            d.deployment = Deployment{target, layer, version, url, at.addSecs(90), {}};
            auto id = store.addDeployment(d);
            d.id = id ? *id : 0;
            return d;
        };
        ReleaseRecord r;
        r.workspace = workspace;
        r.environment = step.env;
        r.runId = *runId;
        r.kind = step.kind;
        r.commit = run.commit;
        r.branch = run.branch;
        r.who = step.who;
        r.why = step.why;
        r.createdAt = at.addSecs(95);
        const QString version = at.toString(QStringLiteral("yyyyMMdd-HHmmss"));
        r.layers.append(
            {Layer::Site, true,
             deploy(QStringLiteral("local-site"), Layer::Site, version, site.arg(step.env))});
        if (step.newApi)
            apiOf[step.env] = deploy(QStringLiteral("local-service"), Layer::Backend,
                                     QStringLiteral("api-") + version, api);
        r.layers.append({Layer::Backend, step.newApi, apiOf[step.env]});
        if (!store.createRelease(r))
            return false;
    }
    QueueTicket t;
    t.workspace = workspace;
    t.environment = QStringLiteral("production");
    t.runId = lastRun + 1;
    t.what = QStringLiteral("deploy");
    store.enqueue(t);
    t.runId = lastRun + 2;
    t.what = QStringLiteral("promote run %1").arg(lastRun);
    store.enqueue(t);
    DeploymentRecord preview;
    preview.runId = lastRun;
    preview.stage = QStringLiteral("deploy-site");
    preview.workspace = workspace;
    preview.environment = QStringLiteral("preview");
    preview.deployment = Deployment{QStringLiteral("local-site"),
                                    Layer::Site,
                                    QStringLiteral("preview-search"),
                                    site.arg(QStringLiteral("preview-search")),
                                    QDateTime::currentDateTimeUtc(),
                                    {{QStringLiteral("preview"), true},
                                     {QStringLiteral("branch"), QStringLiteral("feature/search")}}};
    return bool(store.addDeployment(preview));
}

int fail(const char *what)
{
    std::fprintf(stderr, "dd-screenshots: %s\n", what);
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("DeployDesk"));
    QApplication::setApplicationName(QStringLiteral("DeployDesk"));
    if (argc != 3)
        return fail("usage: dd-screenshots WORKSPACE OUTDIR");
    const QString workspace = QDir(QString::fromLocal8Bit(argv[1])).absolutePath();
    const QString out = QString::fromLocal8Bit(argv[2]);
    QDir().mkpath(out);

    MainWindow w(workspace);
    w.setConfirmations(false);
    w.move(0, 0);
    w.resize(1280, 780);
    w.show();
    if (!waitFor([&] { return !w.pipeline().name.isEmpty(); }, 20000))
        return fail("the workspace did not load");

    // History to show later: a deploy to staging and a cancelled run.
    int finished = 0;
    QObject::connect(&w, &MainWindow::runFinished, &w, [&] { ++finished; });
    w.deploy(QStringLiteral("staging"));
    if (!waitFor([&] { return finished == 1; }, 300000))
        return fail("the staging run did not end");
    w.runPipeline();
    if (!waitFor([&] { return w.runService()->isRunning(); }, 20000))
        return fail("the second run did not start");
    w.cancelRun();
    if (!waitFor([&] { return finished == 2; }, 60000))
        return fail("the cancelled run did not end");

    // 1. Pipeline, a run in progress: some stages done, some running.
    w.showTab(MainWindow::PipelineTab);
    w.runPipeline();
    StageGraphView *graph = w.graph();
    const auto inProgress = [&] {
        int done = 0, running = 0;
        for (const QString &s : graph->stageNames()) {
            const StageStatus st = graph->stageStatus(s);
            done += st == StageStatus::Success;
            running += st == StageStatus::Running;
        }
        return done >= 2 && running >= 1;
    };
    if (!waitFor(inProgress, 120000))
        return fail("no moment with stages both done and running");
    if (!shoot(w, out + QStringLiteral("/pipeline.png")))
        return 1;
    if (!waitFor([&] { return finished == 3; }, 300000))
        return fail("the third run did not end");

    // 2. Logs: the backend tests' coloured output, searched.
    w.openStageLog(QStringLiteral("test-backend"));
    LogViewer *logs = w.logViewer();
    settle(500);
    logs->findAction()->trigger();
    logs->find(QStringLiteral("passed"), false, false);
    if (!waitFor([&] { return !logs->isCounting() && logs->matchCount() > 0; }, 20000))
        return fail("the search found nothing");
    logs->findNext();
    if (!shoot(w, out + QStringLiteral("/logs.png")))
        return 1;

    // 3. History, filtered to the successful runs, the newest selected.
    w.showTab(MainWindow::HistoryTab);
    HistoryBrowser *history = w.historyBrowser();
    QComboBox *status = history->filterBar()->statusCombo();
    for (int i = 0; i < status->count(); ++i) {
        if (status->itemData(i).toString() == QStringLiteral("success") ||
            status->itemText(i).contains(QStringLiteral("Success"))) {
            status->setCurrentIndex(i);
            break;
        }
    }
    settle(800);
    history->view()->setCurrentIndex(history->view()->model()->index(0, 0));
    if (!shoot(w, out + QStringLiteral("/history.png")))
        return 1;

    // 4. Environments: staging's live release, its layers up, an earlier release selected
    //    with its layers shown, and the queue.
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost))
        return fail("cannot listen on 127.0.0.1");
    serveOk(&server);
    if (!seedReleases(workspace, server.serverPort()))
        return fail("cannot write the sample releases");
    w.showTab(MainWindow::EnvironmentsTab);
    EnvironmentsView *environments = w.environmentsView();
    environments->setCurrentEnvironment(QStringLiteral("staging"));
    environments->refresh();
    if (!waitFor([&] { return environments->model()->releaseCount() == 4; }, 20000))
        return fail("the releases did not show");
    LiveReleaseCard *card = environments->liveCard();
    const auto up = [&] {
        return card->health(Layer::Site) == HealthProbe::State::Up &&
               card->health(Layer::Backend) == HealthProbe::State::Up;
    };
    if (!waitFor(up, 20000))
        return fail("the sample addresses did not answer");
    const qint64 earlier = environments->model()->releaseAt(1).id;
    environments->selectRelease(earlier);
    environments->releasesView()->expand(environments->model()->indexOfRelease(earlier));
    environments->releasesView()->setFocus();
    if (!shoot(w, out + QStringLiteral("/environments.png")))
        return 1;
    return 0;
}
