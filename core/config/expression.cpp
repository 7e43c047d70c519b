#include "config/expression.h"

#include "common/translate.h"
#include "config/suggest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

namespace DeployDesk {

namespace Internal {

enum class ExprOp {
    Literal,
    Context,
    Property, // children: object; name: the property
    Index,    // children: object, index
    Filter,   // children: object (`.*` and `[*]`)
    Not,
    Equal,
    NotEqual,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    And, // n-ary
    Or,  // n-ary
    Call,
};

enum class ExprFunction {
    Contains,
    StartsWith,
    EndsWith,
    Format,
    Join,
    ToJson,
    FromJson,
    HashFiles,
    Success,
    Always,
    Cancelled,
    Failure,
};

struct ExprNode
{
    ExprOp op = ExprOp::Literal;
    int offset = 0;
    int depth = 1;
    QJsonValue literal;
    QString name; // Context: lowercase; Property: as written; Call: the display name
    ExprFunction function = ExprFunction::Contains;
    QList<std::shared_ptr<const ExprNode>> children;
};

} // namespace Internal

namespace {

using Internal::ExprFunction;
using Internal::ExprNode;
using Internal::ExprOp;
using NodePtr = std::shared_ptr<const ExprNode>;

// GitHub's own limits (ExpressionConstants.MaxLength and MaxDepth in actions/runner).
constexpr int maxLength = 21000;
constexpr int maxDepth = 50;
// A bound for toJSON() on values built outside fromJSON() (whose parser stops at 1024).
constexpr int maxJsonDepth = 1024;
// The text the functions of one evaluation may produce in all (GitHub caps an evaluation's
// memory too): nested format() calls could otherwise multiply a string's length.
constexpr qsizetype maxTextLength = 10 * 1024 * 1024;

struct FunctionInfo
{
    const char *name;
    ExprFunction function;
    int minArgs;
    int maxArgs;
};

constexpr FunctionInfo functionTable[] = {
    {"contains", ExprFunction::Contains, 2, 2},   {"startsWith", ExprFunction::StartsWith, 2, 2},
    {"endsWith", ExprFunction::EndsWith, 2, 2},   {"format", ExprFunction::Format, 1, 255},
    {"join", ExprFunction::Join, 1, 2},           {"toJSON", ExprFunction::ToJson, 1, 1},
    {"fromJSON", ExprFunction::FromJson, 1, 1},   {"hashFiles", ExprFunction::HashFiles, 1, 255},
    {"success", ExprFunction::Success, 0, 0},     {"always", ExprFunction::Always, 0, 0},
    {"cancelled", ExprFunction::Cancelled, 0, 0}, {"failure", ExprFunction::Failure, 0, 0},
};

const QStringList &contextNames()
{
    static const QStringList names = {
        QStringLiteral("github"),  QStringLiteral("env"),    QStringLiteral("vars"),
        QStringLiteral("secrets"), QStringLiteral("inputs"), QStringLiteral("matrix"),
        QStringLiteral("needs"),   QStringLiteral("steps"),  QStringLiteral("job"),
        QStringLiteral("jobs"),    QStringLiteral("runner"), QStringLiteral("strategy")};
    return names;
}

QString abridged(QStringView text, qsizetype max = 60)
{
    if (text.size() <= max)
        return text.toString();
    return text.left(max - 3).toString() + QStringLiteral("...");
}

// The name a user most likely meant; a short word needs a closer match (not "job" for "foo").
QString closeName(const QString &word, const QStringList &candidates)
{
    const QString match = Internal::closestMatch(word, candidates);
    const int allowed = word.size() < 5 ? 1 : 2;
    if (match.isEmpty() || Internal::editDistance(word.toLower(), match.toLower()) > allowed)
        return {};
    return match;
}

std::unexpected<ExprError> failure(int offset, QString message)
{
    return std::unexpected(ExprError{offset, std::move(message)});
}

QString tooDeepMessage()
{
    return tr("the expression is nested too deeply (more than %1 levels)").arg(maxDepth);
}

// --- Coercion -------------------------------------------------------------------------

enum class Kind { Null, Boolean, Number, String, Array, Object };

Kind kindOf(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Bool:
        return Kind::Boolean;
    case QJsonValue::Double:
        return Kind::Number;
    case QJsonValue::String:
        return Kind::String;
    case QJsonValue::Array:
        return Kind::Array;
    case QJsonValue::Object:
        return Kind::Object;
    default:
        return Kind::Null;
    }
}

bool isPrimitive(const QJsonValue &v)
{
    const Kind k = kindOf(v);
    return k != Kind::Array && k != Kind::Object;
}

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

// .NET's Double.TryParse with a sign, a decimal point and an exponent allowed.
std::optional<double> parseDecimal(QStringView s)
{
    qsizetype i = 0;
    const qsizetype n = s.size();
    bool negative = false;
    if (i < n && (s[i] == u'+' || s[i] == u'-'))
        negative = s[i++] == u'-';
    const qsizetype mantissa = i;
    qsizetype intDigits = 0;
    qsizetype fracDigits = 0;
    while (i < n && isAsciiDigit(s[i]))
        ++i, ++intDigits;
    if (i < n && s[i] == u'.') {
        ++i;
        while (i < n && isAsciiDigit(s[i]))
            ++i, ++fracDigits;
    }
    if (intDigits + fracDigits == 0)
        return std::nullopt;
    long exponent = 0;
    if (i < n && (s[i] == u'e' || s[i] == u'E')) {
        ++i;
        bool negativeExponent = false;
        if (i < n && (s[i] == u'+' || s[i] == u'-'))
            negativeExponent = s[i++] == u'-';
        const qsizetype start = i;
        while (i < n && isAsciiDigit(s[i])) {
            exponent = std::min(exponent * 10 + (s[i].unicode() - u'0'), 1'000'000L);
            ++i;
        }
        if (i == start)
            return std::nullopt;
        if (negativeExponent)
            exponent = -exponent;
    }
    if (i != n)
        return std::nullopt;

    const std::string ascii = s.mid(mantissa).toLatin1().toStdString();
    double value = 0;
    const auto [end, ec] = std::from_chars(ascii.data(), ascii.data() + ascii.size(), value);
    if (ec == std::errc::result_out_of_range) {
        // Too large or too small for a double: infinity or zero, by the decimal exponent.
        long magnitude = exponent;
        qsizetype k = mantissa;
        while (k < mantissa + intDigits && s[k] == u'0')
            ++k;
        if (k < mantissa + intDigits) {
            magnitude += long(mantissa + intDigits - k);
        } else {
            qsizetype zeros = 0;
            for (k = mantissa + intDigits + 1; k < n && s[k] == u'0'; ++k)
                ++zeros;
            magnitude -= long(zeros);
        }
        value = magnitude > 0 ? std::numeric_limits<double>::infinity() : 0.0;
    } else if (ec != std::errc()) {
        return std::nullopt;
    }
    return negative ? -value : value;
}

// `0x1F` or `0o17`: at most 32 bits, read as a signed 32-bit integer like .NET does.
std::optional<double> parseRadix(QStringView digits, int radix)
{
    qsizetype i = 0;
    while (i < digits.size() - 1 && digits[i] == u'0')
        ++i;
    quint64 value = 0;
    for (; i < digits.size(); ++i) {
        const int d = QChar::isLetter(digits[i].unicode())
                          ? (digits[i].toLower().unicode() - u'a' + 10)
                          : (digits[i].unicode() - u'0');
        if (d < 0 || d >= radix)
            return std::nullopt;
        value = value * quint64(radix) + quint64(d);
        if (value > 0xFFFF'FFFFull)
            return std::nullopt;
    }
    return double(qint32(quint32(value)));
}

// GitHub's string to number: JavaScript's Number() as actions/runner implements it.
double parseNumber(QStringView text)
{
    const QStringView s = text.trimmed();
    if (s.isEmpty())
        return 0;
    if (const auto d = parseDecimal(s))
        return *d;
    const auto isAsciiLetterOrDigit = [](QChar c) {
        return isAsciiDigit(c) || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
    };
    if (s.size() > 2 && s[0] == u'0' && (s[1] == u'x' || s[1] == u'o') &&
        std::all_of(s.begin() + 2, s.end(), isAsciiLetterOrDigit)) {
        if (const auto d = parseRadix(s.mid(2), s[1] == u'x' ? 16 : 8))
            return *d;
    }
    if (s == u"Infinity")
        return std::numeric_limits<double>::infinity();
    if (s == u"-Infinity")
        return -std::numeric_limits<double>::infinity();
    return std::numeric_limits<double>::quiet_NaN();
}

double toNumber(const QJsonValue &v)
{
    switch (kindOf(v)) {
    case Kind::Null:
        return 0;
    case Kind::Boolean:
        return v.toBool() ? 1 : 0;
    case Kind::Number:
        return v.toDouble();
    case Kind::String:
        return parseNumber(v.toString());
    default:
        return std::numeric_limits<double>::quiet_NaN();
    }
}

// .NET's "G15": 15 significant digits, scientific notation below 1E-05 and from 1E+15.
QString numberToString(double d)
{
    if (std::isnan(d))
        return QStringLiteral("NaN");
    if (std::isinf(d))
        return d > 0 ? QStringLiteral("Infinity") : QStringLiteral("-Infinity");
    if (d == 0)
        return QStringLiteral("0");
    return QString::number(d, 'g', 15).replace(u'e', u'E');
}

// OrdinalIgnoreCase: code units compared after a simple upper-casing, which leaves the
// dotless i alone (as .NET does).
char16_t upper(QChar c)
{
    if (c.unicode() == 0x131)
        return c.unicode();
    return c.toUpper().unicode();
}

QString upperCased(QStringView s)
{
    QString result(s.size(), Qt::Uninitialized);
    for (qsizetype i = 0; i < s.size(); ++i)
        result[i] = QChar(upper(s[i]));
    return result;
}

int compareIgnoreCase(QStringView a, QStringView b)
{
    const qsizetype n = std::min(a.size(), b.size());
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t x = upper(a[i]);
        const char16_t y = upper(b[i]);
        if (x != y)
            return x < y ? -1 : 1;
    }
    return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

// --- Values of the evaluator ----------------------------------------------------------

struct Value
{
    QJsonValue json;
    // For an array or object reached from a context, its path there: two values are the
    // same instance when their paths are equal. Empty for a new value (fromJSON, a filter).
    QString origin;
    // The elements of a filter's result (`.*`), which keep their own origins.
    std::shared_ptr<const QList<Value>> items;
};

Value childValue(const Value &parent, const QJsonValue &child, QChar separator, QStringView step)
{
    Value v{child.isUndefined() ? QJsonValue() : child, {}, {}};
    if (!parent.origin.isEmpty() && !isPrimitive(v.json))
        v.origin = parent.origin + separator + step.toString();
    return v;
}

QList<Value> elementsOf(const Value &v)
{
    if (v.items)
        return *v.items;
    QList<Value> result;
    if (kindOf(v.json) == Kind::Array) {
        const QJsonArray array = v.json.toArray();
        result.reserve(array.size());
        for (qsizetype i = 0; i < array.size(); ++i)
            result.append(childValue(v, array.at(i), u'\x1e', QString::number(i)));
    } else if (kindOf(v.json) == Kind::Object) {
        const QJsonObject object = v.json.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            result.append(childValue(v, it.value(), u'\x1f', it.key()));
    }
    return result;
}

Value filtered(QList<Value> items)
{
    QJsonArray array;
    for (const Value &item : items)
        array.append(item.json);
    return Value{array, {}, std::make_shared<const QList<Value>>(std::move(items))};
}

// A property of an object; names are case-insensitive.
std::optional<Value> property(const Value &object, QStringView name)
{
    const QJsonObject o = object.json.toObject();
    auto it = o.constFind(name);
    if (it == o.constEnd()) {
        for (auto i = o.constBegin(); i != o.constEnd(); ++i) {
            if (compareIgnoreCase(i.key(), name) == 0) {
                it = i;
                break;
            }
        }
    }
    if (it == o.constEnd())
        return std::nullopt;
    return childValue(object, it.value(), u'\x1f', it.key());
}

struct IndexKey
{
    bool star = false;
    std::optional<QString> name;
    std::optional<double> position; // a non-negative whole number
};

IndexKey indexKey(const QJsonValue &index)
{
    IndexKey key;
    if (isPrimitive(index))
        key.name = exprToString(index);
    const double f = toNumber(index);
    if (std::isfinite(f) && f >= 0)
        key.position = std::floor(f);
    return key;
}

Value access(const Value &value, const IndexKey &key)
{
    if (value.items) {
        QList<Value> result;
        for (const Value &item : *value.items) {
            const Kind kind = kindOf(item.json);
            if (kind == Kind::Object && key.star) {
                result.append(elementsOf(item));
            } else if (kind == Kind::Object && key.name) {
                if (const auto v = property(item, *key.name))
                    result.append(*v);
            } else if (kind == Kind::Array && key.star) {
                result.append(elementsOf(item));
            } else if (kind == Kind::Array && key.position) {
                const QJsonArray array = item.json.toArray();
                if (*key.position < double(array.size())) {
                    const auto i = qsizetype(*key.position);
                    result.append(childValue(item, array.at(i), u'\x1e', QString::number(i)));
                }
            }
        }
        return filtered(std::move(result));
    }
    switch (kindOf(value.json)) {
    case Kind::Array:
        if (key.star)
            return filtered(elementsOf(value));
        if (key.position && *key.position < double(value.json.toArray().size())) {
            const auto i = qsizetype(*key.position);
            return childValue(value, value.json.toArray().at(i), u'\x1e', QString::number(i));
        }
        return {};
    case Kind::Object:
        if (key.star)
            return filtered(elementsOf(value));
        if (key.name) {
            if (const auto v = property(value, *key.name))
                return *v;
        }
        return {};
    default:
        return key.star ? filtered({}) : Value{};
    }
}

// Loose comparison, after JavaScript's abstract equality: different kinds are compared as
// numbers (null and booleans first), arrays and objects are never coerced.
struct Operand
{
    Kind kind = Kind::Null;
    double number = 0;
    const Value *value = nullptr;
};

void coerce(Operand &l, Operand &r)
{
    const auto toNumberOperand = [](Operand &o) {
        o.number = toNumber(o.value->json);
        o.kind = Kind::Number;
    };
    if (l.kind == r.kind)
        return;
    if (l.kind == Kind::Number && r.kind == Kind::String) {
        toNumberOperand(r);
    } else if (l.kind == Kind::String && r.kind == Kind::Number) {
        toNumberOperand(l);
    } else if (l.kind == Kind::Boolean || l.kind == Kind::Null) {
        toNumberOperand(l);
        coerce(l, r);
    } else if (r.kind == Kind::Boolean || r.kind == Kind::Null) {
        toNumberOperand(r);
        coerce(l, r);
    }
}

std::pair<Operand, Operand> coerced(const Value &a, const Value &b)
{
    Operand l{kindOf(a.json), a.json.toDouble(), &a};
    Operand r{kindOf(b.json), b.json.toDouble(), &b};
    coerce(l, r);
    return {l, r};
}

bool looseEqual(const Value &a, const Value &b)
{
    const auto [l, r] = coerced(a, b);
    if (l.kind != r.kind)
        return false;
    switch (l.kind) {
    case Kind::Null:
        return true;
    case Kind::Number:
        return l.number == r.number; // false with NaN
    case Kind::String:
        return compareIgnoreCase(l.value->json.toString(), r.value->json.toString()) == 0;
    case Kind::Boolean:
        return l.value->json.toBool() == r.value->json.toBool();
    default:
        return !l.value->origin.isEmpty() && l.value->origin == r.value->origin;
    }
}

// -1, 0 or 1 for an ordered pair, nullopt when the two are not ordered (NaN, containers).
std::optional<int> looseCompare(const Value &a, const Value &b)
{
    const auto [l, r] = coerced(a, b);
    if (l.kind != r.kind)
        return std::nullopt;
    switch (l.kind) {
    case Kind::Number:
        if (std::isnan(l.number) || std::isnan(r.number))
            return std::nullopt;
        return l.number < r.number ? -1 : (l.number > r.number ? 1 : 0);
    case Kind::String:
        return compareIgnoreCase(l.value->json.toString(), r.value->json.toString());
    case Kind::Boolean:
        return int(l.value->json.toBool()) - int(r.value->json.toBool());
    case Kind::Null:
        return 0;
    default:
        return std::nullopt;
    }
}

// --- Lexer ----------------------------------------------------------------------------

enum class Tok {
    End,
    LParen,
    RParen,
    LBracket,
    RBracket,
    Comma,
    Dot,
    Star,
    Not,
    Equal,
    NotEqual,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    And,
    Or,
    Number,
    String,
    Name,
    True,
    False,
    Null,
};

struct Token
{
    Tok kind = Tok::End;
    int offset = 0;
    int length = 0;
    QString text; // a name, or a string's value
    double number = 0;
};

bool endsOperand(Tok kind)
{
    switch (kind) {
    case Tok::RParen:
    case Tok::RBracket:
    case Tok::Star:
    case Tok::Number:
    case Tok::String:
    case Tok::Name:
    case Tok::True:
    case Tok::False:
    case Tok::Null:
        return true;
    default:
        return false;
    }
}

bool isNameStart(QChar c)
{
    return c.isLetter() || c == u'_';
}

bool isNameChar(QChar c)
{
    return c.isLetter() || c.isDigit() || c == u'_' || c == u'-';
}

bool isNumberChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'.' || c == u'+' || c == u'-' || c == u'_';
}

std::expected<QList<Token>, ExprError> tokenize(QStringView text)
{
    QList<Token> tokens;
    const qsizetype n = text.size();
    qsizetype i = 0;
    const auto add = [&](Tok kind, qsizetype length) {
        tokens.append(Token{kind, int(i), int(length), {}, 0});
        i += length;
    };
    const auto nextIs = [&](char16_t c) { return i + 1 < n && text[i + 1] == c; };
    while (i < n) {
        const QChar c = text[i];
        if (c.isSpace()) {
            ++i;
            continue;
        }
        switch (c.unicode()) {
        case u'(':
            add(Tok::LParen, 1);
            continue;
        case u')':
            add(Tok::RParen, 1);
            continue;
        case u'[':
            add(Tok::LBracket, 1);
            continue;
        case u']':
            add(Tok::RBracket, 1);
            continue;
        case u',':
            add(Tok::Comma, 1);
            continue;
        case u'*':
            add(Tok::Star, 1);
            continue;
        case u'!':
            add(nextIs(u'=') ? Tok::NotEqual : Tok::Not, nextIs(u'=') ? 2 : 1);
            continue;
        case u'<':
            add(nextIs(u'=') ? Tok::LessEqual : Tok::Less, nextIs(u'=') ? 2 : 1);
            continue;
        case u'>':
            add(nextIs(u'=') ? Tok::GreaterEqual : Tok::Greater, nextIs(u'=') ? 2 : 1);
            continue;
        case u'=':
            if (!nextIs(u'='))
                return failure(int(i), tr("unexpected \"=\"; did you mean \"==\"?"));
            add(Tok::Equal, 2);
            continue;
        case u'&':
            if (!nextIs(u'&'))
                return failure(int(i), tr("unexpected \"&\"; did you mean \"&&\"?"));
            add(Tok::And, 2);
            continue;
        case u'|':
            if (!nextIs(u'|'))
                return failure(int(i), tr("unexpected \"|\"; did you mean \"||\"?"));
            add(Tok::Or, 2);
            continue;
        case u'"':
            return failure(int(i),
                           tr("strings are written in single quotes: 'text', not \"text\""));
        case u'\'': {
            QString value;
            qsizetype j = i + 1;
            for (;; ++j) {
                if (j >= n)
                    return failure(int(i), tr("unterminated string: expected a closing '"));
                if (text[j] == u'\'') {
                    if (j + 1 < n && text[j + 1] == u'\'') {
                        value.append(u'\'');
                        ++j;
                        continue;
                    }
                    break;
                }
                value.append(text[j]);
            }
            tokens.append(Token{Tok::String, int(i), int(j + 1 - i), value, 0});
            i = j + 1;
            continue;
        }
        default:
            break;
        }
        const Tok previous = tokens.isEmpty() ? Tok::End : tokens.last().kind;
        if (c == u'.') {
            if (endsOperand(previous) || !(i + 1 < n && isAsciiDigit(text[i + 1]))) {
                add(Tok::Dot, 1);
                continue;
            }
        }
        if (c == u'.' || c == u'-' || c == u'+' || isAsciiDigit(c)) {
            qsizetype j = i + 1;
            while (j < n && isNumberChar(text[j]))
                ++j;
            const QStringView lexeme = text.mid(i, j - i);
            const double value = parseNumber(lexeme);
            if (std::isnan(value))
                return failure(int(i), tr("invalid number \"%1\"").arg(abridged(lexeme)));
            tokens.append(Token{Tok::Number, int(i), int(j - i), {}, value});
            i = j;
            continue;
        }
        if (isNameStart(c)) {
            qsizetype j = i + 1;
            while (j < n && isNameChar(text[j]))
                ++j;
            const QStringView name = text.mid(i, j - i);
            Token token{Tok::Name, int(i), int(j - i), name.toString(), 0};
            if (previous != Tok::Dot) {
                if (name == u"true") {
                    token.kind = Tok::True;
                } else if (name == u"false") {
                    token.kind = Tok::False;
                } else if (name == u"null") {
                    token.kind = Tok::Null;
                } else if (name == u"NaN" || name == u"Infinity") {
                    token.kind = Tok::Number;
                    token.number = parseNumber(name);
                }
            }
            tokens.append(token);
            i = j;
            continue;
        }
        const qsizetype length = c.isHighSurrogate() && i + 1 < n ? 2 : 1;
        return failure(int(i), tr("unexpected \"%1\"").arg(text.mid(i, length)));
    }
    tokens.append(Token{Tok::End, int(n), 0, {}, 0});
    return tokens;
}

// --- Parser ---------------------------------------------------------------------------

class Parser final
{
public:
    Parser(QStringView text, QList<Token> tokens)
        : m_text(text)
        , m_tokens(std::move(tokens))
    {}

