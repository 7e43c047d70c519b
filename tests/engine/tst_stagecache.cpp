// Stage caches (issue 11 §7): a stage's `cache:` folders restored before it runs and saved
// after it succeeds, keyed on files; hit and miss said with why; entries never changed,
// never written outside the workdir, evicted least recently used under the cap — with real
// processes and files.
#include "common/filestore.h"
#include "engine/runjob.h"
#include "engine/stagecache.h"
#include "statuscompare.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace DeployDesk;

namespace {

void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY2(f.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(path));
    f.write(content);
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

// A stage that installs "dependencies" unless its cache was restored: it says which it did
// and fails when asked to.
Stage installStage()
{
    Stage s;
    s.name = QStringLiteral("install");
    s.run = QStringLiteral(
        "if [ \"$DEPLOYDESK_CACHE_HIT\" = true ]; then echo USED-CACHE; else echo INSTALLING; "
        "mkdir -p deps/sub && cat lock.txt > deps/sub/pkg && chmod 750 deps/sub/pkg && "
        "ln -sf sub/pkg deps/link && mkdir -p deps/empty; fi; "
        "[ ! -e fail ]");
    s.cache.prefix = QStringLiteral("deps");
    s.cache.keyFiles = {QStringLiteral("*.txt")};
    s.cache.paths = {QStringLiteral("deps")};
    return s;
}

struct RunResult
{
    StageStatus status = StageStatus::Pending;
    QString log;
};

} // namespace

class TestStageCache : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_workspace;
    QString m_data;
    qint64 m_runId = 0;

    RunResult run(const Stage &stage, const QMap<QString, QString> &secrets = {})
    {
        RunPlan plan;
        plan.secrets = secrets;
        plan.pipeline.name = QStringLiteral("t");
        plan.pipeline.workspaceDir = m_workspace;
        plan.pipeline.stages = {stage};
        plan.runId = ++m_runId;
        plan.dataDir = m_data;
        RunResult result;
        RunJob job(plan, [&result](const QString &) -> LogPipeline::Sink {
            return [&result](std::span<const LogLineRef> lines) {
                for (const LogLineRef &line : lines)
                    result.log += QString::fromUtf8(line.text) + u'\n';
            };
        });
        QSignalSpy done(&job, &Job::result);
        job.start();
        if (!done.wait(30000))
            qWarning("the run did not end");
        result.status = job.stageStatus(stage.name);
        return result;
    }

