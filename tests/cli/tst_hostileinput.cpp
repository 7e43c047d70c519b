// Hostile input, end to end through deploydeskctl: an alias bomb under a memory limit, a
// FIFO for a pipeline file, "." and ".." as stage names, escape sequences a stage prints
// reaching a terminal (a real pseudo-terminal), NUL bytes and invalid UTF-8 in the
// pipeline file, and the exit code of an unknown run's export.

#include "clihelper.h"

#include <QRegularExpression>

#include <cerrno>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

// Every ESC in `bytes` starts an SGR sequence (ESC [ digits ; : m): nothing else that a
// terminal would act on. Returns the first offending sequence's start, or -1.
qsizetype firstNonSgrEscape(const QByteArray &bytes)
{
    static const QRegularExpression sgr(QStringLiteral("^\\x1b\\[[0-9;:]*m"));
    for (qsizetype i = bytes.indexOf('\x1b'); i >= 0; i = bytes.indexOf('\x1b', i + 1)) {
        if (!sgr.match(QString::fromLatin1(bytes.mid(i, 32))).hasMatch())
            return i;
    }
    return -1;
}

// What a stage prints: a colour, then an OSC 52 clipboard write, an OSC title, a screen
// clear and a DCS string, each of which a terminal would obey if it got them raw.
const QByteArray kHostileStage =
    "name: tty\n"
    "stages:\n"
    "  evil:\n"
    "    run: \"printf '\\\\033[31mred\\\\033[0m clip:\\\\033]52;c;aGVsbG8=\\\\007 "
    "title:\\\\033]0;pwned\\\\007 clear:\\\\033[2J dcs:\\\\033Pq#0;2;0;0;0\\\\033\\\\\\\\ "
    "end\\\\n'; exit 1\"\n";

} // namespace

class TestHostileInput : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;

    QString workspace(const QString &name, const QByteArray &yaml)
    {
        const QString dir = m_tmp.filePath(name);
        QDir().mkpath(dir);
        writeFile(dir + "/deploydesk.yml", yaml);
        return dir;
    }

    // Runs deploydeskctl with stdout and stderr on the slave side of a new pseudo-terminal
    // and returns everything read from the master side (and the exit code).
    static std::pair<int, QByteArray> runOnATerminal(Cli &cli, const QStringList &args)
    {
        int master = -1;
        int slave = -1;
        if (::openpty(&master, &slave, nullptr, nullptr, nullptr) != 0)
            return {-2, QByteArray("openpty failed")};
        QProcess p;
        QProcessEnvironment env = cli.env();
        env.insert("TERM", "dumb"); // no live table: the failure summary and logs only
        p.setProcessEnvironment(env);
        p.setChildProcessModifier([slave] {
            ::dup2(slave, STDOUT_FILENO);
            ::dup2(slave, STDERR_FILENO);
        });
        p.start(Cli::program(), args);
        ::close(slave);
        QByteArray out;
        char buffer[4096];
        // Read while it runs (a full pty buffer would stop it), until the slave is closed
        // by the child's end: read() then fails with EIO. The deadline only stops a hang.
        QDeadlineTimer deadline(120000);
        while (!deadline.hasExpired()) {
            pollfd fd{master, POLLIN, 0};
            if (::poll(&fd, 1, 100) > 0) {
                const ssize_t n = ::read(master, buffer, sizeof buffer);
                if (n > 0) {
                    out.append(buffer, n);
                    continue;
                }
                if (n < 0 && errno == EINTR)
                    continue;
                break; // EIO: nobody holds the slave any more
            }
            p.waitForFinished(0);
        }
        ::close(master);
        if (!hasFinished(&p, 20000)) {
            p.kill();
            p.waitForFinished();
            return {-1, out};
        }
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, out};
    }