    std::expected<NodePtr, ExprError> parse()
    {
        if (peek().kind == Tok::End)
            return failure(peek().offset, tr("the expression is empty"));
        auto root = parseOr();
        if (root && peek().kind != Tok::End) {
            return failure(peek().offset,
                           tr("expected an operator or the end of the expression, found %1")
                               .arg(describe(peek())));
        }
        return root;
    }

    QSet<QString> contexts() const { return m_contexts; }
    QSet<QString> functions() const { return m_functions; }

private:
    using Result = std::expected<NodePtr, ExprError>;
    using Sub = Result (Parser::*)();

    const Token &peek() const { return m_tokens[m_pos]; }
    Token next() { return m_tokens[m_pos < m_tokens.size() - 1 ? m_pos++ : m_pos]; }

    QString describe(const Token &t) const
    {
        if (t.kind == Tok::End)
            return tr("the end of the expression");
        const QStringView lexeme = m_text.mid(t.offset, t.length);
        if (t.kind == Tok::String)
            return abridged(lexeme, 40);
        return QStringLiteral("\"%1\"").arg(abridged(lexeme, 40));
    }

    static Result makeNode(ExprNode node)
    {
        for (const NodePtr &child : std::as_const(node.children))
            node.depth = std::max(node.depth, child->depth + 1);
        if (node.depth > maxDepth)
            return failure(node.offset, tooDeepMessage());
        return std::make_shared<const ExprNode>(std::move(node));
    }

