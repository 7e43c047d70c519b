#pragma once

// OpenApiSchema: checks JSON values against the schemas of an OpenAPI 3.0 document, for
// contract fakes (QdrantFake checks every request body and query against Qdrant's own spec).
// Supported: $ref (#/components/schemas/…), type, nullable, enum, format (uuid, uint*,
// int*, float/double), minimum, maximum, minItems, minLength, required, properties,
// additionalProperties (bool or schema), items, anyOf, oneOf, allOf. Stricter than the spec
// in one way, on purpose: an object schema with `properties` and no additionalProperties
// rejects fields it does not list, since a field the platform does not know is a client bug
// (Qdrant answers "unknown field" for most of them).

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

namespace DeployDesk::Test {

class OpenApiSchema final
{
public:
    // Loads the document; false (and `error`) when it cannot be read or parsed.
    bool load(const QString &path, QString *error = nullptr);
    bool isLoaded() const { return !m_document.isEmpty(); }

    // Violations of a request body (application/json) of `method` on `pathTemplate`
    // ("/collections/{collection_name}/points"), each "at $.points[3].id: …". Empty: valid.
    QStringList checkRequestBody(const QByteArray &method, const QString &pathTemplate,
                                 const QJsonValue &body) const;
    // Query parameters the operation does not declare, or whose values break their schema.
    QStringList checkQuery(const QByteArray &method, const QString &pathTemplate,
                           const QUrlQuery &query) const;
    // Violations of a response body for `status` (its own schema, else 4XX/default).
    QStringList checkResponse(const QByteArray &method, const QString &pathTemplate, int status,
                              const QJsonValue &body) const;
    // A value against a named component schema ("PointStruct").
    QStringList checkComponent(const QString &name, const QJsonValue &value) const;

private:
    QJsonObject operation(const QByteArray &method, const QString &pathTemplate) const;
    QJsonObject resolve(const QJsonObject &schema) const;
    void check(const QJsonValue &value, const QJsonObject &schema, const QString &where,
               QStringList &errors, int depth = 0) const;

    QJsonObject m_document;
};

} // namespace DeployDesk::Test
