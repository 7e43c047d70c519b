#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace DeployDesk::Railway {

// Follows one of Railway's log queries (buildLogs or deploymentLogs: [{timestamp, message,
// severity}], oldest first) by asking again from the last timestamp seen, without the
// websocket subscription. Each round's answers become stage log lines, in time order, each
// line once:
// - the next round starts at the millisecond of the newest line seen (startDate), so lines
//   of that millisecond come again and are dropped by their (timestamp, severity, message);
// - a full answer (as many lines as `limit`, or the one more Railway is known to send) may
//   hide older lines between startDate and its first line: the round asks again up to that
//   line (endDate) until an answer is not full, then orders what it got.
class LogFollower final
{
public:
    static constexpr int kDefaultLimit = 1000;
    explicit LogFollower(int limit = kDefaultLimit)
        : m_limit(limit)
    {}

    // Variables for the next request of `deploymentId` (deploymentId, limit, startDate,
    // endDate).
    QJsonObject variables(const QString &deploymentId) const;
    // Takes one answer. True when the round needs another request now (a back-fill); false
    // when the round is complete and lines() has its lines.
    bool take(const QJsonArray &logs);
    // The lines of the completed round (taken away).
    QStringList takeLines();
    // Abandons a round in progress (a failed request): what it gathered is kept for the
    // next one.
    void abandonRound();
    int linesSeen() const { return m_count; }

    // Nanoseconds since the epoch of an RFC 3339 timestamp with up to 9 fraction digits;
    // nullopt when it is not one.
    static std::optional<qint64> parseTimestamp(const QString &text);

private:
    struct Entry
    {
        qint64 time = 0;
        int order = 0;
        QString key;
        QString message;
    };
    void finishRound();

    int m_limit = kDefaultLimit;
    std::optional<qint64> m_last;         // the newest line's time (ns)
    QHash<QString, qint64> m_seen;        // keys of lines at or after m_last's millisecond
    QList<Entry> m_round;                 // this round's new lines
    std::optional<QString> m_backfillEnd; // endDate of the back-fill in progress
    int m_backfills = 0;
    int m_order = 0;
    int m_count = 0;
    QStringList m_lines;
};

} // namespace DeployDesk::Railway