    // Entered for each nested expression: a group, an argument, an index, a `!`.
    Result nested(Sub sub)
    {
        if (m_nesting >= maxDepth)
            return failure(peek().offset, tooDeepMessage());
        ++m_nesting;
        const auto restore = qScopeGuard([this] { --m_nesting; });
        return (this->*sub)();
    }

    Result parseOr() { return parseNary(Tok::Or, ExprOp::Or, &Parser::parseAnd); }
    Result parseAnd() { return parseNary(Tok::And, ExprOp::And, &Parser::parseEquality); }

    Result parseNary(Tok tok, ExprOp op, Sub sub)
    {
        Result first = (this->*sub)();
        if (!first || peek().kind != tok)
            return first;
        ExprNode node{op, peek().offset, 1, {}, {}, {}, {*first}};
        while (peek().kind == tok) {
            next();
            Result operand = (this->*sub)();
            if (!operand)
                return operand;
            node.children.append(*operand);
        }
        return makeNode(std::move(node));
    }

    Result parseEquality()
    {
        return parseBinary({{Tok::Equal, ExprOp::Equal}, {Tok::NotEqual, ExprOp::NotEqual}},
                           &Parser::parseComparison);
    }

    Result parseComparison()
    {
        return parseBinary({{Tok::Less, ExprOp::Less},
                            {Tok::LessEqual, ExprOp::LessEqual},
                            {Tok::Greater, ExprOp::Greater},
                            {Tok::GreaterEqual, ExprOp::GreaterEqual}},
                           &Parser::parseUnary);
    }

