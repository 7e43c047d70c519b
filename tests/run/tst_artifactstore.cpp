// Artifacts kept with a run: copied out of the workspace with size and SHA-256, and put
// back for a re-run that reuses the stage.
#include "common/filestore.h"
#include "run/artifactstore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace DeployDesk;

namespace {
void write(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(content);
}
QByteArray read(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}
} // namespace

class TestArtifactStore : public QObject
{
    Q_OBJECT

private slots:
    void keepsAFileWithItsHash()
    {
        QTemporaryDir data, ws;
        write(ws.filePath("dist/app.tar"), "payload");
        const ArtifactStore store(data.path());
        auto kept = store.keep(3, "build", ws.path(), "dist/app.tar");
        QVERIFY2(kept, qPrintable(kept ? QString() : kept.error().message));
        QCOMPARE(kept->size, 7);
        QCOMPARE(kept->sha256,
                 QString::fromLatin1(
                     QCryptographicHash::hash("payload", QCryptographicHash::Sha256).toHex()));
        QCOMPARE(read(kept->storedPath), QByteArray("payload"));
        QVERIFY(kept->storedPath.startsWith(data.path() + "/artifacts/3/build/"));
    }

    void keepsAFolderAndRestoresIt()
    {
        QTemporaryDir data, ws;
        write(ws.filePath("build/index.html"), "<h1>hi</h1>");
        write(ws.filePath("build/css/site.css"), "body{}");
        const ArtifactStore store(data.path());
        auto kept = store.keep(4, "site", ws.path(), "build/");
        QVERIFY(kept);
        QCOMPARE(kept->size, 11 + 6);
        // The folder's hash covers names and contents: a changed file changes it.
        write(ws.filePath("build/css/site.css"), "body{color:red}");
        auto changed = store.keep(5, "site", ws.path(), "build/");
        QVERIFY(changed);
        QVERIFY(changed->sha256 != kept->sha256);
        // Restoring run 4's copy brings back exactly what run 4 built.
        QVERIFY(QDir(ws.filePath("build")).removeRecursively());
        QVERIFY(store.restore(*kept, ws.path()));
        QCOMPARE(read(ws.filePath("build/index.html")), QByteArray("<h1>hi</h1>"));
        QCOMPARE(read(ws.filePath("build/css/site.css")), QByteArray("body{}"));
    }

    void missingPathsAreClearErrors()
    {
        QTemporaryDir data, ws;
        const ArtifactStore store(data.path());
        auto kept = store.keep(1, "build", ws.path(), "nothing-here/");
        QVERIFY(!kept);
        QCOMPARE(kept.error().code, ErrorCode::NotFound);
        QVERIFY(kept.error().message.contains("nothing-here/"));
        ArtifactRecord gone;
        gone.path = "build/";
        gone.storedPath = data.filePath("artifacts/9/x/build");
        auto restored = store.restore(gone, ws.path());
        QVERIFY(!restored);
        QVERIFY(restored.error().message.contains("missing"));
    }

    // A stage name is a folder of the run's artifacts: ".." would be the run's parent, where
    // it could overwrite another run's recorded artifact.
    void stageNamesThatAreNotOneFolderAreRefused()
    {
        QTemporaryDir data, ws;
        const ArtifactStore store(data.path());
        write(ws.filePath("x"), "first");
        QVERIFY(store.keep(6, "build", ws.path(), "x"));
        write(ws.filePath("6/build/x"), "overwritten");
        for (const QString stage : {"..", ".", "a/b", ""}) {
            auto kept = store.keep(7, stage, ws.path(), "6/build/x");
            QVERIFY2(!kept, qPrintable(stage));
            QCOMPARE(kept.error().code, ErrorCode::Invalid);
            QVERIFY2(kept.error().message.contains("a stage name must be a single folder name"),
                     qPrintable(kept.error().message));
        }
        QCOMPARE(read(data.filePath("artifacts/6/build/x")), QByteArray("first"));
    }

