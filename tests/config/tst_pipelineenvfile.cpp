// `env-file:` of an environment, through the loader: values reach Environment::variables
// in the documented order, the files that cannot be read are refused (a FIFO without
// blocking), and a secret kept in an env-file is reported without its value.

#include "config/pipelineloader.h"
#include "testschemas.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace DeployDesk;

namespace {

const QString fileName = QStringLiteral("deploydesk.yml");

QString dataDir()
{
    return QStringLiteral(DD_TEST_SOURCE_DIR "/data");
}

QString messages(const LoadResult &result)
{
    QStringList lines;
    for (const Diagnostic &d : result.diagnostics)
        lines.append(d.toString());
    return lines.join(u'\n');
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

// A pipeline whose environment `preview` (line 3) has `env-file: <value>` on line 4.
QByteArray withEnvFile(const QByteArray &value, const QByteArray &stageExtra = {})
{
    return "name: t\nenvironments:\n  preview:\n    env-file: " + value +
           "\nstages:\n  s:\n    run: make\n" + stageExtra;
}

LoadResult loadIn(const QTemporaryDir &dir, const QByteArray &yaml)
{
    return PipelineLoader::loadString(yaml, fileName, dir.path(), Test::loadOptions());
}

} // namespace

class TestPipelineEnvFile final : public QObject
{
    Q_OBJECT

private slots:
    void valuesReachTheEnvironment();
    void environmentWithoutFileIsUnchanged();
    void fifoIsRefusedWithoutBlocking();
    void directoryAndSymlinks();
    void tooLarge();
    void secretInFileIsReportedWithoutValue();
    void problemsOfASharedFileAreReportedOnce();
    void notReadWithoutWorkspace();
    void diagnosticsNameTheFileAsGiven();
};

void TestPipelineEnvFile::valuesReachTheEnvironment()
{
    const QString file = dataDir() + QStringLiteral("/good/env-file.yml");
    const LoadResult result = PipelineLoader::loadFile(file, Test::loadOptions());
    QCOMPARE(messages(result), QString());
    const Pipeline &p = result.pipeline;

    const Environment *preview = p.environment(QStringLiteral("preview"));
    QVERIFY(preview);
    const QMap<QString, QString> expectedPreview{
        {"SITE_URL", "https://preview.example.org"},
        {"SHARED", "from-yaml"}, // the environment's own `variables` win over the file
        {"OWN", "from-yaml"},
        {"GREETING", QStringLiteral("Grüße\nzweite Zeile")},
        {"EMPTY", ""},
        {"QUERY", "a=b&c=d"},
    };
    QCOMPARE(preview->variables, expectedPreview);

    const Environment *staging = p.environment(QStringLiteral("staging"));
    QVERIFY(staging);
    const QMap<QString, QString> expectedStaging{
        {"SHARED", "shared"},
        {"SITE_URL", "https://staging.example.org"}, // own `variables` (written first) win
        {"LEVEL", "staging"},                        // a later file wins
        {"STATUS", "204"},
    };
    QCOMPARE(staging->variables, expectedStaging);

    // `$NAME` in `with:` stays as written: the stage expands it when it starts.
    const Stage *check = p.stage(QStringLiteral("check"));
    QVERIFY(check);
    QCOMPARE(check->with.value(QStringLiteral("url")).toString(),
             QStringLiteral("${SITE_URL}/health"));
    QCOMPARE(check->with.value(QStringLiteral("expect-status")).toString(),
             QStringLiteral("$STATUS"));
}

void TestPipelineEnvFile::environmentWithoutFileIsUnchanged()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const LoadResult result = loadIn(dir, "name: t\nenvironments:\n  prod:\n    variables: { A: "
                                          "1 }\nstages:\n  s:\n    run: make\n");
    QCOMPARE(messages(result), QString());
    QCOMPARE(result.pipeline.environments.first().variables, (QMap<QString, QString>{{"A", "1"}}));
}

