// Events are data (issue 10 §2): a kind and parameters are stored and the sentence is made
// when read, in the reader's language. Rows recorded as text by an older DeployDesk (in
// English or German) are read back into parameters when the history is opened, so a German
// panel's events read in English in the CLI and the other way round.
#include "store/eventtext.h"
#include "store/historystore.h"
#include "store/schema.h"
#include "store/sqlutil.h"

#include "storetestutil.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace DeployDesk;

namespace {

const QString kGerman = QStringLiteral(":/i18n/deploydesk_de.qm");

EventRecord makeEvent(EventKind kind, const EventParams &params)
{
    EventRecord e;
    e.kind = kind;
    e.params = params;
    return e;
}

// Installs the German translation for the scope.
class InGerman
{
public:
    InGerman()
    {
        QVERIFY(m_translator.load(kGerman));
        QCoreApplication::installTranslator(&m_translator);
    }
    ~InGerman() { QCoreApplication::removeTranslator(&m_translator); }

private:
    QTranslator m_translator;
};

// A history at schema version 5 (before events were data) holding one run.
qint64 makeOldHistory(const QString &dir)
{
    const QString path = QDir(dir).filePath(QStringLiteral("history.sqlite"));
    const QString name = Internal::uniqueConnectionName(QStringLiteral("old"));
    qint64 runId = 0;
    {
        auto db = Internal::openConnection(path, name);
        if (!db)
            return 0;
        if (!Internal::migrate(*db, path, 5))
            return 0;
        QSqlQuery q(*db);
        q.exec(QStringLiteral("INSERT INTO runs (workspace, pipeline, status, started_at) "
                              "VALUES ('/w', 'docs', 'failed', 1000)"));
        runId = q.lastInsertId().toLongLong();
        db->close();
    }
    QSqlDatabase::removeDatabase(name);
    return runId;
}

void addOldEvent(const QString &dir, qint64 runId, const QString &kind, const QString &message)
{
    const QString path = QDir(dir).filePath(QStringLiteral("history.sqlite"));
    const QString name = Internal::uniqueConnectionName(QStringLiteral("old"));
    {
        auto db = Internal::openConnection(path, name);
        QVERIFY(db);
        QSqlQuery q(*db);
        q.prepare(QStringLiteral("INSERT INTO events (run_id, stage, at, kind, message, who) "
                                 "VALUES (?, '', 1000, ?, ?, 'ana')"));
        q.addBindValue(runId);
        q.addBindValue(kind);
        q.addBindValue(message);
        QVERIFY(q.exec());
        db->close();
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace

class TestEvents final : public QObject
{
    Q_OBJECT

private slots:
    void kindsKeepTheirStoredNames();
    void sentencesInEnglish();
    void sentencesInTheReadersLanguage();
    void valuesAreNotReadAsPlaceholders();
    void pluralCountsAreRealPlurals();
    void storesParametersNotSentences();
    void oldTextRowsAreReadBackIntoParameters();
    void unknownTextAndKindsAreKeptAsTheyWere();
};

void TestEvents::kindsKeepTheirStoredNames()
{
    // The names older histories hold; every kind goes there and back.
    QCOMPARE(toString(EventKind::StageFinished), QStringLiteral("stage-finished"));
    QCOMPARE(toString(EventKind::CancelRequested), QStringLiteral("cancel-requested"));
    QCOMPARE(toString(EventKind::GitHub), QStringLiteral("github"));
    for (int k = int(EventKind::Note); k <= int(EventKind::GitHub); ++k) {
        const auto kind = EventKind(k);
        QVERIFY(eventKindFromString(toString(kind)) == std::optional<EventKind>(kind));
        QVERIFY(!eventKindText(kind).isEmpty());
    }
    QVERIFY(!eventKindFromString(QStringLiteral("from-the-future")));
}

void TestEvents::sentencesInEnglish()
{
    QCOMPARE(eventText(
                 makeEvent(EventKind::StageFinished, {{"stage", "lint"}, {"status", "cancelled"}})),
             QStringLiteral("stage lint: cancelled"));
    QCOMPARE(
        eventText(makeEvent(EventKind::StageFinished,
                            {{"stage", "test"}, {"status", "failed"}, {"reason", "exit code 1"}})),
        QStringLiteral("stage test: failed (exit code 1)"));
    QCOMPARE(eventText(makeEvent(EventKind::StageFinished,
                                 {{"stage", "docs"}, {"status", "allowed-failure"}})),
             QStringLiteral("stage docs: failed (allowed: continue-on-error)"));
    QCOMPARE(eventText(makeEvent(EventKind::Started, {{"by", "ana"},
                                                      {"environment", "staging"},
                                                      {"rerunOf", "7"},
                                                      {"message", "fix typo"}})),
             QStringLiteral("run started by ana for environment staging (re-run of the failed "
                            "stages of run 7): fix typo"));
    QCOMPARE(eventText(makeEvent(
                 EventKind::Started,
                 {{"environment", "production"}, {"by", "ana"}, {"operation", "rollback"}})),
             QStringLiteral("rollback of production started by ana"));
    QCOMPARE(eventText(makeEvent(EventKind::Finished, {{"status", "success"}})),
             QStringLiteral("run succeeded"));
    QCOMPARE(eventText(makeEvent(EventKind::CancelRequested, {})),
             QStringLiteral("cancel requested"));
    QCOMPARE(eventText(makeEvent(EventKind::GitHub, {{"detail", "Bad credentials"}})),
             QStringLiteral("Bad credentials"));
    QCOMPARE(eventKindText(EventKind::ApprovalRequested), QStringLiteral("Approval requested"));
}

void TestEvents::sentencesInTheReadersLanguage()
{
    const EventRecord cancelled =
        makeEvent(EventKind::StageFinished, {{"stage", "lint"}, {"status", "cancelled"}});
    const EventRecord approved =
        makeEvent(EventKind::Approved, {{"environment", "production"}, {"by", "ana"}});
    {
        InGerman german;
        QCOMPARE(eventText(cancelled), QStringLiteral("Stufe lint: abgebrochen"));
        QCOMPARE(eventText(approved),
                 QStringLiteral("Bereitstellung in production freigegeben von ana"));
        QCOMPARE(eventKindText(EventKind::StageFinished), QStringLiteral("Stufe beendet"));
    }
    // The same records read in English once the German reader is gone.
    QCOMPARE(eventText(cancelled), QStringLiteral("stage lint: cancelled"));
    QCOMPARE(eventText(approved), QStringLiteral("deploy to production approved by ana"));
}

void TestEvents::valuesAreNotReadAsPlaceholders()
{
    // A reason that holds "%2" stays as written.
    QCOMPARE(
        eventText(makeEvent(EventKind::Refused,
                            {{"environment", "prod"}, {"by", "ana"}, {"reason", "100%2 sure"}})),
        QStringLiteral("deploy to prod refused by ana: 100%2 sure"));
}

void TestEvents::pluralCountsAreRealPlurals()
{
    const EventRecord one =
        makeEvent(EventKind::RecordFailed, {{"count", "1"}, {"detail", "database is locked"}});
    const EventRecord three =
        makeEvent(EventKind::RecordFailed, {{"count", "3"}, {"detail", "database is locked"}});
    InGerman german;
    QVERIFY2(eventText(one).startsWith(QStringLiteral("1 Änderung ")), qPrintable(eventText(one)));
    QVERIFY2(eventText(three).startsWith(QStringLiteral("3 Änderungen ")),
             qPrintable(eventText(three)));
}

void TestEvents::storesParametersNotSentences()
{
    QTemporaryDir dir;
    auto store = HistoryStore::open(dir.path());
    DD_VERIFY_OK(store);
    RunRecord run;
    run.workspace = QStringLiteral("/w");
    run.pipeline = QStringLiteral("docs");
    run.startedAt = QDateTime::currentDateTimeUtc();
    auto id = (*store)->createRun(run);
    DD_VERIFY_OK(id);
    EventRecord e = makeEvent(EventKind::StageFinished, {{"stage", "lint"}, {"status", "failed"}});
    e.runId = *id;
    {
        InGerman german; // recorded by a German panel
        DD_VERIFY_OK((*store)->addEvent(e));
    }
    auto events = (*store)->events(*id);
    DD_VERIFY_OK(events);
    QCOMPARE(events->size(), 1);
    QCOMPARE(toString(events->at(0).kind), toString(EventKind::StageFinished));
    QCOMPARE(events->at(0).params.value("status"), QStringLiteral("failed"));
    QVERIFY(events->at(0).message.isEmpty());
    QCOMPARE(eventText(events->at(0)), QStringLiteral("stage lint: failed")); // read in English
}

void TestEvents::oldTextRowsAreReadBackIntoParameters()
{
    QTemporaryDir dir;
    const qint64 runId = makeOldHistory(dir.path());
    QVERIFY(runId > 0);
    // As an English and a German DeployDesk recorded them before schema step 6.
    addOldEvent(dir.path(), runId, "started", "run started by ana for environment staging");
    addOldEvent(dir.path(), runId, "stage-finished", "Stufe lint: cancelled");
    addOldEvent(dir.path(), runId, "stage-finished",
                "stage docs: failed (allowed: continue-on-error)");
    addOldEvent(dir.path(), runId, "approved",
                "Bereitstellung in production freigegeben von ana: Freigabe für 2.0");
    addOldEvent(dir.path(), runId, "finished", "run failed");

    auto store = HistoryStore::open(dir.path());
    DD_VERIFY_OK(store);
    QCOMPARE((*store)->schemaVersion(), HistoryStore::kSchemaVersion);
    auto events = (*store)->events(runId);
    DD_VERIFY_OK(events);
    QCOMPARE(events->size(), 5);
    QCOMPARE(events->at(0).params.value("environment"), QStringLiteral("staging"));
    QCOMPARE(events->at(1).params.value("status"), QStringLiteral("cancelled"));
    QCOMPARE(events->at(2).params.value("status"), QStringLiteral("allowed-failure"));
    QCOMPARE(events->at(3).params.value("reason"), QStringLiteral("Freigabe für 2.0"));
    for (const EventRecord &e : *events)
        QVERIFY2(e.message.isEmpty(), qPrintable(e.message));

    // Read in English, the German rows are English now, and in German the English ones.
    QCOMPARE(eventText(events->at(1)), QStringLiteral("stage lint: cancelled"));
    QCOMPARE(eventText(events->at(3)),
             QStringLiteral("deploy to production approved by ana: Freigabe für 2.0"));
    QCOMPARE(eventText(events->at(4)), QStringLiteral("run failed"));
    InGerman german;
    QCOMPARE(eventText(events->at(0)),
             QStringLiteral("Lauf gestartet von ana für Umgebung staging"));
}

void TestEvents::unknownTextAndKindsAreKeptAsTheyWere()
{
    QTemporaryDir dir;
    const qint64 runId = makeOldHistory(dir.path());
    QVERIFY(runId > 0);
    addOldEvent(dir.path(), runId, "cancel-requested", "DeployDesk was closed");
    addOldEvent(dir.path(), runId, "from-the-future", "something new happened");
    {
        auto store = HistoryStore::open(dir.path());
        DD_VERIFY_OK(store);
    }
    auto store = HistoryStore::open(dir.path()); // a second open finds nothing left to read
    DD_VERIFY_OK(store);
    auto events = (*store)->events(runId);
    DD_VERIFY_OK(events);
    QCOMPARE(events->size(), 2);
    QCOMPARE(toString(events->at(0).kind), toString(EventKind::CancelRequested));
    QCOMPARE(eventText(events->at(0)), QStringLiteral("DeployDesk was closed"));
    QCOMPARE(toString(events->at(1).kind), toString(EventKind::Note));
    QCOMPARE(eventText(events->at(1)), QStringLiteral("something new happened"));
}

QTEST_GUILESS_MAIN(TestEvents)
#include "tst_events.moc"
