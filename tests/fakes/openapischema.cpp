#include "fakes/openapischema.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>

namespace DeployDesk::Test {
namespace {

QString typeOf(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("boolean");
    case QJsonValue::Double:
        return QStringLiteral("number");
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::Object:
        return QStringLiteral("object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("undefined");
}

bool isInteger(const QJsonValue &value)
{
    if (!value.isDouble())
        return false;
    const double d = value.toDouble();
    return std::isfinite(d) && std::floor(d) == d;
}

bool matchesType(const QJsonValue &value, const QString &type)
{
    if (type == QLatin1String("object"))
        return value.isObject();
    if (type == QLatin1String("array"))
        return value.isArray();
    if (type == QLatin1String("string"))
        return value.isString();
    if (type == QLatin1String("integer"))
        return isInteger(value);
    if (type == QLatin1String("number"))
        return value.isDouble();
    if (type == QLatin1String("boolean"))
        return value.isBool();
    return true;
}

// A query parameter's text as the JSON value its schema expects.
QJsonValue queryValue(const QString &text, const QJsonObject &schema)
{
    const QString type = schema.value(QStringLiteral("type")).toString();
    if (type == QLatin1String("boolean")) {
        if (text == QLatin1String("true"))
            return true;
        if (text == QLatin1String("false"))
            return false;
        return text;
    }
    if (type == QLatin1String("integer") || type == QLatin1String("number")) {
        bool ok = false;
        const double d = text.toDouble(&ok);
        return ok ? QJsonValue(d) : QJsonValue(text);
    }
    return text;
}

} // namespace

bool OpenApiSchema::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject()) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, parseError.errorString());
        return false;
    }
    m_document = doc.object();
    return true;
}

QJsonObject OpenApiSchema::operation(const QByteArray &method, const QString &pathTemplate) const
{
    return m_document.value(QStringLiteral("paths"))
        .toObject()
        .value(pathTemplate)
        .toObject()
        .value(QString::fromLatin1(method.toLower()))
        .toObject();
}

QJsonObject OpenApiSchema::resolve(const QJsonObject &schema) const
{
    QJsonObject current = schema;
    for (int hops = 0; hops < 32 && current.contains(QStringLiteral("$ref")); ++hops) {
        const QString ref = current.value(QStringLiteral("$ref")).toString();
        if (!ref.startsWith(QLatin1String("#/")))
            return {};
        QJsonValue node = m_document;
        for (const QString &part : ref.mid(2).split(QLatin1Char('/')))
            node = node.toObject().value(part);
        current = node.toObject();
    }
    return current;
}

QStringList OpenApiSchema::checkRequestBody(const QByteArray &method, const QString &pathTemplate,
                                            const QJsonValue &body) const
{
    const QJsonObject op = operation(method, pathTemplate);
    if (op.isEmpty())
        return {QStringLiteral("the spec has no operation %1 %2")
                    .arg(QString::fromLatin1(method), pathTemplate)};
    const QJsonObject schema = op.value(QStringLiteral("requestBody"))
                                   .toObject()
                                   .value(QStringLiteral("content"))
                                   .toObject()
                                   .value(QStringLiteral("application/json"))
                                   .toObject()
                                   .value(QStringLiteral("schema"))
                                   .toObject();
    if (schema.isEmpty())
        return {};
    QStringList errors;
    check(body, schema, QStringLiteral("$"), errors);
    return errors;
}