    Result parseBinary(std::initializer_list<std::pair<Tok, ExprOp>> ops, Sub sub)
    {
        Result left = (this->*sub)();
        while (left) {
            const auto op = std::find_if(ops.begin(), ops.end(),
                                         [&](const auto &p) { return p.first == peek().kind; });
            if (op == ops.end())
                break;
            const Token token = next();
            Result right = (this->*sub)();
            if (!right)
                return right;
            left = makeNode(ExprNode{op->second, token.offset, 1, {}, {}, {}, {*left, *right}});
        }
        return left;
    }

    Result parseUnary()
    {
        if (peek().kind != Tok::Not)
            return parsePostfix();
        const Token token = next();
        Result operand = nested(&Parser::parseUnary);
        if (!operand)
            return operand;
        return makeNode(ExprNode{ExprOp::Not, token.offset, 1, {}, {}, {}, {*operand}});
    }

    Result parsePostfix()
    {
        // As on GitHub, `.` and `[` follow a context, a call or a group, not a literal.
        const Tok first = peek().kind;
        const bool literal = first == Tok::Number || first == Tok::String || first == Tok::True ||
                             first == Tok::False || first == Tok::Null;
        Result value = parsePrimary();
        while (value && !literal) {
            if (peek().kind == Tok::Dot) {
                next();
                const Token name = next();
                if (name.kind == Tok::Star) {
                    value =
                        makeNode(ExprNode{ExprOp::Filter, name.offset, 1, {}, {}, {}, {*value}});
                } else if (name.kind == Tok::Name) {
                    value = makeNode(
                        ExprNode{ExprOp::Property, name.offset, 1, {}, name.text, {}, {*value}});
                } else {
                    return failure(name.offset,
                                   tr("expected a property name or \"*\" after \".\", found %1")
                                       .arg(describe(name)));
                }
            } else if (peek().kind == Tok::LBracket) {
                const Token open = next();
                ExprNode node{ExprOp::Filter, open.offset, 1, {}, {}, {}, {*value}};
                if (peek().kind == Tok::Star) {
                    next();
                } else {
                    Result index = nested(&Parser::parseOr);
                    if (!index)
                        return index;
                    node.op = ExprOp::Index;
                    node.children.append(*index);
                }
                if (peek().kind != Tok::RBracket) {
                    return failure(
                        peek().offset,
                        tr("expected \"]\" to close \"[\", found %1").arg(describe(peek())));
                }
                next();
                value = makeNode(std::move(node));
            } else {
                break;
            }
        }
        return value;
    }

