// What the alembic stage reads from Alembic's output (apis.md §6) and from a database
// URL: the revisions it records, the message a failed command becomes, and what of a
// URL is masked.
#include "data/alembic/alembicoptions.h"
#include "data/alembic/alembicoutput.h"

#include <QTest>

using namespace DeployDesk::Alembic;

class TestAlembicOutput : public QObject
{
    Q_OBJECT

private slots:
    void revisionsOfCurrentAndHeads_data()
    {
        QTest::addColumn<QStringList>("lines");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("none: a database without a version") << QStringList{} << QStringList{};
        QTest::newRow("at head") << QStringList{"b2c3 (head)"} << QStringList{"b2c3"};
        QTest::newRow("not at head") << QStringList{"a1"} << QStringList{"a1"};
        QTest::newRow("two heads")
            << QStringList{"c3 (head)", "d4 (head)"} << QStringList{"c3", "d4"};
        QTest::newRow("branch label and effective head")
            << QStringList{"e5 (feature) (effective head)"} << QStringList{"e5"};
        QTest::newRow("log lines on stdout are not revisions")
            << QStringList{"INFO  [alembic.runtime.migration] Context impl PostgresqlImpl.",
                           "0002 (head)"}
            << QStringList{"0002"};
    }
    void revisionsOfCurrentAndHeads()
    {
        QFETCH(QStringList, lines);
        QFETCH(QStringList, expected);
        QCOMPARE(revisions(lines), expected);
    }

    void historyListsNewestFirst()
    {
        QCOMPARE(historyRevisions({"b2 -> c3 (head), three", "a1 -> b2, two", "<base> -> a1, one",
                                   "a1, b2 -> m9 (mergepoint), merge"}),
                 (QStringList{"c3", "b2", "a1", "m9"}));
    }

    void failureMessages_data()
    {
        QTest::addColumn<QStringList>("out");
        QTest::addColumn<QStringList>("err");
        QTest::addColumn<QString>("expected");
        QTest::newRow("CommandError: FAILED on stdout")
            << QStringList{"FAILED: Can't locate revision identified by 'zz9'"}
            << QStringList{"ERROR [alembic.util.messaging] Can't locate revision identified by "
                           "'zz9'"}
            << "Can't locate revision identified by 'zz9'";
        QTest::newRow("driver error: the traceback's exception line")
            << QStringList{}
            << QStringList{"Traceback (most recent call last):",
                           "  File \"/usr/bin/alembic\", line 33, in <module>",
                           "sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) "
                           "connection to server at \"127.0.0.1\", port 1 failed: Connection "
                           "refused",
                           "\tIs the server running on that host and accepting TCP/IP "
                           "connections?",
                           "",
                           "(Background on this error at: https://sqlalche.me/e/14/e3q8)"}
            << "sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) connection to "
               "server at \"127.0.0.1\", port 1 failed: Connection refused";
        QTest::newRow("SQL error with the statement after it")
            << QStringList{}
            << QStringList{"Traceback (most recent call last):",
                           "sqlalchemy.exc.ProgrammingError: (psycopg2.errors.UndefinedTable) "
                           "relation \"x\" does not exist",
                           "", "[SQL: ALTER TABLE x ADD y int]",
                           "(Background on this error at: https://sqlalche.me/e/14/f405)"}
            << "sqlalchemy.exc.ProgrammingError: (psycopg2.errors.UndefinedTable) relation \"x\" "
               "does not exist";
        QTest::newRow("nothing recognisable")
            << QStringList{} << QStringList{"INFO  [alembic.runtime.migration] Context impl."}
            << QString();
    }
    void failureMessages()
    {
        QFETCH(QStringList, out);
        QFETCH(QStringList, err);
        QFETCH(QString, expected);
        QCOMPARE(failureMessage(out, err), expected);
    }

    void missingAlembicModule()
    {
        QCOMPARE(missingModule({"DEPLOYDESK-ALEMBIC-MISSING: No module named 'alembic'"}),
                 QStringLiteral("No module named 'alembic'"));
        QCOMPARE(missingModule({"FAILED: whatever"}), QString());
    }

    void urlParts()
    {
        QCOMPARE(dialectOf("postgresql+psycopg2://u:p@h/db"), QStringLiteral("postgresql"));
        QCOMPARE(dialectOf("sqlite:///x.db"), QStringLiteral("sqlite"));
        // The password as written and decoded, and the URL with it decoded.
        QCOMPARE(secretPartsOf("postgresql://deploy:S3cret%40Pw@127.0.0.1:5432/db"),
                 (QByteArrayList{"S3cret%40Pw", "S3cret@Pw",
                                 "postgresql://deploy:S3cret@Pw@127.0.0.1:5432/db"}));
        QCOMPARE(secretPartsOf("postgresql://deploy:plain@h/db"), (QByteArrayList{"plain"}));
        QCOMPARE(secretPartsOf("postgresql://deploy@h/db"), QByteArrayList{});
        QCOMPARE(secretPartsOf("sqlite:////var/lib/x.db"), QByteArrayList{});
        QCOMPARE(sqliteFile("sqlite:////var/lib/dd/x.db", "/work"),
                 QStringLiteral("/var/lib/dd/x.db"));
        QCOMPARE(sqliteFile("sqlite:///data/x.db", "/work"), QStringLiteral("/work/data/x.db"));
        QCOMPARE(sqliteFile("sqlite://", "/work"), QString());
        QCOMPARE(sqliteFile("postgresql://h/db", "/work"), QString());
        QCOMPARE(shellQuote("it's"), QStringLiteral("'it'\\''s'"));
    }
};

QTEST_GUILESS_MAIN(TestAlembicOutput)
#include "tst_alembicoutput.moc"
