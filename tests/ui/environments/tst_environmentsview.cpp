// The Environments tab, offscreen, over a history seeded through HistoryStore (see
// envfixture.h): the live and earlier releases with their layers and addresses, the
// addresses' health, the rollback plan (and that keeping changes nothing), approval for a
// protected environment, the queue, comparing releases (with the real `git log` between
// their commits), branch previews, the keyboard, and the tab at 800×600 in the window.
#include "envfixture.h"
#include "statuscompare.h"

#include "ui/approvalfields.h"
#include "ui/environments/environmentsview.h"
#include "ui/environments/livereleasecard.h"
#include "ui/environments/releasecomparedialog.h"
#include "ui/environments/releasesmodel.h"
#include "ui/environments/rollbackplandialog.h"
#include "ui/history/historybrowser.h"
#include "ui/history/promotemenu.h"
#include "ui/mainwindow.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTreeView>
#include <QTreeWidget>

using namespace DeployDesk;
using namespace DeployDesk::Ui;

Q_DECLARE_METATYPE(DeployDesk::RollbackRequest)

class TestEnvironmentsView : public QObject
{
    Q_OBJECT

    EnvFixture::Fixture m_fx;
    Pipeline m_pipeline;

    // A shown view of the fixture's workspace, loaded.
    std::unique_ptr<EnvironmentsView> makeView()
    {
        auto view = std::make_unique<EnvironmentsView>(m_fx.store.get());
        view->resize(760, 560);
        QSignalSpy loaded(view.get(), &EnvironmentsView::loaded);
        view->setPipeline(m_pipeline, m_fx.workspace);
        view->show();
        [&] { QVERIFY(loaded.wait(10000)); }();
        return view;
    }

    static QStringList layerRows(const ReleasesModel *m, int row)
    {
        QStringList out;
        const QModelIndex release = m->index(row, 0);
        for (int i = 0; i < m->rowCount(release); ++i)
            out << m->index(i, 0, release).data().toString() + " | " +
                       m->index(i, 0, release).data(ReleasesModel::UrlRole).toString();
        return out;
    }

    // The window on the fixture's workspace, its pipeline loaded.
    std::unique_ptr<MainWindow> makeWindow()
    {
        qputenv("DEPLOYDESK_DATA_DIR", m_fx.data.toUtf8());
        qputenv("DEPLOYDESK_NO_KEYCHAIN", "1");
        auto w = std::make_unique<MainWindow>(m_fx.workspace);
        w->setConfirmations(false);
        w->show();
        [&] { QVERIFY(QTest::qWaitFor([&] { return !w->pipeline().name.isEmpty(); }, 20000)); }();
        return w;
    }

