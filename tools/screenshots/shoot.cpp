// dd-screenshots: drives the real DeployDesk window through the states the docs show and
// grabs the screen at each one (run by scripts/screenshots.sh under Xvfb):
//   pipeline.png  the Pipeline tab while the example pipeline runs
//   logs.png      the Logs tab: a stage's coloured output and a search with its count
//   history.png   the History tab with a filter set and a run's details
//   environments.png  the Environments tab after a second deploy to staging: the live
//                 release with its layers' health, the earlier release expanded
//   embeddings.png  the Embeddings tab of staging: the corpus figures, the index versions
//                 the deploys re-embedded, golden questions and a question's top hits
//   workflows.png the Workflows tab: the example's GitHub Actions workflow planned for push
//                 and a run of it on this machine among its recent runs
// Usage: dd-screenshots WORKSPACE OUTDIR [WIDTHxHEIGHT] [dark]
//   (DEPLOYDESK_DATA_DIR: a fresh data directory; the window is 1280x780 unless a size is
//   given, so the docs' pictures stay alike; "dark" shoots the dark theme)
#include "common/status.h"
#include "i18n/translations.h"
#include "ui/common/mnemonic.h"
#include "ui/embeddings/embeddingsview.h"
#include "ui/environments/environmentsview.h"
#include "ui/environments/livereleasecard.h"
#include "ui/environments/releasesmodel.h"
#include "ui/history/historybrowser.h"
#include "ui/history/historyfilterbar.h"
#include "ui/historymodel.h"
#include "ui/logview/findbar.h"
#include "ui/logview/logviewer.h"
#include "ui/mainwindow.h"
#include "ui/pipeline/stagegraphview.h"
#include "ui/runservice.h"
#include "ui/settings/theme.h"
#include "ui/workflows/planview.h"
#include "ui/workflows/workflowsview.h"

#include <QApplication>
#include <QComboBox>
#include <QDeadlineTimer>
#include <QDir>
#include <QLineEdit>
#include <QListWidget>
#include <QScreen>
#include <QTabWidget>
#include <QTimer>
#include <QTreeView>
#include <QTreeWidget>

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
    DeployDesk::installTranslations(app);
    keepMnemonicLabelsWhole(app); // as the panel's main() does
    if (argc < 3 || argc > 5)
        return fail("usage: dd-screenshots WORKSPACE OUTDIR [WIDTHxHEIGHT] [dark]");
    QSize size(1280, 780);
    for (int i = 3; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        if (arg == QLatin1String("dark")) {
            applyTheme(app, arg);
            continue;
        }
        const QStringList wh = arg.split(QLatin1Char('x'));
        if (wh.size() != 2 || wh[0].toInt() <= 0 || wh[1].toInt() <= 0)
            return fail("the size is WIDTHxHEIGHT, as in 800x600");
        size = QSize(wh[0].toInt(), wh[1].toInt());
    }
    const QString workspace = QDir(QString::fromLocal8Bit(argv[1])).absolutePath();
    const QString out = QString::fromLocal8Bit(argv[2]);
    QDir().mkpath(out);

    MainWindow w(workspace);
    w.setConfirmations(false);
    w.move(0, 0);
    w.resize(size);
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

    // 4. Environments: a second deploy to staging makes the first release an earlier
    //    one; the live release's site and backend answer.
    w.deploy(QStringLiteral("staging"));
    if (!waitFor([&] { return finished == 4; }, 300000))
        return fail("the second staging deploy did not end");
    w.showTab(MainWindow::EnvironmentsTab);
    EnvironmentsView *environments = w.environmentsView();
    environments->setCurrentEnvironment(QStringLiteral("staging"));
    if (!waitFor([&] { return environments->model()->releaseCount() >= 2; }, 20000))
        return fail("the releases did not show");
    LiveReleaseCard *card = environments->liveCard();
    const auto answered = [&] {
        return card->health(Layer::Site) != HealthProbe::State::Checking &&
               card->health(Layer::Backend) != HealthProbe::State::Checking;
    };
    if (!waitFor(answered, 20000))
        return fail("the health checks did not end");
    const qint64 earlier = environments->model()->releaseAt(1).id;
    environments->selectRelease(earlier);
    environments->releasesView()->expand(environments->model()->indexOfRelease(earlier));
    environments->releasesView()->setFocus();
    if (!shoot(w, out + QStringLiteral("/environments.png")))
        return 1;

    // 5. Embeddings: staging's index after the two deploys (their reembed stages), its
    //    golden questions, and a question asked of the live version.
    w.showTab(MainWindow::EmbeddingsTab);
    EmbeddingsView *embeddings = w.embeddingsView();
    embeddings->setCurrentEnvironment(QStringLiteral("staging"));
    if (!waitFor([&] { return embeddings->versionsView()->topLevelItemCount() > 0; }, 60000))
        return fail("the index versions did not show");
    bool validated = false;
    QObject::connect(embeddings, &EmbeddingsView::validated, [&] { validated = true; });
    embeddings->validate();
    if (!waitFor([&] { return validated; }, 60000))
        return fail("the golden questions did not answer");
    bool gotHits = false;
    QObject::connect(embeddings, &EmbeddingsView::answered, [&] { gotHits = true; });
    embeddings->questionEdit()->setText(QStringLiteral("how do I tune a PID controller"));
    embeddings->ask();
    if (!waitFor([&] { return gotHits; }, 60000))
        return fail("the question was not answered");
    embeddings->questionEdit()->setFocus();
    if (!shoot(w, out + QStringLiteral("/embeddings.png")))
        return 1;

    // 6. Workflows: the example's CI planned for push, run here once (Run Locally), the
    //    run among the workflow's recent runs.
    //    The example's copy is no clone of a GitHub repository: it is named as a clone's
    //    would be, so the tab says what is missing then (the token), not a temporary path.
    qputenv("GITHUB_REPOSITORY", "example/textbook");
    w.showTab(MainWindow::WorkflowsTab);
    WorkflowsView *workflows = w.workflowsView();
    workflows->reload();
    if (!waitFor([&] { return workflows->planView()->topLevelItemCount() > 0; }, 20000))
        return fail("the workflow's plan did not show");
    if (!waitFor([&] { return workflows->gitHubText().contains(QLatin1String("GITHUB_TOKEN")); },
                 20000))
        return fail("the tab did not say what GitHub needs");
    workflows->runLocally();
    if (!waitFor([&] { return finished == 5; }, 300000))
        return fail("the workflow's run did not end");
    w.showTab(MainWindow::WorkflowsTab);
    if (!waitFor([&] { return workflows->runsModel()->rowCount() > 0; }, 20000))
        return fail("the workflow's run did not show among its runs");
    workflows->fileList()->setFocus();
    if (!shoot(w, out + QStringLiteral("/workflows.png")))
        return 1;
    return 0;
}