void TestPipelineEnvFile::fifoIsRefusedWithoutBlocking()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fifo = dir.filePath(QStringLiteral("env.fifo"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    // Nobody writes to the FIFO: opening it for reading would block this test forever.
    const LoadResult result = loadIn(dir, withEnvFile("env.fifo"));
    QCOMPARE(messages(result),
             QStringLiteral("deploydesk.yml:4:15: env-file \"env.fifo\" of environment "
                            "\"preview\" is not a regular file (it is a FIFO); expected a file "
                            "of NAME=value lines"));
    // Through a symbolic link too.
    QVERIFY(QFile::link(fifo, dir.filePath(QStringLiteral("link.env"))));
    const LoadResult viaLink = loadIn(dir, withEnvFile("link.env"));
    QVERIFY2(messages(viaLink).contains(QStringLiteral("is not a regular file (it is a FIFO)")),
             qPrintable(messages(viaLink)));
}

void TestPipelineEnvFile::directoryAndSymlinks()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("config/env")));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("config/real.env")), "A=1\n"));
    QVERIFY(QFile::link(dir.filePath(QStringLiteral("config/real.env")),
                        dir.filePath(QStringLiteral("linked.env"))));

    LoadResult result = loadIn(dir, withEnvFile("config/env"));
    QCOMPARE(messages(result),
             QStringLiteral("deploydesk.yml:4:15: env-file \"config/env\" of environment "
                            "\"preview\" is a directory; expected a file of NAME=value lines"));

    result = loadIn(dir, withEnvFile("linked.env"));
    QCOMPARE(messages(result), QString());
    QCOMPARE(result.pipeline.environments.first().variables.value(QStringLiteral("A")),
             QStringLiteral("1"));

    result = loadIn(dir, withEnvFile("[./config/real.env, missing.env]"));
    QCOMPARE(messages(result),
             QStringLiteral("deploydesk.yml:4:35: env-file \"missing.env\" of environment "
                            "\"preview\" does not exist in %1; create it or fix the path")
                 .arg(QDir(dir.path()).absolutePath()));
    QCOMPARE(result.pipeline.environments.first().variables.value(QStringLiteral("A")),
             QStringLiteral("1"));
}

void TestPipelineEnvFile::tooLarge()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(QStringLiteral("big.env")),
                      "A=" + QByteArray(2 * 1024 * 1024, 'x') + "\n"));
    const LoadResult result = loadIn(dir, withEnvFile("big.env"));
    QCOMPARE(messages(result),
             QStringLiteral("deploydesk.yml:4:15: env-file \"big.env\" of environment "
                            "\"preview\" is too large (2097155 bytes); an env-file may be at "
                            "most 1048576 bytes"));
}

void TestPipelineEnvFile::secretInFileIsReportedWithoutValue()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(QStringLiteral(".env.preview")),
                      "PUBLIC=1\nDEPLOY_TOKEN=hunter2-very-secret\n"));
    // The secret is listed by a stage written after the environment.
    const LoadResult result =
        loadIn(dir, withEnvFile(".env.preview", "  deploy:\n    run: ./deploy\n"
                                                "    secrets: [DEPLOY_TOKEN]\n"));
    QCOMPARE(messages(result),
             QStringLiteral(".env.preview:2:1: \"DEPLOY_TOKEN\" is a secret (stage \"deploy\" "
                            "lists it under \"secrets\"); remove it from this file and keep it "
                            "in the secret store: deploydeskctl secrets set DEPLOY_TOKEN "
                            "(env-file of environment \"preview\")"));
    QVERIFY(!messages(result).contains(QStringLiteral("hunter2")));
    const Environment &preview = result.pipeline.environments.first();
    QCOMPARE(preview.variables, (QMap<QString, QString>{{"PUBLIC", "1"}}));
}

void TestPipelineEnvFile::problemsOfASharedFileAreReportedOnce()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(QStringLiteral("shared.env")), "OK=1\nnot a line\n"));
    const QByteArray yaml = "name: t\n"
                            "environments:\n"
                            "  staging: { env-file: shared.env }\n"
                            "  production: { env-file: [shared.env] }\n"
                            "stages:\n"
                            "  s:\n"
                            "    run: make\n";
    const LoadResult result = loadIn(dir, yaml);
    QCOMPARE(messages(result),
             QStringLiteral("shared.env:2:1: expected NAME=value; this line has no \"=\" "
                            "(env-file of environments \"staging\", \"production\")"));
    for (const Environment &e : result.pipeline.environments)
        QCOMPARE(e.variables.value(QStringLiteral("OK")), QStringLiteral("1"));
}

void TestPipelineEnvFile::notReadWithoutWorkspace()
{
    // Editors that validate a buffer without a workspace: the path is checked, not read.
    LoadResult result = PipelineLoader::loadString(withEnvFile("missing.env"), fileName, QString());
    QCOMPARE(messages(result), QString());
    result = PipelineLoader::loadString(withEnvFile("/etc/passwd"), fileName, QString());
    QCOMPARE(messages(result),
             QStringLiteral("deploydesk.yml:4:15: \"env-file\" of environment \"preview\" must "
                            "be a path relative to the workspace; found the absolute path "
                            "\"/etc/passwd\""));
}

void TestPipelineEnvFile::diagnosticsNameTheFileAsGiven()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("env")));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("env/bad.env")), "\n\n  1X=2\n"));
    QVERIFY(writeFile(dir.filePath(fileName), withEnvFile("env//bad.env")));
    const QString path = dir.filePath(fileName);
    const LoadResult result = PipelineLoader::loadFile(path, Test::loadOptions());
    QCOMPARE(result.diagnostics.size(), 1);
    QCOMPARE(result.diagnostics.first().where,
             (SourceLocation{dir.filePath(QStringLiteral("env/bad.env")), 3, 3}));
}

QTEST_GUILESS_MAIN(TestPipelineEnvFile)
#include "tst_pipelineenvfile.moc"
