// The hash a stage's `inputs:` give (issue 11 §7): what changes it and what does not, the
// glob syntax, and files that must never be followed or opened.

#include "common/globfiles.h"
#include "run/stageinputs.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace DeployDesk;

class TestStageInputs final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void patternsMatchLikeGlobs_data();
    void patternsMatchLikeGlobs();
    void sameTreeSameHash();
    void whatChangesTheHash();
    void whatDoesNotChangeIt();
    void linksAndFifosAreNeitherFollowedNorOpened();
    void anUnreadableInputIsAnError();

private:
    void write(const QString &path, const QByteArray &content);
    QString hash();

    std::unique_ptr<QTemporaryDir> m_dir;
    Pipeline m_pipeline;
    Stage m_stage;
};

void TestStageInputs::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_pipeline = Pipeline{};
    m_pipeline.name = QStringLiteral("site");
    m_pipeline.workspaceDir = m_dir->path();
    m_pipeline.env.insert(QStringLiteral("NODE_ENV"), QStringLiteral("production"));
    m_pipeline.environments.append(
        Environment{QStringLiteral("staging"), false, {}, {{"API", "https://staging"}}, {}});
    m_stage = Stage{};
    m_stage.name = QStringLiteral("build");
    m_stage.run = QStringLiteral("npm run build");
    m_stage.inputs = {QStringLiteral("package.json"), QStringLiteral("src/**/*.ts"),
                      QStringLiteral("docs")};
    write(QStringLiteral("package.json"), "{}\n");
    write(QStringLiteral("src/index.ts"), "export {}\n");
    write(QStringLiteral("src/lib/deep/util.ts"), "export const a = 1\n");
    write(QStringLiteral("docs/intro.md"), "# Intro\n");
}

void TestStageInputs::write(const QString &path, const QByteArray &content)
{
    const QString full = m_dir->filePath(path);
    QDir().mkpath(QFileInfo(full).absolutePath());
    QFile f(full);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(content);
}

QString TestStageInputs::hash()
{
    auto inputs = hashStageInputs(m_pipeline, m_stage, QStringLiteral("staging"));
    if (!inputs)
        return QStringLiteral("error: ") + inputs.error().message;
    return inputs->hash;
}

void TestStageInputs::patternsMatchLikeGlobs_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("matches");
    QTest::newRow("star within a name") << "src/*.ts"
                                        << "src/a.ts" << true;
    QTest::newRow("star stops at a slash") << "src/*.ts"
                                           << "src/lib/a.ts" << false;
    QTest::newRow("double star: no folder") << "src/**/*.ts"
                                            << "src/a.ts" << true;
    QTest::newRow("double star: folders") << "src/**/*.ts"
                                          << "src/a/b/c.ts" << true;
    QTest::newRow("double star at the end") << "src/**"
                                            << "src/a/b/c.md" << true;
    QTest::newRow("leading double star") << "**/*.md"
                                         << "docs/x/y.md" << true;
    QTest::newRow("question mark") << "v?.txt"
                                   << "v1.txt" << true;
    QTest::newRow("question mark not a slash") << "a?b"
                                               << "a/b" << false;
    QTest::newRow("class") << "log[0-9].txt"
                           << "log7.txt" << true;
    QTest::newRow("negated class") << "log[!0-9].txt"
                                   << "log7.txt" << false;
    QTest::newRow("dots are literal") << "a.ts"
                                      << "axts" << false;
    QTest::newRow("plus is literal") << "c++/*.h"
                                     << "c++/a.h" << true;
}

void TestStageInputs::patternsMatchLikeGlobs()
{
    QFETCH(QString, pattern);
    QFETCH(QString, path);
    QFETCH(bool, matches);
    QCOMPARE(matchesGlob(pattern, path), matches);
}

void TestStageInputs::sameTreeSameHash()
{
    const QString first = hash();
    QVERIFY2(!first.startsWith(QStringLiteral("error")), qPrintable(first));
    QCOMPARE(first.size(), 64);
    QCOMPARE(hash(), first);
    auto inputs = hashStageInputs(m_pipeline, m_stage, QStringLiteral("staging"));
    QVERIFY(inputs);
    QCOMPARE(inputs->files, 4);
    QVERIFY(inputs->unmatched.isEmpty());
    // The same files elsewhere: the hash is of relative paths, not where the workspace is.
    QTemporaryDir other;
    for (const char *file :
         {"package.json", "src/index.ts", "src/lib/deep/util.ts", "docs/intro.md"}) {
        const QString to = other.filePath(QString::fromLatin1(file));
        QDir().mkpath(QFileInfo(to).absolutePath());
        QVERIFY(QFile::copy(m_dir->filePath(QString::fromLatin1(file)), to));
    }
    m_pipeline.workspaceDir = other.path();
    QCOMPARE(hash(), first);
}

