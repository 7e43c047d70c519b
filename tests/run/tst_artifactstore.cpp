// Artifacts kept with a run: copied out of the workspace with size and SHA-256, and put
// back for a re-run that reuses the stage.
#include "run/artifactstore.h"

#include <QCryptographicHash>
#include <QDir>
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
};

QTEST_GUILESS_MAIN(TestArtifactStore)
#include "tst_artifactstore.moc"
