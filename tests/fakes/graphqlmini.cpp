#include "fakes/graphqlmini.h"

#include <QJsonArray>

namespace DeployDesk::Test {
namespace {

const QStringList kScalars{QStringLiteral("String"), QStringLiteral("Int"),
                           QStringLiteral("Float"),  QStringLiteral("Boolean"),
                           QStringLiteral("ID"),     QStringLiteral("DateTime"),
                           QStringLiteral("JSON"),   QStringLiteral("DeploymentMeta"),
                           QStringLiteral("BigInt")};

// The named type inside list and non-null wrappers: "[Log!]!" → "Log".
QString namedType(QString type)
{
    type.remove(QLatin1Char('[')).remove(QLatin1Char(']')).remove(QLatin1Char('!'));
    return type;
}

class Reader
{
public:
    explicit Reader(const QString &text)
        : m_text(text)
    {}

    std::optional<GqlOperation> operation(QString *error)
    {
        GqlOperation op;
        skip();
        if (peek() != QLatin1Char('{')) {
            const QString keyword = name();
            if (keyword != u"query" && keyword != u"mutation")
                return failed(error, QStringLiteral("expected query, mutation or {"));
            op.type = keyword;
            skip();
            if (isNameStart(peek()))
                op.name = name();
            skip();
            if (peek() == QLatin1Char('(')) {
                ++m_pos;
                while (skip(), peek() != QLatin1Char(')')) {
                    if (!eat(QLatin1Char('$')))
                        return failed(error, QStringLiteral("expected $variable"));
                    const QString variable = name();
                    if (!eat(QLatin1Char(':')))
                        return failed(error, QStringLiteral("expected : after $") + variable);
                    const QString type = typeRef();
                    if (type.isEmpty())
                        return failed(error, QStringLiteral("expected the type of $") + variable);
                    op.variableTypes.insert(variable, type);
                    if (eat(QLatin1Char('='))) // a default value
                        literal();
                }
                ++m_pos;
            }
        }
        auto fields = selectionSet(error);
        if (!fields)
            return std::nullopt;
        op.fields = *fields;
        skip();
        if (m_pos < m_text.size())
            return failed(error, QStringLiteral("unexpected text after the operation"));
        return op;
    }

private:
    template<typename T = GqlOperation> std::optional<T> failed(QString *error, const QString &what)
    {
        if (error && error->isEmpty())
            *error = QStringLiteral("Syntax Error: %1 at position %2").arg(what).arg(m_pos);
        m_failed = true;
        return std::nullopt;
    }

    std::optional<QList<GqlField>> selectionSet(QString *error)
    {
        if (!eat(QLatin1Char('{')))
            return failed<QList<GqlField>>(error, QStringLiteral("expected {"));
        QList<GqlField> fields;
        while (skip(), peek() != QLatin1Char('}')) {
            if (m_pos >= m_text.size() || !isNameStart(peek()))
                return failed<QList<GqlField>>(error, QStringLiteral("expected a field"));
            GqlField field;
            field.name = name();
            if (eat(QLatin1Char(':'))) {
                field.alias = field.name;
                field.name = name();
            }
            if (eat(QLatin1Char('('))) {
                while (skip(), peek() != QLatin1Char(')')) {
                    const QString argument = name();
                    if (argument.isEmpty() || !eat(QLatin1Char(':')))
                        return failed<QList<GqlField>>(error, QStringLiteral("expected arg:"));
                    skip();
                    if (eat(QLatin1Char('$')))
                        field.variableArgs.insert(argument, name());
                    else
                        field.literals.insert(argument, literal());
                    if (m_failed)
                        return failed<QList<GqlField>>(error, QStringLiteral("bad value"));
                }
                ++m_pos;
            }
            skip();
            if (peek() == QLatin1Char('{')) {
                auto inner = selectionSet(error);
                if (!inner)
                    return std::nullopt;
                field.selections = *inner;
            }
            fields.append(field);
        }
        ++m_pos;
        return fields;
    }

    QJsonValue literal()
    {
        skip();
        const QChar c = peek();
        if (c == QLatin1Char('"')) {
            ++m_pos;
            QString out;
            while (m_pos < m_text.size() && m_text.at(m_pos) != QLatin1Char('"')) {
                if (m_text.at(m_pos) == QLatin1Char('\\') && m_pos + 1 < m_text.size())
                    ++m_pos;
                out += m_text.at(m_pos++);
            }
            ++m_pos;
            return out;
        }
        if (c == QLatin1Char('[')) {
            ++m_pos;
            QJsonArray list;
            while (skip(), peek() != QLatin1Char(']') && !m_failed && m_pos < m_text.size())
                list.append(literal());
            ++m_pos;
            return list;
        }
        if (c == QLatin1Char('{')) {
            ++m_pos;
            QJsonObject object;
            while (skip(), peek() != QLatin1Char('}') && !m_failed && m_pos < m_text.size()) {
                const QString key = name();
                if (!eat(QLatin1Char(':'))) {
                    m_failed = true;
                    break;
                }
                object.insert(key, literal());
            }
            ++m_pos;
            return object;
        }
        if (c.isDigit() || c == QLatin1Char('-')) {
            const qsizetype start = m_pos++;
            while (m_pos < m_text.size() &&
                   (m_text.at(m_pos).isDigit() || m_text.at(m_pos) == QLatin1Char('.')))
                ++m_pos;
            return m_text.mid(start, m_pos - start).toDouble();
        }
        if (c == QLatin1Char('$')) { // a variable inside a literal: not understood
            m_failed = true;
            return {};
        }
        const QString word = name();
        if (word.isEmpty())
            m_failed = true;
        if (word == u"true" || word == u"false")
            return word == u"true";
        if (word == u"null")
            return QJsonValue(QJsonValue::Null);
        return word; // an enum value
    }