void TestStageInputs::whatChangesTheHash()
{
    const QString base = hash();
    const auto changes = [&](const char *what, auto &&change, auto &&undo) {
        change();
        QVERIFY2(hash() != base, what);
        undo();
        QVERIFY2(hash() == base, what);
    };
    changes(
        "a file's content", [&] { write("src/index.ts", "export {a}\n"); },
        [&] { write("src/index.ts", "export {}\n"); });
    changes(
        "a new matching file", [&] { write("src/lib/new.ts", "\n"); },
        [&] { QFile::remove(m_dir->filePath("src/lib/new.ts")); });
    changes(
        "a file in a folder input", [&] { write("docs/more/page.md", "\n"); },
        [&] { QDir(m_dir->filePath("docs/more")).removeRecursively(); });
    changes(
        "a renamed file",
        [&] { QFile::rename(m_dir->filePath("docs/intro.md"), m_dir->filePath("docs/start.md")); },
        [&] { QFile::rename(m_dir->filePath("docs/start.md"), m_dir->filePath("docs/intro.md")); });
    changes(
        "the command", [&] { m_stage.run = "npm run build -- --fast"; },
        [&] { m_stage.run = "npm run build"; });
    changes(
        "the stage's env", [&] { m_stage.env.insert("DEBUG", "1"); },
        [&] { m_stage.env.remove("DEBUG"); });
    changes(
        "the pipeline's env", [&] { m_pipeline.env.insert("NODE_ENV", "development"); },
        [&] { m_pipeline.env.insert("NODE_ENV", "production"); });
    changes(
        "the environment's variables",
        [&] { m_pipeline.environments[0].variables.insert("API", "https://other"); },
        [&] { m_pipeline.environments[0].variables.insert("API", "https://staging"); });
    changes(
        "a secret's name", [&] { m_stage.secrets << "NPM_TOKEN"; },
        [&] { m_stage.secrets.clear(); });
    changes(
        "the patterns", [&] { m_stage.inputs << "tsconfig.json"; },
        [&] { m_stage.inputs.removeLast(); });
    changes(
        "a file a missing pattern now finds",
        [&] {
            m_stage.inputs << "tsconfig.json";
            write("tsconfig.json", "{}");
        },
        [&] {
            QFile::remove(m_dir->filePath("tsconfig.json"));
            m_stage.inputs.removeLast();
        });
}

void TestStageInputs::whatDoesNotChangeIt()
{
    const QString base = hash();
    write("src/readme.md", "not matched by src/**/*.ts\n");
    write("build/out.js", "not an input\n");
    write("src/lib/deep/util.ts", "export const a = 1\n"); // rewritten, same bytes
    QFile::setPermissions(m_dir->filePath("package.json"),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QCOMPARE(hash(), base);
    // Another environment without variables of its own differs only by them.
    auto other = hashStageInputs(m_pipeline, m_stage, QStringLiteral("production"));
    QVERIFY(other);
    QVERIFY(other->hash != base);
}

void TestStageInputs::linksAndFifosAreNeitherFollowedNorOpened()
{
    QTemporaryDir outside;
    QFile secret(outside.filePath("secret.txt"));
    QVERIFY(secret.open(QIODevice::WriteOnly));
    secret.write("outside the workspace\n");
    secret.close();
    QVERIFY(QFile::link(secret.fileName(), m_dir->filePath("docs/link.md")));
    QVERIFY(mkfifo(QFile::encodeName(m_dir->filePath("docs/pipe")).constData(), 0600) == 0);
    const QString withBoth = hash(); // returns: the FIFO was not opened for reading
    QVERIFY2(!withBoth.startsWith(QStringLiteral("error")), qPrintable(withBoth));
    // The link counts by its target, not by what the target holds.
    QVERIFY(secret.open(QIODevice::WriteOnly | QIODevice::Truncate));
    secret.write("changed\n");
    secret.close();
    QCOMPARE(hash(), withBoth);
    QFile::remove(m_dir->filePath("docs/link.md"));
    QVERIFY(QFile::link(outside.filePath("other.txt"), m_dir->filePath("docs/link.md")));
    QVERIFY(hash() != withBoth);
}

void TestStageInputs::anUnreadableInputIsAnError()
{
    if (::geteuid() == 0)
        QSKIP("root reads files without read permission; the error path needs a normal user");
    QFile::setPermissions(m_dir->filePath("src/index.ts"), QFile::WriteOwner);
    auto inputs = hashStageInputs(m_pipeline, m_stage, QStringLiteral("staging"));
    QVERIFY(!inputs);
    QVERIFY2(inputs.error().message.contains(QStringLiteral("src/index.ts")) &&
                 inputs.error().message.contains(QStringLiteral("\"build\"")),
             qPrintable(inputs.error().message));
}

QTEST_GUILESS_MAIN(TestStageInputs)
#include "tst_stageinputs.moc"
