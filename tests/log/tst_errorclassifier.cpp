// First Error (issue 10 §5): the line it lands on in real-looking output of the tools the
// docs site's pipeline runs. Each case is a log excerpt as the tool prints it (paths and
// messages of this project's kind); "O " marks stdout, "X " stderr. The expected line is
// the one a person would point at: a tool's error over a warning that mentions "Error",
// pytest's "E   …" explanation over its "FAILED …" summary.
#include "log/ansiparser.h"
#include "log/errorclassifier.h"

#include <QTest>

using namespace DeployDesk;

Q_DECLARE_METATYPE(DeployDesk::LineSeverity)

namespace {

struct Feed
{
    std::optional<qint64> line; // 1-based
    LineSeverity severity = LineSeverity::None;
    QByteArray text;
};

Feed firstError(const QByteArray &log)
{
    FirstErrorFinder finder;
    const QList<QByteArray> lines = log.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray &raw = lines[i];
        const LogStream stream = raw.startsWith("X ") ? LogStream::Stderr : LogStream::Stdout;
        const QByteArray text = AnsiParser::strip(raw.mid(2));
        if (!finder.feed(i + 1, stream, text))
            break;
    }
    Feed out;
    out.severity = finder.severity();
    if (const auto index = finder.index()) {
        out.line = *index;
        out.text = AnsiParser::strip(lines[*index - 1].mid(2));
    }
    return out;
}

} // namespace

