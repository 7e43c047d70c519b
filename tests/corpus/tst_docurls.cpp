// Where Docusaurus publishes a doc and its headings: doc URLs from paths and front matter,
// heading anchors by github-slugger's rules.

#include "data/corpus/docroute.h"
#include "data/corpus/headingslugger.h"

#include <QTest>

using namespace DeployDesk;

class TestDocUrls final : public QObject
{
    Q_OBJECT

private slots:
    void anchors_data();
    void anchors();
    void duplicates();
    void explicitIds_data();
    void explicitIds();
    void docUrls_data();
    void docUrls();
};

void TestDocUrls::anchors_data()
{
    QTest::addColumn<QString>("heading");
    QTest::addColumn<QString>("anchor");
    QTest::newRow("words") << "Hello World"
                           << "hello-world";
    QTest::newRow("camel case") << "bravoCharlieDelta"
                                << "bravocharliedelta";
    QTest::newRow("punctuation goes") << "What Is Ownership?"
                                      << "what-is-ownership";
    QTest::newRow("dash kept, spaces not collapsed") << "heading with a - dash"
                                                     << "heading-with-a---dash";
    QTest::newRow("underscore kept") << "an _ underscore"
                                     << "an-_-underscore";
    QTest::newRow("dots and brackets")
        << "exchange.bind_headers(exchange, routing [, bindCallback])"
        << "exchangebind_headersexchange-routing--bindcallback";
    QTest::newRow("curly apostrophe") << "apostrophe’s should be trimmed"
                                      << "apostrophes-should-be-trimmed";
    QTest::newRow("symbol") << "I ♥ unicode"
                            << "i--unicode";
    QTest::newRow("en dash") << "en–dash"
                             << "endash";
    QTest::newRow("emoji") << "😄 unicode emoji"
                           << "-unicode-emoji";
    QTest::newRow("cyrillic") << "Профили пользователей"
                              << "профили-пользователей";
    QTest::newRow("han") << "Привет non-latin 你好"
                         << "привет-non-latin-你好";
    QTest::newRow("cjk punctuation") << "安装（Linux）指南"
                                     << "安装linux指南";
    QTest::newRow("arabic") << "مرحبا بالعالم"
                            << "مرحبا-بالعالم";
    QTest::newRow("hebrew") << "שלום עולם!"
                            << "שלום-עולם";
    QTest::newRow("digits kept, superscripts not") << "Version 2 x²"
                                                   << "version-2-x";
    QTest::newRow("code") << "The `Vec<T>` type"
                          << "the-vect-type";
    QTest::newRow("circled letters are letters") << "Ⓐ team"
                                                 << "ⓐ-team";
}

void TestDocUrls::anchors()
{
    QFETCH(QString, heading);
    QFETCH(QString, anchor);
    QCOMPARE(HeadingSlugger::slug(heading), anchor);
}

void TestDocUrls::duplicates()
{
    HeadingSlugger slugger;
    QStringList got;
    for (const char *h :
         {"echo", "echo", "echo 1", "echo-1", "echo", "foxtrot-1", "foxtrot", "foxtrot"})
        got.append(slugger.unique(QString::fromUtf8(h)));
    QCOMPARE(got, (QStringList{"echo", "echo-1", "echo-1-1", "echo-1-2", "echo-2", "foxtrot-1",
                               "foxtrot", "foxtrot-2"}));
}

void TestDocUrls::explicitIds_data()
{
    QTest::addColumn<QString>("heading");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("id");
    QTest::newRow("id") << "Hello World {#my-explicit-id}"
                        << "Hello World"
                        << "my-explicit-id";
    QTest::newRow("no space") << "Hello{#x}"
                              << "Hello"
                              << "x";
    QTest::newRow("spaces in id are trimmed") << "A {# b }"
                                              << "A"
                                              << "b";
    QTest::newRow("not at the end") << "A {#b} c"
                                    << "A {#b} c"
                                    << "";
    QTest::newRow("empty id") << "A {#}"
                              << "A {#}"
                              << "";
    QTest::newRow("none") << "Plain"
                          << "Plain"
                          << "";
}

