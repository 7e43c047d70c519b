#include "net/retrypolicy.h"

#include <QLocale>
#include <QRandomGenerator>

#include <algorithm>

namespace DeployDesk {

using std::chrono::milliseconds;

milliseconds RetryPolicy::backoffCeiling(int retry) const
{
    const qint64 base = std::max<qint64>(baseDelay.count(), 0);
    const qint64 cap = std::max<qint64>(maxDelay.count(), 0);
    qint64 ceiling = base;
    for (int i = 1; i < retry && ceiling < cap; ++i)
        ceiling *= 2; // no overflow: stops once past the cap
    return milliseconds(std::min(ceiling, cap));
}

milliseconds RetryPolicy::backoff(int retry) const
{
    const qint64 ceiling = backoffCeiling(retry).count();
    if (ceiling <= 0)
        return milliseconds(0);
    return milliseconds(QRandomGenerator::global()->bounded(ceiling + 1));
}

std::optional<milliseconds> parseRetryAfter(QByteArrayView value, const QDateTime &now)
{
    const QByteArray text = value.toByteArray().trimmed();
    if (text.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qlonglong seconds = text.toLongLong(&ok);
    if (ok)
        return seconds < 0
                   ? std::nullopt
                   : std::optional(milliseconds(std::min<qlonglong>(seconds, 1 << 30) * 1000));

    // HTTP dates (RFC 9110 §5.6.7): IMF-fixdate, then the obsolete RFC 850 and asctime forms.
    // The weekday is dropped first: Qt rejects one that does not match the (two-digit) year.
    QString date = QString::fromLatin1(text).simplified();
    const qsizetype comma = date.indexOf(QLatin1Char(','));
    date = comma >= 0 ? date.mid(comma + 1).trimmed() : date.section(QLatin1Char(' '), 1);
    const QLocale c = QLocale::c();
    QDateTime when;
    for (const char *format :
         {"dd MMM yyyy HH:mm:ss 'GMT'", "dd-MMM-yy HH:mm:ss 'GMT'", "MMM d HH:mm:ss yyyy"}) {
        when = c.toDateTime(date, QLatin1String(format));
        if (when.isValid())
            break;
    }
    if (!when.isValid())
        return std::nullopt;
    when.setTimeSpec(Qt::UTC);
    if (when.date().year() < 1970)
        when = when.addYears(100); // two-digit years of RFC 850
    const qint64 ms = now.msecsTo(when);
    return milliseconds(std::max<qint64>(ms, 0));
}

} // namespace DeployDesk