class TestErrorClassifier final : public QObject
{
    Q_OBJECT

private slots:
    void firstErrorInRealLogs_data()
    {
        QTest::addColumn<QByteArray>("log");
        QTest::addColumn<int>("line"); // 0: no error line
        QTest::addColumn<LineSeverity>("severity");

        QTest::newRow("webpack: [ERROR] over the cache warning's '-> Error ->'")
            << QByteArray("O assets by status 1.2 MiB [cached] 12 assets\n"
                          "O <w> [webpack.cache.PackFileCacheStrategy] Caching failed for pack: "
                          "Error: ENOENT: no such file or directory, rename "
                          "'/site/node_modules/.cache/webpack/default-production/0.pack_' -> "
                          "'/site/node_modules/.cache/webpack/default-production/0.pack' -> "
                          "Error -> ENOENT\n"
                          "O webpack 5.89.0 compiled with 1 error in 8312 ms\n"
                          "X [ERROR] Module not found: Error: Can't resolve './search-box' in "
                          "'/site/src/components'\n"
                          "X npm ERR! code 1\n")
            << 4 << LineSeverity::Error;

        QTest::newRow("pytest: the E line, not the FAILED summary")
            << QByteArray(
                   "O ============================= test session starts "
                   "==============================\n"
                   "O platform linux -- Python 3.11.6, pytest-7.4.3, pluggy-1.3.0\n"
                   "O rootdir: /work/site/rag\n"
                   "O collected 4 items\n"
                   "O \n"
                   "O tests/test_search.py ..F.                                          [100%]\n"
                   "O \n"
                   "O =================================== FAILURES "
                   "===================================\n"
                   "O _____________________________ test_search_ranking "
                   "______________________________\n"
                   "O \n"
                   "O     def test_search_ranking():\n"
                   "O         results = search(\"install\")\n"
                   "O >       assert results[0].slug == \"getting-started/install\"\n"
                   "O E       AssertionError: assert 'faq' == 'getting-started/install'\n"
                   "O E         - getting-started/install\n"
                   "O E         + faq\n"
                   "O \n"
                   "O tests/test_search.py:14: AssertionError\n"
                   "O =========================== short test summary info "
                   "============================\n"
                   "O FAILED tests/test_search.py::test_search_ranking - AssertionError: assert "
                   "'faq' == 'getting-started/install'\n"
                   "O ========================= 1 failed, 3 passed in 0.21s "
                   "==========================\n")
            << 14 << LineSeverity::Error;

        QTest::newRow("pytest -v: the E line, not the verbose FAILED progress line")
            << QByteArray("O tests/test_api.py::test_health PASSED                    [ 50%]\n"
                          "O tests/test_api.py::test_search_empty FAILED              [100%]\n"
                          "O \n"
                          "O ___________________________ test_search_empty "
                          "___________________________\n"
                          "O >       assert response.status_code == 200\n"
                          "O E       assert 422 == 200\n"
                          "O E        +  where 422 = <Response [422]>.status_code\n")
            << 6 << LineSeverity::Error;

        QTest::newRow("pytest: only the summary when the details were cut")
            << QByteArray("O tests/test_api.py .F\n"
                          "O FAILED tests/test_api.py::test_search_empty - assert 422 == 200\n"
                          "O ===== 1 failed, 1 passed in 0.40s =====\n")
            << 2 << LineSeverity::Summary;

        QTest::newRow("tsc: error TS")
            << QByteArray("O > docs-site@1.4.0 typecheck\n"
                          "O > tsc --noEmit\n"
                          "O \n"
                          "O src/search/client.ts(42,7): error TS2322: Type 'string | undefined' "
                          "is not assignable to type 'string'.\n"
                          "O   Type 'undefined' is not assignable to type 'string'.\n"
                          "O \n"
                          "O Found 1 error in src/search/client.ts:42\n")
            << 4 << LineSeverity::Error;

        QTest::newRow("npm: npm ERR! over npm WARN")
            << QByteArray("X npm WARN deprecated inflight@1.0.6: This module is not supported, "
                          "and leaks memory. Do not use it; errors are not reported.\n"
                          "X npm ERR! code ERESOLVE\n"
                          "X npm ERR! ERESOLVE unable to resolve dependency tree\n"
                          "X npm ERR! Found: react@18.2.0\n")
            << 2 << LineSeverity::Error;

        QTest::newRow("npm 10: npm error")
            << QByteArray("X npm warn config production Use `--omit=dev` instead.\n"
                          "X npm error code ENOENT\n"
                          "X npm error syscall open\n")
            << 2 << LineSeverity::Error;

        QTest::newRow("maven-style [ERROR] after [WARNING]")
            << QByteArray(
                   "O [INFO] Building docs-search 1.0.0\n"
                   "O [WARNING] The POM for org.example:error-utils:jar:1.2 is missing\n"
                   "O [ERROR] Failed to execute goal org.apache.maven.plugins:maven-"
                   "compiler-plugin:3.11.0:compile (default-compile) on project docs-search\n")
            << 3 << LineSeverity::Error;

        QTest::newRow("python: Traceback")
            << QByteArray("O Loading 1423 chunks from build/chunks.jsonl\n"
                          "X Traceback (most recent call last):\n"
                          "X   File \"/work/site/rag/embed.py\", line 88, in <module>\n"
                          "X     main()\n"
                          "X   File \"/work/site/rag/embed.py\", line 71, in main\n"
                          "X     raise ValueError(f\"chunk {cid} has no text\")\n"
                          "X ValueError: chunk getting-started/install#3 has no text\n")
            << 2 << LineSeverity::Error;

        QTest::newRow("alembic: FAILED: after the INFO lines")
            << QByteArray("X INFO  [alembic.runtime.migration] Context impl PostgresqlImpl.\n"
                          "X INFO  [alembic.runtime.migration] Will assume transactional DDL.\n"
                          "X FAILED: Can't locate revision identified by '3f2a9c1d7e44'\n")
            << 3 << LineSeverity::Error;

        QTest::newRow("alembic: ERROR [alembic…] and the exception")
            << QByteArray("X INFO  [alembic.runtime.migration] Running upgrade 1a2b -> 3c4d, add "
                          "chunk embeddings\n"
                          "X ERROR [alembic.util.messaging] Target database is not up to date.\n"
                          "X   FAILED: Target database is not up to date.\n")
            << 2 << LineSeverity::Error;

        QTest::newRow("gcc: error over warning")
            << QByteArray("X tools/stageguard.c: In function 'main':\n"
                          "X tools/stageguard.c:41:9: warning: unused variable 'error' "
                          "[-Wunused-variable]\n"
                          "X tools/stageguard.c:57:5: error: 'pid' undeclared (first use in this "
                          "function)\n")
            << 3 << LineSeverity::Error;

        QTest::newRow("a tool without a known shape: the first mention")
            << QByteArray("O building 42 pages\n"
                          "X the build failed\n"
                          "O error\n")
            << 2 << LineSeverity::Mention;

        QTest::newRow("only a warning that says Error: it, as the last resort")
            << QByteArray("O compiled\n"
                          "O <w> [webpack.cache.PackFileCacheStrategy] Restoring pack failed: "
                          "Error -> ENOENT\n")
            << 2 << LineSeverity::Warning;

        QTest::newRow("no error at all") << QByteArray("O ErrorBoundary.tsx compiled\n"
                                                       "X npm WARN deprecated glob@7.2.3\n"
                                                       "O warning: errors are not fatal here\n")
                                         << 0 << LineSeverity::None;

        QTest::newRow("colours do not hide the shape")
            << QByteArray("O \x1b[33mWARNING\x1b[0m: the pack cache failed: Error\n"
                          "X \x1b[31mERROR:\x1b[0m root: cannot connect to postgres\n")
            << 2 << LineSeverity::Error;
    }