    Result parsePrimary()
    {
        const qsizetype index = m_pos;
        const Token token = next();
        const auto literal = [&](QJsonValue v) {
            return makeNode(ExprNode{ExprOp::Literal, token.offset, 1, std::move(v), {}, {}, {}});
        };
        switch (token.kind) {
        case Tok::Number:
            return literal(token.number);
        case Tok::String:
            return literal(token.text);
        case Tok::True:
            return literal(true);
        case Tok::False:
            return literal(false);
        case Tok::Null:
            return literal(QJsonValue::Null);
        case Tok::LParen: {
            Result inner = nested(&Parser::parseOr);
            if (inner && peek().kind != Tok::RParen) {
                return failure(peek().offset,
                               tr("expected \")\" to close \"(\", found %1").arg(describe(peek())));
            }
            next();
            return inner;
        }
        case Tok::Name:
            return peek().kind == Tok::LParen ? parseCall(token) : parseContext(token);
        default:
            break;
        }
        if (index > 0) {
            const Token &previous = m_tokens[index - 1];
            return failure(token.offset,
                           tr("expected a value after \"%1\", found %2")
                               .arg(m_text.mid(previous.offset, previous.length), describe(token)));
        }
        return failure(token.offset, tr("expected a value, found %1").arg(describe(token)));
    }

    Result parseContext(const Token &token)
    {
        const QString name = token.text.toLower();
        if (!contextNames().contains(name)) {
            // `success` for `success()`.
            for (const FunctionInfo &f : functionTable) {
                if (name == QString::fromLatin1(f.name).toLower()) {
                    return failure(token.offset,
                                   tr("unknown context \"%1\"; did you mean \"%2()\"?")
                                       .arg(token.text, QString::fromLatin1(f.name)));
                }
            }
            QStringList candidates = contextNames();
            candidates << QStringLiteral("true") << QStringLiteral("false")
                       << QStringLiteral("null");
            const QString match = closeName(token.text, candidates);
            if (!match.isEmpty()) {
                return failure(
                    token.offset,
                    tr("unknown context \"%1\"; did you mean \"%2\"?").arg(token.text, match));
            }
            return failure(token.offset, tr("unknown context \"%1\"; expected one of: %2")
                                             .arg(token.text, Internal::joinNames(contextNames())));
        }
        m_contexts.insert(name);
        return makeNode(ExprNode{ExprOp::Context, token.offset, 1, {}, name, {}, {}});
    }

    Result parseCall(const Token &token)
    {
        const auto info =
            std::find_if(std::begin(functionTable), std::end(functionTable), [&](const auto &f) {
                return token.text.compare(QLatin1StringView(f.name), Qt::CaseInsensitive) == 0;
            });
        if (info == std::end(functionTable))
            return failure(token.offset, unknownFunction(token.text));
        const QString name = QString::fromLatin1(info->name);
        next(); // (
        ExprNode node{ExprOp::Call, token.offset, 1, {}, name, info->function, {}};
        if (peek().kind != Tok::RParen) {
            while (true) {
                Result argument = nested(&Parser::parseOr);
                if (!argument)
                    return argument;
                node.children.append(*argument);
                if (peek().kind == Tok::Comma) {
                    next();
                    continue;
                }
                if (peek().kind == Tok::RParen)
                    break;
                return failure(peek().offset,
                               tr("expected \")\" after the arguments of %1, found %2")
                                   .arg(name, describe(peek())));
            }
        }
        next(); // )
        const int count = int(node.children.size());
        if (count < info->minArgs || count > info->maxArgs)
            return failure(token.offset, arityMessage(*info, count));
        m_functions.insert(name.toLower());
        return makeNode(std::move(node));
    }

    static QString unknownFunction(const QString &word)
    {
        QStringList names;
        QStringList lowered;
        for (const FunctionInfo &f : functionTable) {
            names.append(QString::fromLatin1(f.name));
            lowered.append(names.last().toLower());
        }
        const QString match = closeName(word.toLower(), lowered);
        if (!match.isEmpty()) {
            return tr("unknown function \"%1\"; did you mean \"%2\"?")
                .arg(word, names.at(lowered.indexOf(match)));
        }
        return tr("unknown function \"%1\"; expected one of: %2")
            .arg(word, Internal::joinNames(names));
    }

    static QString arityMessage(const FunctionInfo &f, int count)
    {
        const QString name = QString::fromLatin1(f.name);
        if (f.maxArgs == 0)
            return tr("%1() expects no arguments, got %2").arg(name).arg(count);
        if (f.minArgs == f.maxArgs && f.minArgs == 1)
            return tr("%1() expects 1 argument, got %2").arg(name).arg(count);
        if (f.minArgs == f.maxArgs)
            return tr("%1() expects %2 arguments, got %3").arg(name).arg(f.minArgs).arg(count);
        if (f.maxArgs == f.minArgs + 1) {
            return tr("%1() expects %2 or %3 arguments, got %4")
                .arg(name)
                .arg(f.minArgs)
                .arg(f.maxArgs)
                .arg(count);
        }
        Q_ASSERT(f.minArgs == 1);
        if (count < f.minArgs)
            return tr("%1() expects at least one argument, got %2").arg(name).arg(count);
        return tr("%1() expects at most %2 arguments, got %3").arg(name).arg(f.maxArgs).arg(count);
    }

