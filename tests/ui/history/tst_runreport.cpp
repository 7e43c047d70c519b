// Run reports (Markdown and HTML): what a reader of the report needs — the run, its
// stages, events and artifacts, the tail of the failed stage's log without colour codes —
// and never a secret, never markup injected by a stage's text.
#include "historyfixture.h"

#include "run/runreport.h"

#include <QRegularExpression>

Q_DECLARE_METATYPE(DeployDesk::ReportFormat)

using namespace DeployDesk;

class TestRunReport : public QObject
{
    Q_OBJECT

    HistoryFixture m_fx;

    QString report(ReportFormat format)
    {
        auto r = runReport(*m_fx.store, m_fx.failed, format, {HistoryFixture::kSecret});
        return r ? *r : QStringLiteral("ERROR: ") + r.error().toString();
    }

private slots:
    void initTestCase() { m_fx.build(); }

    void containsStagesEventsArtifactsAndTheLogTail_data()
    {
        QTest::addColumn<ReportFormat>("format");
        QTest::newRow("markdown") << ReportFormat::Markdown;
        QTest::newRow("html") << ReportFormat::Html;
    }

    void containsStagesEventsArtifactsAndTheLogTail()
    {
        QFETCH(ReportFormat, format);
        const QString text = report(format);
        QVERIFY2(!text.startsWith("ERROR"), qPrintable(text));
        for (const char *expected :
             {"build", "test", "deploy", "needs test", "25 s", "Approved", "Refused",
              "Cancel requested", "Retry", "carol", "dist/app.tar", "4096", "production", "bob"})
            QVERIFY2(text.contains(QLatin1String(expected)), expected);
        // The last 50 lines of the failed stage, colour codes removed.
        QVERIFY(text.contains("FAIL expected 3 got 4"));
        QVERIFY(text.contains("line 11 of the tests"));
        QVERIFY(!text.contains(QRegularExpression("line 10 of the tests")));
        QVERIFY(!text.contains(QChar(0x1b)));
        QVERIFY(text.contains(QStringLiteral("last %1 of %2 lines")
                                  .arg(kReportLogTailLines)
                                  .arg(HistoryFixture::kFailedLogLines)));
    }

    void neverContainsASecret_data() { containsStagesEventsArtifactsAndTheLogTail_data(); }

    void neverContainsASecret()
    {
        QFETCH(ReportFormat, format);
        const QString text = report(format);
        QVERIFY(!text.contains(QLatin1String(HistoryFixture::kSecret)));
        QVERIFY(text.contains("hotfix with token ***"));
        QVERIFY(text.contains("asked with ***"));
    }

    void htmlIsEscapedAndSelfContained()
    {
        const QString html = report(ReportFormat::Html);
        QVERIFY(!html.contains("<script>"));
        QVERIFY(html.contains("exit code 1 &lt;script&gt;alert(1)&lt;/script&gt;"));
        QVERIFY(html.startsWith("<!DOCTYPE html>"));
        QVERIFY(html.contains("<style>"));
        QVERIFY(!html.contains("<link"));
        QVERIFY(!html.contains("src="));
    }

    void markdownCannotBreakItsTables()
    {
        const QString md = report(ReportFormat::Markdown);
        QVERIFY(!md.contains("<script>"));
        QVERIFY(md.contains("| test | failed | 2 | 1 | 25 s |"));
        // Every table row has as many cells as its header.
        const QStringList lines = md.split('\n');
        const int stageHeader = int(lines.indexOf(QRegularExpression("^\\| Stage \\|.*")));
        QVERIFY(stageHeader > 0);
        const qsizetype cells = lines.at(stageHeader).count(" | ");
        for (int i = stageHeader + 2; i < lines.size() && lines.at(i).startsWith('|'); ++i)
            QCOMPARE(lines.at(i).count(" | "), cells);
    }

    void aRunWithoutFailuresHasNoLogSection()
    {
        auto md = runReport(*m_fx.store, m_fx.good, ReportFormat::Markdown);
        QVERIFY(md);
        QVERIFY(!md->contains("Log of failed stage"));
        QVERIFY(md->contains("No artifacts were kept."));
    }

    void anUnknownRunIsNotFound()
    {
        auto r = runReport(*m_fx.store, 999, ReportFormat::Html);
        QVERIFY(!r);
        QCOMPARE(int(r.error().code), int(ErrorCode::NotFound));
        QVERIFY(r.error().message.contains("999"));
    }

    void formatNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("format"); // -1: none
        QTest::newRow("md") << "md" << int(ReportFormat::Markdown);
        QTest::newRow("Markdown") << "Markdown" << int(ReportFormat::Markdown);
        QTest::newRow("html") << "html" << int(ReportFormat::Html);
        QTest::newRow("HTM") << "HTM" << int(ReportFormat::Html);
        QTest::newRow("pdf") << "pdf" << -1;
        QTest::newRow("empty") << "" << -1;
    }

    void formatNames()
    {
        QFETCH(QString, name);
        QFETCH(int, format);
        const auto parsed = reportFormatFromName(name);
        QCOMPARE(parsed ? int(*parsed) : -1, format);
    }
};

QTEST_GUILESS_MAIN(TestRunReport)
#include "tst_runreport.moc"
