#include "common/duration.h"

#include "common/translate.h"

#include <QLocale>
#include <QStringList>

#include <array>

namespace DeployDesk {

namespace {

struct Unit
{
    QStringView suffix;
    qint64 ms;
};

// Ordered from largest to smallest; "ms" is matched before "m".
constexpr std::array<Unit, 4> units{{{u"h", 3'600'000}, {u"ms", 1}, {u"m", 60'000}, {u"s", 1'000}}};

int rank(qint64 ms)
{
    switch (ms) {
    case 3'600'000:
        return 0;
    case 60'000:
        return 1;
    case 1'000:
        return 2;
    default:
        return 3;
    }
}

} // namespace

std::optional<std::chrono::milliseconds> parseDuration(QStringView text)
{
    // Nine digits per number keep every total far inside qint64.
    constexpr qsizetype maxDigits = 9;
    if (text.isEmpty())
        return std::nullopt;

    qint64 total = 0;
    int lastRank = -1;
    qsizetype i = 0;
    bool sawUnit = false;
    while (i < text.size()) {
        const qsizetype start = i;
        while (i < text.size() && text[i].isDigit() && text[i].unicode() < 128)
            ++i;
        const qsizetype digits = i - start;
        if (digits == 0 || digits > maxDigits)
            return std::nullopt;
        qint64 number = 0;
        for (qsizetype k = start; k < i; ++k)
            number = number * 10 + text[k].digitValue();
        if (i == text.size()) {
            // A bare number is only valid alone: seconds.
            if (sawUnit)
                return std::nullopt;
            return std::chrono::milliseconds(number * 1000);
        }
        const Unit *unit = nullptr;
        for (const Unit &u : units) {
            if (text.mid(i).startsWith(u.suffix)) {
                unit = &u;
                break;
            }
        }
        if (!unit)
            return std::nullopt;
        const int r = rank(unit->ms);
        if (r <= lastRank)
            return std::nullopt;
        lastRank = r;
        sawUnit = true;
        total += number * unit->ms;
        i += unit->suffix.size();
    }
    return std::chrono::milliseconds(total);
}

QString formatDuration(std::chrono::milliseconds duration)
{
    const qint64 signedMs = duration.count();
    const QString sign = signedMs < 0 ? QLocale().negativeSign() : QString();
    const qint64 ms = signedMs < 0 ? -signedMs : signedMs;
    if (ms < 1000)
        return sign + DeployDesk::tr("%1 ms").arg(ms);
    const qint64 tenths = (ms + 50) / 100;
    if (tenths < 600) {
        // Tenths of a second below a minute, "3 s" rather than "3.0 s".
        const QString number = tenths % 10 == 0 ? QLocale().toString(tenths / 10)
                                                : QLocale().toString(double(tenths) / 10.0, 'f', 1);
        return sign + DeployDesk::tr("%1 s").arg(number);
    }
    qint64 s = (ms + 500) / 1000;
    const qint64 h = s / 3600;
    const qint64 m = (s % 3600) / 60;
    s %= 60;
    QStringList parts;
    if (h)
        parts.append(DeployDesk::tr("%1 h").arg(QLocale().toString(h)));
    if (m)
        parts.append(DeployDesk::tr("%1 min").arg(m));
    if (s)
        parts.append(DeployDesk::tr("%1 s").arg(s));
    return sign + parts.join(QLatin1Char(' '));
}

} // namespace DeployDesk
