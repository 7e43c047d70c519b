// The alembic stage end to end, as a user runs it: deploydeskctl migrate / releases /
// rollback against a real PostgreSQL server this test starts (tests/data/pgserver.h)
// and Debian's Alembic. The test functions run in order: each starts from where the
// one before left the databases.
#include "cli/clihelper.h"
#include "data/pgserver.h"

#include <QDirIterator>

namespace {

// The password has characters a URL must percent-encode: Alembic's config needs the
// "%" doubled, and the decoded form must be masked as well as the written one.
constexpr char kPassword[] = "S3cret@Pw!";
constexpr char kEncodedPassword[] = "S3cret%40Pw%21";

QByteArray revision(const char *id, const char *down, const char *upgrade, const char *downgrade)
{
    return QStringLiteral("from alembic import op\n"
                          "import sqlalchemy as sa\n"
                          "revision = '%1'\n"
                          "down_revision = %2\n"
                          "branch_labels = None\n"
                          "depends_on = None\n"
                          "def upgrade():\n    %3\n"
                          "def downgrade():\n    %4\n")
        .arg(QLatin1String(id), QLatin1String(down), QLatin1String(upgrade),
             QLatin1String(downgrade))
        .toUtf8();
}

} // namespace

class TestAlembic : public QObject
{
    Q_OBJECT

    PgServer m_pg;
    Cli m_cli;
    QTemporaryDir m_ws;

