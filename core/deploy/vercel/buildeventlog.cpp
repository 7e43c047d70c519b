#include "deploy/vercel/buildeventlog.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>

namespace DeployDesk::Vercel {

std::optional<qint64> BuildEventLog::since() const
{
    if (m_last < 0)
        return std::nullopt;
    return m_last;
}

QStringList BuildEventLog::take(const QJsonArray &events)
{
    QStringList lines;
    for (const QJsonValue &value : events) {
        const QJsonObject event = value.toObject();
        qint64 created = event.value(QStringLiteral("created")).toInteger(-1);
        if (created < 0) // undated: counts as of the last millisecond seen
            created = std::max<qint64>(m_last, 0);
        const QJsonObject payload = event.value(QStringLiteral("payload")).toObject();
        QByteArray key = payload.value(QStringLiteral("id")).toString().toUtf8();
        if (key.isEmpty())
            key = QCryptographicHash::hash(QJsonDocument(event).toJson(QJsonDocument::Compact),
                                           QCryptographicHash::Sha1);
        if (created < m_last)
            continue;
        if (created == m_last && m_seenAtLast.contains(key))
            continue;
        if (created > m_last) {
            m_last = created;
            m_seenAtLast.clear();
        }
        m_seenAtLast.insert(key);
        ++m_count;

        const QString type = event.value(QStringLiteral("type")).toString();
        QString text = payload.value(QStringLiteral("text")).toString();
        if (text.isEmpty())
            text = event.value(QStringLiteral("text")).toString();
        if (type == QLatin1String("delimiter") || type == QLatin1String("deployment-state") ||
            type.startsWith(QLatin1String("middleware")) ||
            type == QLatin1String("edge-function-invocation"))
            continue;
        if (text.isEmpty())
            continue;
        const QString prefix = type == QLatin1String("command") ? QStringLiteral("> ")
                               : type == QLatin1String("fatal") ? QStringLiteral("fatal: ")
                                                                : QString();
        for (QString line : text.split(QLatin1Char('\n'))) {
            while (line.endsWith(QLatin1Char('\r')))
                line.chop(1);
            if (!line.isEmpty())
                lines.append(prefix + line);
        }
    }
    return lines;
}

} // namespace DeployDesk::Vercel
