// GitHub Actions expressions (`${{ }}`): the cases a workflow author would notice — values,
// GitHub's loose comparisons, each function, templates and `if:` conditions, and the exact
// error messages with the offsets they point at. Most cases are rows of
// data/expressions.json; hostile inputs (deep nesting, long chains) are built here.

#include "config/expression.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <cmath>
#include <limits>

using namespace DeployDesk;

namespace {

const QJsonObject &cases()
{
    static const QJsonObject root = [] {
        QFile file(QStringLiteral(DD_TEST_SOURCE_DIR "/data/expressions.json"));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", qPrintable(file.fileName()));
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
        if (error.error != QJsonParseError::NoError)
            qFatal("%s: %s", qPrintable(file.fileName()), qPrintable(error.errorString()));
        return document.object();
    }();
    return root;
}

// The context of a row: the shared fixture, its status and its hashFiles mode.
ExprContext contextFor(const QJsonObject &row)
{
    ExprContext context;
    context.contexts = cases().value(QLatin1StringView("fixture")).toObject();
    const QJsonObject status = row.value(QLatin1StringView("status")).toObject();
    context.status.failed = status.value(QLatin1StringView("failed")).toBool();
    context.status.cancelled = status.value(QLatin1StringView("cancelled")).toBool();
    const QString hashFiles = row.value(QLatin1StringView("hashFiles")).toString();
    if (hashFiles == u"echo") {
        context.hashFiles = [](const QStringList &patterns) -> std::expected<QString, QString> {
            return QStringLiteral("hash(%1)").arg(patterns.join(u'|'));
        };
    } else if (hashFiles == u"fail") {
        context.hashFiles = [](const QStringList &) -> std::expected<QString, QString> {
            return std::unexpected(QStringLiteral("no file matches the patterns"));
        };
    }
    return context;
}

// Values compare through their compact JSON, so 1 and 1.0 are equal and key order is fixed.
QByteArray json(const QJsonValue &value)
{
    return QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
}

QSet<QString> stringSet(const QJsonValue &value)
{
    QSet<QString> result;
    for (const QJsonValue &v : value.toArray())
        result.insert(v.toString());
    return result;
}

QString rowName(int index, const QString &text)
{
    QString shown = text;
    shown.replace(u'\n', QLatin1StringView("\\n"));
    if (shown.size() > 70)
        shown = shown.left(67) + QLatin1StringView("...");
    return QStringLiteral("%1: %2").arg(index, 3, 10, QChar(u'0')).arg(shown);
}

void addRows(const char *section, const char *textKey)
{
    QTest::addColumn<QJsonObject>("row");
    const QJsonArray rows = cases().value(QLatin1StringView(section)).toArray();
    QVERIFY(!rows.isEmpty());
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const QJsonObject row = rows.at(i).toObject();
        const QString text = row.value(QLatin1StringView(textKey)).toString();
        QTest::newRow(qPrintable(rowName(int(i), text))) << row;
    }
}

QString describe(const ExprError &error)
{
    return QStringLiteral("%1 (offset %2)").arg(error.message).arg(error.offset);
}

// For QVERIFY2, which builds its message even when the check passes.
template<typename T> QString failureOf(const std::expected<T, ExprError> &result)
{
    return result ? QString() : describe(result.error());
}

// The error a row expects, as "message (offset N)".
QString expectedError(const QJsonObject &row, const char *key)
{
    return QStringLiteral("%1 (offset %2)")
        .arg(row.value(QLatin1StringView(key)).toString())
        .arg(row.value(QLatin1StringView("offset")).toInt(-1));
}

bool has(const QJsonObject &row, const char *key)
{
    return row.contains(QLatin1StringView(key));
}

// An expression that nests `depth` levels of parentheses around `true`.
QString parenthesized(int depth)
{
    return QString(depth, u'(') + QStringLiteral("true") + QString(depth, u')');
}

} // namespace

class TestExpression final : public QObject
{
    Q_OBJECT

private slots:
    void expressions_data() { addRows("expressions", "expr"); }
    void expressions();
    void templates_data() { addRows("templates", "text"); }
    void templates();
    void conditions_data() { addRows("conditions", "text"); }
    void conditions();
    void truthinessAndStrings_data() { addRows("values", "string"); }
    void truthinessAndStrings();
    void specialNumbers();
    void templateParts();
    void hashFilesGetsEachPattern();
    void copiesEvaluateAlike();
    void lengthLimit();
    void hundredThousandParenthesesAreRefusedQuickly();
    void longChainsAreRefusedQuickly();
    void longFlatExpressionsEvaluate();
    void producedTextIsBounded();
};

