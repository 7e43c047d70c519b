// The textbook example's backend embeds its /search queries in Python
// (examples/textbook/backend/app/vectors.py); they must be the vectors DeployDesk's
// LocalEmbedder gives, bit for bit, or its scores against the index would drift.
#include "data/embed/localembedder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QProcess>
#include <QTest>
#include <QtEndian>

using namespace DeployDesk::Data;

class TestLexicalPython : public QObject
{
    Q_OBJECT

private slots:
    void pythonGivesTheSameBits()
    {
        QStringList texts{
            QStringLiteral("How do I borrow a value in Rust?"),
            QStringLiteral("## Kinematics > Forward kinematics\n\nThe Denavit–Hartenberg "
                           "convention, `cargo build` and snake_case_names."),
            QStringLiteral("Straße, ÉCOLE, ǅemal, ﬁnance, Ｆｕｌｌｗｉｄｔｈ ①②, İstanbul"),
            QStringLiteral("日本語のテキスト and emoji 🤖 robots 🤖🤖"),
            QStringLiteral("  --- *** ... !!!  "),
            QStringLiteral("🤖 🦾"),
            QStringLiteral("� ? 🤖"),
            QStringLiteral("a_very_long_identifier_that_is_longer_than_thirty_two_characters"),
        };
        QString repeated;
        for (int i = 0; i < 700; ++i)
            repeated += QStringLiteral("torque %1 torque ").arg(i % 13);
        texts << repeated;

        for (const int dimension : {16, 64, 1024}) {
            QProcess python;
            python.setWorkingDirectory(QStringLiteral(DD_SOURCE_DIR "/examples/textbook/backend"));
            python.start(QStringLiteral("/usr/bin/python3"),
                         {QStringLiteral("-m"), QStringLiteral("app.vectors"),
                          QStringLiteral("--embed"), QString::number(dimension)});
            QVERIFY(python.waitForStarted());
            for (const QString &text : texts)
                python.write(QJsonDocument::fromVariant(QVariantList{text})
                                 .toJson(QJsonDocument::Compact)
                                 .mid(1)
                                 .chopped(1) +
                             "\n");
            python.closeWriteChannel();
            QVERIFY(python.waitForFinished(60000));
            QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
            const QList<QByteArray> lines = python.readAllStandardOutput().trimmed().split('\n');
            QCOMPARE(lines.size(), texts.size());
            for (qsizetype i = 0; i < texts.size(); ++i) {
                const Embedding cpp = LocalEmbedder::embedText(texts.at(i), dimension);
                QByteArray bytes(cpp.size() * 4, Qt::Uninitialized);
                qToLittleEndian<float>(cpp.constData(), cpp.size(), bytes.data());
                const QByteArray py =
                    QByteArray::fromHex(QJsonDocument::fromJson("[" + lines.at(i) + "]")
                                            .array()
                                            .at(0)
                                            .toString()
                                            .toLatin1());
                QVERIFY2(
                    py == bytes,
                    qPrintable(
                        QStringLiteral("text %1, dimension %2 differs").arg(i).arg(dimension)));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestLexicalPython)
#include "tst_lexicalpython.moc"