QStringList OpenApiSchema::checkQuery(const QByteArray &method, const QString &pathTemplate,
                                      const QUrlQuery &query) const
{
    const QJsonObject op = operation(method, pathTemplate);
    QStringList errors;
    QHash<QString, QJsonObject> declared;
    for (const QJsonValue &p : op.value(QStringLiteral("parameters")).toArray()) {
        const QJsonObject param = p.toObject();
        if (param.value(QStringLiteral("in")).toString() == QLatin1String("query"))
            declared.insert(param.value(QStringLiteral("name")).toString(),
                            param.value(QStringLiteral("schema")).toObject());
    }
    for (const auto &[name, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (!declared.contains(name)) {
            errors << QStringLiteral("query parameter %1 is not one of %2 %3's")
                          .arg(name, QString::fromLatin1(method), pathTemplate);
            continue;
        }
        const QJsonObject schema = resolve(declared.value(name));
        check(queryValue(value, schema), schema, QStringLiteral("?%1").arg(name), errors);
    }
    return errors;
}

QStringList OpenApiSchema::checkResponse(const QByteArray &method, const QString &pathTemplate,
                                         int status, const QJsonValue &body) const
{
    const QJsonObject responses =
        operation(method, pathTemplate).value(QStringLiteral("responses")).toObject();
    QJsonObject response = responses.value(QString::number(status)).toObject();
    if (response.isEmpty() && status >= 400 && status < 500)
        response = responses.value(QStringLiteral("4XX")).toObject();
    if (response.isEmpty())
        response = responses.value(QStringLiteral("default")).toObject();
    const QJsonObject schema = response.value(QStringLiteral("content"))
                                   .toObject()
                                   .value(QStringLiteral("application/json"))
                                   .toObject()
                                   .value(QStringLiteral("schema"))
                                   .toObject();
    QStringList errors;
    if (!schema.isEmpty())
        check(body, schema, QStringLiteral("$"), errors);
    return errors;
}

QStringList OpenApiSchema::checkComponent(const QString &name, const QJsonValue &value) const
{
    QStringList errors;
    check(value,
          QJsonObject{{QStringLiteral("$ref"), QStringLiteral("#/components/schemas/") + name}},
          QStringLiteral("$"), errors);
    return errors;
}

void OpenApiSchema::check(const QJsonValue &value, const QJsonObject &raw, const QString &where,
                          QStringList &errors, int depth) const
{
    if (depth > 64) {
        errors << QStringLiteral("at %1: schema nesting too deep").arg(where);
        return;
    }
    const QJsonObject schema = resolve(raw);
    if (value.isNull() && schema.value(QStringLiteral("nullable")).toBool())
        return;

    if (schema.contains(QStringLiteral("allOf"))) {
        for (const QJsonValue &part : schema.value(QStringLiteral("allOf")).toArray())
            check(value, part.toObject(), where, errors, depth + 1);
    }
    for (const QString &key : {QStringLiteral("anyOf"), QStringLiteral("oneOf")}) {
        if (!schema.contains(key))
            continue;
        int matched = 0;
        QStringList closest;
        int closestScore = 0;
        // The closest alternative is the one of the value's type with the fewest violations.
        const QString typeMismatch = QStringLiteral("at %1: %2 where ").arg(where, typeOf(value));
        for (const QJsonValue &part : schema.value(key).toArray()) {
            QStringList branch;
            check(value, part.toObject(), where, branch, depth + 1);
            if (branch.isEmpty()) {
                ++matched;
                continue;
            }
            const int score =
                int(branch.size()) + (branch.first().startsWith(typeMismatch) ? 1000 : 0);
            if (closest.isEmpty() || score < closestScore) {
                closest = branch;
                closestScore = score;
            }
        }
        if (matched == 0) {
            errors << QStringLiteral("at %1: %2 matches none of the %3 alternatives (closest: "
                                     "%4)")
                          .arg(where, typeOf(value), key, closest.join(QStringLiteral("; ")));
        } else if (key == QLatin1String("oneOf") && matched > 1) {
            errors << QStringLiteral("at %1: matches %2 of oneOf's alternatives, not one")
                          .arg(where)
                          .arg(matched);
        }
    }

    const QString type = schema.value(QStringLiteral("type")).toString();
    if (value.isNull()) {
        if (!type.isEmpty())
            errors << QStringLiteral("at %1: null where %2 is expected").arg(where, type);
        return;
    }
    if (!type.isEmpty() && !matchesType(value, type)) {
        errors << QStringLiteral("at %1: %2 where %3 is expected").arg(where, typeOf(value), type);
        return;
    }
    if (schema.contains(QStringLiteral("enum")) &&
        !schema.value(QStringLiteral("enum")).toArray().contains(value)) {
        errors << QStringLiteral("at %1: %2 is not one of %3")
                      .arg(where,
                           QString::fromUtf8(
                               QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact)),
                           QString::fromUtf8(
                               QJsonDocument(schema.value(QStringLiteral("enum")).toArray())
                                   .toJson(QJsonDocument::Compact)));
    }
    const QString format = schema.value(QStringLiteral("format")).toString();
    if (format == QLatin1String("uuid") && value.isString()) {
        static const QRegularExpression uuid(QStringLiteral(
            "^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$"));
        if (!uuid.match(value.toString()).hasMatch())
            errors << QStringLiteral("at %1: \"%2\" is not a UUID").arg(where, value.toString());
    }
    if (format.startsWith(QLatin1String("uint")) && value.isDouble() && value.toDouble() < 0)
        errors << QStringLiteral("at %1: %2 is negative where %3 is expected")
                      .arg(where)
                      .arg(value.toDouble())
                      .arg(format);
    if (schema.contains(QStringLiteral("minimum")) && value.isDouble() &&
        value.toDouble() < schema.value(QStringLiteral("minimum")).toDouble())
        errors << QStringLiteral("at %1: %2 is below the minimum %3")
                      .arg(where)
                      .arg(value.toDouble())
                      .arg(schema.value(QStringLiteral("minimum")).toDouble());
    if (schema.contains(QStringLiteral("maximum")) && value.isDouble() &&
        value.toDouble() > schema.value(QStringLiteral("maximum")).toDouble())
        errors << QStringLiteral("at %1: %2 is above the maximum %3")
                      .arg(where)
                      .arg(value.toDouble())
                      .arg(schema.value(QStringLiteral("maximum")).toDouble());
    if (schema.contains(QStringLiteral("minLength")) && value.isString() &&
        value.toString().size() < schema.value(QStringLiteral("minLength")).toInt())
        errors << QStringLiteral("at %1: a string shorter than %2")
                      .arg(where)
                      .arg(schema.value(QStringLiteral("minLength")).toInt());

    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        if (schema.contains(QStringLiteral("minItems")) &&
            array.size() < schema.value(QStringLiteral("minItems")).toInt())
            errors << QStringLiteral("at %1: fewer than %2 items")
                          .arg(where)
                          .arg(schema.value(QStringLiteral("minItems")).toInt());
        if (schema.contains(QStringLiteral("items"))) {
            const QJsonObject items = schema.value(QStringLiteral("items")).toObject();
            for (qsizetype i = 0; i < array.size(); ++i) {
                check(array.at(i), items, QStringLiteral("%1[%2]").arg(where).arg(i), errors,
                      depth + 1);
                if (errors.size() > 20)
                    return;
            }
        }
    }

    if (value.isObject() &&
        (type == QLatin1String("object") || schema.contains(QStringLiteral("properties")))) {
        const QJsonObject object = value.toObject();
        const QJsonObject properties = schema.value(QStringLiteral("properties")).toObject();
        for (const QJsonValue &name : schema.value(QStringLiteral("required")).toArray()) {
            if (!object.contains(name.toString()))
                errors << QStringLiteral("at %1: the required field %2 is missing")
                              .arg(where, name.toString());
        }
        const QJsonValue additional = schema.value(QStringLiteral("additionalProperties"));
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString at = where + QLatin1Char('.') + it.key();
            if (properties.contains(it.key())) {
                check(it.value(), properties.value(it.key()).toObject(), at, errors, depth + 1);
            } else if (additional.isObject()) {
                check(it.value(), additional.toObject(), at, errors, depth + 1);
            } else if (additional.isBool() ? !additional.toBool() : !properties.isEmpty()) {
                errors << QStringLiteral("at %1: unknown field %2").arg(where, it.key());
            }
        }
    }
}

} // namespace DeployDesk::Test