void TestExpression::expressions()
{
    QFETCH(QJsonObject, row);
    const QString text = row.value(QLatin1StringView("expr")).toString();
    const auto expression = Expression::parse(text);
    if (has(row, "parseError")) {
        QVERIFY2(!expression, "parsed, but a parse error was expected");
        QCOMPARE(describe(expression.error()), expectedError(row, "parseError"));
        return;
    }
    QVERIFY2(expression, qPrintable(failureOf(expression)));
    QCOMPARE(expression->text(), text);

    const auto value = expression->evaluate(contextFor(row));
    if (has(row, "evalError")) {
        QVERIFY2(!value, "evaluated, but an evaluation error was expected");
        QCOMPARE(describe(value.error()), expectedError(row, "evalError"));
        return;
    }
    QVERIFY2(value, qPrintable(failureOf(value)));
    QVERIFY(!value->isUndefined());
    QCOMPARE(json(*value), json(row.value(QLatin1StringView("result"))));

    if (has(row, "contexts"))
        QCOMPARE(expression->contexts(), stringSet(row.value(QLatin1StringView("contexts"))));
    if (has(row, "functions"))
        QCOMPARE(expression->functions(), stringSet(row.value(QLatin1StringView("functions"))));
    if (has(row, "callsStatus")) {
        QCOMPARE(expression->callsStatusFunction(),
                 row.value(QLatin1StringView("callsStatus")).toBool());
    }
}

void TestExpression::templates()
{
    QFETCH(QJsonObject, row);
    const QString text = row.value(QLatin1StringView("text")).toString();
    const auto parsed = ExprTemplate::parse(text);
    if (has(row, "parseError")) {
        QVERIFY2(!parsed, "parsed, but a parse error was expected");
        QCOMPARE(describe(parsed.error()), expectedError(row, "parseError"));
        return;
    }
    QVERIFY2(parsed, qPrintable(failureOf(parsed)));
    if (has(row, "single"))
        QCOMPARE(parsed->isSingleExpression(), row.value(QLatin1StringView("single")).toBool());
    if (has(row, "literal"))
        QCOMPARE(parsed->isLiteral(), row.value(QLatin1StringView("literal")).toBool());
    if (has(row, "parts"))
        QCOMPARE(parsed->parts().size(), row.value(QLatin1StringView("parts")).toInt());

    const ExprContext context = contextFor(row);
    const auto string = parsed->evaluate(context);
    if (has(row, "evalError")) {
        QVERIFY2(!string, "evaluated, but an evaluation error was expected");
        QCOMPARE(describe(string.error()), expectedError(row, "evalError"));
        const auto value = parsed->evaluateValue(context);
        QVERIFY(!value);
        QCOMPARE(describe(value.error()), expectedError(row, "evalError"));
        return;
    }
    QVERIFY2(string, qPrintable(failureOf(string)));
    QCOMPARE(*string, row.value(QLatin1StringView("result")).toString());
    if (has(row, "value")) {
        const auto value = parsed->evaluateValue(context);
        QVERIFY2(value, qPrintable(failureOf(value)));
        QCOMPARE(json(*value), json(row.value(QLatin1StringView("value"))));
    }
}

void TestExpression::conditions()
{
    QFETCH(QJsonObject, row);
    const auto condition = Condition::parse(row.value(QLatin1StringView("text")).toString());
    if (has(row, "parseError")) {
        QVERIFY2(!condition, "parsed, but a parse error was expected");
        QCOMPARE(describe(condition.error()), expectedError(row, "parseError"));
        return;
    }
    QVERIFY2(condition, qPrintable(failureOf(condition)));
    if (has(row, "implicit")) {
        QCOMPARE(condition->hasImplicitSuccess(),
                 row.value(QLatin1StringView("implicit")).toBool());
    }
    const auto result = condition->evaluate(contextFor(row));
    if (has(row, "evalError")) {
        QVERIFY2(!result, "evaluated, but an evaluation error was expected");
        QCOMPARE(describe(result.error()), expectedError(row, "evalError"));
        return;
    }
    QVERIFY2(result, qPrintable(failureOf(result)));
    QCOMPARE(*result, row.value(QLatin1StringView("result")).toBool());
}

void TestExpression::truthinessAndStrings()
{
    QFETCH(QJsonObject, row);
    const QJsonValue value = row.value(QLatin1StringView("value"));
    QCOMPARE(exprIsTruthy(value), row.value(QLatin1StringView("truthy")).toBool());
    QCOMPARE(exprToString(value), row.value(QLatin1StringView("string")).toString());
}

