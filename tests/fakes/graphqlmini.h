#pragma once

// A small GraphQL reader for contract fakes: parses the operations a client sends (one
// operation, fields with arguments, variables, nested selections; no fragments or
// directives), checks them against a schema given as JSON (railway/schema-subset.json's
// shape: types → fields → {type, args}), and cuts an answer down to what was selected, as a
// GraphQL server does. Test code only.

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace DeployDesk::Test {

struct GqlField
{
    QString alias; // empty when none
    QString name;
    QHash<QString, QJsonValue> literals;  // argument → a literal value
    QHash<QString, QString> variableArgs; // argument → the variable it is given ($name)
    QList<GqlField> selections;

    QString key() const { return alias.isEmpty() ? name : alias; }
    // The arguments with the variables filled in (absent variables left out).
    QJsonObject arguments(const QJsonObject &variables) const;
};

struct GqlOperation
{
    QString type = QStringLiteral("query"); // or "mutation"
    QString name;
    QHash<QString, QString> variableTypes; // name → type as written ("String!")
    QList<GqlField> fields;

    // nullopt (and `error`) when `document` is not one operation this reader understands.
    static std::optional<GqlOperation> parse(const QString &document, QString *error);
};

class GqlSchema
{
public:
    GqlSchema() = default;
    explicit GqlSchema(QJsonObject types)
        : m_types(std::move(types))
    {}
    bool isEmpty() const { return m_types.isEmpty(); }

    // Every way `operation` with `variables` breaks the schema (empty: valid).
    QStringList validate(const GqlOperation &operation, const QJsonObject &variables) const;
    // `value` (of a field of type `typeName`) cut down to `selections`.
    static QJsonValue select(const QJsonValue &value, const QList<GqlField> &selections);

private:
    void checkSelections(const QString &typeName, const QList<GqlField> &selections,
                         const GqlOperation &operation, const QString &path,
                         QStringList &problems) const;
    void checkValue(const QString &type, const QJsonValue &value, const QString &where,
                    QStringList &problems) const;

    QJsonObject m_types;
};

} // namespace DeployDesk::Test