    void firstErrorInRealLogs()
    {
        QFETCH(QByteArray, log);
        QFETCH(int, line);
        QFETCH(LineSeverity, severity);
        const Feed found = firstError(log);
        QCOMPARE(found.line.value_or(0), qint64(line));
        QCOMPARE(int(found.severity), int(severity));
    }

    void oneLine_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("onStderr");
        QTest::addColumn<LineSeverity>("severity");
        QTest::newRow("pytest E") << QByteArray("E       assert 2 == 3") << false
                                  << LineSeverity::Error;
        QTest::newRow("not pytest: E1 E22")
            << QByteArray("E1 E22 E333") << false << LineSeverity::None;
        QTest::newRow("error TS at line start")
            << QByteArray("error TS18003: No inputs were found in config file") << false
            << LineSeverity::Error;
        QTest::newRow("a word ending in error ts is not tsc")
            << QByteArray("superror ts2 done") << false << LineSeverity::None;
        QTest::newRow("rustc") << QByteArray("error[E0308]: mismatched types") << false
                               << LineSeverity::Error;
        QTest::newRow("git fatal")
            << QByteArray("fatal: not a git repository") << true << LineSeverity::Error;
        QTest::newRow("node Error:") << QByteArray("Error: Cannot find module '/site/build.js'")
                                     << true << LineSeverity::Error;
        QTest::newRow("sqlalchemy exception")
            << QByteArray("sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) "
                          "connection refused")
            << true << LineSeverity::Error;
        QTest::newRow("a file name with Error")
            << QByteArray("Compiling ErrorHandler.cpp") << false << LineSeverity::None;
        QTest::newRow("python DeprecationWarning mentioning error")
            << QByteArray("/rag/embed.py:12: DeprecationWarning: error_rate is deprecated") << true
            << LineSeverity::Warning;
        QTest::newRow("stderr fail word")
            << QByteArray("the build failed") << true << LineSeverity::Mention;
        QTest::newRow("stdout fail word is no mention")
            << QByteArray("the build failed") << false << LineSeverity::None;
    }

    void oneLine()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, onStderr);
        QFETCH(LineSeverity, severity);
        QCOMPARE(int(classifyLogLine(onStderr ? LogStream::Stderr : LogStream::Stdout, text)),
                 int(severity));
    }
};

QTEST_GUILESS_MAIN(TestErrorClassifier)
#include "tst_errorclassifier.moc"