// What JSON cannot hold: NaN, -0, infinities, and Undefined.
void TestExpression::specialNumbers()
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    QVERIFY(!exprIsTruthy(QJsonValue(nan)));
    QVERIFY(!exprIsTruthy(QJsonValue(-0.0)));
    QVERIFY(exprIsTruthy(QJsonValue(inf)));
    QVERIFY(!exprIsTruthy(QJsonValue(QJsonValue::Undefined)));
    QCOMPARE(exprToString(QJsonValue(nan)), QStringLiteral("NaN"));
    QCOMPARE(exprToString(QJsonValue(-0.0)), QStringLiteral("0"));
    QCOMPARE(exprToString(QJsonValue(inf)), QStringLiteral("Infinity"));
    QCOMPARE(exprToString(QJsonValue(-inf)), QStringLiteral("-Infinity"));
    QCOMPARE(exprToString(QJsonValue(QJsonValue::Undefined)), QString());

    const auto value = Expression::parse(u"NaN")->evaluate({});
    QVERIFY(value && value->isDouble() && std::isnan(value->toDouble()));
    const auto overflow =
        Expression::parse(u"1e400 == Infinity && -1e400 == -Infinity")->evaluate({});
    QVERIFY(overflow && overflow->toBool());
    const auto underflow = Expression::parse(u"1e-400 == 0")->evaluate({});
    QVERIFY(underflow && underflow->toBool());
}

void TestExpression::templateParts()
{
    const QString text = QStringLiteral("run ${{ matrix.os }} on ${{ runner.os }}.");
    const auto parsed = ExprTemplate::parse(text);
    QVERIFY(parsed);
    const QList<ExprTemplate::Part> &parts = parsed->parts();
    QCOMPARE(parts.size(), 3);
    QCOMPARE(parts[0].literal, QStringLiteral("run "));
    QCOMPARE(parts[0].offset, 4);
    QCOMPARE(parts[0].expression->text(), QStringLiteral(" matrix.os "));
    QCOMPARE(parts[1].literal, QStringLiteral(" on "));
    QCOMPARE(parts[1].offset, 24);
    QCOMPARE(parts[1].expression->text(), QStringLiteral(" runner.os "));
    QCOMPARE(parts[2].literal, QStringLiteral("."));
    QVERIFY(!parts[2].expression);
    QCOMPARE(parts[2].offset, text.size());
    QCOMPARE(parsed->contexts(),
             (QSet<QString>{QStringLiteral("matrix"), QStringLiteral("runner")}));
    QCOMPARE(parsed->functions(), QSet<QString>());
}

void TestExpression::hashFilesGetsEachPattern()
{
    QStringList received;
    ExprContext context;
    context.hashFiles = [&](const QStringList &patterns) -> std::expected<QString, QString> {
        received = patterns;
        return QStringLiteral("abc123");
    };
    context.contexts.insert(QStringLiteral("matrix"), QJsonObject{{QStringLiteral("n"), 1}});
    const auto value =
        Expression::parse(u"hashFiles('**/*.lock', matrix.n, null)")->evaluate(context);
    QVERIFY(value);
    QCOMPARE(value->toString(), QStringLiteral("abc123"));
    QCOMPARE(received, (QStringList{QStringLiteral("**/*.lock"), QStringLiteral("1"), QString()}));
}

void TestExpression::copiesEvaluateAlike()
{
    std::optional<Expression> copy;
    {
        const auto original = Expression::parse(u"format('{0}-{1}', github.actor, matrix.os)");
        QVERIFY(original);
        copy = *original;
    }
    ExprContext context;
    context.contexts.insert(QStringLiteral("github"),
                            QJsonObject{{QStringLiteral("actor"), QStringLiteral("mona")}});
    context.contexts.insert(QStringLiteral("matrix"),
                            QJsonObject{{QStringLiteral("os"), QStringLiteral("linux")}});
    const auto value = copy->evaluate(context);
    QVERIFY(value);
    QCOMPARE(value->toString(), QStringLiteral("mona-linux"));
    QCOMPARE(copy->contexts(), (QSet<QString>{QStringLiteral("github"), QStringLiteral("matrix")}));
}

// GitHub refuses expressions longer than 21000 characters; so do we, before any work.
void TestExpression::lengthLimit()
{
    const QString longest = QStringLiteral("'%1'").arg(QString(20998, u'x'));
    QVERIFY(Expression::parse(longest));
    const QString tooLong = QStringLiteral("'%1'").arg(QString(20999, u'x'));
    const auto refused = Expression::parse(tooLong);
    QVERIFY(!refused);
    QCOMPARE(describe(refused.error()),
             QStringLiteral("the expression is too long (21001 characters; at most 21000) "
                            "(offset 21000)"));
}

