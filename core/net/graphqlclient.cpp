#include "net/graphqlclient.h"

#include "net/graphqljob.h"
#include "net/httpjob.h"

namespace DeployDesk {

bool GraphQlClient::isMutation(QStringView query)
{
    qsizetype i = 0;
    while (i < query.size()) {
        const QChar c = query.at(i);
        if (c.isSpace() || c == QLatin1Char(',') || c == QChar(0xFEFF)) {
            ++i;
        } else if (c == QLatin1Char('#')) { // a comment runs to the end of the line
            while (i < query.size() && query.at(i) != QLatin1Char('\n'))
                ++i;
        } else {
            break;
        }
    }
    const QStringView rest = query.mid(i);
    return rest.startsWith(QLatin1String("mutation")) &&
           (rest.size() == 8 || !(rest.at(8).isLetterOrNumber() || rest.at(8) == QLatin1Char('_')));
}

GraphQlJob *GraphQlClient::send(const QString &query, const QJsonObject &variables, QObject *parent,
                                std::optional<bool> idempotent) const
{
    QJsonObject body{{QStringLiteral("query"), query}};
    if (!variables.isEmpty())
        body.insert(QStringLiteral("variables"), variables);
    HttpRequest request = HttpRequest::post(m_endpoint, body);
    request.expectJson = true;
    request.setIdempotent(idempotent.value_or(!isMutation(query)));
    return new GraphQlJob(m_http.send(std::move(request)), m_http.authHint(), parent);
}

} // namespace DeployDesk
