#include "common/duration.h"

namespace DeployDesk {

std::optional<std::chrono::milliseconds> parseDuration(const QString &input)
{
    const QString text = input.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    bool isInt = false;
    const qint64 seconds = text.toLongLong(&isInt);
    if (isInt)
        return seconds < 0 ? std::nullopt : std::optional(std::chrono::milliseconds(seconds * 1000));

    qint64 total = 0;
    qsizetype i = 0;
    bool any = false;
    while (i < text.size()) {
        const qsizetype numberStart = i;
        while (i < text.size() && text.at(i).isDigit())
            ++i;
        if (i == numberStart)
            return std::nullopt;
        const qint64 value = text.mid(numberStart, i - numberStart).toLongLong();
        const qsizetype unitStart = i;
        while (i < text.size() && text.at(i).isLetter())
            ++i;
        const QString unit = text.mid(unitStart, i - unitStart);
        qint64 factor = 0;
        if (unit == QLatin1String("ms"))
            factor = 1;
        else if (unit == QLatin1String("s"))
            factor = 1000;
        else if (unit == QLatin1String("m"))
            factor = 60 * 1000;
        else if (unit == QLatin1String("h"))
            factor = 3600 * 1000;
        else
            return std::nullopt;
        total += value * factor;
        any = true;
    }
    return any ? std::optional(std::chrono::milliseconds(total)) : std::nullopt;
}

QString formatDuration(std::chrono::milliseconds duration)
{
    qint64 ms = duration.count();
    if (ms < 1000)
        return QStringLiteral("%1ms").arg(ms);
    if (ms < 60 * 1000 && ms % 1000 != 0)
        return QStringLiteral("%1s").arg(double(ms) / 1000.0, 0, 'f', 1);
    qint64 s = ms / 1000;
    const qint64 h = s / 3600;
    const qint64 m = (s % 3600) / 60;
    s %= 60;
    QString out;
    if (h)
        out += QStringLiteral("%1h").arg(h);
    if (m)
        out += QStringLiteral("%1m").arg(m);
    if (s || out.isEmpty())
        out += QStringLiteral("%1s").arg(s);
    return out;
}

} // namespace DeployDesk
