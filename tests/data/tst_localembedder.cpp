// The local embedder: offline, deterministic, unit-length vectors of the chosen dimension,
// lexical similarity (shared words and word fragments), and honest about what it is not
// (different words of the same meaning do not match).
#include "data/embed/localembedder.h"
#include "net/nettestutil.h"

#include <QSignalSpy>
#include <QTest>

#include <cmath>

using namespace DeployDesk;
using namespace DeployDesk::Data;
using namespace DeployDesk::Test;

namespace {
double cosine(const Embedding &a, const Embedding &b)
{
    double dot = 0, na = 0, nb = 0;
    for (qsizetype i = 0; i < a.size(); ++i) {
        dot += double(a[i]) * b[i];
        na += double(a[i]) * a[i];
        nb += double(b[i]) * b[i];
    }
    return dot / std::sqrt(na * nb);
}

const QString kOwnership = QStringLiteral(
    "Ownership is a set of rules that govern how a Rust program manages memory. Each value "
    "has an owner; when the owner goes out of scope, the value is dropped.");
const QString kBorrowing = QStringLiteral(
    "A reference lets you refer to a value without taking ownership of it: borrowing. "
    "References are immutable by default.");
const QString kCargo = QStringLiteral(
    "Cargo is Rust's build system and package manager: cargo build compiles a project, "
    "cargo run builds and runs it.");
} // namespace

class TestLocalEmbedder : public QObject
{
    Q_OBJECT

private slots:
    void vectorsAreDeterministicUnitLength()
    {
        LocalEmbedder embedder(256);
        QCOMPARE(embedder.info().dimension, 256);
        QCOMPARE(embedder.info().provider, QStringLiteral("local"));
        QCOMPARE(embedder.info().model, QStringLiteral("deploydesk-lexical-hash-v1"));

        const QStringList texts{kOwnership, kBorrowing, kCargo, QStringLiteral("!!! ???")};
        EmbedJob *first = embedder.embed(texts, InputType::Document, this);
        QVERIFY(runJob(first));
        QCOMPARE(first->outcome(), Job::Outcome::Success);
        QCOMPARE(first->vectors().size(), 4);
        for (const Embedding &v : first->vectors()) {
            QCOMPARE(v.size(), 256);
            double norm = 0;
            for (float x : v)
                norm += double(x) * x;
            QVERIFY(std::abs(norm - 1.0) < 1e-5);
        }
        // The same texts give bit-identical vectors in another job (and documents and
        // queries are embedded alike).
        EmbedJob *again = embedder.embed(texts, InputType::Query, this);
        QVERIFY(runJob(again));
        QCOMPARE(again->vectors(), first->vectors());
        // Fixed by the scheme, not by this process's hash seed: a known value.
        QCOMPARE(LocalEmbedder::embedText(QStringLiteral("ownership"), 16),
                 LocalEmbedder::embedText(QStringLiteral("OWNERSHIP"), 16));
    }

    void similarityIsLexical()
    {
        auto e = [](const QString &text) { return LocalEmbedder::embedText(text, 1024); };
        const double ownershipQuery = cosine(e("how does ownership work"), e(kOwnership));
        const double unrelated = cosine(e("how does ownership work"), e(kCargo));
        QVERIFY2(ownershipQuery > unrelated + 0.1,
                 qPrintable(QString("%1 vs %2").arg(ownershipQuery).arg(unrelated)));
        // Word fragments count: "borrow" finds "borrowing".
        QVERIFY(cosine(e("borrow"), e(kBorrowing)) > cosine(e("borrow"), e(kCargo)));
        // Not semantic: the same meaning in other words scores (almost) nothing.
        QVERIFY(cosine(e("automobile"), e("car")) < 0.2);
    }