    QStringView m_text;
    QList<Token> m_tokens;
    qsizetype m_pos = 0;
    int m_nesting = 0;
    QSet<QString> m_contexts;
    QSet<QString> m_functions;
};

// --- Functions ------------------------------------------------------------------------

QString jsonQuoted(const QString &s)
{
    QString out;
    out.reserve(s.size() + 2);
    out.append(u'"');
    for (const QChar c : s) {
        switch (c.unicode()) {
        case u'"':
            out.append(QLatin1StringView("\\\""));
            break;
        case u'\\':
            out.append(QLatin1StringView("\\\\"));
            break;
        case u'\n':
            out.append(QLatin1StringView("\\n"));
            break;
        case u'\r':
            out.append(QLatin1StringView("\\r"));
            break;
        case u'\t':
            out.append(QLatin1StringView("\\t"));
            break;
        case u'\b':
            out.append(QLatin1StringView("\\b"));
            break;
        case u'\f':
            out.append(QLatin1StringView("\\f"));
            break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x85 || c.unicode() == 0x2028 ||
                c.unicode() == 0x2029) {
                out.append(QStringLiteral("\\u%1").arg(uint(c.unicode()), 4, 16, QChar(u'0')));
            } else {
                out.append(c);
            }
        }
    }
    out.append(u'"');
    return out;
}

// toJSON(): indented by two spaces, `"key": value`, as actions/runner writes it.
// False when the value is nested too deeply or the text would pass `limit` characters.
bool writeJson(QString &out, const QJsonValue &v, int level, qsizetype limit)
{
    if (level > maxJsonDepth || out.size() > limit)
        return false;
    const QString indent(2 * (level + 1), u' ');
    switch (kindOf(v)) {
    case Kind::Null:
        out.append(QLatin1StringView("null"));
        return true;
    case Kind::Boolean:
        out.append(v.toBool() ? QLatin1StringView("true") : QLatin1StringView("false"));
        return true;
    case Kind::Number:
        out.append(numberToString(v.toDouble()));
        return true;
    case Kind::String:
        out.append(jsonQuoted(v.toString()));
        return true;
    case Kind::Array: {
        const QJsonArray array = v.toArray();
        if (array.isEmpty()) {
            out.append(QLatin1StringView("[]"));
            return true;
        }
        out.append(u'[');
        for (qsizetype i = 0; i < array.size(); ++i) {
            out.append(i ? QLatin1StringView(",\n") : QLatin1StringView("\n")).append(indent);
            if (!writeJson(out, array.at(i), level + 1, limit))
                return false;
        }
        out.append(u'\n').append(QString(2 * level, u' ')).append(u']');
        return true;
    }
    case Kind::Object: {
        const QJsonObject object = v.toObject();
        if (object.isEmpty()) {
            out.append(QLatin1StringView("{}"));
            return true;
        }
        out.append(u'{');
        bool first = true;
        for (auto it = object.begin(); it != object.end(); ++it) {
            out.append(first ? QLatin1StringView("\n") : QLatin1StringView(",\n")).append(indent);
            out.append(jsonQuoted(it.key())).append(QLatin1StringView(": "));
            if (!writeJson(out, it.value(), level + 1, limit))
                return false;
            first = false;
        }
        out.append(u'\n').append(QString(2 * level, u' ')).append(u'}');
        return true;
    }
    }
    return true;
}

std::expected<QJsonValue, QString> fromJson(const QString &text)
{
    const auto invalid = [&](const QString &reason) {
        return std::unexpected(tr("fromJSON() got text that is not valid JSON (%1): \"%2\"")
                                   .arg(reason, abridged(text)));
    };
    if (text.trimmed().isEmpty())
        return invalid(tr("the text is empty"));
    // QJsonDocument reads only arrays and objects at the top: read the value as an array's
    // only element.
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson('[' + text.toUtf8() + ']', &error);
    if (error.error != QJsonParseError::NoError)
        return invalid(error.errorString());
    const QJsonArray array = document.array();
    if (array.size() != 1)
        return invalid(tr("more than one value"));
    return array.first();
}

// format(): `{N}` is argument N, `{{` and `}}` are braces, as in .NET's String.Format.
// Fails with an empty message when the result would pass `limit` characters.
std::expected<QString, QString> formatString(const QString &format, const QStringList &args,
                                             qsizetype limit)
{
    const auto at = [&](qsizetype i) { return i < format.size() ? format[i] : QChar(); };
    const auto invalid = [&] {
        return std::unexpected(tr("invalid format string \"%1\": a \"{\" or \"}\" must be doubled "
                                  "(\"{{\", \"}}\") or enclose an argument number such as {0}")
                                   .arg(abridged(format)));
    };
    QString result;
    qsizetype index = 0;
    while (index < format.size()) {
        const qsizetype lbrace = format.indexOf(u'{', index);
        qsizetype rbrace = format.indexOf(u'}', index);
        if (lbrace >= 0 && (rbrace < 0 || rbrace > lbrace)) {
            if (at(lbrace + 1) == u'{') {
                result.append(QStringView(format).mid(index, lbrace - index + 1));
                index = lbrace + 2;
                continue;
            }
            qsizetype end = lbrace + 1;
            int argIndex = 0;
            while (isAsciiDigit(at(end))) {
                argIndex = std::min(argIndex * 10 + (at(end).unicode() - u'0'), 1000);
                ++end;
            }
            if (end == lbrace + 1 || argIndex > 255)
                return invalid();
            if (at(end) == u':') {
                // Format specifiers: read them to the closing brace, then refuse them.
                qsizetype close = end + 1;
                while (close < format.size() && (format[close] != u'}' || at(close + 1) == u'}'))
                    close += format[close] == u'}' ? 2 : 1;
                if (close >= format.size())
                    return invalid();
                return std::unexpected(
                    tr("format string \"%1\" uses format specifiers (\"%2\"), which are not "
                       "supported")
                        .arg(abridged(format), format.mid(lbrace, close - lbrace + 1)));
            }
            if (at(end) != u'}')
                return invalid();
            rbrace = end;
            if (argIndex >= args.size()) {
                return std::unexpected(
                    tr("format string \"%1\" refers to argument {%2}, which was not given")
                        .arg(abridged(format))
                        .arg(argIndex));
            }
            result.append(QStringView(format).mid(index, lbrace - index));
            if (result.size() + args.at(argIndex).size() > limit)
                return std::unexpected(QString());
            result.append(args.at(argIndex));
            index = rbrace + 1;
        } else if (rbrace >= 0) {
            if (at(rbrace + 1) != u'}')
                return invalid();
            result.append(QStringView(format).mid(index, rbrace - index + 1));
            index = rbrace + 2;
        } else {
            result.append(QStringView(format).mid(index));
            break;
        }
    }
    return result;
}

// --- Evaluator ------------------------------------------------------------------------

class Evaluator final
{
public:
    explicit Evaluator(const ExprContext &context)
        : m_context(context)
    {}