    // Plans the rollback to `releaseId` from the button; returns the plan dialog.
    static RollbackPlanDialog *planFor(EnvironmentsView &view, qint64 releaseId)
    {
        QSignalSpy shown(&view, &EnvironmentsView::planDialogShown);
        view.selectRelease(releaseId);
        if (!view.rollbackButton()->isEnabled())
            return nullptr;
        view.rollbackButton()->click();
        if (!shown.wait(10000))
            return nullptr;
        return shown.first().first().value<RollbackPlanDialog *>();
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<RollbackRequest>();
        qRegisterMetaType<RollbackPlanDialog *>();
        qRegisterMetaType<ReleaseCompareDialog *>();
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_fx.setUp());
        m_pipeline.name = "shop";
        m_pipeline.workspaceDir = m_fx.workspace;
        m_pipeline.environments = {Environment{"staging", false, {}, {}, {}},
                                   Environment{"production", true, {}, {}, {}}};
    }

    void liveAndEarlierReleasesAreListedWithLayersAndAddresses()
    {
        auto view = makeView();
        QCOMPARE(view->currentEnvironment(), QString("staging"));
        ReleasesModel *m = view->model();
        QCOMPARE(m->rowCount(), 3);
        QCOMPARE(m->index(0, ReleasesModel::Release).data().toString(),
                 QString("%1 (live)").arg(m_fx.staging[2]));
        QCOMPARE(m->index(1, ReleasesModel::Release).data().toString(),
                 QString::number(m_fx.staging[1]));
        QCOMPARE(m->index(0, ReleasesModel::Who).data().toString(), QString("ana"));
        QCOMPARE(m->index(1, ReleasesModel::Why).data().toString(), QString("new header"));
        QVERIFY(m->index(0, ReleasesModel::Commit)
                    .data()
                    .toString()
                    .startsWith(m_fx.commits[2].left(8)));
        // Each release's layers, with their addresses; carried-over layers say so.
        const QStringList live = layerRows(m, 0);
        QCOMPARE(live.size(), 2);
        QVERIFY2(live[0].contains("site: v3 on test-site") && live[0].endsWith(m_fx.siteUrl("v3")),
                 qPrintable(live[0]));
        QVERIFY2(live[1].contains("backend: b1 on test-api") && live[1].contains("carried over") &&
                     live[1].endsWith(m_fx.apiUrl()),
                 qPrintable(live[1]));
        QVERIFY(layerRows(m, 2)[0].contains("site: v1"));

        // The live card: commit, who, each layer with its address, and its health.
        LiveReleaseCard *card = view->liveCard();
        QVERIFY2(card->summary().contains(QString("Release %1").arg(m_fx.staging[2])) &&
                     card->summary().contains(m_fx.commits[2].left(8)) &&
                     card->summary().contains("ana"),
                 qPrintable(card->summary()));
        QVERIFY(card->title().contains("staging"));
        QCOMPARE(card->layerText(Layer::Site), QString("v3 on test-site"));
        QCOMPARE(card->urlText(Layer::Site), m_fx.siteUrl("v3"));
        QCOMPARE(card->urlText(Layer::Backend), m_fx.apiUrl());
        QVERIFY(card->layerText(Layer::Database).isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(card->health(Layer::Site), HealthProbe::State::Up, 10000);
        QVERIFY2(card->healthText(Layer::Site).contains("HTTP 200"),
                 qPrintable(card->healthText(Layer::Site)));
        // The backend answers 404 at its root but 200 at the health path its target
        // recorded: that is where the card asks.
        QTRY_COMPARE_WITH_TIMEOUT(card->health(Layer::Backend), HealthProbe::State::Up, 10000);
        QCOMPARE(LiveReleaseCard::healthAddress(
                     m->releaseAt(0).layer(Layer::Backend)->deployment.deployment),
                 QUrl(m_fx.apiUrl() + "/health"));

        // Another environment: its own releases and card.
        view->setCurrentEnvironment("production");
        QCOMPARE(m->rowCount(), 2);
        QVERIFY(card->title().contains("production (protected)"));
        QVERIFY(card->summary().contains(QString("Release %1").arg(m_fx.production[1])));
        // Production's backend does not answer: down, and why.
        QCOMPARE(card->urlText(Layer::Backend), m_fx.apiUrl("production"));
        QTRY_COMPARE_WITH_TIMEOUT(card->health(Layer::Backend), HealthProbe::State::Down, 10000);
        QVERIFY2(card->healthText(Layer::Backend).startsWith("down: connection refused"),
                 qPrintable(card->healthText(Layer::Backend)));
        QTRY_COMPARE_WITH_TIMEOUT(card->health(Layer::Site), HealthProbe::State::Up, 10000);
    }

    // A plan that downgrades the database starts only once both revisions are typed, and
    // the request carries that approval (the core refuses a rollback without it).
    void aDatabaseDowngradeNeedsBothRevisionsTyped()
    {
        RollbackPlan plan;
        plan.environment = "staging";
        plan.target.id = 7;
        RollbackStep db;
        db.layer = Layer::Database;
        db.changes = true;
        db.mechanism = "Alembic downgrade";
        DeploymentRecord from;
        from.deployment.version = "0002";
        DeploymentRecord to;
        to.deployment.version = "0001";
        db.from = from;
        db.to = to;
        plan.steps << db;

        RollbackPlanDialog dialog(plan, /*isProtected=*/false);
        dialog.show();
        QVERIFY(dialog.schemaApproval());
        QVERIFY(dialog.schemaApproval()->isVisible());
        QCOMPARE(dialog.focusWidget(), dialog.schemaApproval());
        QVERIFY(!dialog.rollBackButton()->isEnabled());
        QVERIFY(dialog.request().approvedSchemaChange.isEmpty());

        QTest::keyClicks(dialog.schemaApproval(), "0001:0002"); // the wrong way round
        QVERIFY(!dialog.rollBackButton()->isEnabled());
        dialog.schemaApproval()->clear();
        QTest::keyClicks(dialog.schemaApproval(), "0002:0001");
        QVERIFY(dialog.rollBackButton()->isEnabled());
        QCOMPARE(dialog.request().approvedSchemaChange, QString("0002:0001"));

        // Without a database step there is no such field.
        plan.steps.first().layer = Layer::Site;
        RollbackPlanDialog siteOnly(plan, false);
        QVERIFY(!siteOnly.schemaApproval());
        QVERIFY(siteOnly.rollBackButton()->isEnabled());
    }

    void rollbackShowsThePlanAndKeepingChangesNothing()
    {
        auto view = makeView();
        QSignalSpy requested(view.get(), &EnvironmentsView::rollbackRequested);
        // The live release cannot be rolled back to.
        view->selectRelease(m_fx.staging[2]);
        QVERIFY(!view->rollbackButton()->isEnabled());
        QVERIFY(view->statusText().contains("is live"));

        RollbackPlanDialog *dialog = planFor(*view, m_fx.staging[1]);
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        const QString site = dialog->stepText(Layer::Site);
        QVERIFY2(site.contains("v3") && site.contains("v2") && site.contains("by folder switch"),
                 qPrintable(site));
        const QString backend = dialog->stepText(Layer::Backend);
        QVERIFY2(backend.contains("unchanged") && backend.contains("already b1"),
                 qPrintable(backend));
        QVERIFY(dialog->rollBackButton()->text().contains(QString::number(m_fx.staging[1])));
        QVERIFY(dialog->rollBackButton()->isEnabled());
        QVERIFY(!dialog->approvalFields()->confirmEdit()->isVisible()); // not protected

        dialog->keepButton()->click();
        QTRY_VERIFY(!dialog->isVisible());
        QCOMPARE(dialog->result(), int(QDialog::Rejected));
        QCOMPARE(requested.count(), 0);
        auto live = m_fx.store->liveRelease(m_fx.workspace, "staging");
        QVERIFY(live && *live);
        QCOMPARE((*live)->id, m_fx.staging[2]);
        QCOMPARE(m_fx.store->releases(m_fx.workspace, "staging")->size(), 3);

        // Rolling back asks for exactly that release, with the reason given.
        dialog = planFor(*view, m_fx.staging[0]);
        QVERIFY(dialog);
        QVERIFY(dialog->stepText(Layer::Site).contains("v1"));
        dialog->approvalFields()->reasonEdit()->setText("header broke the menu");
        dialog->rollBackButton()->click();
        QCOMPARE(requested.count(), 1);
        const auto request = requested.first().first().value<RollbackRequest>();
        QCOMPARE(request.environment, QString("staging"));
        QCOMPARE(request.releaseId, m_fx.staging[0]);
        QCOMPARE(request.message, QString("header broke the menu"));
        QVERIFY(!request.approved);
    }

    void protectedRollbackNeedsTheNameTyped()
    {
        auto view = makeView();
        view->setCurrentEnvironment("production");
        QSignalSpy requested(view.get(), &EnvironmentsView::rollbackRequested);
        RollbackPlanDialog *dialog = planFor(*view, m_fx.production[0]);
        QVERIFY(dialog);
        QVERIFY(dialog->isProtected());
        ApprovalFields *fields = dialog->approvalFields();
        QVERIFY(fields->confirmEdit()->isVisible());
        QVERIFY(!dialog->rollBackButton()->isEnabled());
        QTest::keyClicks(fields->confirmEdit(), "product");
        QVERIFY(!dialog->rollBackButton()->isEnabled());
        QTest::keyClicks(fields->confirmEdit(), "ion");
        QVERIFY(dialog->rollBackButton()->isEnabled());
        fields->approverEdit()->clear(); // somebody has to approve
        QVERIFY(!dialog->rollBackButton()->isEnabled());
        QTest::keyClicks(fields->approverEdit(), "carol");
        QTest::keyClicks(fields->reasonEdit(), "v3 loses orders");
        QVERIFY(dialog->rollBackButton()->isEnabled());
        // Enter in the form goes ahead once approved (Roll back is the default there).
        QTest::keyClick(fields->reasonEdit(), Qt::Key_Return);
        QCOMPARE(requested.count(), 1);
        const auto request = requested.first().first().value<RollbackRequest>();
        QCOMPARE(request.environment, QString("production"));
        QCOMPARE(request.releaseId, m_fx.production[0]);
        QVERIFY(request.approved);
        QCOMPARE(request.approvedBy, QString("carol"));
        QCOMPARE(request.message, QString("v3 loses orders"));
    }

    void enterOnAReleaseOpensThePlan()
    {
        auto view = makeView();
        QSignalSpy shown(view.get(), &EnvironmentsView::planDialogShown);
        view->releasesView()->setFocus();
        view->releasesView()->setCurrentIndex(view->model()->indexOfRelease(m_fx.staging[0]));
        QTest::keyClick(view->releasesView(), Qt::Key_Return);
        QVERIFY(shown.wait(10000));
        auto *dialog = shown.first().first().value<RollbackPlanDialog *>();
        QCOMPARE(dialog->plan().target.id, m_fx.staging[0]);
        // Enter in a non-protected plan keeps the current release.
        QSignalSpy requested(view.get(), &EnvironmentsView::rollbackRequested);
        QTest::keyClick(dialog->keepButton(), Qt::Key_Return);
        QVERIFY(!dialog->isVisible());
        QCOMPARE(requested.count(), 0);
    }

    void queueShowsRunningAndWaitingTicketsWhileShown()
    {
        auto view = makeView();
        QTreeWidget *queue = view->queueView();
        QCOMPARE(queue->topLevelItemCount(), 1); // the "nothing queued" note
        QVERIFY(queue->topLevelItem(0)->text(0).contains("No deploy"));
        QVERIFY(view->isQueueRefreshing());
        QueueTicket holder;
        holder.workspace = m_fx.workspace;
        holder.environment = "staging";
        holder.runId = 41;
        holder.what = "deploy";
        QueueTicket waiting = holder;
        waiting.runId = 42;
        waiting.what = "rollback to release 1";
        auto a = m_fx.store->enqueue(holder);
        auto b = m_fx.store->enqueue(waiting);
        QVERIFY(a && b);
        // No refresh asked for: the timer reads the queue while the tab is shown.
        QTRY_COMPARE_WITH_TIMEOUT(queue->topLevelItemCount(), 2, 10000);
        QCOMPARE(queue->topLevelItem(0)->text(1), QString("41"));
        QCOMPARE(queue->topLevelItem(0)->text(3), QString("deploying"));
        QCOMPARE(queue->topLevelItem(1)->text(1), QString("42"));
        QCOMPARE(queue->topLevelItem(1)->text(2), QString("rollback to release 1"));
        QCOMPARE(queue->topLevelItem(1)->text(3), QString("waiting, number 1 in line"));
        view->hide();
        QVERIFY(!view->isQueueRefreshing());
        QVERIFY(m_fx.store->removeTicket(*a));
        QVERIFY(m_fx.store->removeTicket(*b));
    }

    void compareShowsTheChangedLayerAndTheCommitsBetween()
    {
        auto view = makeView();
        view->selectRelease(m_fx.staging[0]);
        QVERIFY(!view->compareButton()->isEnabled());
        view->selectRelease(m_fx.staging[2], true);
        QCOMPARE(view->selectedReleaseIds(), (QList<qint64>{m_fx.staging[2], m_fx.staging[0]}));
        QVERIFY(view->compareButton()->isEnabled());
        ReleaseCompareDialog *dialog = view->compareSelected();
        QVERIFY(dialog);
        QSignalSpy listed(dialog, &ReleaseCompareDialog::commitsListed);
        QVERIFY(dialog->changedLayers() == QList<Layer>{Layer::Site});
        QTreeWidget *layers = dialog->layersView();
        QCOMPARE(layers->topLevelItemCount(), 2);
        QCOMPARE(layers->topLevelItem(0)->text(0), QString("site"));
        QCOMPARE(layers->topLevelItem(0)->text(1), QString("v1")); // the older release first
        QCOMPARE(layers->topLevelItem(0)->text(2), QString("v3"));
        QCOMPARE(layers->topLevelItem(0)->text(3), QString("changed"));
        QCOMPARE(layers->topLevelItem(1)->text(3), QString("unchanged"));
        // The commits come from git, in the background.
        QVERIFY(listed.wait(20000));
        QListWidget *commits = dialog->commitsView();
        QCOMPARE(commits->count(), 2);
        QVERIFY(commits->item(0)->text().contains("third change"));
        QVERIFY(commits->item(1)->text().contains("second change"));
        QVERIFY2(dialog->commitsStatus().startsWith("2 commit"),
                 qPrintable(dialog->commitsStatus()));
        dialog->close();
    }

    void branchPreviewsAreListedWithTheirAddresses()
    {
        QVERIFY(m_fx.addPreview("feature/search", "http://127.0.0.1:1/search/"));
        QVERIFY(m_fx.addPreview("fix/menu", "http://127.0.0.1:1/menu/"));
        auto view = makeView();
        QTreeWidget *previews = view->previewsView();
        QCOMPARE(previews->topLevelItemCount(), 2);
        QCOMPARE(previews->topLevelItem(0)->text(0), QString("fix/menu")); // newest first
        QCOMPARE(previews->topLevelItem(0)->text(2), QString("http://127.0.0.1:1/menu/"));
        QCOMPARE(previews->topLevelItem(1)->text(0), QString("feature/search"));
        // Ordinary deploys are not previews.
        for (int i = 0; i < previews->topLevelItemCount(); ++i)
            QVERIFY(!previews->topLevelItem(i)->text(2).contains(m_fx.siteUrl("v3")));
    }

    void tabWalksEveryControl()
    {
        auto view = makeView();
        view->selectRelease(m_fx.staging[1]); // Roll back enabled
        QApplication::setActiveWindow(view.get());
        view->environmentCombo()->setFocus();
        QTRY_VERIFY(view->environmentCombo()->hasFocus());
        QSet<QWidget *> visited;
        for (int i = 0; i < 40; ++i) {
            QWidget *focus = QApplication::focusWidget();
            QVERIFY(focus);
            visited.insert(focus);
            QTest::keyClick(focus, Qt::Key_Tab);
        }
        QStringList missed;
        for (QWidget *w : view->findChildren<QWidget *>()) {
            if (!w->isVisibleTo(view.get()) || !w->isEnabled() ||
                !(w->focusPolicy() & Qt::TabFocus) || w->focusProxy())
                continue;
            if (!visited.contains(w))
                missed << QString("%1 %2 \"%3\"")
                              .arg(w->metaObject()->className(), w->objectName(),
                                   w->accessibleName());
        }
        QVERIFY2(missed.isEmpty(), qPrintable(missed.join(", ")));
        // The controls a person needs are among them.
        for (QWidget *w : {static_cast<QWidget *>(view->environmentCombo()),
                           static_cast<QWidget *>(view->releasesView()),
                           static_cast<QWidget *>(view->rollbackButton()),
                           static_cast<QWidget *>(view->queueView())})
            QVERIFY(visited.contains(w));
    }

    // The real window at 800×600 on the Environments tab (Ctrl+5): every control lies
    // inside the window, wide enough for its text.
    void fitsTheWindowAt800x600()
    {
        auto window = makeWindow();
        MainWindow &w = *window;
        w.resize(800, 600);
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTest::keyClick(&w, Qt::Key_5, Qt::ControlModifier);
        QCOMPARE(w.tabs()->currentIndex(), int(MainWindow::EnvironmentsTab));
        QTRY_COMPARE_WITH_TIMEOUT(w.environmentsView()->model()->rowCount(), 3, 20000);
        QCOMPARE(w.height(), 600);
        // The window may stay a little wider than 800 for another tab (the History filter
        // bar's minimum); the Environments tab itself must fit the width 800 leaves it.
        EnvironmentsView *view = w.environmentsView();
        const int widthAt800 = view->width() - (w.width() - 800);
        QVERIFY2(
            view->minimumSizeHint().width() <= widthAt800,
            qPrintable(
                QString("needs %1, has %2").arg(view->minimumSizeHint().width()).arg(widthAt800)));
        QVERIFY(view->minimumSizeHint().height() <= view->height());
        QTest::qWait(50); // the layout of what arrived
        const QRect frame = w.rect();
        QStringList cut;
        for (QWidget *c : w.environmentsView()->findChildren<QWidget *>()) {
            if (!c->isVisibleTo(&w) || c->isWindow())
                continue;
            const bool control =
                qobject_cast<QAbstractButton *>(c) || qobject_cast<QComboBox *>(c) ||
                qobject_cast<QAbstractItemView *>(c) || (c->focusPolicy() & Qt::TabFocus);
            if (!control)
                continue;
            const QRect r(c->mapTo(&w, QPoint(0, 0)), c->size());
            // Headers and lists scroll; buttons, boxes and links must show their text.
            const bool scrolls =
                qobject_cast<QAbstractScrollArea *>(c) || qobject_cast<QHeaderView *>(c);
            if (!frame.contains(r) || (!scrolls && (r.width() < c->minimumSizeHint().width() ||
                                                    r.height() < c->minimumSizeHint().height())))
                cut << QString("%1 \"%2\" at %3,%4 %5x%6 (needs %7x%8)")
                           .arg(c->metaObject()->className(), c->accessibleName())
                           .arg(r.x())
                           .arg(r.y())
                           .arg(r.width())
                           .arg(r.height())
                           .arg(c->minimumSizeHint().width())
                           .arg(c->minimumSizeHint().height());
        }
        QVERIFY2(cut.isEmpty(), qPrintable(cut.join("\n")));
        // The releases list shows rows, not just its header.
        QVERIFY(w.environmentsView()->releasesView()->viewport()->height() >= 3 * 16);
        QVERIFY(w.environmentsView()->queueView()->viewport()->height() >= 16);
    }

    // A confirmed plan runs in the window's run service: the rollback run restores the
    // release, becomes the live release itself, and the tab shows it.
    void rollbackFromTheWindowBecomesTheLiveRelease()
    {
        auto w = makeWindow();
        w->showTab(MainWindow::EnvironmentsTab);
        EnvironmentsView *view = w->environmentsView();
        QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 3, 20000);
        QTRY_VERIFY(view->model()->releaseCount() == 3);
        RollbackPlanDialog *dialog = planFor(*view, m_fx.staging[1]);
        QVERIFY(dialog);
        QSignalSpy finished(w.get(), &MainWindow::runFinished);
        dialog->approvalFields()->reasonEdit()->setText("v3 broke search");
        dialog->rollBackButton()->click();
        QVERIFY(finished.wait(30000));
        DD_COMPARE_STATUS(finished.first().at(1).value<RunStatus>(), RunStatus::Success);
        const qint64 runId = finished.first().at(0).toLongLong();
        auto live = m_fx.store->liveRelease(m_fx.workspace, "staging");
        QVERIFY(live && *live);
        QCOMPARE((*live)->runId, runId);
        DD_COMPARE_STATUS((*live)->kind, ReleaseKind::Rollback);
        QCOMPARE((*live)->restores, m_fx.staging[1]);
        QCOMPARE((*live)->layer(Layer::Site)->deployment.deployment.version, QString("v2"));
        auto run = m_fx.store->run(runId);
        QVERIFY(run && run->message.contains("v3 broke search"));
        // The tab follows: the rollback is the live release now.
        QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 4, 10000);
        QCOMPARE(view->model()->index(0, ReleasesModel::Kind).data().toString(),
                 QString("Rollback to %1").arg(m_fx.staging[1]));
        QTRY_VERIFY(view->liveCard()->summary().contains(QString("Release %1").arg((*live)->id)));
        QCOMPARE(view->liveCard()->layerText(Layer::Site), QString("v2 on test-site"));
    }

    // "Promote to" on a successful run in the history deploys its stored artifacts to
    // another environment: a Promote release there.
    void promoteFromTheHistoryMakesAPromoteRelease()
    {
        auto w = makeWindow();
        const qint64 source = m_fx.store->release(m_fx.production[1])->runId;
        HistoryBrowser *history = w->historyBrowser();
        w->showTab(MainWindow::HistoryTab);
        history->selectRun(source);
        QTRY_COMPARE_WITH_TIMEOUT(history->selectedRunIds(), QList<qint64>{source}, 10000);
        PromoteMenu *menu = history->promoteMenu();
        QCOMPARE(menu->runId(), source);
        QAction *toStaging = nullptr;
        for (QAction *a : menu->actions())
            if (a->data().toString() == "staging")
                toStaging = a;
        QVERIFY(toStaging && toStaging->isEnabled());
        QSignalSpy finished(w.get(), &MainWindow::runFinished);
        toStaging->trigger();
        QVERIFY(finished.wait(60000));
        DD_COMPARE_STATUS(finished.first().at(1).value<RunStatus>(), RunStatus::Success);
        const qint64 runId = finished.first().at(0).toLongLong();
        auto run = m_fx.store->run(runId);
        QVERIFY(run);
        QCOMPARE(run->rerunOf, source);
        QCOMPARE(run->environment, QString("staging"));
        auto live = m_fx.store->liveRelease(m_fx.workspace, "staging");
        QVERIFY(live && *live);
        QCOMPARE((*live)->runId, runId);
        DD_COMPARE_STATUS((*live)->kind, ReleaseKind::Promote);
    }

    // A plan left open while another release went live (a deploy ended meanwhile) is
    // stale: confirming it requests nothing, plans again from what is live now and asks
    // again. (Last: it adds a release to staging.)
    void aPlanThatWentStaleWhileOpenIsPlannedAgain()
    {
        auto view = makeView();
        QCOMPARE(view->currentEnvironment(), QString("staging"));
        QSignalSpy requested(view.get(), &EnvironmentsView::rollbackRequested);
        RollbackPlanDialog *dialog = planFor(*view, m_fx.staging[0]);
        QVERIFY(dialog);
        QVERIFY(dialog->plan().live);
        const qint64 liveThen = dialog->plan().live->id;

        DeploymentRecord api;
        const qint64 newer = m_fx.release("staging", 2, "v4", &api, true, "dora", "hotfix");
        QVERIFY(newer > liveThen);
        QSignalSpy loaded(view.get(), &EnvironmentsView::loaded);
        view->refresh();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(view->model()->releaseAt(0).id, newer);

        QSignalSpy shown(view.get(), &EnvironmentsView::planDialogShown);
        dialog->rollBackButton()->click();
        QCOMPARE(requested.count(), 0);
        QVERIFY2(view->statusText().contains(QString::number(newer)),
                 qPrintable(view->statusText()));
        QVERIFY(shown.wait(10000));
        auto *again = shown.first().first().value<RollbackPlanDialog *>();
        QVERIFY(again->plan().live);
        QCOMPARE(again->plan().live->id, newer);
        QCOMPARE(again->plan().target.id, m_fx.staging[0]);
        QVERIFY2(again->stepText(Layer::Site).contains("v4"),
                 qPrintable(again->stepText(Layer::Site)));
        again->rollBackButton()->click();
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.first().first().value<RollbackRequest>().releaseId, m_fx.staging[0]);
    }
};

QTEST_MAIN(TestEnvironmentsView)
#include "tst_environmentsview.moc"
