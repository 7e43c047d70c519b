#include "log/logpipeline.h"

#include <QDateTime>
#include <QTest>

using namespace DeployDesk;

namespace {

struct Capture
{
    QList<LogLine> lines;
    LogPipeline::Sink sink()
    {
        return [this](std::span<const LogLineRef> batch) {
            for (const LogLineRef &line : batch)
                lines.append(line.toLine());
        };
    }
    QList<QByteArray> texts(LogStream stream) const
    {
        QList<QByteArray> result;
        for (const LogLine &line : lines) {
            if (line.stream == stream)
                result.append(line.text);
        }
        return result;
    }
};

SecretMasker maskerOf(const QList<QByteArray> &secrets)
{
    SecretMasker masker;
    masker.setSecrets(secrets);
    return masker;
}

} // namespace

class tst_LogPipeline final : public QObject
{
    Q_OBJECT

private slots:
    void toValidUtf8_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        const QByteArray fffd = "\xEF\xBF\xBD";
        QTest::newRow("empty") << QByteArray() << QByteArray();
        QTest::newRow("ascii") << QByteArray("plain ascii text, long enough for words")
                               << QByteArray("plain ascii text, long enough for words");
        QTest::newRow("valid multi-byte") << QByteArray("h\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80")
                                          << QByteArray("h\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80");
        QTest::newRow("largest code point")
            << QByteArray("\xF4\x8F\xBF\xBF") << QByteArray("\xF4\x8F\xBF\xBF");
        QTest::newRow("lone continuation") << QByteArray("a\x80z") << "a" + fffd + "z";
        QTest::newRow("two continuations") << QByteArray("\x80\xBF") << fffd + fffd;
        QTest::newRow("invalid byte FF") << QByteArray("x\xFFy") << "x" + fffd + "y";
        QTest::newRow("Latin-1 text") << QByteArray("caf\xE9!") << "caf" + fffd + "!";
        QTest::newRow("overlong slash C0 AF") << QByteArray("\xC0\xAF") << fffd + fffd;
        QTest::newRow("overlong NUL C0 80") << QByteArray("a\xC0\x80") << "a" + fffd + fffd;
        QTest::newRow("overlong E0 80 AF") << QByteArray("\xE0\x80\xAF") << fffd + fffd + fffd;
        QTest::newRow("overlong F0 80 80 AF")
            << QByteArray("\xF0\x80\x80\xAF") << fffd + fffd + fffd + fffd;
        QTest::newRow("surrogate ED A0 80") << QByteArray("\xED\xA0\x80") << fffd + fffd + fffd;
        QTest::newRow("beyond U+10FFFF")
            << QByteArray("\xF4\x90\x80\x80") << fffd + fffd + fffd + fffd;
        QTest::newRow("F5 lead") << QByteArray("\xF5\x80") << fffd + fffd;
        QTest::newRow("truncated 2-byte at end") << QByteArray("ab\xC3") << "ab" + fffd;
        QTest::newRow("truncated 3-byte at end") << QByteArray("ab\xE2\x82") << "ab" + fffd;
        QTest::newRow("truncated 4-byte at end") << QByteArray("\xF0\x9F\x98") << fffd;
        QTest::newRow("truncated then ascii") << QByteArray("\xE2\x82"
                                                            "A")
                                              << fffd + "A";
        QTest::newRow("truncated then valid")
            << QByteArray("\xF0\x9F\xC3\xA9") << fffd + "\xC3\xA9";
        QTest::newRow("invalid after long ascii run")
            << QByteArray("0123456789abcdef0123\xFF") << "0123456789abcdef0123" + fffd;
    }

    void toValidUtf8()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        const QByteArray result = LogPipeline::toValidUtf8(input);
        QCOMPARE(result, expected);
        // The result is valid UTF-8: Qt round-trips it, and a second pass keeps it as is.
        QCOMPARE(QString::fromUtf8(result).toUtf8(), result);
        QCOMPARE(LogPipeline::toValidUtf8(result), result);
    }

    void linesGoThroughEveryStep()
    {
        Capture capture;
        qint64 now = 1000;
        LogPipeline pipeline(maskerOf({"s3cr3t"}), capture.sink(), [&] { return now++; });
        pipeline.feed(LogStream::Stdout, "token s3cr3t\r\nbad \xFF byte\npart");
        pipeline.feed(LogStream::Stderr, "error: s3cr3t\n");
        QCOMPARE(capture.lines.size(), 3);
        QCOMPARE(capture.lines[0].text, QByteArray("token ***"));
        QCOMPARE(capture.lines[0].stream, LogStream::Stdout);
        QCOMPARE(capture.lines[0].timestampMs, 1000);
        QCOMPARE(capture.lines[1].text, QByteArray("bad \xEF\xBF\xBD byte"));
        QCOMPARE(capture.lines[1].timestampMs, 1000); // completed by the same read
        QCOMPARE(capture.lines[2].text, QByteArray("error: ***"));
        QCOMPARE(capture.lines[2].timestampMs, 1001);
        QCOMPARE(capture.lines[2].stream, LogStream::Stderr);

        pipeline.finish();
        QCOMPARE(capture.lines.size(), 4);
        QCOMPARE(capture.lines[3].text, QByteArray("part"));
        QCOMPARE(capture.lines[3].stream, LogStream::Stdout);
    }

    void timestampIsWhenTheLineCompletes()
    {
        Capture capture;
        qint64 now = 5;
        LogPipeline pipeline(SecretMasker(), capture.sink(), [&] { return now; });
        pipeline.feed(LogStream::Stdout, "started at 5");
        now = 9;
        pipeline.feed(LogStream::Stdout, ", done\n");
        QCOMPARE(capture.lines.size(), 1);
        QCOMPARE(capture.lines[0].timestampMs, 9);
    }

    void defaultClockIsWallClock()
    {
        Capture capture;
        LogPipeline pipeline(SecretMasker(), capture.sink());
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        pipeline.feed(LogStream::Stdout, "x\n");
        const qint64 after = QDateTime::currentMSecsSinceEpoch();
        QCOMPARE(capture.lines.size(), 1);
        QVERIFY(capture.lines[0].timestampMs >= before);
        QVERIFY(capture.lines[0].timestampMs <= after);
    }

    void secretSplitAcrossReadsIsMasked()
    {
        const QByteArray output = "login with ghp_A1b2C3d4E5 now\npassword: ghp_A1b2C3d4E5\n";
        for (qsizetype cut = 0; cut <= output.size(); ++cut) {
            Capture capture;
            LogPipeline pipeline(maskerOf({"ghp_A1b2C3d4E5"}), capture.sink(), [] { return 0; });
            pipeline.feed(LogStream::Stdout, QByteArrayView(output).first(cut));
            pipeline.feed(LogStream::Stdout, QByteArrayView(output).sliced(cut));
            pipeline.finish();
            QCOMPARE(capture.texts(LogStream::Stdout),
                     (QList<QByteArray>{"login with *** now", "password: ***"}));
        }
    }

    void invalidUtf8SplitAcrossReadsIsRepairedOnce()
    {
        // A valid multi-byte character cut by the pipe read must not become U+FFFD.
        Capture capture;
        LogPipeline pipeline(SecretMasker(), capture.sink(), [] { return 0; });
        pipeline.feed(LogStream::Stdout, "caf\xC3");
        pipeline.feed(LogStream::Stdout, "\xA9\n");
        QCOMPARE(capture.texts(LogStream::Stdout), QList<QByteArray>{"caf\xC3\xA9"});
    }

    void characterAtTheCutOfALongLineStaysWhole()
    {
        // A line longer than the limit is stored in pieces; a character the cut falls
        // into goes to the next piece instead of becoming two U+FFFD.
        for (const bool withSecrets : {false, true}) {
            Capture capture;
            LogPipeline pipeline(
                withSecrets ? maskerOf({"hunter2"}) : SecretMasker(), capture.sink(),
                [] { return 0; }, 16);
            const QByteArray line = QByteArray(15, 'x') + "\xE2\x82\xAC" + QByteArray(20, 'y');
            pipeline.feed(LogStream::Stdout, line + "\n");
            const QList<QByteArray> pieces = capture.texts(LogStream::Stdout);
            QVERIFY(pieces.size() >= 2);
            QCOMPARE(pieces.join(), line);
            for (const QByteArray &piece : pieces)
                QCOMPARE(LogPipeline::toValidUtf8(piece), piece);
        }
    }

    void streamsKeepSeparatePartialLines()
    {
        Capture capture;
        LogPipeline pipeline(SecretMasker(), capture.sink(), [] { return 0; });
        pipeline.feed(LogStream::Stdout, "out-");
        pipeline.feed(LogStream::Stderr, "err-");
        pipeline.feed(LogStream::Stdout, "line\n");
        pipeline.feed(LogStream::Stderr, "line\n");
        pipeline.feed(LogStream::System, "sys-");
        pipeline.feed(LogStream::Stdout, "second\n");
        pipeline.feed(LogStream::System, "line\n");
        QCOMPARE(capture.texts(LogStream::Stdout), (QList<QByteArray>{"out-line", "second"}));
        QCOMPARE(capture.texts(LogStream::Stderr), QList<QByteArray>{"err-line"});
        QCOMPARE(capture.texts(LogStream::System), QList<QByteArray>{"sys-line"});
    }

    void finishFlushesBothStreams()
    {
        Capture capture;
        LogPipeline pipeline(SecretMasker(), capture.sink(), [] { return 0; });
        pipeline.feed(LogStream::Stdout, "no newline out");
        pipeline.feed(LogStream::Stderr, "no newline err");
        QVERIFY(capture.lines.isEmpty());
        pipeline.finish();
        QCOMPARE(capture.texts(LogStream::Stdout), QList<QByteArray>{"no newline out"});
        QCOMPARE(capture.texts(LogStream::Stderr), QList<QByteArray>{"no newline err"});
    }

    void systemMessagesAreMasked()
    {
        Capture capture;
        LogPipeline pipeline(maskerOf({"hunter2"}), capture.sink(), [] { return 42; });
        pipeline.system(QStringLiteral("retrying with token hunter2 (attempt 2 of 3)"));
        pipeline.system(QStringLiteral("exit code 1\nstage failed"));
        QCOMPARE(capture.texts(LogStream::System),
                 (QList<QByteArray>{"retrying with token *** (attempt 2 of 3)", "exit code 1",
                                    "stage failed"}));
        QCOMPARE(capture.lines[0].timestampMs, 42);
        QCOMPARE(pipeline.masker().isEmpty(), false);
    }

    void sinkGetsEveryLineInOrder()
    {
        Capture capture;
        LogPipeline pipeline(maskerOf({"abc", "secret-two", "third-one"}), capture.sink(),
                             [] { return 0; });
        QByteArray input;
        for (int i = 0; i < 10000; ++i)
            input += "line " + QByteArray::number(i) + " abc\n";
        for (qsizetype pos = 0; pos < input.size(); pos += 4093)
            pipeline.feed(
                LogStream::Stdout,
                QByteArrayView(input).sliced(pos, std::min<qsizetype>(4093, input.size() - pos)));
        pipeline.finish();
        QCOMPARE(capture.lines.size(), 10000);
        for (int i = 0; i < 10000; ++i)
            QCOMPARE(capture.lines[i].text, "line " + QByteArray::number(i) + " ***");
    }

    // The lines of a read reach the sink together (a sink locks and looks its stage up once
    // per call), at most kBatchLines at a time, the line begun in the read before included.
    void linesOfAReadArriveTogether()
    {
        QList<qsizetype> calls;
        QList<QByteArray> lines;
        LogPipeline pipeline(
            SecretMasker(),
            [&](std::span<const LogLineRef> batch) {
                calls << qsizetype(batch.size());
                for (const LogLineRef &line : batch)
                    lines << line.text.toByteArray();
            },
            [] { return 0; });
        pipeline.feed(LogStream::Stdout, "begun in one read, ");
        QVERIFY(calls.isEmpty());
        QByteArray read = "ended in the next\n";
        for (int i = 0; i < 2500; ++i)
            read += "line " + QByteArray::number(i) + '\n';
        read += "and the start of another";
        pipeline.feed(LogStream::Stdout, read);
        QCOMPARE(calls, (QList<qsizetype>{LogPipeline::kBatchLines, LogPipeline::kBatchLines,
                                          2501 - 2 * LogPipeline::kBatchLines}));
        QCOMPARE(lines.first(), "begun in one read, ended in the next");
        QCOMPARE(lines.last(), "line 2499");
        pipeline.feed(LogStream::Stdout, " read\n");
        QCOMPARE(calls.size(), 4);
        QCOMPARE(lines.last(), "and the start of another read");
    }
};

QTEST_GUILESS_MAIN(tst_LogPipeline)
#include "tst_logpipeline.moc"