    QString typeRef()
    {
        skip();
        QString type;
        if (eat(QLatin1Char('['))) {
            const QString inner = typeRef();
            if (inner.isEmpty() || !eat(QLatin1Char(']')))
                return {};
            type = QLatin1Char('[') + inner + QLatin1Char(']');
        } else {
            type = name();
            if (type.isEmpty())
                return {};
        }
        if (eat(QLatin1Char('!')))
            type += QLatin1Char('!');
        return type;
    }

    static bool isNameStart(QChar c) { return c.isLetter() || c == QLatin1Char('_'); }

    QString name()
    {
        skip();
        const qsizetype start = m_pos;
        while (m_pos < m_text.size() &&
               (m_text.at(m_pos).isLetterOrNumber() || m_text.at(m_pos) == QLatin1Char('_')))
            ++m_pos;
        return m_text.mid(start, m_pos - start);
    }

    bool eat(QChar c)
    {
        skip();
        if (peek() != c)
            return false;
        ++m_pos;
        return true;
    }

    QChar peek() const { return m_pos < m_text.size() ? m_text.at(m_pos) : QChar(); }

    void skip()
    {
        while (m_pos < m_text.size()) {
            const QChar c = m_text.at(m_pos);
            if (c.isSpace() || c == QLatin1Char(',') || c == QChar(0xFEFF)) {
                ++m_pos;
            } else if (c == QLatin1Char('#')) {
                while (m_pos < m_text.size() && m_text.at(m_pos) != QLatin1Char('\n'))
                    ++m_pos;
            } else {
                break;
            }
        }
    }

