// deploydeskctl reembed / index end to end: a re-embed killed with SIGKILL resumes the same
// index version without embedding its committed chunks again, and ends with exactly one point
// per chunk of the manifest; dry runs send nothing; a rollback switches the index back.
#include "clihelper.h"

#include <QSqlDatabase>
#include <QSqlQuery>

#include <csignal>

namespace {

// The number of chunks a manifest file has committed (-1 when it cannot be read yet).
int committedChunks(const QString &path)
{
    if (!QFile::exists(path))
        return -1;
    int n = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "peek");
        db.setDatabaseName(path);
        db.setConnectOptions("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=2000");
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec("SELECT count(*) FROM chunks") && q.next())
                n = q.value(0).toInt();
        }
    }
    QSqlDatabase::removeDatabase("peek");
    return n;
}

QJsonArray versions(Cli &cli, const QString &ws)
{
    const CliResult r = cli.run({"index", "versions", "--json"}, ws);
    return QJsonDocument::fromJson(r.out.toUtf8()).array();
}

} // namespace

class TestReembedCli : public QObject
{
    Q_OBJECT

    Cli m_cli;
    QTemporaryDir m_ws;

    void write(const QString &name, const QByteArray &content)
    {
        QDir().mkpath(QFileInfo(m_ws.filePath(name)).absolutePath());
        QFile f(m_ws.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(content);
    }

private slots:
    void initTestCase()
    {
        write("deploydesk.yml",
              "name: docs\n"
              "environments:\n"
              "  staging: {}\n"
              "stages:\n"
              "  index-docs:\n"
              "    uses: reembed\n"
              "    with: { docs: docs, index-folder: .index, mode: full, batch-size: 4,\n"
              "            chunk-tokens: 60, golden: golden.txt }\n");
        write("golden.txt",
              "# question => expected page\nhow does topic 7 work => /docs/topic-7\n");
        // 150 docs of 6 sections: about 900 chunks, committed 4 at a time.
        for (int d = 0; d < 150; ++d) {
            QByteArray text = "# Topic " + QByteArray::number(d) + "\n\n";
            for (int s = 0; s < 6; ++s) {
                text += "## Part " + QByteArray::number(s) + "\n\n";
                for (int w = 0; w < 5; ++w)
                    text += "Topic " + QByteArray::number(d) + " part " + QByteArray::number(s) +
                            " explains rule " + QByteArray::number(w) + " with care. ";
                text += "\n\n";
            }
            write(QStringLiteral("docs/topic-%1.md").arg(d), text);
        }
    }

    void dryRunSendsNothing()
    {
        const CliResult r = m_cli.run({"reembed", "--dry-run"}, m_ws.path());
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains("topic-7.md: 6 new, 0 changed, 0 removed, 0 unchanged"),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains("inputs to embed, ~"), qPrintable(r.out));
        QVERIFY(!QFile::exists(m_ws.filePath(".index/docs.live.json")));
        QVERIFY(versions(m_cli, m_ws.path()).isEmpty());
    }