    QString url(const QString &database) const
    {
        return QStringLiteral("postgresql://deploy:%1@127.0.0.1:%2/%3")
            .arg(QLatin1String(kEncodedPassword))
            .arg(m_pg.port())
            .arg(database);
    }
    QString versionOf(const QString &database)
    {
        return m_pg.sql(QStringLiteral("SELECT string_agg(version_num, ',') FROM alembic_version"),
                        database);
    }
    bool hasTable(const QString &database, const QString &table)
    {
        return m_pg.sql(QStringLiteral("SELECT to_regclass('public.%1') IS NOT NULL").arg(table),
                        database) == QLatin1String("t");
    }
    QJsonObject liveRelease(const QString &environment)
    {
        const CliResult r = m_cli.run({"releases", environment, "--json"}, m_ws.path());
        return QJsonDocument::fromJson(r.out.toUtf8()).array().first().toObject();
    }
    static QJsonObject layer(const QJsonObject &release, const QString &name)
    {
        for (const QJsonValue &l : release["layers"].toArray())
            if (l.toObject()["layer"].toString() == name)
                return l.toObject();
        return {};
    }
    qint64 lastRunId() { return m_cli.history().first().toObject()["id"].toInteger(); }

private slots:
    void initTestCase()
    {
        const QString problem = m_pg.start();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        for (const QString &statement :
             {QStringLiteral("CREATE ROLE deploy LOGIN PASSWORD '%1'").arg(kPassword),
              QStringLiteral("CREATE DATABASE staging_db OWNER deploy"),
              QStringLiteral("CREATE DATABASE prod_db OWNER deploy"),
              QStringLiteral("CREATE DATABASE qa_db OWNER deploy")})
            QCOMPARE(m_pg.sql(statement), QString());

        // Alembic's own layout, env.py as `alembic init` writes it: it reads sqlalchemy.url,
        // which alembic.ini sets to a placeholder; the stage passes the real URL.
        writeFile(
            m_ws.filePath("deploydesk.yml"),
            "name: migrations\n"
            "environments:\n"
            "  staging:\n"
            "    variables: { DB_URL_NAME: STAGING_DATABASE_URL }\n"
            "  production:\n"
            "    protected: true\n"
            "    variables: { DB_URL_NAME: PRODUCTION_DATABASE_URL }\n"
            "  qa:\n"
            "    variables: { DB_URL_NAME: QA_DATABASE_URL }\n"
            "stages:\n"
            "  migrate:\n"
            "    uses: alembic\n"
            "    workdir: db\n"
            "    secrets: [STAGING_DATABASE_URL, PRODUCTION_DATABASE_URL]\n"
            "    with: { python: /usr/bin/python3, url-variable: $DB_URL_NAME }\n"
            "    optional-secrets: [QA_DATABASE_URL]\n"
            "  check:\n"
            "    needs: migrate\n"
            "    uses: health-check\n"
            "    if: environment == qa\n"
            "    with: { url: \"http://127.0.0.1:1/\", timeout: 1s, on-failure: rollback }\n");
        writeFile(m_ws.filePath("db/alembic.ini"),
                  "[alembic]\n"
                  "script_location = migrations\n"
                  "sqlalchemy.url = driver://user:pass@localhost/dbname\n"
                  "[loggers]\nkeys = root,alembic\n"
                  "[handlers]\nkeys = console\n"
                  "[formatters]\nkeys = generic\n"
                  "[logger_root]\nlevel = WARN\nhandlers = console\nqualname =\n"
                  "[logger_alembic]\nlevel = INFO\nhandlers =\nqualname = alembic\n"
                  "[handler_console]\nclass = StreamHandler\nargs = (sys.stderr,)\n"
                  "level = NOTSET\nformatter = generic\n"
                  "[formatter_generic]\nformat = %(levelname)-5.5s [%(name)s] %(message)s\n");
        writeFile(m_ws.filePath("db/migrations/env.py"),
                  "from logging.config import fileConfig\n"
                  "from sqlalchemy import engine_from_config, pool\n"
                  "from alembic import context\n"
                  "config = context.config\n"
                  "fileConfig(config.config_file_name)\n"
                  "connectable = engine_from_config(config.get_section(config.config_ini_section),"
                  " prefix='sqlalchemy.', poolclass=pool.NullPool)\n"
                  "with connectable.connect() as connection:\n"
                  "    context.configure(connection=connection, target_metadata=None)\n"
                  "    with context.begin_transaction():\n"
                  "        context.run_migrations()\n");
        writeFile(m_ws.filePath("db/migrations/versions/a1.py"),
                  revision("a1", "None",
                           "op.create_table('books', sa.Column('id', sa.Integer, "
                           "primary_key=True), sa.Column('title', sa.String(200)))",
                           "op.drop_table('books')"));
        writeFile(m_ws.filePath("db/migrations/versions/b2.py"),
                  revision("b2", "'a1'",
                           "op.create_table('reviews', sa.Column('id', sa.Integer, "
                           "primary_key=True), sa.Column('book_id', sa.Integer, "
                           "sa.ForeignKey('books.id')))",
                           "op.drop_table('reviews')"));
        // Without a keychain the secret store takes secrets from the environment.
        m_cli.env().insert("STAGING_DATABASE_URL", url("staging_db"));
        m_cli.env().insert("PRODUCTION_DATABASE_URL", url("prod_db"));
        m_cli.env().insert("QA_DATABASE_URL", url("qa_db"));
    }

    void upgradeRecordsTheRevisionBeforeAndAfter()
    {
        const CliResult first = m_cli.run({"migrate", "staging", "--revision", "a1"}, m_ws.path());
        QVERIFY2(first.exitCode == 0, qPrintable(first.out + first.err));
        QVERIFY2(first.out.contains("database of staging is at revision a1 (it was at base)"),
                 qPrintable(first.out));
        QCOMPARE(versionOf("staging_db"), QStringLiteral("a1"));
        QVERIFY(hasTable("staging_db", "books"));
        QVERIFY(!hasTable("staging_db", "reviews"));

        const CliResult second = m_cli.run({"migrate", "staging"}, m_ws.path());
        QVERIFY2(second.exitCode == 0, qPrintable(second.out + second.err));
        QVERIFY2(second.out.contains("database of staging is at revision b2 (it was at a1)"),
                 qPrintable(second.out));
        QCOMPARE(versionOf("staging_db"), QStringLiteral("b2"));
        QVERIFY(hasTable("staging_db", "reviews"));

        // The release's database layer: the revision after, the one before in its details.
        const QJsonObject database = layer(liveRelease("staging"), "database");
        QCOMPARE(database["target"].toString(), QStringLiteral("alembic"));
        QCOMPARE(database["version"].toString(), QStringLiteral("b2"));
        QCOMPARE(database["details"].toObject()["before"].toString(), QStringLiteral("a1"));
        QCOMPARE(database["details"].toObject()["dialect"].toString(),
                 QStringLiteral("postgresql"));
        // Alembic's progress is in the stage's log.
        const CliResult logs = m_cli.run({"logs", QString::number(lastRunId())}, m_ws.path());
        QVERIFY2(logs.out.contains("Running upgrade a1 -> b2"), qPrintable(logs.out));
        // The other environment's database was not touched.
        QCOMPARE(m_pg.sql("SELECT to_regclass('public.alembic_version') IS NULL", "prod_db"),
                 QStringLiteral("t"));
    }

