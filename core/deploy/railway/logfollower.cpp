#include "deploy/railway/logfollower.h"

#include <QDateTime>
#include <QRegularExpression>

#include <algorithm>

namespace DeployDesk::Railway {
namespace {
// A runaway back-fill (a platform that ignores endDate) stops after this many pages.
constexpr int kMaxBackfills = 20;
constexpr qint64 kNsPerMs = 1'000'000;

QString dateTimeAt(qint64 ns)
{
    // Rounded down to the millisecond: the lines of that millisecond come again.
    const qint64 ms = ns >= 0 ? ns / kNsPerMs : (ns - kNsPerMs + 1) / kNsPerMs;
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}
} // namespace

std::optional<qint64> LogFollower::parseTimestamp(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral(
        R"(^(\d{4}-\d\d-\d\d[Tt ]\d\d:\d\d:\d\d)(?:\.(\d{1,9})\d*)?([Zz]|[+-]\d\d:\d\d)?$)"));
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    QString zone = match.captured(3).toUpper();
    if (zone.isEmpty())
        zone = QStringLiteral("Z");
    const QDateTime base = QDateTime::fromString(
        match.captured(1).replace(QLatin1Char(' '), QLatin1Char('T')) + zone, Qt::ISODate);
    if (!base.isValid())
        return std::nullopt;
    const QString fraction = match.captured(2).leftJustified(9, QLatin1Char('0'));
    return base.toSecsSinceEpoch() * 1'000'000'000 + fraction.toLongLong();
}

QJsonObject LogFollower::variables(const QString &deploymentId) const
{
    QJsonObject variables{{QStringLiteral("deploymentId"), deploymentId},
                          {QStringLiteral("limit"), m_limit}};
    if (m_last)
        variables.insert(QStringLiteral("startDate"), dateTimeAt(*m_last));
    if (m_backfillEnd)
        variables.insert(QStringLiteral("endDate"), *m_backfillEnd);
    return variables;
}

bool LogFollower::take(const QJsonArray &logs)
{
    const qint64 floor = m_last ? (*m_last / kNsPerMs) * kNsPerMs : 0;
    std::optional<qint64> earliest;
    QString earliestText;
    int fresh = 0;
    for (const QJsonValue &value : logs) {
        const QJsonObject log = value.toObject();
        const QString timestamp = log.value(QStringLiteral("timestamp")).toString();
        const QString message = log.value(QStringLiteral("message")).toString();
        // Undated: counts as of the newest line seen.
        const qint64 time = parseTimestamp(timestamp).value_or(m_last.value_or(0));
        if (!earliest || time < *earliest) {
            earliest = time;
            earliestText = timestamp;
        }
        if (m_last && time < floor)
            continue; // before what this follower asked for
        const QString key = timestamp + QChar(0x1f) +
                            log.value(QStringLiteral("severity")).toString() + QChar(0x1f) +
                            message;
        if (m_seen.contains(key))
            continue;
        m_seen.insert(key, time);
        m_round.append({time, m_order++, key, message});
        ++fresh;
    }
    if (logs.size() >= m_limit && fresh > 0 && earliest && m_backfills < kMaxBackfills) {
        ++m_backfills;
        m_backfillEnd = earliestText.isEmpty() ? dateTimeAt(*earliest) : earliestText;
        return true;
    }
    finishRound();
    return false;
}

void LogFollower::abandonRound()
{
    m_backfillEnd.reset();
    m_backfills = 0;
    if (!m_round.isEmpty())
        finishRound();
}

void LogFollower::finishRound()
{
    m_backfillEnd.reset();
    m_backfills = 0;
    std::stable_sort(m_round.begin(), m_round.end(), [](const Entry &a, const Entry &b) {
        return a.time != b.time ? a.time < b.time : a.order < b.order;
    });
    for (const Entry &entry : std::as_const(m_round)) {
        ++m_count;
        if (!m_last || entry.time > *m_last)
            m_last = entry.time;
        for (QString line : entry.message.split(QLatin1Char('\n'))) {
            while (line.endsWith(QLatin1Char('\r')))
                line.chop(1);
            if (!line.isEmpty())
                m_lines.append(line);
        }
    }
    m_round.clear();
    // Only the keys of the millisecond the next round starts at can come again.
    if (m_last) {
        const qint64 floor = (*m_last / kNsPerMs) * kNsPerMs;
        m_seen.removeIf([floor](const auto &it) { return it.value() < floor; });
    }
}

QStringList LogFollower::takeLines()
{
    return std::exchange(m_lines, {});
}

} // namespace DeployDesk::Railway
