// The local vector index: a SQLite file per version through the store's migrations, exact
// cosine top-k, upsert by id, deletes, counts, versions and the atomic alias switch.
#include "data/index/localindex.h"
#include "indextestutil.h"
#include "net/nettestutil.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace DeployDesk;
using namespace DeployDesk::Data;
using namespace DeployDesk::Test;

namespace {
constexpr int kDim = 32;

IndexSpec spec(int dimension = kDim)
{
    IndexSpec s;
    s.dimension = dimension;
    s.metadata = QJsonObject{{"provider", "local"}, {"model", "deploydesk-lexical-hash-v1"}};
    return s;
}
} // namespace

class TestLocalIndex : public QObject
{
    Q_OBJECT

    // Runs an index job to its end and checks it succeeded.
    IndexJob *ok(IndexJob *job)
    {
        [&] {
            QVERIFY(runJob(job));
            QVERIFY2(job->outcome() == Job::Outcome::Success, qPrintable(job->errorText()));
        }();
        return job;
    }

private slots:
    void upsertCountQueryExactly()
    {
        QTemporaryDir dir;
        LocalIndex index(dir.path(), QStringLiteral("docs"));
        QCOMPARE(ok(index.createVersion(1, spec(), this))->info().dimension, kDim);
        const auto points = makePoints(1200, kDim);
        IndexJob *upsert = index.upsert(1, points, this);
        QList<qint64> progress;
        connect(upsert, &IndexJob::progress, this, [&](qint64 done, qint64) { progress << done; });
        QCOMPARE(ok(upsert)->count(), 1200);
        QCOMPARE(progress, (QList<qint64>{0, 512, 1024, 1200}));
        QCOMPARE(ok(index.count(1, this))->count(), 1200);

        // Exact: the same top 10 as brute force, scores equal to the cosine, payloads back.
        QRandomGenerator random(99);
        for (int q = 0; q < 5; ++q) {
            const QList<float> query = randomVector(random, kDim);
            IndexJob *job = ok(index.query(1, query, 10, this));
            QCOMPARE(idsOf(job->hits()), nearest(points, query, 10));
            const auto &top = job->hits().first();
            const auto it = std::find_if(points.cbegin(), points.cend(),
                                         [&](const IndexPoint &p) { return p.id == top.id; });
            QVERIFY(std::abs(top.score - cosine(it->vector, query)) < 1e-5);
            QCOMPARE(top.payload, it->payload);
        }

        // The file is a migrated SQLite database (schema version 1).
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "peek");
        db.setDatabaseName(index.pathOf(1));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec("PRAGMA user_version") && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        q.finish();
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase("peek");
    }

    void upsertReplacesByIdAndRemoveDeletes()
    {
        QTemporaryDir dir;
        LocalIndex index(dir.path(), QStringLiteral("docs"));
        ok(index.createVersion(1, spec(), this));
        auto points = makePoints(100, kDim);
        ok(index.upsert(1, points, this));
        // The same ids again, new payloads: replaced, not added.
        for (auto &p : points)
            p.payload.insert("text", "changed");
        ok(index.upsert(1, points.mid(0, 50), this));
        QCOMPARE(ok(index.count(1, this))->count(), 100);
        IndexJob *hit = ok(index.query(1, points.at(3).vector, 1, this));
        QCOMPARE(hit->hits().first().id, points.at(3).id);
        QCOMPARE(hit->hits().first().payload.value("text").toString(), QStringLiteral("changed"));

        QStringList gone{points.at(0).id, points.at(1).id,
                         pointId("never there").toString(QUuid::WithoutBraces)};
        QCOMPARE(ok(index.remove(1, gone, this))->count(), 3);
        QCOMPARE(ok(index.count(1, this))->count(), 98);
        QVERIFY(!idsOf(ok(index.query(1, points.at(0).vector, 5, this))->hits())
                     .contains(points.at(0).id));
    }

    void badPointsWriteNothing_data()
    {
        QTest::addColumn<QString>("broken");
        QTest::addColumn<QString>("message");
        QTest::newRow("id") << "id"
                            << "point 3 of 10: id \"chunk-3\" is not a UUID; Qdrant takes only "
                               "UUIDs or unsigned integers";
        QTest::newRow("dimension") << "dimension"
                                   << "its vector has 31 dimensions, the index "
                                      "version holds 32";
        QTest::newRow("nan") << "nan"
                             << "its vector holds NaN or infinity";
    }

    void badPointsWriteNothing()
    {
        QFETCH(QString, broken);
        QFETCH(QString, message);
        QTemporaryDir dir;
        LocalIndex index(dir.path(), QStringLiteral("docs"));
        ok(index.createVersion(1, spec(), this));
        auto points = makePoints(10, kDim);
        if (broken == "id")
            points[2].id = "chunk-3";
        else if (broken == "dimension")
            points[2].vector.removeLast();
        else
            points[2].vector[5] = std::nanf("");
        IndexJob *job = index.upsert(1, points, this);
        QVERIFY(runJob(job));
        QCOMPARE(job->outcome(), Job::Outcome::Failed);
        QCOMPARE(job->error().code, ErrorCode::Invalid);
        QVERIFY2(job->errorText().contains(message), qPrintable(job->errorText()));
        QCOMPARE(ok(index.count(1, this))->count(), 0);
    }

    void versionsAndAtomicSwitch()
    {
        QTemporaryDir dir;
        LocalIndex index(dir.path(), QStringLiteral("docs"));
        QCOMPARE(ok(index.state(this))->state().nextVersion(), 1);
        ok(index.createVersion(1, spec(), this));
        ok(index.upsert(1, makePoints(20, kDim, 1, "old"), this));
        ok(index.createVersion(2, spec(), this));
        const auto fresh = makePoints(30, kDim, 2, "new");
        ok(index.upsert(2, fresh, this));

        // No live version yet: a query through the alias says what to do.
        IndexJob *none = index.query(std::nullopt, fresh.at(0).vector, 3, this);
        QVERIFY(runJob(none));
        QCOMPARE(none->error().code, ErrorCode::NotFound);
        QVERIFY(none->errorText().contains("has no live version yet; activate one"));

        QCOMPARE(ok(index.activate(1, this))->state().live, std::optional<int>(1));
        QCOMPARE(ok(index.query(std::nullopt, fresh.at(0).vector, 50, this))->hits().size(), 20);
        IndexJob *switched = ok(index.activate(2, this));
        QCOMPARE(switched->state().versions, (QList<int>{1, 2}));
        QCOMPARE(switched->state().live, std::optional<int>(2));
        QCOMPARE(ok(index.query(std::nullopt, fresh.at(0).vector, 1, this))->hits().first().id,
                 fresh.at(0).id);
        // Another LocalIndex on the same folder (another process) sees the switch.
        LocalIndex other(dir.path(), QStringLiteral("docs"));
        QCOMPARE(ok(other.state(this))->state().live, std::optional<int>(2));

        // The live one cannot be dropped; the previous one, when asked, can.
        IndexJob *refused = index.dropVersion(2, this);
        QVERIFY(runJob(refused));
        QCOMPARE(refused->error().code, ErrorCode::Conflict);
        QVERIFY(refused->errorText().contains("docs_v2 is the live version"));
        QCOMPARE(ok(index.dropVersion(1, this))->state().versions, QList<int>{2});
        QVERIFY(!QFile::exists(index.pathOf(1)));
        IndexJob *missing = index.count(1, this);
        QVERIFY(runJob(missing));
        QCOMPARE(missing->error().code, ErrorCode::NotFound);
        QVERIFY2(missing->errorText().contains("has no version 1 (versions: 2)"),
                 qPrintable(missing->errorText()));
    }

    void createKeepsAnExistingVersion()
    {
        QTemporaryDir dir;
        LocalIndex index(dir.path(), QStringLiteral("docs"));
        ok(index.createVersion(3, spec(), this));
        ok(index.upsert(3, makePoints(40, kDim), this));
        // A resumed re-embed creates it again: kept, with its points.
        QCOMPARE(ok(index.createVersion(3, spec(), this))->info().points, 40);
        IndexJob *other = index.createVersion(3, spec(64), this);
        QVERIFY(runJob(other));
        QCOMPARE(other->error().code, ErrorCode::Conflict);
        QVERIFY(other->errorText().contains("exists with 32 dimensions, not 64"));
        // The metadata comes back.
        QCOMPARE(ok(index.info(3, this))->info().metadata.value("model").toString(),
                 QStringLiteral("deploydesk-lexical-hash-v1"));
    }

    void queryChecksTheVector()
    {
        QTemporaryDir dir;
        LocalIndex index(dir.path(), QStringLiteral("docs"));
        ok(index.createVersion(1, spec(), this));
        IndexJob *job = index.query(1, QList<float>(16, 1.0f), 5, this);
        QVERIFY(runJob(job));
        QCOMPARE(job->error().code, ErrorCode::Invalid);
        QVERIFY2(job->errorText().contains("the query vector has 16 dimensions; docs_v1 holds "
                                           "vectors of 32"),
                 qPrintable(job->errorText()));
    }

    void newerFileIsRefusedUntouched()
    {
        QTemporaryDir dir;
        LocalIndex index(dir.path(), QStringLiteral("docs"));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "future");
            db.setDatabaseName(index.pathOf(1));
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec("PRAGMA user_version=99"));
            db.close();
        }
        QSqlDatabase::removeDatabase("future");
        IndexJob *job = index.count(1, this);
        QVERIFY(runJob(job));
        QCOMPARE(job->outcome(), Job::Outcome::Failed);
        QVERIFY2(job->errorText().startsWith(QString("vector index %1 has schema version 99, "
                                                     "newer than this DeployDesk understands")
                                                 .arg(index.pathOf(1))),
                 qPrintable(job->errorText()));
    }

    void cancelKeepsWholeBatches()
    {
        QTemporaryDir dir;
        LocalIndex index(dir.path(), QStringLiteral("docs"));
        ok(index.createVersion(1, spec(), this));
        IndexJob *job = index.upsert(1, makePoints(6000, kDim), this);
        QSignalSpy finished(job, &Job::result);
        connect(job, &IndexJob::progress, job, [job](qint64 done, qint64) {
            if (done >= 512)
                job->cancel();
        });
        job->start();
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(job->outcome(), Job::Outcome::Cancelled);
        const qint64 kept = ok(index.count(1, this))->count();
        QVERIFY(kept >= 512 && kept < 6000);
        QCOMPARE(kept % LocalIndex::kUpsertBatch, 0);
    }

    void badNameIsRefused()
    {
        QTemporaryDir dir;
        LocalIndex index(dir.path(), QStringLiteral("../docs"));
        IndexJob *job = index.createVersion(1, spec(), this);
        QVERIFY(runJob(job));
        QCOMPARE(job->error().code, ErrorCode::Invalid);
        QVERIFY(job->errorText().contains("found \"../docs\""));
    }
};

QTEST_GUILESS_MAIN(TestLocalIndex)
#include "tst_localindex.moc"