    void killedReembedResumesWithoutDuplicates()
    {
        const QString manifest = m_ws.filePath(".index/docs_v1.manifest.sqlite");
        std::unique_ptr<QProcess> p(m_cli.start({"reembed", "-w", m_ws.path()}, nullptr));
        QVERIFY(p->waitForStarted());
        // Killed once some batches are committed, long before all of them are.
        QTRY_VERIFY_WITH_TIMEOUT(committedChunks(manifest) > 0, 60000);
        ::kill(pid_t(p->processId()), SIGKILL);
        QVERIFY(p->waitForFinished());
        const int committed = committedChunks(manifest);
        QVERIFY2(committed > 0 && committed < 900, qPrintable(QString::number(committed)));
        QVERIFY(!QFile::exists(m_ws.filePath(".index/docs.live.json"))); // never switched

        const CliResult resumed = m_cli.run({"reembed"}, m_ws.path());
        QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.out + resumed.err));
        const QJsonArray list = versions(m_cli, m_ws.path());
        QCOMPARE(list.size(), 1); // the same version, continued
        QCOMPARE(list.at(0)["version"].toInt(), 1);
        QVERIFY(list.at(0)["live"].toBool());
        const int chunks = committedChunks(manifest);
        QVERIFY(chunks >= 900);
        QCOMPARE(list.at(0)["points"].toInteger(), qint64(chunks)); // count == manifest

        // The resumed run embedded only what the killed one had not committed.
        const qint64 run = m_cli.history().at(0)["id"].toInteger();
        const CliResult log = m_cli.run({"logs", QString::number(run)}, m_ws.path());
        QVERIFY2(log.out.contains(QStringLiteral("resuming the rebuild of version 1")),
                 qPrintable(log.out));
        QVERIFY2(log.out.contains(QStringLiteral("%1 new, 0 changed, 0 removed, %2 unchanged")
                                      .arg(chunks - committed)
                                      .arg(committed)),
                 qPrintable(log.out.left(3000)));
    }

    void rollbackSwitchesTheIndexBack()
    {
        // Release 1 is v1 (the resumed run). A rebuild after an edit makes v2 live.
        QVERIFY(QFile::exists(m_ws.filePath(".index/docs.live.json")));
        write("docs/topic-0.md", "# Topic 0\n\nRewritten completely.\n");
        const CliResult deployed = m_cli.run({"deploy", "staging"}, m_ws.path());
        QVERIFY2(deployed.exitCode == 0, qPrintable(deployed.out + deployed.err));
        QCOMPARE(versions(m_cli, m_ws.path()).at(0)["live"].toBool(), true);
        QCOMPARE(versions(m_cli, m_ws.path()).at(0)["version"].toInt(), 2);

        const CliResult back = m_cli.run({"rollback", "staging", "--yes"}, m_ws.path());
        QVERIFY2(back.exitCode == 0, qPrintable(back.out + back.err));
        QVERIFY2(back.out.contains(QStringLiteral("vector-index: v2 → v1 by index switch")),
                 qPrintable(back.out));
        const QJsonArray after = versions(m_cli, m_ws.path());
        QCOMPARE(after.at(1)["version"].toInt(), 1);
        QVERIFY(after.at(1)["live"].toBool());
        // Queries through the alias now answer from v1: the old text of topic 0 is found.
        const CliResult q =
            m_cli.run({"index", "query", "topic 0 part 3 explains rule"}, m_ws.path());
        QVERIFY2(q.out.startsWith(QStringLiteral("1.0")) || q.out.contains("/docs/topic-0#part-3"),
                 qPrintable(q.out));

        // And `index switch` makes v2 live again, recorded as a release like the rollback.
        const CliResult sw = m_cli.run({"index", "switch", "v2"}, m_ws.path());
        QVERIFY2(sw.exitCode == 0, qPrintable(sw.out + sw.err));
        QVERIFY2(sw.out.contains(QStringLiteral("index switch v1 → v2")), qPrintable(sw.out));
        QVERIFY(versions(m_cli, m_ws.path()).at(0)["live"].toBool());
        const CliResult list = m_cli.run({"releases", "staging", "--json"}, m_ws.path());
        const QJsonObject live =
            QJsonDocument::fromJson(list.out.toUtf8()).array().at(0).toObject();
        QCOMPARE(live["kind"].toString(), QStringLiteral("index-switch"));
        QVERIFY(live["live"].toBool());
        const QJsonObject layer = live["layers"].toArray().at(0).toObject();
        QCOMPARE(layer["layer"].toString(), QStringLiteral("vector-index"));
        QCOMPARE(layer["version"].toString(), QStringLiteral("v2"));
        QVERIFY(layer["changed"].toBool());
        QCOMPARE(layer["run"].toInteger(), m_cli.history().at(0)["id"].toInteger());
    }

    void failedGoldenQuestionKeepsTheLiveVersion()
    {
        write("golden.txt", "how does topic 7 work => /docs/no-such-page\n");
        const CliResult r = m_cli.run({"reembed", "--full"}, m_ws.path());
        QCOMPARE(r.exitCode, 1);
        const qint64 run = m_cli.history().at(0)["id"].toInteger();
        const CliResult log = m_cli.run({"logs", QString::number(run)}, m_ws.path());
        QVERIFY2(log.out.contains(QStringLiteral("\"how does topic 7 work\" expected "
                                                 "/docs/no-such-page in the top 5, found instead: "
                                                 "/docs/topic-7")),
                 qPrintable(log.out.right(2000)));
        const QJsonArray list = versions(m_cli, m_ws.path());
        QCOMPARE(list.at(0)["version"].toInt(), 3);
        QVERIFY(!list.at(0)["live"].toBool());
        QVERIFY(list.at(1)["live"].toBool()); // v2 stays live
    }
};

QTEST_GUILESS_MAIN(TestReembedCli)
#include "tst_reembed.moc"