private slots:
    void init()
    {
        static int n = 0;
        m_workspace = m_tmp.filePath(QStringLiteral("ws%1").arg(++n));
        m_data = m_tmp.filePath(QStringLiteral("data%1").arg(n));
        QDir().mkpath(m_workspace);
        QDir().mkpath(m_data);
        writeFile(m_workspace + QStringLiteral("/lock.txt"), "version 1\n");
    }

    void aMissSavesAndTheNextRunRestores()
    {
        const RunResult first = run(installStage());
        DD_COMPARE_STATUS(first.status, StageStatus::Success);
        QVERIFY2(first.log.contains(u"INSTALLING"), qPrintable(first.log));
        QVERIFY2(first.log.contains(u"cache miss: nothing was saved under key deps-"),
                 qPrintable(first.log));
        QVERIFY2(first.log.contains(u"cache saved: key deps-"), qPrintable(first.log));

        // A fresh checkout: the folder is gone, the lock file is the same.
        QVERIFY(QDir(m_workspace + QStringLiteral("/deps")).removeRecursively());
        const RunResult second = run(installStage());
        DD_COMPARE_STATUS(second.status, StageStatus::Success);
        QVERIFY2(second.log.contains(u"USED-CACHE"), qPrintable(second.log));
        QVERIFY2(second.log.contains(u"cache hit: key deps-") &&
                     second.log.contains(u"saved by run 1 (stage \"install\")"),
                 qPrintable(second.log));
        QVERIFY2(second.log.contains(u"cache not saved: key deps-"), qPrintable(second.log));
        // What was saved came back as it was: content, permissions, the link, the empty folder.
        const QString pkg = m_workspace + QStringLiteral("/deps/sub/pkg");
        QCOMPARE(readFile(pkg), QByteArray("version 1\n"));
        QCOMPARE(QFile::permissions(pkg) & QFileDevice::ExeOwner, QFileDevice::ExeOwner);
        QCOMPARE(QFile::permissions(pkg) & QFileDevice::ReadOther, QFileDevice::Permissions());
        const QFileInfo link(m_workspace + QStringLiteral("/deps/link"));
        QVERIFY(link.isSymLink());
        QCOMPARE(readFile(link.filePath()), QByteArray("version 1\n"));
        QVERIFY(QFileInfo(m_workspace + QStringLiteral("/deps/empty")).isDir());

        // A changed key file: a miss that names it, and the stage installs again.
        writeFile(m_workspace + QStringLiteral("/lock.txt"), "version 2\n");
        writeFile(m_workspace + QStringLiteral("/extra.txt"), "new\n");
        const RunResult third = run(installStage());
        DD_COMPARE_STATUS(third.status, StageStatus::Success);
        QVERIFY2(third.log.contains(u"INSTALLING"), qPrintable(third.log));
        QVERIFY2(third.log.contains(u"since the entry run 1 saved") &&
                     third.log.contains(u"changed: lock.txt; new: extra.txt"),
                 qPrintable(third.log));
        QCOMPARE(listCaches(m_data).size(), 2);
    }

    void aFailedStageSavesNothing()
    {
        writeFile(m_workspace + QStringLiteral("/fail"), "");
        const RunResult first = run(installStage());
        DD_COMPARE_STATUS(first.status, StageStatus::Failed);
        QVERIFY2(!first.log.contains(u"cache saved"), qPrintable(first.log));
        QVERIFY(listCaches(m_data).isEmpty());

        QFile::remove(m_workspace + QStringLiteral("/fail"));
        QVERIFY(QDir(m_workspace + QStringLiteral("/deps")).removeRecursively());
        const RunResult second = run(installStage());
        DD_COMPARE_STATUS(second.status, StageStatus::Success);
        QVERIFY2(second.log.contains(u"INSTALLING"), qPrintable(second.log));
    }

    void restoredFilesAreCopiesAndTheEntryNeverChanges()
    {
        DD_COMPARE_STATUS(run(installStage()).status, StageStatus::Success);
        const qint64 cached = distinctBytes(cachesDir(m_data));
        QVERIFY(QDir(m_workspace + QStringLiteral("/deps")).removeRecursively());
        DD_COMPARE_STATUS(run(installStage()).status, StageStatus::Success);

        // The stage (or the user) changes a restored file in place.
        QFile pkg(m_workspace + QStringLiteral("/deps/sub/pkg"));
        QVERIFY(pkg.open(QIODevice::ReadWrite));
        pkg.write("TAMPERED");
        pkg.close();

        QVERIFY(QDir(m_workspace + QStringLiteral("/deps")).removeRecursively());
        const RunResult again = run(installStage());
        QVERIFY2(again.log.contains(u"cache hit"), qPrintable(again.log));
        QCOMPARE(readFile(pkg.fileName()), QByteArray("version 1\n"));
        QCOMPARE(distinctBytes(cachesDir(m_data)), cached);
    }

    // A file already where the entry has one is replaced, never written through: not a
    // hard link to a file outside the workdir, not a link pointing out of it.
    void restoringOverExistingFilesReplacesThem()
    {
        DD_COMPARE_STATUS(run(installStage()).status, StageStatus::Success);
        const QString pkg = m_workspace + QStringLiteral("/deps/sub/pkg");
        const QByteArray pkgNative = QFile::encodeName(pkg);

        // A hard link to a file outside: the restore replaces the link, the file keeps its bytes.
        const QString outsideFile = m_tmp.filePath(QStringLiteral("outside-%1").arg(m_runId));
        writeFile(outsideFile, "keep me\n");
        QVERIFY(QFile::remove(pkg));
        QCOMPARE(::link(QFile::encodeName(outsideFile).constData(), pkgNative.constData()), 0);
        QVERIFY(QDir(m_workspace + QStringLiteral("/deps/empty")).removeRecursively());
        RunResult again = run(installStage());
        QVERIFY2(again.log.contains(u"cache hit"), qPrintable(again.log));
        QCOMPARE(readFile(pkg), QByteArray("version 1\n"));
        QCOMPARE(readFile(outsideFile), QByteArray("keep me\n"));
        struct stat st;
        QCOMPARE(::lstat(pkgNative.constData(), &st), 0);
        QCOMPARE(st.st_nlink, nlink_t(1));
        QVERIFY(QFileInfo(m_workspace + QStringLiteral("/deps/empty")).isDir());

        // A link pointing outside (to nothing yet): replaced, nothing created where it pointed.
        const QString target = m_tmp.filePath(QStringLiteral("target-%1").arg(m_runId));
        QVERIFY(QFile::remove(pkg));
        QVERIFY(QFile::link(target, pkg));
        again = run(installStage());
        QVERIFY2(again.log.contains(u"cache hit"), qPrintable(again.log));
        QVERIFY(!QFileInfo::exists(target));
        QCOMPARE(::lstat(pkgNative.constData(), &st), 0);
        QVERIFY(S_ISREG(st.st_mode));
        QCOMPARE(readFile(pkg), QByteArray("version 1\n"));
    }

    void cachedFilesAreStoredByContent()
    {
        // Two stages whose caches hold the same bytes: the second adds none to the disk.
        DD_COMPARE_STATUS(run(installStage()).status, StageStatus::Success);
        Stage other = installStage();
        other.name = QStringLiteral("install-again");
        other.cache.prefix = QStringLiteral("other");
        QVERIFY(QDir(m_workspace + QStringLiteral("/deps")).removeRecursively());
        const RunResult second = run(other);
        QVERIFY2(second.log.contains(u"(10 bytes; 0 bytes new on disk)"), qPrintable(second.log));
    }

    void neverWritesOutsideTheWorkdir()
    {
        DD_COMPARE_STATUS(run(installStage()).status, StageStatus::Success);
        // A hostile checkout: a folder inside the cached one is now a link leading out of
        // the workspace.
        const QString outside = m_tmp.filePath(QStringLiteral("outside-%1").arg(m_runId));
        QDir().mkpath(outside);
        QVERIFY(QDir(m_workspace + QStringLiteral("/deps/sub")).removeRecursively());
        QVERIFY(QFile::link(outside, m_workspace + QStringLiteral("/deps/sub")));

        // The link is replaced by the cached folder before anything is written below it.
        const RunResult second = run(installStage());
        QVERIFY2(second.log.contains(u"cache hit"), qPrintable(second.log));
        QVERIFY(!QFileInfo(m_workspace + QStringLiteral("/deps/sub")).isSymLink());
        QCOMPARE(readFile(m_workspace + QStringLiteral("/deps/sub/pkg")),
                 QByteArray("version 1\n"));
        QDirIterator it(outside, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
        QVERIFY2(!it.hasNext(), "a cached file was written outside the workspace");

        // The cached folder itself a link: it is replaced by the folder, nothing goes out.
        QVERIFY(QDir(m_workspace + QStringLiteral("/deps")).removeRecursively());
        QVERIFY(QFile::link(outside, m_workspace + QStringLiteral("/deps")));
        run(installStage());
        QVERIFY(!QFileInfo(m_workspace + QStringLiteral("/deps")).isSymLink());
        QDirIterator again(outside, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
        QVERIFY2(!again.hasNext(), "a cached file was written outside the workspace");
    }

    void keyFilesThatMatchNothingRunWithoutACache()
    {
        Stage s = installStage();
        s.cache.keyFiles = {QStringLiteral("*.lock")};
        const RunResult result = run(s);
        DD_COMPARE_STATUS(result.status, StageStatus::Success);
        QVERIFY2(result.log.contains(u"cache not used: the cache key's files (*.lock) match no "
                                     "file in"),
                 qPrintable(result.log));
        QVERIFY2(result.log.contains(u"INSTALLING"), qPrintable(result.log));
        QVERIFY(listCaches(m_data).isEmpty());
    }

    void textKeysExpandTheEnvironmentAndMissingPathsAreNamed()
    {
        Stage s = installStage();
        s.cache.keyFiles.clear();
        s.cache.prefix.clear();
        s.cache.key = QStringLiteral("deps-$TOOL_VERSION");
        s.cache.paths = {QStringLiteral("deps"), QStringLiteral("never-made")};
        s.env.insert(QStringLiteral("TOOL_VERSION"), QStringLiteral("3.1"));
        const RunResult first = run(s);
        QVERIFY2(first.log.contains(u"cache miss: nothing was saved under key deps-3.1 yet"),
                 qPrintable(first.log));
        QVERIFY2(first.log.contains(u"not in the cache, as they do not exist: never-made"),
                 qPrintable(first.log));
        QVERIFY(QDir(m_workspace + QStringLiteral("/deps")).removeRecursively());
        const RunResult second = run(s);
        QVERIFY2(second.log.contains(u"cache hit: key deps-3.1"), qPrintable(second.log));
    }

    // A key is kept on disk in the clear (its entry's meta.json), so a key that would hold
    // a secret's value is refused: the stage runs without its cache, and neither the log nor
    // any file under the data folder holds the value.
    void aKeyWithASecretIsRefused()
    {
        const QByteArray value = "tok-3f9a61c2e8d4";
        Stage s = installStage();
        s.cache.keyFiles.clear();
        s.cache.prefix.clear();
        s.cache.key = QStringLiteral("deps-$NPM_TOKEN");
        s.secrets = {QStringLiteral("NPM_TOKEN")};
        const QMap<QString, QString> secrets{
            {QStringLiteral("NPM_TOKEN"), QString::fromLatin1(value)}};
        const RunResult first = run(s, secrets);
        DD_COMPARE_STATUS(first.status, StageStatus::Success);
        QVERIFY2(first.log.contains(u"INSTALLING") &&
                     first.log.contains(u"cache not used: the cache key \"deps-$NPM_TOKEN\" takes "
                                        u"the value of a secret"),
                 qPrintable(first.log));
        QVERIFY2(!first.log.contains(QString::fromLatin1(value)), qPrintable(first.log));
        QVERIFY(listCaches(m_data).isEmpty());
        QDirIterator it(m_data, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            QVERIFY2(!readFile(file).contains(value), qPrintable(file));
        }
    }

    void nothingToSaveSaysSo()
    {
        Stage s = installStage();
        s.cache.paths = {QStringLiteral("nowhere")};
        const RunResult result = run(s);
        DD_COMPARE_STATUS(result.status, StageStatus::Success);
        QVERIFY2(result.log.contains(u"cache not saved: none of its paths exists in"),
                 qPrintable(result.log));
        QVERIFY(listCaches(m_data).isEmpty());
    }

    void leastRecentlyUsedEntriesAreEvictedUnderTheCap()
    {
        // Three entries of 100 kB each under a cap of 250 kB: saving the third evicts the
        // one used least recently (b: a was restored after b was saved).
        StageCache cache;
        cache.paths = {QStringLiteral("deps")};
        const QProcessEnvironment env;
        auto save = [&](const QString &name, char fill) {
            QDir(m_workspace + QStringLiteral("/deps")).removeRecursively();
            writeFile(m_workspace + QStringLiteral("/deps/blob"), QByteArray(100'000, fill));
            cache.key = name;
            auto key = cacheKeyFor(cache, m_workspace, env);
            QVERIFY(key);
            auto saved =
                saveCache(m_data, cache, *key, m_workspace, QStringLiteral("s"), 1, 250'000);
            QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().toString()));
            QVERIFY(saved->hit);
        };
        save(QStringLiteral("a"), 'a');
        QTest::qWait(5); // entries are ordered by the millisecond they were last used
        save(QStringLiteral("b"), 'b');
        QTest::qWait(5);
        cache.key = QStringLiteral("a");
        auto keyA = cacheKeyFor(cache, m_workspace, env);
        QVERIFY(keyA);
        auto restored = restoreCache(m_data, cache, *keyA, m_workspace);
        QVERIFY(restored && restored->hit);
        QTest::qWait(5);

        QDir(m_workspace + QStringLiteral("/deps")).removeRecursively();
        writeFile(m_workspace + QStringLiteral("/deps/blob"), QByteArray(100'000, 'c'));
        cache.key = QStringLiteral("c");
        auto keyC = cacheKeyFor(cache, m_workspace, env);
        auto saved = saveCache(m_data, cache, *keyC, m_workspace, QStringLiteral("s"), 1, 250'000);
        QVERIFY(saved);
        QCOMPARE(saved->evicted, 1);
        QVERIFY2(saved->lines.join(u'\n').contains(u"(100.0 kB of files; 100.0 kB freed on disk)"),
                 qPrintable(saved->lines.join(u'\n')));
        QStringList names;
        for (const CacheEntry &e : listCaches(m_data))
            names << e.name;
        QCOMPARE(names, (QStringList{QStringLiteral("c"), QStringLiteral("a")}));
        // The evicted entry's bytes are gone from the disk too.
        QCOMPARE(distinctBytes(storedObjectsDir(m_data)), qint64(200'000));
    }
};

QTEST_GUILESS_MAIN(TestStageCache)
#include "tst_stagecache.moc"