    void batchesCoverEveryTextOnce()
    {
        QStringList texts;
        for (int i = 0; i < 300; ++i)
            texts << QStringLiteral("chunk number %1").arg(i);
        LocalEmbedder embedder(64);
        EmbedJob *job = embedder.embed(texts, InputType::Document, this);
        QList<int> seen(texts.size(), 0);
        QList<int> progress;
        connect(job, &EmbedJob::batchReady, this, [&](int first, const QList<Embedding> &v) {
            for (int i = 0; i < v.size(); ++i)
                ++seen[first + i];
        });
        connect(job, &EmbedJob::progress, this, [&](int done, int) { progress << done; });
        QVERIFY(runJob(job));
        QCOMPARE(job->outcome(), Job::Outcome::Success);
        QCOMPARE(seen, QList<int>(texts.size(), 1));
        QCOMPARE(progress.last(), 300);
        QVERIFY(std::is_sorted(progress.cbegin(), progress.cend()));
        for (int i = 0; i < texts.size(); ++i)
            QCOMPARE(job->vectors().at(i), LocalEmbedder::embedText(texts.at(i), 64));
    }

    // Texts streamed into an open job are embedded as they come, each in its place; the job
    // ends only when its input is closed (at once if every text has its vector by then).
    void openJobTakesTextsUntilClosed()
    {
        LocalEmbedder embedder(64);
        EmbedJob *job = embedder.embed({}, InputType::Document, this);
        job->setOpen(true);
        QList<int> seen;
        connect(job, &EmbedJob::batchReady, this, [&](int first, const QList<Embedding> &v) {
            seen.resize(std::max<qsizetype>(seen.size(), first + v.size()), 0);
            for (int i = 0; i < v.size(); ++i)
                ++seen[first + i];
        });
        QSignalSpy finished(job, &Job::result);
        job->start();
        QStringList texts;
        for (int i = 0; i < 150; ++i)
            texts << QStringLiteral("chunk number %1").arg(i);
        job->append(texts.mid(0, 100));
        QTRY_COMPARE(job->done(), 100);
        job->append(texts.mid(100)); // while idle: taken up at once
        QTRY_COMPARE(job->done(), 150);
        QCOMPARE(finished.count(), 0);
        job->closeInput();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(job->outcome(), Job::Outcome::Success);
        QCOMPARE(seen, QList<int>(150, 1));
        QCOMPARE(job->texts(), texts);
        for (int i = 0; i < texts.size(); ++i)
            QCOMPARE(job->vectors().at(i), LocalEmbedder::embedText(texts.at(i), 64));

        // Nothing ever appended: closed, it succeeds with no vectors.
        EmbedJob *none = embedder.embed({}, InputType::Document, this);
        none->setOpen(true);
        QSignalSpy noneFinished(none, &Job::result);
        none->start();
        QTRY_VERIFY(none->isRunning()); // begun, with nothing to embed yet
        QCoreApplication::processEvents();
        QCOMPARE(noneFinished.count(), 0);
        none->closeInput();
        QCOMPARE(noneFinished.count(), 1);
        QCOMPARE(none->outcome(), Job::Outcome::Success);
    }

    void emptyListSucceedsAndBlankTextFails()
    {
        LocalEmbedder embedder;
        EmbedJob *none = embedder.embed({}, InputType::Document, this);
        QVERIFY(runJob(none));
        QCOMPARE(none->outcome(), Job::Outcome::Success);
        QVERIFY(none->vectors().isEmpty());

        EmbedJob *blank = embedder.embed({"a", "b", "\n\t "}, InputType::Document, this);
        QVERIFY(runJob(blank));
        QCOMPARE(blank->outcome(), Job::Outcome::Failed);
        QCOMPARE(blank->error().code, ErrorCode::Invalid);
        QVERIFY(blank->errorText().startsWith("text 3 of 3 is empty"));
    }

    void cancelIsNotFailure()
    {
        QStringList texts;
        for (int i = 0; i < 5000; ++i)
            texts << kOwnership + QString::number(i);
        LocalEmbedder embedder;
        EmbedJob *job = embedder.embed(texts, InputType::Document, this);
        QSignalSpy finished(job, &Job::result);
        QSignalSpy batches(job, &EmbedJob::batchReady);
        job->start();
        QVERIFY(batches.wait());
        job->cancel();
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(job->outcome(), Job::Outcome::Cancelled);
        const int announced = int(batches.count());
        QVERIFY(announced < 5000 / 64);
        QVERIFY(!batches.wait(300)); // no batch after the result
        QCOMPARE(finished.count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestLocalEmbedder)
#include "tst_localembedder.moc"
