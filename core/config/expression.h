#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <expected>
#include <functional>
#include <memory>
#include <optional>

// GitHub Actions' expression language, the `${{ }}` of workflow files: a parser, an
// evaluator and the two forms it is written in (a text with `${{ }}` parts, an `if:`).
// docs/workflow-expressions.md is the user-facing reference of what is supported.

namespace DeployDesk {

namespace Internal {
struct ExprNode;
} // namespace Internal

// A value of the language is a QJsonValue: Null, Bool, Double, String, Array, Object.
// Undefined never comes out of evaluate() (a missing property is Null).

struct ExprError
{
    int offset = 0; // 0-based offset (in UTF-16 code units) in the text given to parse()
    QString
        message; // translatable, via DeployDesk::tr() from common/translate.h, no trailing period
};

// The status of the job so far, for success()/failure()/cancelled()/always().
struct ExprStatus
{
    bool failed = false;    // an earlier step (or a needed job) failed
    bool cancelled = false; // the workflow was cancelled
    // A needed job did not succeed without failing (it was skipped): success() is false,
    // failure() too, as on GitHub. Only a job's `if:` sets it.
    bool needNotSucceeded = false;
};

struct ExprContext
{
    // Context name (lowercase: github, env, vars, secrets, inputs, matrix, needs, steps,
    // job, jobs, runner, strategy) -> its value. A context not present evaluates to Null.
    QJsonObject contexts;
    ExprStatus status;
    // hashFiles(patterns...) -> the hash, or an error message. When empty, calling
    // hashFiles is an evaluation error "hashFiles() is not available here".
    std::function<std::expected<QString, QString>(const QStringList &patterns)> hashFiles;
};

class Expression
{
public:
    // Parses an expression: the text between `${{` and `}}` (surrounding whitespace allowed).
    // At most 21000 characters and 50 levels of nesting, as on GitHub.
    static std::expected<Expression, ExprError> parse(QStringView text);
    // An evaluation error's offset is that of the function call that failed.
    std::expected<QJsonValue, ExprError> evaluate(const ExprContext &context) const;
    // The contexts it names, lowercase, e.g. {"matrix", "secrets"} (for validation: which
    // contexts may be used where).
    QSet<QString> contexts() const { return m_contexts; }
    // The functions it calls, lowercase canonical names ("contains", "hashfiles", "success"...).
    QSet<QString> functions() const { return m_functions; }
    // Whether it calls success(), failure(), always() or cancelled().
    bool callsStatusFunction() const;
    QString text() const { return m_text; } // the source as given

private:
    Expression() = default;

    std::shared_ptr<const Internal::ExprNode> m_root;
    QString m_text;
    QSet<QString> m_contexts;
    QSet<QString> m_functions;
};

bool exprIsTruthy(const QJsonValue &value); // GitHub: false, 0, -0, NaN, "", null are falsy
QString
exprToString(const QJsonValue &value); // GitHub's string coercion (null->"", true->"true", numbers
                                       // GitHub-style, arrays "Array", objects "Object")

// A text with `${{ }}` parts, like a `run:` script, an `env:` value or a job `name:`.
class ExprTemplate
{
public:
    struct Part
    {
        QString literal; // text before the expression (may be empty)
        std::optional<Expression> expression;
        int offset = 0; // 0-based offset of the `${{` in the whole text
    };
    // Errors: an unclosed `${{` ("\"${{\" is not closed by \"}}\""), or the expression's
    // own parse error with its offset translated to the whole text. A `}}` inside a quoted
    // string of the expression does not close it.
    static std::expected<ExprTemplate, ExprError> parse(QStringView text);
    bool isLiteral() const; // no ${{ }} at all
    // Whether the text is exactly one ${{ }} with only whitespace around it.
    bool isSingleExpression() const;
    // Evaluation errors have their offsets translated to the whole text.
    std::expected<QString, ExprError> evaluate(const ExprContext &context) const;
    // For a single expression, the value itself (e.g. `matrix: ${{ fromJSON(x) }}`,
    // `continue-on-error: ${{ matrix.experimental }}`); otherwise the string.
    std::expected<QJsonValue, ExprError> evaluateValue(const ExprContext &context) const;
    QSet<QString> contexts() const;
    QSet<QString> functions() const;
    // The text after the last expression is a part of its own without an expression, whose
    // offset is the length of the text. An empty text has no parts.
    const QList<Part> &parts() const { return m_parts; }

private:
    QList<Part> m_parts;
};

// An `if:` condition. GitHub lets `if:` omit `${{ }}`; a text that is exactly one
// `${{ ... }}` is that expression. When the condition calls no status function it means
// `success() && (condition)`; evaluate() applies that.
// An empty condition is `success()`, as on GitHub. A text with `${{ }}` and anything else
// around it is refused: GitHub would read it as a non-empty string, always true.
class Condition
{
public:
    // Offsets of parse and evaluation errors are in the whole text given here.
    static std::expected<Condition, ExprError> parse(QStringView text);
    std::expected<bool, ExprError> evaluate(const ExprContext &context) const;
    const Expression &expression() const { return m_expression; }
    bool hasImplicitSuccess() const
    {
        return !m_expression.callsStatusFunction();
    } // true when no status function was called

private:
    Condition(Expression expression, int offset)
        : m_expression(std::move(expression))
        , m_offset(offset)
    {}

    Expression m_expression;
    int m_offset = 0; // of the expression's text in the condition's text
};

} // namespace DeployDesk
