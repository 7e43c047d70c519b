// Settings > History: the history's size, what the chosen retention policy would free (and
// that choosing it changes nothing), the policy kept in QSettings, and the prune it drives.
#include "ui/settings/historypage.h"

#include "store/historystore.h"
#include "store/logwriter.h"

#include <QComboBox>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace DeployDesk;
using Ui::HistoryPage;

namespace {

void addRun(HistoryStore &store, int daysAgo, const QString &word)
{
    RunRecord r;
    r.workspace = QStringLiteral("/work/site");
    r.pipeline = QStringLiteral("ci");
    r.status = RunStatus::Success;
    r.startedAt = QDateTime::currentDateTimeUtc().addDays(-daysAgo);
    r.finishedAt = r.startedAt.addSecs(10);
    const qint64 id = store.createRun(r).value();
    StageRecord s;
    s.runId = id;
    s.name = QStringLiteral("build");
    const qint64 stage = store.createStage(s).value();
    for (int i = 0; i < 100; ++i) {
        LogLine l;
        l.timestampMs = r.startedAt.toMSecsSinceEpoch() + i;
        l.text = QStringLiteral("line %1: %2").arg(i).arg(word).toUtf8();
        store.logWriter()->append(id, stage, l);
    }
}

} // namespace

class TestHistoryPage final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void showsSizeAndWhatAPolicyWouldFree();
    void savedPolicyDrivesThePrune();

private:
    QTemporaryDir m_state;
    QTemporaryDir m_data;
    std::unique_ptr<HistoryStore> m_store;
};

void TestHistoryPage::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("DeployDeskTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_historypage"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_state.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_state.path());
    auto opened = HistoryStore::open(m_data.path());
    QVERIFY(opened);
    m_store = std::move(*opened);
    for (int i = 0; i < 4; ++i)
        addRun(*m_store, 100, QStringLiteral("old%1").arg(i));
    addRun(*m_store, 1, QStringLiteral("new"));
    QVERIFY(m_store->logWriter()->flush());
}

void TestHistoryPage::init()
{
    QSettings().clear();
}

void TestHistoryPage::showsSizeAndWhatAPolicyWouldFree()
{
    HistoryPage page(m_store->databasePath(), m_data.path());
    QSignalSpy measured(&page, &HistoryPage::measured);
    QVERIFY(measured.wait(10000));
    // The default keeps everything.
    QVERIFY2(page.sizeText().startsWith(QLatin1String("The history takes ")),
             qPrintable(page.sizeText()));
    QVERIFY2(page.sizeText().contains(QLatin1String("5 run(s); kept artifacts take 0 bytes")),
             qPrintable(page.sizeText()));
    QCOMPARE(page.wouldFreeText(), QStringLiteral("Nothing is removed."));
    QCOMPARE(HistoryPage::savedPolicy(), std::nullopt);

    auto *kind = page.findChild<QComboBox *>(QStringLiteral("retentionKind"));
    auto *value = page.findChild<QSpinBox *>(QStringLiteral("retentionValue"));
    QVERIFY(kind && value);
    kind->setCurrentIndex(kind->findData(QStringLiteral("days")));
    value->setValue(30);
    QTRY_VERIFY2(
        page.wouldFreeText().startsWith(QLatin1String("Pruning now would remove 4 run(s)")),
        qPrintable(page.wouldFreeText()));
    kind->setCurrentIndex(kind->findData(QStringLiteral("runs")));
    value->setValue(2);
    QTRY_VERIFY2(
        page.wouldFreeText().startsWith(QLatin1String("Pruning now would remove 3 run(s)")),
        qPrintable(page.wouldFreeText()));
    // Looking changes nothing.
    RunFilter all;
    all.limit = 100;
    QCOMPARE(m_store->runs(all)->size(), 5);
    QCOMPARE(HistoryPage::savedPolicy(), std::nullopt); // not saved until the dialog's OK
}

void TestHistoryPage::savedPolicyDrivesThePrune()
{
    {
        HistoryPage page(m_store->databasePath(), m_data.path());
        auto *kind = page.findChild<QComboBox *>(QStringLiteral("retentionKind"));
        auto *value = page.findChild<QSpinBox *>(QStringLiteral("retentionValue"));
        kind->setCurrentIndex(kind->findData(QStringLiteral("days")));
        value->setValue(30);
        page.save();
    }
    QCOMPARE(QSettings().value(HistoryPage::kRetentionKey).toString(), QStringLiteral("days"));
    const auto policy = HistoryPage::savedPolicy();
    QVERIFY(policy && policy->olderThan);
    QVERIFY(policy->workspace.isEmpty());

    QObject context;
    std::optional<PruneReport> report;
    Ui::pruneBySavedPolicy(&context, m_store->databasePath(), m_data.path(),
                           [&](const PruneReport &r) { report = r; });
    QTRY_VERIFY_WITH_TIMEOUT(report.has_value(), 20000);
    QCOMPARE(report->runs, 4);
    RunFilter all;
    all.limit = 100;
    QCOMPARE(m_store->runs(all)->size(), 1);
    QCOMPARE(m_store->searchLogs(QStringLiteral("old1"))->size(), 0);
}

QTEST_MAIN(TestHistoryPage)
#include "tst_historypage.moc"