    // Symlinks are followed when copying: one that leads out of the workspace would copy
    // whatever it names (another project, ~/.ssh) into the data folder.
    void artifactsResolvingOutsideTheWorkspaceAreRefused()
    {
        QTemporaryDir data, ws, elsewhere;
        write(elsewhere.filePath("secret.txt"), "not yours");
        write(ws.filePath("site/index.html"), "<p>");
        QVERIFY(QFile::link(elsewhere.filePath("secret.txt"), ws.filePath("leak")));
        QVERIFY(QFile::link(elsewhere.path(), ws.filePath("outside")));
        QVERIFY(QFile::link(elsewhere.filePath("secret.txt"), ws.filePath("site/leak.txt")));
        const ArtifactStore store(data.path());
        for (const QString declared : {"leak", "outside", "outside/secret.txt", "site"}) {
            auto kept = store.keep(2, "build", ws.path(), declared);
            QVERIFY2(!kept, qPrintable(declared));
            QCOMPARE(kept.error().code, ErrorCode::Invalid);
            QVERIFY2(
                kept.error().message.contains("outside the workspace") &&
                    kept.error().message.contains(QFileInfo(elsewhere.path()).canonicalFilePath()),
                qPrintable(kept.error().message));
        }
        QDirIterator copied(data.path(), QDir::Files | QDir::System, QDirIterator::Subdirectories);
        while (copied.hasNext())
            QVERIFY2(read(copied.next()) != "not yours", qPrintable(copied.filePath()));

        // A symlink that stays inside the workspace is fine.
        QVERIFY(QFile::remove(ws.filePath("site/leak.txt")));
        QVERIFY(QFile::link(ws.filePath("site/index.html"), ws.filePath("site/home.html")));
        auto kept = store.keep(3, "build", ws.path(), "site");
        QVERIFY2(kept, qPrintable(kept ? QString() : kept.error().message));
        QCOMPARE(read(data.filePath("artifacts/3/build/site/home.html")), QByteArray("<p>"));
    }

    // The same build kept by several runs and stages is stored once: a second copy adds no
    // bytes, yet each run's copy reads as what that run built, with its permissions, and a
    // changed file is stored beside the old one, which stays as it was.
    void theSameContentIsStoredOnce()
    {
        QTemporaryDir data, ws;
        const QByteArray page(100000, 'p');
        write(ws.filePath("build/index.html"), page);
        write(ws.filePath("build/copy.html"), page); // twice inside one build too
        for (const char *name : {"build/index.html", "build/copy.html"})
            QVERIFY(QFile::setPermissions(ws.filePath(name),
                                          QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                              QFileDevice::ReadGroup | QFileDevice::ReadOther));
        write(ws.filePath("build/run.sh"), "#!/bin/sh\necho hi\n");
        QVERIFY(QFile::setPermissions(ws.filePath("build/run.sh"),
                                      QFile::permissions(ws.filePath("build/run.sh")) |
                                          QFileDevice::ExeOwner));
        const ArtifactStore store(data.path());
        const QString artifacts = data.filePath("artifacts");
        auto first = store.keep(1, "site", ws.path(), "build");
        QVERIFY2(first, qPrintable(first ? QString() : first.error().message));
        const qint64 once = distinctBytes(artifacts);
        QCOMPARE(once, qint64(page.size()) + 18);
        QCOMPARE(first->size, 2 * qint64(page.size()) + 18); // what the run kept, as declared

        auto second = store.keep(2, "site", ws.path(), "build");
        auto otherStage = store.keep(2, "publish", ws.path(), "build/index.html");
        QVERIFY(second && otherStage);
        QCOMPARE(second->sha256, first->sha256);
        QCOMPARE(distinctBytes(artifacts), once); // nothing added
        QCOMPARE(read(data.filePath("artifacts/2/site/build/copy.html")), page);
        QCOMPARE(read(data.filePath("artifacts/2/publish/build/index.html")), page);
        QVERIFY(QFileInfo(data.filePath("artifacts/2/site/build/run.sh")).isExecutable());

        // A changed file is a new object; run 1's copy is untouched.
        write(ws.filePath("build/index.html"), "changed");
        auto third = store.keep(3, "site", ws.path(), "build");
        QVERIFY(third);
        QCOMPARE(distinctBytes(artifacts), once + 7);
        QCOMPARE(read(data.filePath("artifacts/1/site/build/index.html")), page);
        QCOMPARE(read(data.filePath("artifacts/3/site/build/index.html")), QByteArray("changed"));

        // Put back into the workspace, a file is a copy of its own: changing it there does not
        // change what was kept.
        QVERIFY(QDir(ws.filePath("build")).removeRecursively());
        QVERIFY(store.restore(*first, ws.path()));
        QVERIFY(QFileInfo(ws.filePath("build/run.sh")).isExecutable());
        write(ws.filePath("build/index.html"), "edited after the restore");
        QCOMPARE(read(data.filePath("artifacts/2/site/build/index.html")), page);
        QCOMPARE(read(storedObjectPath(
                     data.path(),
                     QString::fromLatin1(
                         QCryptographicHash::hash(page, QCryptographicHash::Sha256).toHex()),
                     0644)),
                 page);

        // Nothing links to an object any more: the sweep removes it, and only it.
        QVERIFY(QDir(data.filePath("artifacts/3")).removeRecursively());
        const ObjectSweep sweep = sweepStoredObjects(data.path());
        QCOMPARE(sweep.objects, 1);
        QCOMPARE(sweep.bytes, 7);
        QCOMPARE(distinctBytes(artifacts), once);
        QCOMPARE(read(data.filePath("artifacts/1/site/build/index.html")), page);
    }

