#pragma once

// A small history for the history browser's tests: four runs with stages, events, logs
// and an artifact, each run distinguishable by one filter.
#include "store/eventtext.h"
#include "store/historystore.h"
#include "store/logwriter.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

struct HistoryFixture
{
    static constexpr const char *kSecret = "s3cr3t-t0ken";
    static constexpr const char *kWorkspace = "/ws/app";
    static constexpr int kFailedLogLines = 60;

    QTemporaryDir dir;
    std::unique_ptr<DeployDesk::HistoryStore> store;
    qint64 good = 0;   // preview, success, main, ana, 2026-03-01
    qint64 failed = 0; // production, failed, main, bob, 2026-03-05: test failed
    qint64 fixed = 0;  // production, success, feature/login, ana, 2026-03-08: "kangaroo" in a log
    qint64 other = 0;  // another workspace
    qint64 failedTestStage = 0;

    static QDateTime day(int d) { return QDateTime(QDate(2026, 3, d), QTime(12, 0), Qt::UTC); }

    qint64 addRun(const QString &workspace, const QString &env, DeployDesk::RunStatus status,
                  const QString &branch, const QString &who, int dayOfMonth, int seconds,
                  const QString &message = {})
    {
        DeployDesk::RunRecord r;
        r.workspace = workspace;
        r.pipeline = "app";
        r.environment = env;
        r.status = status;
        r.branch = branch;
        r.triggeredBy = who;
        r.message = message;
        r.commit = QStringLiteral("%1").arg(dayOfMonth, 40, 10, QLatin1Char('a'));
        r.startedAt = day(dayOfMonth);
        auto id = store->createRun(r);
        if (!id)
            return 0;
        store->finishRun(*id, status, r.startedAt.addSecs(seconds));
        return *id;
    }

    qint64 addStage(qint64 runId, const QString &name, DeployDesk::StageStatus status, int position,
                    int seconds, const QString &reason = {}, int attempts = 1)
    {
        auto run = store->run(runId);
        DeployDesk::StageRecord s;
        s.runId = runId;
        s.name = name;
        s.status = status;
        s.position = position;
        s.attempts = attempts;
        s.reason = reason;
        s.exitCode = status == DeployDesk::StageStatus::Failed ? 1 : 0;
        s.startedAt = run->startedAt.addSecs(position * 100);
        s.finishedAt = s.startedAt.addSecs(seconds);
        auto id = store->createStage(s);
        return id ? *id : 0;
    }

    void addEvent(qint64 runId, const QString &stage, const QString &kind, const QString &message,
                  const QString &who, int minute)
    {
        DeployDesk::EventRecord e;
        e.runId = runId;
        e.stage = stage;
        e.kind = DeployDesk::eventKindFromString(kind).value_or(DeployDesk::EventKind::Note);
        e.params = {{QStringLiteral("detail"), message}};
        e.who = who;
        e.at = store->run(runId)->startedAt.addSecs(minute * 60);
        QVERIFY(store->addEvent(e));
    }

    void build()
    {
        using DeployDesk::RunStatus;
        using DeployDesk::StageStatus;
        QVERIFY(dir.isValid());
        auto opened = DeployDesk::HistoryStore::open(dir.path());
        QVERIFY(opened);
        store = std::move(*opened);

        good = addRun(kWorkspace, "preview", RunStatus::Success, "main", "ana", 1, 120);
        QVERIFY(addStage(good, "build", StageStatus::Success, 0, 10));
        QVERIFY(addStage(good, "test", StageStatus::Success, 1, 20));
        QVERIFY(addStage(good, "deploy", StageStatus::Success, 2, 5));

        failed = addRun(kWorkspace, "production", RunStatus::Failed, "main", "bob", 5, 300,
                        QStringLiteral("hotfix with token %1").arg(kSecret));
        QVERIFY(addStage(failed, "build", StageStatus::Success, 0, 12));
        failedTestStage = addStage(failed, "test", StageStatus::Failed, 1, 25,
                                   "exit code 1 <script>alert(1)</script>", 2);
        QVERIFY(failedTestStage);
        QVERIFY(addStage(failed, "deploy", StageStatus::Skipped, 2, 0, "needs test"));
        addEvent(failed, {}, "started", "run started", "bob", 0);
        addEvent(failed, "test", "retry", "attempt 2 of 2", "", 1);
        addEvent(failed, "deploy", "approved", "approved for production", "carol", 2);
        addEvent(failed, {}, "cancel-requested", QStringLiteral("asked with %1").arg(kSecret),
                 "dan", 3);
        addEvent(failed, "deploy", "refused", "not today", "erin", 4);
        DeployDesk::ArtifactRecord a;
        a.runId = failed;
        a.stage = "build";
        a.path = "dist/app.tar";
        a.size = 4096;
        a.sha256 = QString(64, QLatin1Char('f'));
        QVERIFY(store->addArtifact(a));
        for (int i = 1; i <= kFailedLogLines; ++i) {
            QByteArray text = "\x1b[33mline " + QByteArray::number(i) + "\x1b[0m of the tests";
            if (i == kFailedLogLines)
                text = "\x1b[31mFAIL\x1b[0m expected 3 got 4";
            store->logWriter()->append(failed, failedTestStage,
                                       DeployDesk::LogLine{i, DeployDesk::LogStream::Stdout, text});
        }

        fixed =
            addRun(kWorkspace, "production", RunStatus::Success, "feature/login", "ana", 8, 200);
        const qint64 build = addStage(fixed, "build", StageStatus::Success, 0, 11);
        QVERIFY(build);
        QVERIFY(addStage(fixed, "test", StageStatus::Success, 1, 21));
        QVERIFY(addStage(fixed, "smoke", StageStatus::Success, 2, 3));
        QVERIFY(addStage(fixed, "deploy", StageStatus::Success, 3, 6));
        store->logWriter()->append(
            fixed, build,
            DeployDesk::LogLine{1, DeployDesk::LogStream::Stdout, "packing the kangaroo bundle"});

        other = addRun("/ws/other", "production", RunStatus::Cancelled, "main", "dan", 9, 10);
        QVERIFY(other);
        QVERIFY(store->logWriter()->flush());
    }
};