void TestDocUrls::explicitIds()
{
    QFETCH(QString, heading);
    QFETCH(QString, text);
    QFETCH(QString, id);
    const HeadingSlugger::HeadingId parsed = HeadingSlugger::parseExplicitId(heading);
    QCOMPARE(parsed.text, text);
    QCOMPARE(parsed.id, id);
}

void TestDocUrls::docUrls_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("frontId");
    QTest::addColumn<QString>("frontSlug");
    QTest::addColumn<QString>("routeBase");
    QTest::addColumn<QString>("url");
    QTest::addColumn<int>("prefix"); // -1: none

    QTest::newRow("top level") << "intro.md"
                               << ""
                               << ""
                               << "/docs"
                               << "/docs/intro" << -1;
    QTest::newRow("number prefixes") << "01-guides/02-install.md"
                                     << ""
                                     << ""
                                     << "/docs"
                                     << "/docs/guides/install" << 2;
    QTest::newRow("spaced prefix") << "3 - setup.mdx"
                                   << ""
                                   << ""
                                   << "/docs"
                                   << "/docs/setup" << 3;
    QTest::newRow("date-like kept") << "2024-01-02-notes.md"
                                    << ""
                                    << ""
                                    << "/docs"
                                    << "/docs/2024-01-02-notes" << -1;
    QTest::newRow("version-like kept") << "1.2-upgrade.md"
                                       << ""
                                       << ""
                                       << "/docs"
                                       << "/docs/1.2-upgrade" << -1;
    QTest::newRow("index") << "guides/index.md"
                           << ""
                           << ""
                           << "/docs"
                           << "/docs/guides/" << -1;
    QTest::newRow("README") << "guides/README.md"
                            << ""
                            << ""
                            << "/docs"
                            << "/docs/guides/" << -1;
    QTest::newRow("named like its folder") << "guides/Guides.md"
                                           << ""
                                           << ""
                                           << "/docs"
                                           << "/docs/guides/" << -1;
    QTest::newRow("root index") << "index.mdx"
                                << ""
                                << ""
                                << "/docs"
                                << "/docs/" << -1;
    QTest::newRow("absolute slug") << "a/b.md"
                                   << ""
                                   << "/custom/path"
                                   << "/docs"
                                   << "/docs/custom/path" << -1;
    QTest::newRow("relative slug") << "a/b.md"
                                   << ""
                                   << "other"
                                   << "/docs"
                                   << "/docs/a/other" << -1;
    QTest::newRow("relative slug up") << "a/b/c.md"
                                      << ""
                                      << "../up"
                                      << "/docs"
                                      << "/docs/a/up" << -1;
    QTest::newRow("front matter id") << "a/01-b.md"
                                     << "begin"
                                     << ""
                                     << "/docs"
                                     << "/docs/a/begin" << 1;
    QTest::newRow("slug on an index") << "a/index.md"
                                      << ""
                                      << "start"
                                      << "/docs"
                                      << "/docs/a/start" << -1;
    QTest::newRow("docs at the site root") << "a/b.md"
                                           << ""
                                           << ""
                                           << "/"
                                           << "/a/b" << -1;
    QTest::newRow("route base without slash") << "b.md"
                                              << ""
                                              << ""
                                              << "manual"
                                              << "/manual/b" << -1;
}

void TestDocUrls::docUrls()
{
    QFETCH(QString, path);
    QFETCH(QString, frontId);
    QFETCH(QString, frontSlug);
    QFETCH(QString, routeBase);
    QFETCH(QString, url);
    QFETCH(int, prefix);
    const DocRoute route = DocRoute::resolve(path, frontId, frontSlug, routeBase);
    QCOMPARE(route.url, url);
    QCOMPARE(route.numberPrefix, prefix < 0 ? std::optional<int>() : std::optional<int>(prefix));
}

QTEST_GUILESS_MAIN(TestDocUrls)
#include "tst_docurls.moc"