    void downgradeNeedsAnApprovalNamingBothRevisions()
    {
        // --yes confirms a rollback but never a database downgrade.
        const CliResult yes = m_cli.run({"rollback", "staging", "--yes"}, m_ws.path());
        QCOMPARE(yes.exitCode, 2);
        QVERIFY2(yes.out.contains("database: revision b2 → revision a1 by Alembic downgrade"),
                 qPrintable(yes.out));
        QVERIFY2(yes.err.contains("--approve-downgrade b2:a1"), qPrintable(yes.err));
        // An approval naming other revisions is refused.
        const CliResult wrong = m_cli.run(
            {"rollback", "staging", "--yes", "--approve-downgrade", "a1:b2"}, m_ws.path());
        QCOMPARE(wrong.exitCode, 2);
        QVERIFY2(wrong.err.contains("names a1:b2"), qPrintable(wrong.err));
        QCOMPARE(versionOf("staging_db"), QStringLiteral("b2"));
        QCOMPARE(liveRelease("staging")["kind"].toString(), QStringLiteral("deploy"));

        const CliResult approved = m_cli.run(
            {"rollback", "staging", "--yes", "--approve-downgrade", "b2:a1"}, m_ws.path());
        QVERIFY2(approved.exitCode == 0, qPrintable(approved.out + approved.err));
        QCOMPARE(versionOf("staging_db"), QStringLiteral("a1"));
        QVERIFY(!hasTable("staging_db", "reviews"));
        QVERIFY(hasTable("staging_db", "books"));
        const QJsonObject live = liveRelease("staging");
        QCOMPARE(live["kind"].toString(), QStringLiteral("rollback"));
        QCOMPARE(layer(live, "database")["version"].toString(), QStringLiteral("a1"));
        // The history says who approved which change.
        bool recorded = false;
        for (const QJsonValue &e : m_cli.show(lastRunId())["events"].toArray())
            recorded =
                recorded ||
                (e.toObject()["kind"].toString() == "approved" &&
                 e.toObject()["message"].toString().contains("from revision b2 to revision a1"));
        QVERIFY(recorded);

        // Migrating again brings it back to head.
        const CliResult again = m_cli.run({"migrate", "staging"}, m_ws.path());
        QVERIFY2(again.exitCode == 0, qPrintable(again.out + again.err));
        QCOMPARE(versionOf("staging_db"), QStringLiteral("b2"));
    }

