// Front matter YAML: the one-"key: value"-a-line form (read without yaml-cpp) and every
// other form (read by yaml-cpp) give what a doc's author wrote: titles with colons, quotes,
// comments, nulls, lists and nested maps are not misread by the quick path.

#include "config/frontmatter.h"

#include <QTest>

using namespace DeployDesk;

class TestFrontMatter final : public QObject
{
    Q_OBJECT

private slots:
    void values_data();
    void values();
    void errorsPointAtTheLine();
};

void TestFrontMatter::values_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QVariantMap>("expected");
    const auto s = [](const char *v) { return QVariant(QString::fromUtf8(v)); };
    QTest::newRow("empty") << QByteArray("\n  \n") << QVariantMap{};
    QTest::newRow("plain") << QByteArray("title: Getting started\nsidebar_position: 3\n")
                           << QVariantMap{{"title", s("Getting started")},
                                          {"sidebar_position", s("3")}};
    QTest::newRow("trailing spaces, UTF-8, brackets inside")
        << QByteArray("title: Café [beta] (v2) 100%   \nslug: intro/page-1\n")
        << QVariantMap{{"title", s("Café [beta] (v2) 100%")}, {"slug", s("intro/page-1")}};
    QTest::newRow("colon inside a word")
        << QByteArray("title: Ratio 3:4 here\n") << QVariantMap{{"title", s("Ratio 3:4 here")}};
    QTest::newRow("comment after the value")
        << QByteArray("title: Intro # the first page\n") << QVariantMap{{"title", s("Intro")}};
    QTest::newRow("quoted with a colon") << QByteArray("title: \"Step 1: install\"\n")
                                         << QVariantMap{{"title", s("Step 1: install")}};
    QTest::newRow("single quotes")
        << QByteArray("title: 'It''s here'\n") << QVariantMap{{"title", s("It's here")}};
    QTest::newRow("null and empty")
        << QByteArray("id: null\nslug:\ntitle: ~\n")
        << QVariantMap{{"id", QVariant()}, {"slug", QVariant()}, {"title", QVariant()}};
    QTest::newRow("list and map") << QByteArray("tags:\n  - a\n  - b\nmeta:\n  k: v\n")
                                  << QVariantMap{{"tags", QVariantList{s("a"), s("b")}},
                                                 {"meta", QVariantMap{{"k", s("v")}}}};
    QTest::newRow("flow list") << QByteArray("tags: [a, b]\n")
                               << QVariantMap{{"tags", QVariantList{s("a"), s("b")}}};
    QTest::newRow("folded block") << QByteArray("description: >\n  one\n  two\n")
                                  << QVariantMap{{"description", s("one two\n")}};
    QTest::newRow("continued plain scalar")
        << QByteArray("title: one\n  two\n") << QVariantMap{{"title", s("one two")}};
    QTest::newRow("comment line") << QByteArray("# about\ntitle: A\n")
                                  << QVariantMap{{"title", s("A")}};
    QTest::newRow("dashed and dotted keys")
        << QByteArray("sidebar-label: Short\npagination.next: x\n")
        << QVariantMap{{"sidebar-label", s("Short")}, {"pagination.next", s("x")}};
}

void TestFrontMatter::values()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QVariantMap, expected);
    auto parsed = parseFrontMatterYaml(yaml, QStringLiteral("doc.md"), 2);
    if (!parsed)
        QFAIL(qPrintable(parsed.error().toString()));
    QCOMPARE(*parsed, expected);
}

void TestFrontMatter::errorsPointAtTheLine()
{
    auto parsed = parseFrontMatterYaml("title: A\ntags: [a, b\n", QStringLiteral("doc.md"), 2);
    QVERIFY(!parsed);
    QVERIFY(parsed.error().where);
    QCOMPARE(parsed.error().where->file, QStringLiteral("doc.md"));
    QVERIFY(parsed.error().where->line >= 3);
    auto notAMap = parseFrontMatterYaml("- a\n- b\n", QStringLiteral("doc.md"), 2);
    QVERIFY(!notAMap);
}

QTEST_GUILESS_MAIN(TestFrontMatter)
#include "tst_frontmatter.moc"
