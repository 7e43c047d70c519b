#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QSet>
#include <QStringList>

#include <optional>

namespace DeployDesk::Vercel {

// Follows GET /v3/deployments/{id}/events by `since` without the live stream: each answer
// is turned into stage log lines, skipping events an earlier answer already gave (the same
// millisecond may be asked for twice).
class BuildEventLog final
{
public:
    // The `since` for the next request; none for the first.
    std::optional<qint64> since() const;
    // Log lines for the new events of one answer (a JSON array of {type, created, payload}).
    QStringList take(const QJsonArray &events);
    int seen() const { return m_count; }

private:
    qint64 m_last = -1;
    QSet<QByteArray> m_seenAtLast; // events of the millisecond m_last
    int m_count = 0;
};

} // namespace DeployDesk::Vercel