    void protectedEnvironmentRefusesYesAndApproveAlone()
    {
        const CliResult unapproved = m_cli.run({"migrate", "production"}, m_ws.path());
        QCOMPARE(unapproved.exitCode, 2);
        QVERIFY2(unapproved.err.contains("--approve"), qPrintable(unapproved.err));
        QCOMPARE(m_pg.sql("SELECT to_regclass('public.alembic_version') IS NULL", "prod_db"),
                 QStringLiteral("t"));
        for (const QStringList &args :
             {QStringList{"migrate", "production", "--approve", "--revision", "a1"},
              QStringList{"migrate", "production", "--approve", "-m", "release"}}) {
            const CliResult r = m_cli.run(args, m_ws.path());
            QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        }
        QCOMPARE(versionOf("prod_db"), QStringLiteral("b2"));

        const CliResult yes = m_cli.run(
            {"rollback", "production", "--yes", "--approve-downgrade", "b2:a1"}, m_ws.path());
        QCOMPARE(yes.exitCode, 2);
        const CliResult approveOnly =
            m_cli.run({"rollback", "production", "--approve"}, m_ws.path());
        QCOMPARE(approveOnly.exitCode, 2);
        QVERIFY2(approveOnly.err.contains("--approve-downgrade b2:a1"),
                 qPrintable(approveOnly.err));
        QCOMPARE(versionOf("prod_db"), QStringLiteral("b2"));

        const CliResult approved =
            m_cli.run({"rollback", "production", "--approve", "--approve-downgrade", "b2:a1", "-m",
                       "reviews table breaks search"},
                      m_ws.path());
        QVERIFY2(approved.exitCode == 0, qPrintable(approved.out + approved.err));
        QCOMPARE(versionOf("prod_db"), QStringLiteral("a1"));
        QCOMPARE(versionOf("staging_db"), QStringLiteral("b2"));
    }

    void automaticRollbackLeavesTheDatabase()
    {
        // A failed health gate rolls back without anyone to approve a downgrade: the
        // database stays at what the deploy migrated it to, and the history says how to
        // take it back.
        const CliResult first = m_cli.run({"migrate", "qa", "--revision", "a1"}, m_ws.path());
        QVERIFY2(first.exitCode == 0, qPrintable(first.out + first.err));
        const CliResult deploy = m_cli.run({"deploy", "qa"}, m_ws.path());
        QCOMPARE(deploy.exitCode, 1);
        QCOMPARE(versionOf("qa_db"), QStringLiteral("b2"));
        bool held = false;
        for (const QJsonValue &e : m_cli.show(lastRunId())["events"].toArray())
            held = held || (e.toObject()["kind"].toString() == "rollback-held" &&
                            e.toObject()["message"].toString().contains(
                                "the database stays at revision b2: taking it back to a1 needs an "
                                "approval naming both revisions"));
        QVERIFY(held);
        QCOMPARE(layer(liveRelease("qa"), "database")["version"].toString(), QStringLiteral("b2"));
    }

    void severalHeadsAreRefused()
    {
        // A second branch off a1: "upgrade head" would not know where to go.
        writeFile(m_ws.filePath("db/migrations/versions/c3.py"),
                  revision("c3", "'a1'", "op.add_column('books', sa.Column('isbn', sa.String(13)))",
                           "op.drop_column('books', 'isbn')"));
        const CliResult r = m_cli.run({"migrate", "staging"}, m_ws.path());
        QVERIFY(QFile::remove(m_ws.filePath("db/migrations/versions/c3.py")));
        QCOMPARE(r.exitCode, 1);
        const QJsonObject stage = stageOf(m_cli.show(lastRunId()), "migrate");
        const QString reason = stage["reason"].toString();
        QVERIFY2(reason.contains("2 heads (b2, c3)") || reason.contains("2 heads (c3, b2)"),
                 qPrintable(reason));
        QVERIFY2(reason.contains("nothing was migrated"), qPrintable(reason));
        QCOMPARE(versionOf("staging_db"), QStringLiteral("b2"));
        // Alembic was asked for its heads and nothing else.
        const CliResult logs = m_cli.run({"logs", QString::number(lastRunId())}, m_ws.path());
        QVERIFY2(!logs.out.contains("$ alembic upgrade"), qPrintable(logs.out));
    }

