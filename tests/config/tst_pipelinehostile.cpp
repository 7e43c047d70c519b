// The loader must survive whatever a file holds: deep nesting, alias bombs, huge files,
// huge dependency graphs and random garbage. Each case must end with diagnostics, not a
// crash or a hang.

#include "config/pipelineloader.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTest>

using namespace DeployDesk;

namespace {

const QString fileName = QStringLiteral("deploydesk.yml");

LoadResult load(const QByteArray &yaml)
{
    return PipelineLoader::loadString(yaml, fileName, QString());
}

} // namespace

class TestPipelineHostile final : public QObject
{
    Q_OBJECT

private slots:
    void deepFlowNesting();
    void deepBlockNestingInWith();
    void aliasBombInWith();
    void aliasBombInNeeds();
    void aliasesWithinTheBoundAreExpanded();
    void fileTooLarge();
    void longDependencyChain();
    void denseCyclesAreBounded();
    void manyUndefinedNeeds();
    void binaryGarbage();
    void randomMutations();
};

void TestPipelineHostile::deepFlowNesting()
{
    const LoadResult result = load("name: x\nstages: " + QByteArray(100'000, '['));
    QCOMPARE(result.diagnostics.size(), 1);
    QVERIFY2(result.diagnostics.first().message.startsWith(QStringLiteral("YAML syntax error: ")),
             qPrintable(result.diagnostics.first().message));
}

void TestPipelineHostile::deepBlockNestingInWith()
{
    QByteArray nested = "x";
    for (int i = 0; i < 100; ++i)
        nested = "{ a: " + nested + " }";
    const LoadResult result =
        load("name: x\nstages:\n  s:\n    uses: t\n    with:\n      p: " + nested + "\n");
    QCOMPARE(result.diagnostics.size(), 1);
    QCOMPARE(result.diagnostics.first().toString(),
             QStringLiteral("deploydesk.yml:6:10: parameter \"p\" in \"with\" of stage \"s\" is "
                            "too large or too deeply nested, or uses a list or map as a key; "
                            "simplify it"));
}

void TestPipelineHostile::aliasBombInWith()
{
    // Ten levels of ten aliases each: 10^10 values if expanded.
    QByteArray yaml = "name: x\nbomb:\n  l0: &l0 [a, a, a, a, a, a, a, a, a, a]\n";
    for (int i = 1; i < 10; ++i) {
        const QByteArray prev = "*l" + QByteArray::number(i - 1);
        yaml += "  l" + QByteArray::number(i) + ": &l" + QByteArray::number(i) + " [";
        for (int j = 0; j < 10; ++j)
            yaml += (j ? ", " : "") + prev;
        yaml += "]\n";
    }
    yaml += "stages:\n  s:\n    uses: t\n    with:\n      p: *l9\n";
    const LoadResult result = load(yaml);
    QStringList messages;
    for (const Diagnostic &d : result.diagnostics)
        messages.append(d.message);
    // Refused before any reader copies a value: at the alias where the expanded size passes
    // the bound: in the list of l6 (line 9), whose ten copies of l5 are 10^6 values each.
    QCOMPARE(messages.size(), 1);
    QVERIFY2(messages[0].startsWith(QStringLiteral("the file grows past 64 MB once its aliases "
                                                   "are expanded (this \"*l5\" repeats")),
             qPrintable(messages[0]));
    QCOMPARE(result.diagnostics.first().where.line, 9);
}

void TestPipelineHostile::aliasesWithinTheBoundAreExpanded()
{
    // A large value aliased a few times is fine: 3 x 1 MB.
    const QByteArray big(1024 * 1024, 'x');
    const LoadResult result = load("name: x\nenv:\n  A: &big " + big +
                                   "\n  B: *big\n  C: *big\nstages:\n  s:\n    run: true\n");
    QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.diagnostics.first().message));
    QCOMPARE(result.pipeline.env.value(QStringLiteral("C")).size(), big.size());
}

void TestPipelineHostile::aliasBombInNeeds()
{
    const LoadResult result = load("name: x\n"
                                   "stages:\n"
                                   "  a:\n"
                                   "    run: true\n"
                                   "    needs: &n [[*n]]\n");
    // yaml-cpp rejects or resolves the self-reference; either way: diagnostics, no crash.
    QVERIFY(!result.ok());
}

void TestPipelineHostile::fileTooLarge()
{
    QByteArray yaml = "name: x\nstages:\n  s:\n    run: true\n# ";
    yaml += QByteArray(5 * 1024 * 1024, 'x');
    const LoadResult result = load(yaml);
    QCOMPARE(result.diagnostics.size(), 1);
    QCOMPARE(result.diagnostics.first().where, (SourceLocation{fileName, 1, 1}));
    QVERIFY(
        result.diagnostics.first().message.startsWith(QStringLiteral("the file is too large (")));
}

void TestPipelineHostile::longDependencyChain()
{
    QByteArray yaml = "name: chain\nstages:\n  s0:\n    run: true\n";
    constexpr int count = 5000;
    for (int i = 1; i < count; ++i) {
        yaml += "  s" + QByteArray::number(i) + ":\n    run: true\n    needs: s" +
                QByteArray::number(i - 1) + "\n";
    }
    // Close the loop: one cycle through every stage.
    yaml.replace("  s0:\n    run: true\n",
                 "  s0:\n    run: true\n    needs: s" + QByteArray::number(count - 1) + "\n");
    const LoadResult result = load(yaml);
    QCOMPARE(result.diagnostics.size(), 1);
    QCOMPARE(result.diagnostics.first().where.line, 3);
    QVERIFY(result.diagnostics.first().message.startsWith(
        QStringLiteral("dependency cycle: s0 -> s4999 -> s4998")));
}

void TestPipelineHostile::denseCyclesAreBounded()
{
    // Every stage needs every other: far more cycles than anyone can read.
    constexpr int count = 40;
    QByteArray yaml = "name: dense\nstages:\n";
    for (int i = 0; i < count; ++i) {
        yaml += "  s" + QByteArray::number(i) + ":\n    run: true\n    needs: [";
        for (int j = 0; j < count; ++j) {
            if (j != i)
                yaml += "s" + QByteArray::number(j) + ", ";
        }
        yaml.chop(2);
        yaml += "]\n";
    }
    const LoadResult result = load(yaml);
    QCOMPARE(result.diagnostics.size(), 21);
    QCOMPARE(result.diagnostics.first().message,
             QStringLiteral("dependency cycle: s0 -> s1 -> s0"));
    QVERIFY(result.diagnostics.last().message.contains(
        QStringLiteral("more cycles than can be listed")));
}

void TestPipelineHostile::manyUndefinedNeeds()
{
    // Each stage needs one missing stage and lists one name thousands of times: the
    // checks must stay close to linear.
    constexpr int count = 20'000;
    QByteArray yaml = "name: many\nstages:\n";
    for (int i = 0; i < count; ++i)
        yaml +=
            "  s" + QByteArray::number(i) + ": { run: t, needs: x" + QByteArray::number(i) + " }\n";
    yaml += "  last:\n    run: t\n    needs: [" + QByteArray("s1, ").repeated(20'000) + "s2]\n";
    const LoadResult result = load(yaml);
    QCOMPARE(result.diagnostics.size(), count);
    QCOMPARE(result.diagnostics.first().message,
             QStringLiteral("stage \"s0\" needs \"x0\", which is not defined"));
    QCOMPARE(result.pipeline.stages.last().needs, QStringList({"s1", "s2"}));
}

void TestPipelineHostile::binaryGarbage()
{
    QByteArray garbage;
    QRandomGenerator rng(42);
    for (int i = 0; i < 4096; ++i)
        garbage.append(char(rng.bounded(256)));
    QVERIFY(!load(garbage).ok());
    QVERIFY(!load(QByteArray("name: \0\xff\xfe x\nstages:\n", 20)).ok());
}

void TestPipelineHostile::randomMutations()
{
    QFile file(QStringLiteral(DD_TEST_SOURCE_DIR "/data/good/textbook.yml"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray original = file.readAll();
    const QByteArray alphabet = " \n:-[]{},&*!|>'\"#?%@`\t";
    QRandomGenerator rng(20240601);
    int failures = 0;
    for (int round = 0; round < 400; ++round) {
        QByteArray yaml = original;
        const int edits = 1 + rng.bounded(8);
        for (int e = 0; e < edits; ++e) {
            const int at = rng.bounded(int(yaml.size()));
            switch (rng.bounded(3)) {
            case 0:
                yaml[at] = alphabet[rng.bounded(int(alphabet.size()))];
                break;
            case 1:
                yaml.remove(at, 1 + rng.bounded(10));
                break;
            default:
                yaml.insert(at, yaml.mid(rng.bounded(int(yaml.size())), rng.bounded(40)));
                break;
            }
        }
        const LoadResult result = load(yaml);
        failures += result.ok() ? 0 : 1;
        for (const Diagnostic &d : result.diagnostics) {
            QVERIFY(d.where.line >= 1);
            QVERIFY(d.where.column >= 1);
            QVERIFY(!d.message.isEmpty());
        }
    }
    QVERIFY(failures > 0); // the mutations really broke something
}

QTEST_GUILESS_MAIN(TestPipelineHostile)
#include "tst_pipelinehostile.moc"