    const QString &m_text;
    qsizetype m_pos = 0;
    bool m_failed = false;
};

} // namespace

QJsonObject GqlField::arguments(const QJsonObject &variables) const
{
    QJsonObject out;
    for (auto it = literals.cbegin(); it != literals.cend(); ++it)
        out.insert(it.key(), it.value());
    for (auto it = variableArgs.cbegin(); it != variableArgs.cend(); ++it) {
        if (variables.contains(it.value()))
            out.insert(it.key(), variables.value(it.value()));
    }
    return out;
}

std::optional<GqlOperation> GqlOperation::parse(const QString &document, QString *error)
{
    return Reader(document).operation(error);
}

QStringList GqlSchema::validate(const GqlOperation &operation, const QJsonObject &variables) const
{
    QStringList problems;
    for (auto it = operation.variableTypes.cbegin(); it != operation.variableTypes.cend(); ++it) {
        const QJsonValue value = variables.value(it.key());
        if (it.value().endsWith(QLatin1Char('!')) && (value.isUndefined() || value.isNull()))
            problems << QStringLiteral("Variable \"$%1\" of required type \"%2\" was not "
                                       "provided.")
                            .arg(it.key(), it.value());
        else if (!value.isUndefined() && !value.isNull())
            checkValue(it.value(), value, QStringLiteral("$") + it.key(), problems);
    }
    for (auto it = variables.constBegin(); it != variables.constEnd(); ++it) {
        if (!operation.variableTypes.contains(it.key()))
            problems << QStringLiteral("Variable \"$%1\" is not defined by the operation.")
                            .arg(it.key());
    }
    const QString root =
        operation.type == u"mutation" ? QStringLiteral("Mutation") : QStringLiteral("Query");
    checkSelections(root, operation.fields, operation, root, problems);
    return problems;
}

void GqlSchema::checkSelections(const QString &typeName, const QList<GqlField> &selections,
                                const GqlOperation &operation, const QString &path,
                                QStringList &problems) const
{
    const QJsonObject type = m_types.value(typeName).toObject();
    const QJsonObject fields = type.value(QStringLiteral("fields")).toObject();
    for (const GqlField &field : selections) {
        const QString where = path + QLatin1Char('.') + field.name;
        if (field.name == u"__typename")
            continue;
        if (!fields.contains(field.name)) {
            problems << QStringLiteral("Cannot query field \"%1\" on type \"%2\".")
                            .arg(field.name, typeName);
            continue;
        }
        const QJsonObject spec = fields.value(field.name).toObject();
        const QJsonObject args = spec.value(QStringLiteral("args")).toObject();
        for (auto it = field.variableArgs.cbegin(); it != field.variableArgs.cend(); ++it) {
            if (!args.contains(it.key())) {
                problems << QStringLiteral("Unknown argument \"%1\" on field \"%2\".")
                                .arg(it.key(), where);
                continue;
            }
            const QString argType = args.value(it.key()).toString();
            const QString varType = operation.variableTypes.value(it.value());
            if (varType.isEmpty())
                problems << QStringLiteral("Variable \"$%1\" is not defined.").arg(it.value());
            else if (varType != argType && varType != argType + QLatin1Char('!'))
                problems << QStringLiteral("Variable \"$%1\" of type \"%2\" used in position "
                                           "expecting type \"%3\" (%4).")
                                .arg(it.value(), varType, argType, where);
        }
        for (auto it = field.literals.cbegin(); it != field.literals.cend(); ++it) {
            if (!args.contains(it.key()))
                problems << QStringLiteral("Unknown argument \"%1\" on field \"%2\".")
                                .arg(it.key(), where);
            else
                checkValue(args.value(it.key()).toString(), it.value(), where, problems);
        }
        for (auto it = args.constBegin(); it != args.constEnd(); ++it) {
            if (it.value().toString().endsWith(QLatin1Char('!')) &&
                !field.variableArgs.contains(it.key()) && !field.literals.contains(it.key()))
                problems << QStringLiteral("Field \"%1\" argument \"%2\" of type \"%3\" is "
                                           "required, but it was not provided.")
                                .arg(where, it.key(), it.value().toString());
        }
        const QString result = namedType(spec.value(QStringLiteral("type")).toString());
        const bool scalar =
            kScalars.contains(result) ||
            m_types.value(result).toObject().value(QStringLiteral("kind")) == QLatin1String("ENUM");
        if (scalar && !field.selections.isEmpty())
            problems << QStringLiteral("Field \"%1\" must not have a selection since type "
                                       "\"%2\" has no subfields.")
                            .arg(where, result);
        else if (!scalar && field.selections.isEmpty())
            problems << QStringLiteral("Field \"%1\" of type \"%2\" must have a selection of "
                                       "subfields.")
                            .arg(where, result);
        else if (!scalar && !m_types.contains(result))
            problems << QStringLiteral("type \"%1\" (%2) is not in the fake's schema subset")
                            .arg(result, where);
        else if (!scalar)
            checkSelections(result, field.selections, operation, where, problems);
    }
}

void GqlSchema::checkValue(const QString &type, const QJsonValue &value, const QString &where,
                           QStringList &problems) const
{
    if (value.isNull() || value.isUndefined())
        return;
    QString inner = type;
    if (inner.endsWith(QLatin1Char('!')))
        inner.chop(1);
    if (inner.startsWith(QLatin1Char('['))) {
        const QString element = inner.mid(1, inner.size() - 2);
        const QJsonArray list = value.isArray() ? value.toArray() : QJsonArray{value};
        for (const QJsonValue &item : list)
            checkValue(element, item, where, problems);
        return;
    }
    const QJsonObject spec = m_types.value(inner).toObject();
    const QString kind = spec.value(QStringLiteral("kind")).toString();
    if (kind == u"ENUM") {
        if (!spec.value(QStringLiteral("values")).toArray().contains(value))
            problems << QStringLiteral("Value \"%1\" does not exist in \"%2\" enum (%3).")
                            .arg(value.toString(), inner, where);
    } else if (kind == u"INPUT_OBJECT") {
        const QJsonObject fields = spec.value(QStringLiteral("inputFields")).toObject();
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (!fields.contains(it.key()))
                problems << QStringLiteral("Field \"%1\" is not defined by type \"%2\" (%3).")
                                .arg(it.key(), inner, where);
            else
                checkValue(fields.value(it.key()).toString(), it.value(),
                           where + QLatin1Char('.') + it.key(), problems);
        }
    } else if ((inner == u"String" || inner == u"ID" || inner == u"DateTime") &&
               !value.isString()) {
        problems << QStringLiteral("%1: %2 cannot represent a non-string value").arg(where, inner);
    } else if (inner == u"Int" && !value.isDouble()) {
        problems << QStringLiteral("%1: Int cannot represent a non-integer value").arg(where);
    } else if (inner == u"Boolean" && !value.isBool()) {
        problems << QStringLiteral("%1: Boolean cannot represent a non-boolean value").arg(where);
    }
}

QJsonValue GqlSchema::select(const QJsonValue &value, const QList<GqlField> &selections)
{
    if (selections.isEmpty())
        return value;
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &item : value.toArray())
            out.append(select(item, selections));
        return out;
    }
    if (!value.isObject())
        return value;
    const QJsonObject object = value.toObject();
    QJsonObject out;
    for (const GqlField &field : selections) {
        const QJsonValue inner = object.value(field.name);
        out.insert(field.key(), inner.isUndefined() ? QJsonValue(QJsonValue::Null)
                                                    : select(inner, field.selections));
    }
    return out;
}

} // namespace DeployDesk::Test