    void alembicFailuresBecomeClearStageErrors()
    {
        // FAILED: ... and exit status 255 (a CommandError).
        const CliResult r = m_cli.run({"migrate", "staging", "--revision", "zz9"}, m_ws.path());
        QCOMPARE(r.exitCode, 1);
        const QString reason = stageOf(m_cli.show(lastRunId()), "migrate")["reason"].toString();
        QVERIFY2(reason.startsWith("alembic upgrade zz9 failed: Can't locate revision identified "
                                   "by 'zz9' (exit code 255)"),
                 qPrintable(reason));
        QVERIFY2(reason.contains("the database stays at revision b2"), qPrintable(reason));

        // A database error: a traceback and exit status 1; the exception is the message.
        writeFile(
            m_ws.filePath("db/migrations/versions/d4.py"),
            revision("d4", "'b2'", "op.execute('ALTER TABLE no_such_table ADD x int')", "pass"));
        const CliResult broken = m_cli.run({"migrate", "staging"}, m_ws.path());
        QVERIFY(QFile::remove(m_ws.filePath("db/migrations/versions/d4.py")));
        QCOMPARE(broken.exitCode, 1);
        const QString dbReason = stageOf(m_cli.show(lastRunId()), "migrate")["reason"].toString();
        QVERIFY2(
            dbReason.contains("alembic upgrade head failed: sqlalchemy.exc.ProgrammingError") &&
                dbReason.contains("no_such_table") && dbReason.contains("(exit code 1)"),
            qPrintable(dbReason));
        // PostgreSQL's transactional DDL: the failed revision left nothing behind.
        QCOMPARE(versionOf("staging_db"), QStringLiteral("b2"));
    }

    void theDatabaseUrlIsMaskedEverywhere()
    {
        // SQLAlchemy prints a URL it cannot parse in full.
        Cli cli;
        cli.env().insert("STAGING_DATABASE_URL",
                         QStringLiteral("postgres ql://deploy:%1@127.0.0.1:%2/staging_db")
                             .arg(QLatin1String(kEncodedPassword))
                             .arg(m_pg.port()));
        cli.env().insert("PRODUCTION_DATABASE_URL", url("prod_db"));
        const CliResult r = cli.run({"migrate", "staging"}, m_ws.path());
        QCOMPARE(r.exitCode, 1);
        const qint64 run = cli.history().first().toObject()["id"].toInteger();
        const QString reason = stageOf(cli.show(run), "migrate")["reason"].toString();
        QVERIFY2(reason.contains("Could not parse SQLAlchemy URL from string '***'"),
                 qPrintable(reason));
        const CliResult logs = cli.run({"logs", QString::number(run)}, m_ws.path());
        QVERIFY2(logs.out.contains("'***'"), qPrintable(logs.out));

        // An env.py that prints the password it connects with prints it decoded, which
        // is not the secret's value as set: the stage masks that form too.
        QFile envPy(m_ws.filePath("db/migrations/env.py"));
        QVERIFY(envPy.open(QIODevice::ReadOnly));
        const QByteArray original = envPy.readAll();
        envPy.close();
        writeFile(envPy.fileName(),
                  original + "print('connected with password', connectable.url.password)\n");
        const CliResult leaky = m_cli.run({"migrate", "staging"}, m_ws.path());
        writeFile(envPy.fileName(), original);
        QVERIFY2(leaky.exitCode == 0, qPrintable(leaky.out + leaky.err));
        const CliResult leakyLogs = m_cli.run({"logs", QString::number(lastRunId())}, m_ws.path());
        QVERIFY2(leakyLogs.out.contains("connected with password ***"), qPrintable(leakyLogs.out));

        // Nothing DeployDesk wrote (history, logs, reports) holds the password, written
        // or decoded, in either data folder.
        for (const QString &dir : {cli.dataDir(), m_cli.dataDir()}) {
            QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile f(it.next());
                QVERIFY(f.open(QIODevice::ReadOnly));
                const QByteArray bytes = f.readAll();
                QVERIFY2(!bytes.contains(kPassword) && !bytes.contains(kEncodedPassword),
                         qPrintable(f.fileName()));
            }
        }
        for (const CliResult &out :
             {logs, r, leaky, leakyLogs,
              cli.run({"show", QString::number(run), "--json"}, m_ws.path())})
            QVERIFY(!out.out.contains("S3cret") && !out.err.contains("S3cret"));
    }
};

QTEST_GUILESS_MAIN(TestAlembic)
#include "tst_alembic.moc"