    std::expected<Value, ExprError> eval(const ExprNode &node)
    {
        const auto boolean = [](bool b) { return Value{QJsonValue(b), {}, {}}; };
        std::vector<Value> operands;
        switch (node.op) {
        case ExprOp::Literal:
            return Value{node.literal, {}, {}};
        case ExprOp::Context: {
            Value v{m_context.contexts.value(node.name), {}, {}};
            if (v.json.isUndefined())
                v.json = QJsonValue();
            if (!isPrimitive(v.json))
                v.origin = node.name;
            return v;
        }
        case ExprOp::And:
        case ExprOp::Or: {
            Value last;
            for (const NodePtr &child : node.children) {
                auto v = eval(*child);
                if (!v || exprIsTruthy(v->json) == (node.op == ExprOp::Or))
                    return v;
                last = std::move(*v);
            }
            return last;
        }
        case ExprOp::Call:
            return call(node);
        default:
            break;
        }
        for (const NodePtr &child : node.children) {
            auto v = eval(*child);
            if (!v)
                return v;
            operands.push_back(std::move(*v));
        }
        switch (node.op) {
        case ExprOp::Property:
            return access(operands[0], IndexKey{false, node.name, std::nullopt});
        case ExprOp::Index:
            return access(operands[0], indexKey(operands[1].json));
        case ExprOp::Filter:
            return access(operands[0], IndexKey{true, std::nullopt, std::nullopt});
        case ExprOp::Not:
            return boolean(!exprIsTruthy(operands[0].json));
        case ExprOp::Equal:
            return boolean(looseEqual(operands[0], operands[1]));
        case ExprOp::NotEqual:
            return boolean(!looseEqual(operands[0], operands[1]));
        default:
            break;
        }
        const std::optional<int> order = looseCompare(operands[0], operands[1]);
        switch (node.op) {
        // As on GitHub, `<=` is `==` or `<`: the same array or object is <= itself.
        case ExprOp::Less:
            return boolean(order && *order < 0);
        case ExprOp::LessEqual:
            return boolean(looseEqual(operands[0], operands[1]) || (order && *order < 0));
        case ExprOp::Greater:
            return boolean(order && *order > 0);
        default:
            return boolean(looseEqual(operands[0], operands[1]) || (order && *order > 0));
        }
    }

private:
    std::expected<Value, ExprError> call(const ExprNode &node)
    {
        QList<Value> args;
        for (const NodePtr &child : node.children) {
            auto v = eval(*child);
            if (!v)
                return v;
            args.append(std::move(*v));
        }
        const auto value = [](QJsonValue v) { return Value{std::move(v), {}, {}}; };
        const auto fail = [&](const QString &message) { return failure(node.offset, message); };
        const auto bothPrimitive = [&] {
            return isPrimitive(args[0].json) && isPrimitive(args[1].json);
        };
        const auto upperString = [&](int i) { return upperCased(exprToString(args[i].json)); };
        const ExprStatus &status = m_context.status;
        switch (node.function) {
        case ExprFunction::Contains:
            if (bothPrimitive())
                return value(upperString(0).contains(upperString(1)));
            if (kindOf(args[0].json) == Kind::Array) {
                const QList<Value> elements = elementsOf(args[0]);
                return value(std::any_of(elements.begin(), elements.end(),
                                         [&](const Value &e) { return looseEqual(args[1], e); }));
            }
            return value(false);
        case ExprFunction::StartsWith:
            return value(bothPrimitive() && upperString(0).startsWith(upperString(1)));
        case ExprFunction::EndsWith:
            return value(bothPrimitive() && upperString(0).endsWith(upperString(1)));
        case ExprFunction::Format: {
            QStringList strings;
            for (qsizetype i = 1; i < args.size(); ++i)
                strings.append(exprToString(args[i].json));
            auto result = formatString(exprToString(args[0].json), strings, budget());
            if (!result)
                return fail(result.error().isEmpty() ? tooMuchText(node) : result.error());
            return produced(node, *result);
        }
        case ExprFunction::Join: {
            if (isPrimitive(args[0].json))
                return value(exprToString(args[0].json));
            if (kindOf(args[0].json) != Kind::Array)
                return value(QString());
            QString separator = QStringLiteral(",");
            if (args.size() > 1 && isPrimitive(args[1].json))
                separator = exprToString(args[1].json);
            QString joined;
            const QJsonArray array = args[0].json.toArray();
            for (qsizetype i = 0; i < array.size(); ++i) {
                if (i)
                    joined.append(separator);
                joined.append(exprToString(array.at(i)));
                if (joined.size() > budget())
                    return fail(tooMuchText(node));
            }
            return produced(node, joined);
        }
        case ExprFunction::ToJson: {
            QString out;
            if (!writeJson(out, args[0].json, 0, budget())) {
                if (out.size() > budget())
                    return fail(tooMuchText(node));
                return fail(
                    tr("toJSON() got a value nested more than %1 levels deep").arg(maxJsonDepth));
            }
            return produced(node, out);
        }
        case ExprFunction::FromJson: {
            auto result = fromJson(exprToString(args[0].json));
            if (!result)
                return fail(result.error());
            return value(*result);
        }
        case ExprFunction::HashFiles: {
            if (!m_context.hashFiles)
                return fail(tr("hashFiles() is not available here"));
            QStringList patterns;
            for (const Value &arg : std::as_const(args))
                patterns.append(exprToString(arg.json));
            auto hash = m_context.hashFiles(patterns);
            if (!hash)
                return fail(tr("hashFiles() failed: %1").arg(hash.error()));
            return value(*hash);
        }
        case ExprFunction::Success:
            return value(!status.failed && !status.cancelled && !status.needNotSucceeded);
        case ExprFunction::Always:
            return value(true);
        case ExprFunction::Cancelled:
            return value(status.cancelled);
        case ExprFunction::Failure:
            return value(status.failed);
        }
        return value(QJsonValue());
    }

    // What the functions may still produce, and the accounting of what they did.
    qsizetype budget() const { return maxTextLength - m_produced; }
    std::expected<Value, ExprError> produced(const ExprNode &node, const QString &text)
    {
        if (text.size() > budget())
            return failure(node.offset, tooMuchText(node));
        m_produced += text.size();
        return Value{text, {}, {}};
    }
    static QString tooMuchText(const ExprNode &node)
    {
        return tr("%1() would take the text this expression produces past %2 characters")
            .arg(node.name)
            .arg(maxTextLength);
    }

    const ExprContext &m_context;
    qsizetype m_produced = 0;
};

} // namespace

// --- Public API -----------------------------------------------------------------------

bool exprIsTruthy(const QJsonValue &value)
{
    switch (kindOf(value)) {
    case Kind::Null:
        return false;
    case Kind::Boolean:
        return value.toBool();
    case Kind::Number:
        return value.toDouble() != 0 && !std::isnan(value.toDouble());
    case Kind::String:
        return !value.toString().isEmpty();
    default:
        return true;
    }
}