    // A re-run puts kept artifacts back: a symlink standing where one goes is replaced (what
    // it points to is left alone), and a symlinked folder on the way out is refused.
    void restoreNeverWritesOrDeletesOutsideTheWorkspace()
    {
        QTemporaryDir data, ws, elsewhere;
        write(ws.filePath("site/index.html"), "<p>");
        write(ws.filePath("report.txt"), "report");
        const ArtifactStore store(data.path());
        auto site = store.keep(1, "build", ws.path(), "site", ws.path());
        auto report = store.keep(1, "build", ws.path(), "report.txt", ws.path());
        QVERIFY(site && report);

        write(elsewhere.filePath("keep/me.txt"), "precious");
        QVERIFY(QDir(ws.filePath("site")).removeRecursively());
        QVERIFY(QFile::link(elsewhere.filePath("keep"), ws.filePath("site")));
        auto restored = store.restore(*site, ws.path(), ws.path());
        QVERIFY2(restored, qPrintable(restored ? QString() : restored.error().message));
        QCOMPARE(read(elsewhere.filePath("keep/me.txt")), QByteArray("precious"));
        QVERIFY(!QFileInfo(ws.filePath("site")).isSymLink());
        QCOMPARE(read(ws.filePath("site/index.html")), QByteArray("<p>"));

        // The stage's workdir is a link that leads out: nothing is put there.
        QVERIFY(QFile::link(elsewhere.path(), ws.filePath("out")));
        auto refused = store.restore(*report, ws.filePath("out"), ws.path());
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Invalid);
        QVERIFY2(refused.error().message.contains("outside the workspace"),
                 qPrintable(refused.error().message));
        QVERIFY(!QFileInfo::exists(elsewhere.filePath("report.txt")));
    }

    // The workspace bounds artifacts, not the stage's workdir: a workdir below the
    // workspace may keep a link to a file elsewhere in the workspace.
    void theBoundaryIsTheWorkspace()
    {
        QTemporaryDir data, ws;
        write(ws.filePath("shared/logo.png"), "png");
        write(ws.filePath("site/index.html"), "<p>");
        QVERIFY(QFile::link(ws.filePath("shared/logo.png"), ws.filePath("site/logo.png")));
        const ArtifactStore store(data.path());
        auto kept = store.keep(1, "build", ws.filePath("site"), ".", ws.path());
        QVERIFY2(kept, qPrintable(kept ? QString() : kept.error().message));
        QCOMPARE(read(data.filePath("artifacts/1/build/logo.png")), QByteArray("png"));
        // Bounded by the workdir alone, the same link is outside.
        QVERIFY(!store.keep(2, "build", ws.filePath("site"), "."));
    }
};

QTEST_GUILESS_MAIN(TestArtifactStore)
#include "tst_artifactstore.moc"