void TestExpression::hundredThousandParenthesesAreRefusedQuickly()
{
    const QString deep = parenthesized(100'000);
    QElapsedTimer timer;
    timer.start();

    const auto expression = Expression::parse(deep);
    QVERIFY(!expression);
    QVERIFY2(expression.error().message.startsWith(u"the expression is too long"),
             qPrintable(expression.error().message));

    const auto inTemplate = ExprTemplate::parse(QStringLiteral("x ${{ %1 }}").arg(deep));
    QVERIFY(!inTemplate);
    QCOMPARE(inTemplate.error().offset, 5 + 21000);

    const auto condition = Condition::parse(deep);
    QVERIFY(!condition);

    // Within the length limit, the nesting limit stops the parser.
    const auto nested = Expression::parse(parenthesized(10'000));
    QVERIFY(!nested);
    QCOMPARE(describe(nested.error()),
             QStringLiteral("the expression is nested too deeply (more than 50 levels) "
                            "(offset 51)"));
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
}

void TestExpression::longChainsAreRefusedQuickly()
{
    QElapsedTimer timer;
    timer.start();
    const auto nots = Expression::parse(QString(10'000, u'!') + QStringLiteral("true"));
    QVERIFY(!nots);
    QCOMPARE(nots.error().message,
             QStringLiteral("the expression is nested too deeply (more than 50 levels)"));

    const auto properties =
        Expression::parse(QStringLiteral("github") + QStringLiteral(".a").repeated(10'000));
    QVERIFY(!properties);
    QCOMPARE(properties.error().offset, 6 + 2 * 49 + 1);

    const auto indexes =
        Expression::parse(QStringLiteral("github") + QStringLiteral("[0]").repeated(5'000));
    QVERIFY(!indexes);

    const auto comparisons =
        Expression::parse(QStringLiteral("1") + QStringLiteral(" < 1").repeated(4'000));
    QVERIFY(!comparisons);
    QCOMPARE(comparisons.error().message,
             QStringLiteral("the expression is nested too deeply (more than 50 levels)"));
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
}

// `&&`, `||` and arguments do not nest: long flat expressions are fine.
void TestExpression::longFlatExpressionsEvaluate()
{
    const QString conjunction = QStringLiteral("true") +
                                QStringLiteral(" && true").repeated(2'000) +
                                QStringLiteral(" && 'end'");
    const auto and_ = Expression::parse(conjunction);
    QVERIFY2(and_, qPrintable(failureOf(and_)));
    QCOMPARE(and_->evaluate({})->toString(), QStringLiteral("end"));

    QString args = QStringLiteral("format('{253}'");
    for (int i = 0; i < 254; ++i)
        args += QStringLiteral(", %1").arg(i);
    const auto format = Expression::parse(args + u')');
    QVERIFY2(format, qPrintable(failureOf(format)));
    QCOMPARE(format->evaluate({})->toString(), QStringLiteral("253"));

    const auto tooMany = Expression::parse(args + QStringLiteral(", 254)"));
    QVERIFY(!tooMany);
    QCOMPARE(tooMany.error().message,
             QStringLiteral("format() expects at most 255 arguments, got 256"));
}

// Nested format() calls multiply a string's length: 1000 copies of 1000 copies of a
// 1000-character string would be a billion characters. An evaluation produces at most
// 10 MiB of text; so do the expressions of one template together.
void TestExpression::producedTextIsBounded()
{
    const auto copies = [](int n, const QString &argument) {
        return QStringLiteral("format('%1', %2)").arg(QStringLiteral("{0}").repeated(n), argument);
    };
    QElapsedTimer timer;
    timer.start();
    const QString thousand = QStringLiteral("'%1'").arg(QString(1000, u'x'));
    const auto million = Expression::parse(copies(1000, thousand));
    QVERIFY(million);
    QCOMPARE(million->evaluate({})->toString().size(), 1'000'000);

    const auto billion = Expression::parse(copies(1000, copies(1000, thousand)));
    QVERIFY(billion);
    const auto refused = billion->evaluate({});
    QVERIFY(!refused);
    QCOMPARE(describe(refused.error()),
             QStringLiteral("format() would take the text this expression produces past "
                            "10485760 characters (offset 0)"));

    const QString nineMillion = copies(3000, QStringLiteral("'%1'").arg(QString(3000, u'x')));
    const auto once = ExprTemplate::parse(QStringLiteral("${{ %1 }}").arg(nineMillion));
    QVERIFY(once);
    QCOMPARE(once->evaluate({})->size(), 9'000'000);
    const auto twice = ExprTemplate::parse(QStringLiteral("${{ %1 }}, ${{ %1 }}").arg(nineMillion));
    QVERIFY(twice);
    const auto tooMuch = twice->evaluate({});
    QVERIFY(!tooMuch);
    QCOMPARE(tooMuch.error().message,
             QStringLiteral("the expressions of this text produce more than 10485760 characters"));
    QCOMPARE(tooMuch.error().offset, twice->parts().at(1).offset);
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
}

QTEST_GUILESS_MAIN(TestExpression)
#include "tst_expression.moc"