private slots:
    // A 3 MB scalar aliased 1,000 times would be 3 GB of strings (6 GB as QString).
    // Under a 1 GB address-space limit, validate must refuse it where the expansion passes
    // the bound, with exit 2 — not die of an allocation failure or be killed.
    void aliasBombIsRefusedUnderAMemoryLimit()
    {
#if defined(__SANITIZE_ADDRESS__)
        QSKIP("AddressSanitizer reserves more address space than the limit allows");
#endif
        QByteArray yaml =
            "name: bomb\nenv:\n  BIG: &big " + QByteArray(3 * 1024 * 1024, 'x') + "\n";
        const int firstAliasLine = 4;
        for (int i = 0; i < 1000; ++i)
            yaml += "  A" + QByteArray::number(i).rightJustified(4, '0') + ": *big\n";
        yaml += "stages:\n  build:\n    run: echo build\n";
        const QString ws = workspace("bomb", yaml);

        Cli cli;
        QProcess p;
        p.setProcessEnvironment(cli.env());
        p.setChildProcessModifier([] {
            const rlimit limit{rlim_t(1) << 30, rlim_t(1) << 30};
            ::setrlimit(RLIMIT_AS, &limit);
        });
        p.start(Cli::program(), {"validate", "--workspace", ws});
        QVERIFY(p.waitForStarted());
        if (!p.waitForFinished(120000)) {
            p.kill();
            p.waitForFinished();
            QFAIL("validate did not finish");
        }
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 2);
        const QRegularExpression where(
            QStringLiteral("deploydesk\\.yml:(\\d+):(\\d+): the file grows past 64 MB once its "
                           "aliases are expanded \\(this \"\\*big\" repeats a large value\\)"));
        const QRegularExpressionMatch m = where.match(err);
        QVERIFY2(m.hasMatch(), qPrintable(err.left(2000)));
        // At one of the aliases ("  A0012: *big": the alias is at column 10).
        QVERIFY(m.captured(1).toInt() >= firstAliasLine);
        QVERIFY(m.captured(1).toInt() < firstAliasLine + 1000);
        QCOMPARE(m.captured(2).toInt(), 10);
    }

    // Opening a FIFO for reading blocks until a writer comes; nobody writes here.
    void fifoAsThePipelineFileIsRefusedWithoutOpeningIt()
    {
        const QString ws = m_tmp.filePath("fifo");
        QVERIFY(QDir().mkpath(ws));
        QCOMPARE(::mkfifo(QFile::encodeName(ws + "/deploydesk.yml").constData(), 0600), 0);
        Cli cli;
        const CliResult r = cli.run({"validate"}, ws, {}, 30000); // a hang fails: exit -1
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("it is a FIFO, not a regular file; a pipeline file must be a "
                                "regular file"),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains("deploydesk.yml"), qPrintable(r.err));

        // Through a symlink: the same (symlinks are followed, then checked).
        const QString linked = m_tmp.filePath("fifolink");
        QVERIFY(QDir().mkpath(linked));
        QVERIFY(QFile::link(ws + "/deploydesk.yml", linked + "/deploydesk.yml"));
        const CliResult viaLink = cli.run({"validate"}, linked, {}, 30000);
        QCOMPARE(viaLink.exitCode, 2);
        QVERIFY2(viaLink.err.contains("it is a FIFO"), qPrintable(viaLink.err));
    }

    void dotAndDotDotAreNotStageNames()
    {
        Cli cli;
        const QString ws = workspace("dots", "name: dots\n"
                                             "stages:\n"
                                             "  ..:\n    run: echo up\n"
                                             "  .:\n    run: echo here\n"
                                             "  ok.name:\n    run: echo fine\n");
        const CliResult r = cli.run({"validate"}, ws);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("deploydesk.yml:3:3: stage name \"..\" is not allowed"),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains("deploydesk.yml:5:3: stage name \".\" is not allowed"),
                 qPrintable(r.err));
        QVERIFY2(!r.err.contains("ok.name"), qPrintable(r.err));
        // run refuses it too, before any stage writes anything.
        const CliResult run = cli.run({"run"}, ws);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(QDir(cli.dataDir() + "/artifacts").isEmpty());
    }

    // A stage's output on a terminal: colours pass, everything else a terminal would obey
    // (clipboard write, title, screen clear, DCS) is shown as text, never emitted.
    void escapeSequencesOnATerminalKeepOnlyColours()
    {
        Cli cli;
        const QString ws = workspace("tty", kHostileStage);

        const auto [runExit, runOut] = runOnATerminal(cli, {"run", "--workspace", ws});
        QCOMPARE(runExit, 1);
        QVERIFY2(runOut.contains("--- last"), runOut.constData()); // the failure summary
        QVERIFY2(runOut.contains("\x1b[31mred\x1b[0m"), runOut.constData());
        QVERIFY2(firstNonSgrEscape(runOut) < 0, runOut.toPercentEncoding(" :;=^[]").constData());
        QVERIFY2(runOut.contains("clip:^[]52;c;aGVsbG8=^G"), runOut.constData());
        QVERIFY2(runOut.contains("title:^[]0;pwned^G"), runOut.constData());
        QVERIFY2(runOut.contains("clear:^[[2J"), runOut.constData());
        QVERIFY2(runOut.contains("dcs:^[Pq#0;2;0;0;0^[\\"), runOut.constData());

        const auto [logsExit, logsOut] = runOnATerminal(cli, {"logs", "1"});
        QCOMPARE(logsExit, 0);
        QVERIFY2(logsOut.contains("\x1b[31mred\x1b[0m"), logsOut.constData());
        QVERIFY2(firstNonSgrEscape(logsOut) < 0, logsOut.toPercentEncoding(" :;=^[]").constData());
        QVERIFY2(logsOut.contains("clip:^[]52;c;aGVsbG8=^G title:^[]0;pwned^G clear:^[[2J "
                                  "dcs:^[Pq#0;2;0;0;0^[\\ end"),
                 logsOut.constData());

        // Piped, nothing changes: the escapes are stripped as before.
        const CliResult piped = cli.run({"logs", "1"});
        QVERIFY2(piped.out.contains("red clip: title: clear: dcs: end"), qPrintable(piped.out));
    }

    void nulByteIsRefusedWhereItIs()
    {
        Cli cli;
        static const char text[] = "name: x\nstages:\n  s:\n    run: é\0cho\n";
        const QString ws = workspace("nul", QByteArray(text, int(sizeof text) - 1));
        const CliResult r = cli.run({"validate"}, ws);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("deploydesk.yml:4:11: the file holds a NUL byte (0x00); "
                                "YAML files are UTF-8 text"),
                 qPrintable(r.err));
    }

    void invalidUtf8IsRefusedWhereItIs()
    {
        Cli cli;
        const QString ws = workspace("latin1", "name: caf\xe9-pipeline\nstages:\n  s:\n"
                                               "    run: echo\n");
        const CliResult r = cli.run({"validate"}, ws);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("deploydesk.yml:1:10: the file is not valid UTF-8: byte 0xe9 "
                                "here does not belong to a UTF-8 character"),
                 qPrintable(r.err));
        QVERIFY2(!r.err.contains(QChar(0xFFFD)), qPrintable(r.err));
    }

    // docs/cli.md: an unknown run is invalid input, exit 2 (as for show and logs).
    void exportOfAnUnknownRunIsInvalidInput()
    {
        Cli cli;
        const CliResult r = cli.run({"export", "999"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("999"), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestHostileInput)
#include "tst_hostileinput.moc"