QString exprToString(const QJsonValue &value)
{
    switch (kindOf(value)) {
    case Kind::Null:
        return QString();
    case Kind::Boolean:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case Kind::Number:
        return numberToString(value.toDouble());
    case Kind::String:
        return value.toString();
    case Kind::Array:
        return QStringLiteral("Array");
    case Kind::Object:
        return QStringLiteral("Object");
    }
    return QString();
}

std::expected<Expression, ExprError> Expression::parse(QStringView text)
{
    if (text.size() > maxLength) {
        return failure(maxLength, tr("the expression is too long (%1 characters; at most %2)")
                                      .arg(text.size())
                                      .arg(maxLength));
    }
    auto tokens = tokenize(text);
    if (!tokens)
        return std::unexpected(tokens.error());
    Parser parser(text, std::move(*tokens));
    auto root = parser.parse();
    if (!root)
        return std::unexpected(root.error());
    Expression expression;
    expression.m_root = std::move(*root);
    expression.m_text = text.toString();
    expression.m_contexts = parser.contexts();
    expression.m_functions = parser.functions();
    return expression;
}

std::expected<QJsonValue, ExprError> Expression::evaluate(const ExprContext &context) const
{
    auto result = Evaluator(context).eval(*m_root);
    if (!result)
        return std::unexpected(result.error());
    return result->json;
}

bool Expression::callsStatusFunction() const
{
    for (const char *name : {"success", "failure", "always", "cancelled"}) {
        if (m_functions.contains(QString::fromLatin1(name)))
            return true;
    }
    return false;
}

std::expected<ExprTemplate, ExprError> ExprTemplate::parse(QStringView text)
{
    ExprTemplate result;
    qsizetype pos = 0;
    while (pos < text.size()) {
        const qsizetype open = text.indexOf(u"${{", pos);
        if (open < 0) {
            result.m_parts.append(Part{text.mid(pos).toString(), std::nullopt, int(text.size())});
            break;
        }
        // The closing `}}`, outside the expression's quoted strings.
        qsizetype close = -1;
        qsizetype quote = -1;
        for (qsizetype i = open + 3; i < text.size(); ++i) {
            if (text[i] == u'\'') {
                quote = quote < 0 ? i : -1;
            } else if (quote < 0 && text[i] == u'}' && i + 1 < text.size() && text[i + 1] == u'}') {
                close = i;
                break;
            }
        }
        if (close < 0) {
            if (quote >= 0 && text.indexOf(u"}}", quote) >= 0)
                return failure(int(quote), tr("unterminated string: expected a closing '"));
            return failure(int(open), tr("\"${{\" is not closed by \"}}\""));
        }
        const int base = int(open + 3);
        auto expression = Expression::parse(text.mid(base, close - base));
        if (!expression)
            return failure(expression.error().offset + base, expression.error().message);
        result.m_parts.append(
            Part{text.mid(pos, open - pos).toString(), std::move(*expression), int(open)});
        pos = close + 2;
    }
    return result;
}

bool ExprTemplate::isLiteral() const
{
    return std::none_of(m_parts.begin(), m_parts.end(),
                        [](const Part &p) { return p.expression.has_value(); });
}

bool ExprTemplate::isSingleExpression() const
{
    const auto blank = [](const Part &p) { return p.literal.trimmed().isEmpty(); };
    if (m_parts.isEmpty() || !m_parts.first().expression || !blank(m_parts.first()))
        return false;
    if (m_parts.size() == 1)
        return true;
    return m_parts.size() == 2 && !m_parts.last().expression && blank(m_parts.last());
}

std::expected<QString, ExprError> ExprTemplate::evaluate(const ExprContext &context) const
{
    QString result;
    qsizetype produced = 0;
    for (const Part &part : m_parts) {
        result.append(part.literal);
        if (!part.expression)
            continue;
        auto value = part.expression->evaluate(context);
        if (!value)
            return failure(value.error().offset + part.offset + 3, value.error().message);
        const QString text = exprToString(*value);
        produced += text.size();
        if (produced > maxTextLength) {
            return failure(part.offset,
                           tr("the expressions of this text produce more than %1 characters")
                               .arg(maxTextLength));
        }
        result.append(text);
    }
    return result;
}

std::expected<QJsonValue, ExprError> ExprTemplate::evaluateValue(const ExprContext &context) const
{
    if (isSingleExpression()) {
        const Part &part = m_parts.first();
        auto value = part.expression->evaluate(context);
        if (!value)
            return failure(value.error().offset + part.offset + 3, value.error().message);
        return *value;
    }
    auto text = evaluate(context);
    if (!text)
        return std::unexpected(text.error());
    return QJsonValue(*text);
}

QSet<QString> ExprTemplate::contexts() const
{
    QSet<QString> result;
    for (const Part &part : m_parts) {
        if (part.expression)
            result.unite(part.expression->contexts());
    }
    return result;
}

QSet<QString> ExprTemplate::functions() const
{
    QSet<QString> result;
    for (const Part &part : m_parts) {
        if (part.expression)
            result.unite(part.expression->functions());
    }
    return result;
}

std::expected<Condition, ExprError> Condition::parse(QStringView text)
{
    if (text.contains(u"${{")) {
        auto parsed = ExprTemplate::parse(text);
        if (!parsed)
            return std::unexpected(parsed.error());
        if (!parsed->isSingleExpression()) {
            // Point at the first text around the expressions, else at the second `${{`.
            int offset = -1;
            for (const ExprTemplate::Part &part : parsed->parts()) {
                const qsizetype start = part.offset - part.literal.size();
                for (qsizetype i = 0; offset < 0 && i < part.literal.size(); ++i) {
                    if (!part.literal[i].isSpace())
                        offset = int(start + i);
                }
                if (offset >= 0)
                    break;
            }
            if (offset < 0)
                offset = parsed->parts().at(1).offset;
            return failure(offset, tr("the condition mixes ${{ }} with text around it: GitHub "
                                      "evaluates that as a non-empty string, always true; put "
                                      "the whole condition inside one ${{ }}"));
        }
        const ExprTemplate::Part &part = parsed->parts().first();
        return Condition(*part.expression, part.offset + 3);
    }
    if (text.trimmed().isEmpty())
        return Condition(*Expression::parse(u"success()"), 0);
    auto expression = Expression::parse(text);
    if (!expression)
        return std::unexpected(expression.error());
    return Condition(std::move(*expression), 0);
}

std::expected<bool, ExprError> Condition::evaluate(const ExprContext &context) const
{
    if (hasImplicitSuccess() && (context.status.failed || context.status.cancelled))
        return false;
    auto value = m_expression.evaluate(context);
    if (!value)
        return failure(value.error().offset + m_offset, value.error().message);
    return exprIsTruthy(*value);
}

} // namespace DeployDesk
